// The dashboard (/dashboard): my shares — their labels (mine alone), size, views, expiry, access
// log, burn. The shares of one secret sent with one link per recipient (a group) are shown
// together under the group, each with its recipient's label, views, state, log and revoke. My
// requests for a secret: note, state, times, withdraw. Account settings (notifications, sessions,
// API tokens, webhook, password) are on /settings (settings.mjs). Every call needs the session:
// an expired access token is refreshed silently (api.mjs).
import { ApiError, SIGN_IN, describe, request, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { signInAgain } from './reauth.mjs';
import { LIVE, byLabel, groupSummary, shortNote } from './dashboard-lists.mjs';
import { formatBytes, formatDateTime, formatRelative, t } from './i18n.mjs';
import { $, el, markInvalid, say } from './ui.mjs';

/** Catalogue keys of a share's state, of how it ended (its destroy reason) and of an access-log outcome. */
const STATES = {
  active: 'account.dashboard.state.active', awaiting_upload: 'account.dashboard.state.awaiting_upload',
  expired: 'account.dashboard.state.expired', used_up: 'account.dashboard.state.used_up',
  locked: 'account.dashboard.state.locked', destroyed: 'account.dashboard.state.destroyed',
  quarantined: 'account.dashboard.state.quarantined',
};
const ENDINGS = {
  VIEWS_USED: 'account.dashboard.ending.views_used', BURNED_BY_OWNER: 'account.dashboard.ending.burned_by_owner',
  FAILED_ATTEMPTS: 'account.dashboard.ending.failed_attempts', TAMPER: 'account.dashboard.ending.tamper',
  EXPIRED: 'account.dashboard.state.expired', UPLOAD_ABANDONED: 'account.dashboard.ending.upload_abandoned',
  RECIPIENT: 'account.dashboard.ending.recipient', BURNED_BY_ADMIN: 'account.dashboard.ending.burned_by_admin',
};
const OUTCOMES = {
  opened: 'account.dashboard.outcome.opened', password_failed: 'account.dashboard.outcome.password_failed',
  locked: 'account.dashboard.state.locked', expired: 'account.dashboard.state.expired',
  tamper_detected: 'account.dashboard.outcome.tamper_detected',
  destroyed_views_used: 'account.dashboard.outcome.destroyed_views_used',
  destroyed_burned_by_owner: 'account.dashboard.ending.burned_by_owner',
  destroyed_failed_attempts: 'account.dashboard.ending.failed_attempts',
  destroyed_tamper: 'account.dashboard.ending.tamper',
  destroyed_upload_abandoned: 'account.dashboard.ending.upload_abandoned',
  destroyed_recipient: 'account.dashboard.ending.recipient',
  destroyed_burned_by_admin: 'account.dashboard.ending.burned_by_admin',
  link_mailed: 'account.dashboard.outcome.link_mailed', link_mail_failed: 'account.dashboard.outcome.link_mail_failed',
};

/** The words for {@code value} from one of the tables above; a value the page does not know is shown as sent. */
function word(table, value) {
  return Object.hasOwn(table, value) ? t(table[value]) : value;
}

function failed(region, error, subject) {
  if (error instanceof ApiError && SIGN_IN.has(error.code)) {
    signInAgain();
    return;
  }
  say(region, describe(error, subject), 'error');
}

function cell(label, ...content) {
  return el('td', { 'data-label': label }, ...content);
}

/** What the share is, for its owner: their label first, then the file name or kind, and its size. */
function describeShare(share) {
  const kind = share.filename ? share.filename
    : t(share.kind === 'text' ? 'account.dashboard.share.text' : 'account.dashboard.share.file');
  const size = share.size != null ? formatBytes(share.size) : share.encryptedSize != null
    ? t('account.dashboard.share.size_about', { size: formatBytes(share.encryptedSize) }) : null;
  return { label: share.label || null, kind: size ? `${kind} · ${size}` : kind };
}

/**
 * Views, in words that fit the share's state: what is left while it lives ("2 of 3 left"),
 * what was used once it ended ("Opened 1 of 1 time", "Never opened").
 */
function describeViews(share) {
  const live = LIVE.has(share.state);
  if (share.maxViews == null) {
    return live ? t('account.dashboard.views.unlimited') : '—';
  }
  const left = share.viewsLeft ?? 0;
  if (live) {
    return t('account.dashboard.views.left', { left, count: share.maxViews });
  }
  const used = share.maxViews - left;
  return used === 0 ? t('account.dashboard.views.never_opened')
    : t('account.dashboard.views.opened', { used, count: share.maxViews });
}

// ---- shares ------------------------------------------------------------------------------

async function loadShares() {
  const notice = $('#shares-notice');
  try {
    const { shares } = await requestJson('/api/shares', { auth: true });
    const body = $('#shares-body');
    body.replaceChildren(...shareRows(shares));
    $('#shares-empty').hidden = shares.length > 0;
    $('#shares-table').hidden = shares.length === 0;
  } catch (error) {
    failed(notice, error, t('account.subject.list'));
  }
}

/**
 * The rows of the list in its order; a group's shares (same groupId) are taken together where the
 * first of them comes: the group's row, then one row per recipient, by label.
 */
function shareRows(shares) {
  const groups = new Map();
  for (const share of shares) {
    if (share.groupId) {
      groups.set(share.groupId, [...(groups.get(share.groupId) || []), share]);
    }
  }
  const rows = [];
  for (const share of shares) {
    if (!share.groupId) {
      rows.push(shareRow(share));
    } else if (groups.has(share.groupId)) {
      const members = [...groups.get(share.groupId)].sort(byLabel);
      groups.delete(share.groupId); // shown once, where its first share comes
      rows.push(groupRow(share.groupId, members), ...members.map((m) => shareRow(m, true)));
    }
  }
  return rows;
}

/** The row that heads a group: one secret, how many recipient links, what it is, when it was made and ends. */
function groupRow(groupId, members) {
  const what = describeShare({ ...members[0], label: null });
  const opened = members.filter((m) => m.maxViews != null && m.viewsLeft != null && m.viewsLeft < m.maxViews);
  const summary = groupSummary(members);
  return el('tr', { class: 'group-row', 'data-group': groupId },
    el('td', { 'data-label': t('account.dashboard.column.created'), class: 'when' }, formatDateTime(summary.created)),
    cell(t('account.dashboard.column.share'),
      el('div', { class: 'share-label' }, t('account.dashboard.group.title', { count: members.length })),
      el('div', { class: 'muted small' }, what.kind),
      opened.length > 0 ? el('div', { class: 'small' }, t('account.dashboard.group.opened_by',
        { names: opened.map((m) => m.label || m.id).join(t('account.dashboard.group.separator')) })) : null),
    el('td', { 'data-label': t('account.dashboard.group.first_expiry'), class: 'when group-expiry' },
      summary.expires ? formatDateTime(summary.expires) : '—',
      summary.expires ? el('div', { class: 'muted small' }, formatRelative(summary.expires)) : null),
    el('td', {}),
    cell(t('account.dashboard.column.state'), el('span', { class: 'badge ' + (summary.live > 0 ? 'live' : 'gone') },
      t('account.dashboard.group.live', { live: summary.live, count: members.length }))),
    el('td', { class: 'actions-cell' }));
}

function shareRow(share, member = false) {
  const what = describeShare(share);
  const badges = [];
  if (share.zeroKnowledge) {
    badges.push(el('span', { class: 'badge' }, t('account.dashboard.badge.zero_knowledge')));
  }
  if (share.requiresPassword) {
    badges.push(el('span', { class: 'badge' }, t('account.dashboard.badge.password')));
  }
  if (share.requiresOtp) {
    badges.push(el('span', { class: 'badge' }, t('account.dashboard.badge.email_code')));
  }
  const live = LIVE.has(share.state);
  const logButton = el('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' },
    t('account.dashboard.log.title'));
  const labelButton = el('button', { type: 'button', class: 'secondary small' },
    t(share.label ? 'account.dashboard.label.edit' : 'account.dashboard.label.add'));
  const burnButton = el('button', { type: 'button', class: 'danger small' },
    t(member ? 'account.dashboard.group.revoke' : 'account.dashboard.burn'));
  burnButton.hidden = !live;
  labelButton.hidden = member; // a recipient's link is named by its recipient
  // an ended share has a signed destruction receipt: a printable page (docs/shares.md)
  const ended = share.state === 'destroyed' || share.state === 'quarantined';
  const receiptLink = ended ? el('a', { class: 'small', href: `/api/shares/${encodeURIComponent(share.id)}/receipt?format=html` },
    t('account.dashboard.receipt')) : null;
  const log = el('tr', { class: 'log-row' }, el('td', { colspan: '6' }));
  log.hidden = true;
  logButton.addEventListener('click', () => toggleLog(share, logButton, log));
  labelButton.addEventListener('click', () => editLabel(share, labelButton));
  burnButton.addEventListener('click', () => (member ? revoke(share, burnButton) : burn(share, burnButton)));
  const state = share.destroyReason && Object.hasOwn(ENDINGS, share.destroyReason) ? word(ENDINGS, share.destroyReason)
    : word(STATES, share.state);
  const row = el('tr', { 'data-share': share.id, 'data-group': share.groupId || null, class: member ? 'group-member' : null },
    el('td', { 'data-label': t('account.dashboard.column.created'), class: 'when' }, formatDateTime(share.createdAt)),
    cell(t('account.dashboard.column.share'), what.label ? el('div', { class: 'share-label' }, what.label) : null,
      el('div', { class: what.label ? 'muted small' : null }, what.kind), // i18n-ignore: classes
      el('div', {}, ...badges)),
    el('td', { 'data-label': t(live ? 'account.dashboard.column.expires' : 'account.dashboard.column.ended'),
      class: 'when' },
      live ? formatDateTime(share.expiresAt) : '—',
      live ? el('div', { class: 'muted small' }, formatRelative(share.expiresAt)) : null),
    cell(t('account.dashboard.column.views'), describeViews(share)),
    cell(t('account.dashboard.column.state'), el('span', { class: 'badge ' + (live ? 'live' : 'gone') }, state)),
    el('td', { class: 'actions-cell' }, logButton, labelButton, burnButton, receiptLink));
  const fragment = document.createDocumentFragment();
  fragment.append(row, log);
  return fragment;
}

