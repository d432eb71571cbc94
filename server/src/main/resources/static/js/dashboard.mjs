// The dashboard (/dashboard): my shares — their labels (mine alone), size, views, expiry, access
// log, burn. Account settings (notifications, sessions, API tokens, webhook, password) are on
// /settings (settings.mjs). Every call needs the session: an expired access token is refreshed
// silently (api.mjs).
import { ApiError, SIGN_IN, describe, request, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { signInAgain } from './reauth.mjs';
import { $, el, formatBytes, formatDate, markInvalid, plural, relative, say } from './ui.mjs';

const STATES = {
  active: 'Active', awaiting_upload: 'Waiting for upload', expired: 'Expired', used_up: 'Used up', locked: 'Locked',
  destroyed: 'Destroyed', quarantined: 'Quarantined (tampering detected)',
};
const ENDINGS = {
  VIEWS_USED: 'Destroyed: read', BURNED_BY_OWNER: 'Burned', FAILED_ATTEMPTS: 'Destroyed: too many wrong passwords',
  TAMPER: 'Destroyed: tampering', EXPIRED: 'Expired', UPLOAD_ABANDONED: 'Destroyed: upload never finished',
  RECIPIENT: 'Destroyed by the recipient', BURNED_BY_ADMIN: 'Burned by an administrator',
};
const OUTCOMES = {
  opened: 'Opened', password_failed: 'Wrong password', locked: 'Locked', expired: 'Expired',
  tamper_detected: 'Tampering detected', destroyed_views_used: 'Destroyed: last view used',
  destroyed_burned_by_owner: 'Burned', destroyed_failed_attempts: 'Destroyed: too many wrong passwords',
  destroyed_tamper: 'Destroyed: tampering', destroyed_upload_abandoned: 'Destroyed: upload never finished',
  destroyed_recipient: 'Destroyed by the recipient',
  destroyed_burned_by_admin: 'Burned by an administrator',
};

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

const LIVE = new Set(['active', 'locked', 'awaiting_upload']);

/** What the share is, for its owner: their label first, then the file name or kind, and its size. */
function describeShare(share) {
  const kind = share.filename ? share.filename : share.kind === 'text' ? 'Text' : 'File';
  const size = share.size != null ? formatBytes(share.size)
    : share.encryptedSize != null ? `about ${formatBytes(share.encryptedSize)}` : null;
  return { label: share.label || null, kind: size ? `${kind} · ${size}` : kind };
}

/**
 * Views, in words that fit the share's state: what is left while it lives ("2 of 3 left"),
 * what was used once it ended ("Opened 1 of 1 time", "Never opened").
 */
function describeViews(share) {
  const live = LIVE.has(share.state);
  if (share.maxViews == null) {
    return live ? 'Unlimited' : '—';
  }
  const left = share.viewsLeft ?? 0;
  if (live) {
    return `${left} of ${plural(share.maxViews, 'view', 'views')} left`;
  }
  const used = share.maxViews - left;
  return used === 0 ? 'Never opened' : `Opened ${used} of ${plural(share.maxViews, 'time', 'times')}`;
}

// ---- shares ------------------------------------------------------------------------------

async function loadShares() {
  const notice = $('#shares-notice');
  try {
    const { shares } = await requestJson('/api/shares', { auth: true });
    const body = $('#shares-body');
    body.replaceChildren(...shares.map(shareRow));
    $('#shares-empty').hidden = shares.length > 0;
    $('#shares-table').hidden = shares.length === 0;
  } catch (error) {
    failed(notice, error, 'The list');
  }
}

function shareRow(share) {
  const what = describeShare(share);
  const badges = [];
  if (share.zeroKnowledge) {
    badges.push(el('span', { class: 'badge' }, 'zero-knowledge'));
  }
  if (share.requiresPassword) {
    badges.push(el('span', { class: 'badge' }, 'password'));
  }
  if (share.requiresOtp) {
    badges.push(el('span', { class: 'badge' }, 'email code'));
  }
  const live = LIVE.has(share.state);
  const logButton = el('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' }, 'Access log');
  const labelButton = el('button', { type: 'button', class: 'secondary small' }, share.label ? 'Edit label' : 'Add label');
  const burnButton = el('button', { type: 'button', class: 'danger small' }, 'Burn');
  burnButton.hidden = !live;
  // an ended share has a signed destruction receipt: a printable page (docs/shares.md)
  const ended = share.state === 'destroyed' || share.state === 'quarantined';
  const receiptLink = ended ? el('a', { class: 'small', href: `/api/shares/${encodeURIComponent(share.id)}/receipt?format=html` },
    'Receipt') : null;
  const log = el('tr', { class: 'log-row' }, el('td', { colspan: '6' }));
  log.hidden = true;
  logButton.addEventListener('click', () => toggleLog(share, logButton, log));
  labelButton.addEventListener('click', () => editLabel(share, labelButton));
  burnButton.addEventListener('click', () => burn(share, burnButton));
  const state = share.destroyReason && ENDINGS[share.destroyReason] ? ENDINGS[share.destroyReason]
    : STATES[share.state] || share.state;
  const row = el('tr', { 'data-share': share.id },
    el('td', { 'data-label': 'Created', class: 'when' }, formatDate(share.createdAt)),
    cell('Share', what.label ? el('div', { class: 'share-label' }, what.label) : null,
      el('div', { class: what.label ? 'muted small' : null }, what.kind), el('div', {}, ...badges)),
    el('td', { 'data-label': live ? 'Expires' : 'Ended', class: 'when' }, live ? formatDate(share.expiresAt) : '—',
      live ? el('div', { class: 'muted small' }, relative(share.expiresAt)) : null),
    cell('Views', describeViews(share)),
    cell('State', el('span', { class: 'badge ' + (live ? 'live' : 'gone') }, state)),
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
      say($('#shares-notice'), 'Label saved.', 'ok');
      await loadShares();
    } catch (error) {
      if (error instanceof ApiError && SIGN_IN.has(error.code)) {
        signInAgain();
        return;
      }
      say(notice, error instanceof ApiError && error.hasFieldCode('field.size', 'label')
        ? 'A label has at most 100 characters.'
        : error instanceof ApiError && error.hasFieldCode('field.format', 'label')
          ? 'A label is one line of plain text.' : describe(error, 'This share'), 'error');
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
  target.replaceChildren(el('span', { class: 'muted small' }, 'Loading…'));
  row.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  try {
    const { events } = await requestJson(`/api/shares/${encodeURIComponent(share.id)}/events`, { auth: true });
    target.replaceChildren(events.length === 0
      ? el('p', { class: 'empty' }, 'Nobody has tried to open it yet.')
      : el('ol', { class: 'log', 'aria-label': 'Access log' }, ...events.map((e) => el('li', {},
        `${formatDate(e.at)} — ${OUTCOMES[e.outcome] || e.outcome}`,
        el('span', { class: 'muted' }, ` · ${e.ip || 'unknown IP'} · ${e.browser || 'unknown browser'}`)))));
  } catch (error) {
    target.replaceChildren();
    failed(target, error, 'This share');
  }
}

async function burn(share, button) {
  if (!window.confirm('Destroy this share now? Its link will stop working.')) {
    return;
  }
  button.disabled = true;
  try {
    await request(`/api/shares/${encodeURIComponent(share.id)}`, { method: 'DELETE', auth: true });
    say($('#shares-notice'), 'Burned.', 'ok');
  } catch (error) {
    failed($('#shares-notice'), error, 'This share');
  }
  await loadShares();
}

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
  $('#account-line').textContent = `Signed in as ${account.email}${account.role === 'ADMIN' ? ' (administrator)' : ''}.`;
  loadShares().finally(() => $('#main').setAttribute('aria-busy', 'false'));
});