/** Asks for the share's label in a dialog and saves it; an empty one removes the label. */
function editLabel(share, button) {
  const dialog = $('#label-dialog');
  const form = $('#label-form');
  const input = $('#label-input');
  const notice = $('#label-notice');
  say(notice, '');
  markInvalid(form, null);
  input.value = share.label || '';
  const finish = () => {
    form.removeEventListener('submit', submit);
    $('#label-cancel').removeEventListener('click', cancel);
    dialog.removeEventListener('cancel', cancel);
    dialog.close();
    button.focus();
  };
  const cancel = (event) => {
    event.preventDefault();
    finish();
  };
  const submit = async (event) => {
    event.preventDefault();
    const save = $('#label-save');
    save.disabled = true;
    try {
      await requestJson(`/api/shares/${encodeURIComponent(share.id)}/label`, {
        method: 'PUT', auth: true, json: { label: input.value.trim() || null },
      });
      finish();
      say($('#shares-notice'), t('account.dashboard.label.saved'), 'ok');
      await loadShares();
    } catch (error) {
      if (error instanceof ApiError && SIGN_IN.has(error.code)) {
        signInAgain();
        return;
      }
      say(notice, error instanceof ApiError && error.hasFieldCode('field.size', 'label')
        ? t('account.dashboard.label.too_long')
        : error instanceof ApiError && error.hasFieldCode('field.format', 'label')
          ? t('account.dashboard.label.one_line') : describe(error, t('account.subject.share')), 'error');
      markInvalid(form, error);
    } finally {
      save.disabled = false;
    }
  };
  form.addEventListener('submit', submit);
  $('#label-cancel').addEventListener('click', cancel);
  dialog.addEventListener('cancel', cancel); // Escape
  dialog.showModal();
  input.focus();
  input.select();
}

async function toggleLog(share, button, row) {
  if (!row.hidden) {
    row.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const target = row.firstChild;
  target.replaceChildren(el('span', { class: 'muted small' }, t('account.common.loading')));
  row.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  try {
    const { events } = await requestJson(`/api/shares/${encodeURIComponent(share.id)}/events`, { auth: true });
    target.replaceChildren(events.length === 0
      ? el('p', { class: 'empty' }, t('account.dashboard.log.empty'))
      : el('ol', { class: 'log', 'aria-label': t('account.dashboard.log.title') }, ...events.map((e) => el('li', {},
        `${formatDateTime(e.at)} — ${word(OUTCOMES, e.outcome)}`,
        el('span', { class: 'muted' }, ` · ${e.ip || t('account.dashboard.log.unknown_ip')}`
          + ` · ${e.browser || t('account.dashboard.log.unknown_browser')}`)))));
  } catch (error) {
    target.replaceChildren();
    failed(target, error, t('account.subject.share'));
  }
}

async function burn(share, button) {
  if (!window.confirm(t('account.dashboard.burn_confirm'))) {
    return;
  }
  button.disabled = true;
  try {
    await request(`/api/shares/${encodeURIComponent(share.id)}`, { method: 'DELETE', auth: true });
    say($('#shares-notice'), t('account.dashboard.burned'), 'ok');
  } catch (error) {
    failed($('#shares-notice'), error, t('account.subject.share'));
  }
  await loadShares();
}

/** Revokes one recipient's link (DELETE of its share): the other recipients' links still open. */
async function revoke(share, button) {
  if (!window.confirm(t('account.dashboard.group.revoke_confirm', { label: share.label || share.id }))) {
    return;
  }
  button.disabled = true;
  try {
    await request(`/api/shares/${encodeURIComponent(share.id)}`, { method: 'DELETE', auth: true });
    say($('#shares-notice'), t('account.dashboard.group.revoked', { label: share.label || share.id }), 'ok');
  } catch (error) {
    failed($('#shares-notice'), error, t('account.subject.share'));
  }
  await loadShares();
}

// ---- requests for a secret ----------------------------------------------------------------

/** Catalogue keys of a request's state (GET /api/requests). */
const REQUEST_STATES = {
  open: 'account.dashboard.requests.state.open', fulfilled: 'account.dashboard.requests.state.fulfilled',
  expired: 'account.dashboard.state.expired', locked: 'account.dashboard.state.locked',
};

async function loadRequests() {
  const notice = $('#requests-notice');
  try {
    const requests = await requestJson('/api/requests', { auth: true });
    $('#requests-body').replaceChildren(...requests.map(requestRow));
    $('#requests-empty').hidden = requests.length > 0;
    $('#requests-table').hidden = requests.length === 0;
  } catch (error) {
    failed(notice, error, t('account.subject.list'));
  }
}

/**
 * A request as its requester sees it here: the note, whether a password is asked, when it was made
 * and until when it can be answered, its state. An answer opens only with the open link the
 * requester kept (its private key is in that link's fragment, never on the server), so the row
 * says so instead of offering to open it.
 */
function requestRow(req) {
  const open = req.state === 'open';
  const answered = req.state === 'fulfilled';
  const note = req.note ? shortNote(req.note) : '';
  const remove = el('button', { type: 'button', class: 'danger small' },
    t(open ? 'account.dashboard.requests.withdraw' : 'account.dashboard.requests.delete'));
  remove.addEventListener('click', () => withdraw(req, remove));
  return el('tr', { 'data-request': req.id, 'data-state': req.state },
    el('td', { 'data-label': t('account.dashboard.column.created'), class: 'when' }, formatDateTime(req.createdAt)),
    cell(t('account.dashboard.requests.column.note'),
      el('div', { class: note ? 'request-note' : 'request-note muted', title: req.note || null }, // i18n-ignore: classes
        note || t('account.dashboard.requests.no_note')),
      req.requiresPassword ? el('div', {}, el('span', { class: 'badge' }, t('account.dashboard.badge.password'))) : null,
      answered ? el('div', { class: 'muted small request-answered' }, t('account.dashboard.requests.answered',
        { when: formatDateTime(req.fulfilledAt) })) : null),
    el('td', { 'data-label': t('account.dashboard.column.expires'), class: 'when' },
      formatDateTime(req.expiresAt), open ? el('div', { class: 'muted small' }, formatRelative(req.expiresAt)) : null),
    cell(t('account.dashboard.column.state'),
      el('span', { class: 'badge ' + (open || answered ? 'live' : 'gone') }, word(REQUEST_STATES, req.state))),
    el('td', { class: 'actions-cell' }, remove));
}

/** Withdraws an open request (its link answers nothing any more) or deletes an ended one; an answer's share stays. */
async function withdraw(req, button) {
  const open = req.state === 'open';
  if (!window.confirm(t(open ? 'account.dashboard.requests.withdraw_confirm' : 'account.dashboard.requests.delete_confirm'))) {
    return;
  }
  button.disabled = true;
  try {
    await request(`/api/requests/${encodeURIComponent(req.id)}`, { method: 'DELETE', auth: true });
    say($('#requests-notice'), t(open ? 'account.dashboard.requests.withdrawn' : 'account.dashboard.requests.deleted'), 'ok');
  } catch (error) {
    failed($('#requests-notice'), error, t('request.problem.subject'));
  }
  await loadRequests();
}

$('#requests-refresh').addEventListener('click', () => {
  say($('#requests-notice'), '');
  loadRequests();
});

$('#shares-refresh').addEventListener('click', () => {
  say($('#shares-notice'), '');
  loadShares();
});

// ---- start -------------------------------------------------------------------------------

session.then((account) => {
  if (!account) {
    signInAgain();
    return;
  }
  const line = account.role === 'ADMIN' ? 'account.common.signed_in_as_admin' : 'account.common.signed_in_as';
  $('#account-line').textContent = t(line, { email: account.email });
  Promise.allSettled([loadShares(), loadRequests()]).finally(() => $('#main').setAttribute('aria-busy', 'false'));
});
