// The dashboard (/dashboard): my shares (views left, expiry, access log, burn), my sessions
// (revoke), API tokens (create, shown once, revoke), the account webhook and a password change.
// Every call needs the session: an expired access token is refreshed silently (api.mjs). Actions
// that need a recent password (a new API token) ask for it when the server says so, then go on.
import { ApiError, SIGN_IN, describe, request, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { $, $$, copy, el, formatBytes, formatDate, markInvalid, relative, say } from './ui.mjs';

const STATES = {
  active: 'Active', awaiting_upload: 'Waiting for upload', expired: 'Expired', used_up: 'Used up', locked: 'Locked',
  destroyed: 'Destroyed', quarantined: 'Quarantined (tampering detected)',
};
const OUTCOMES = {
  opened: 'Opened', password_failed: 'Wrong password', locked: 'Locked', expired: 'Expired',
  tamper_detected: 'Tampering detected', destroyed_views_used: 'Destroyed: last view used',
  destroyed_burned_by_owner: 'Burned', destroyed_failed_attempts: 'Destroyed: too many wrong passwords',
  destroyed_tamper: 'Destroyed: tampering', destroyed_upload_abandoned: 'Destroyed: upload never finished',
};

/** When the session is gone for good, go and sign in, then come back. */
function signInAgain() {
  location.assign('/login?next=/dashboard');
}

function failed(region, error, subject) {
  if (error instanceof ApiError && SIGN_IN.has(error.code)) {
    signInAgain();
    return;
  }
  say(region, describe(error, subject), 'error');
}

// ---- re-authentication -------------------------------------------------------------------

/** The server's answer when an action needs the password given again (docs/errors.md). */
const REAUTHENTICATION_REQUIRED = 'auth.reauthentication_required';

/**
 * Runs {@code action}; when the server answers that the password must be given again, asks for
 * it, has the server check it, and runs the action once more. Resolves to the action's result,
 * or null when the person cancels.
 */
async function withReauthentication(action) {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== REAUTHENTICATION_REQUIRED) {
      throw error;
    }
    if (!(await confirmPassword())) {
      return null;
    }
    return action();
  }
}

/** Asks for the password until the server accepts it (true) or the person cancels (false). */
function confirmPassword() {
  const dialog = $('#reauth-dialog');
  const form = $('#reauth-form');
  const input = $('#reauth-password');
  const notice = $('#reauth-notice');
  const confirm = $('#reauth-confirm');
  const cancelButton = $('#reauth-cancel');
  say(notice, '');
  markInvalid(form, null);
  input.value = '';
  return new Promise((resolve) => {
    const finish = (confirmed) => {
      form.removeEventListener('submit', submit);
      cancelButton.removeEventListener('click', cancel);
      dialog.removeEventListener('cancel', cancel);
      input.value = '';
      dialog.close();
      resolve(confirmed);
    };
    const cancel = (event) => {
      event.preventDefault();
      finish(false);
    };
    const submit = async (event) => {
      event.preventDefault();
      const password = input.value;
      if (!password) {
        say(notice, 'Enter your password.', 'error');
        input.focus();
        return;
      }
      confirm.disabled = true;
      try {
        await request('/api/auth/reauthenticate', { method: 'POST', auth: true, json: { password } });
        finish(true);
      } catch (error) {
        if (error instanceof ApiError && SIGN_IN.has(error.code)) {
          finish(false);
          signInAgain();
          return;
        }
        say(notice, error instanceof ApiError && error.hasFieldCode('account.password_wrong', 'password')
          ? 'That is not your password. After 5 wrong tries the account is locked for a while.'
          : describe(error), 'error');
        markInvalid(form, error);
        input.select();
      } finally {
        confirm.disabled = false;
      }
    };
    form.addEventListener('submit', submit);
    cancelButton.addEventListener('click', cancel);
    dialog.addEventListener('cancel', cancel); // Escape
    dialog.showModal();
    input.focus();
  });
}

function cell(label, ...content) {
  return el('td', { 'data-label': label }, ...content);
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
  const what = share.filename ? share.filename : share.kind === 'text' ? 'Text' : 'File';
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
  const live = share.state === 'active' || share.state === 'locked' || share.state === 'awaiting_upload';
  const logButton = el('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' }, 'Access log');
  const burnButton = el('button', { type: 'button', class: 'danger small' }, 'Burn');
  burnButton.hidden = !live;
  const log = el('tr', { class: 'log-row' }, el('td', { colspan: '6' }));
  log.hidden = true;
  logButton.addEventListener('click', () => toggleLog(share, logButton, log));
  burnButton.addEventListener('click', () => burn(share, burnButton));
  const row = el('tr', { 'data-share': share.id },
    el('td', { 'data-label': 'Created', class: 'when' }, formatDate(share.createdAt)),
    cell('What', el('div', {}, what, share.size != null ? el('span', { class: 'muted small' }, ` (${formatBytes(share.size)})`) : null),
      el('div', {}, ...badges)),
    el('td', { 'data-label': 'Expires', class: 'when' }, formatDate(share.expiresAt), el('div', { class: 'muted small' }, relative(share.expiresAt))),
    cell('Views left', share.maxViews == null ? 'Unlimited' : `${share.viewsLeft ?? 0} of ${share.maxViews}`),
    cell('State', el('span', { class: 'badge ' + (live ? 'live' : 'gone') }, STATES[share.state] || share.state)),
    el('td', { class: 'actions-cell' }, logButton, burnButton));
  const fragment = document.createDocumentFragment();
  fragment.append(row, log);
  return fragment;
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

// ---- sessions ----------------------------------------------------------------------------

async function loadSessions() {
  try {
    const sessions = await requestJson('/api/account/sessions', { auth: true });
    $('#sessions-body').replaceChildren(...sessions.map((s) => {
      const end = el('button', { type: 'button', class: s.current ? 'secondary small' : 'danger small' },
        s.current ? 'Sign out this device' : 'Revoke');
      end.addEventListener('click', () => endSession(s, end));
      return el('tr', {},
        cell('Device', s.device || 'Unknown', s.current ? el('span', { class: 'badge live' }, ' this device') : null),
        cell('IP', s.ip || '—'),
        cell('Signed in', formatDate(s.createdAt)),
        cell('Last used', formatDate(s.lastUsedAt)),
        cell('Ends', formatDate(s.expiresAt)),
        el('td', { class: 'actions-cell' }, end));
    }));
  } catch (error) {
    failed($('#sessions-notice'), error, 'The session');
  }
}

async function endSession(s, button) {
  button.disabled = true;
  try {
    if (s.current) {
      await request('/api/auth/logout', { method: 'POST' });
      location.assign('/login');
      return;
    }
    await request(`/api/account/sessions/${encodeURIComponent(s.id)}`, { method: 'DELETE', auth: true });
    say($('#sessions-notice'), 'That session is signed out.', 'ok');
  } catch (error) {
    failed($('#sessions-notice'), error, 'That session');
  }
  await loadSessions();
}

$('#sessions-end-others').addEventListener('click', async (e) => {
  e.currentTarget.disabled = true;
  try {
    await request('/api/account/sessions', { method: 'DELETE', auth: true });
    say($('#sessions-notice'), 'Every other session is signed out.', 'ok');
  } catch (error) {
    failed($('#sessions-notice'), error, 'The session');
  }
  e.currentTarget.disabled = false;
  await loadSessions();
});

// ---- API tokens --------------------------------------------------------------------------

async function loadTokens() {
  try {
    const tokens = await requestJson('/api/account/tokens', { auth: true });
    $('#tokens-body').replaceChildren(...tokens.map((t) => {
      const revoke = el('button', { type: 'button', class: 'danger small' }, 'Revoke');
      revoke.addEventListener('click', () => revokeToken(t, revoke));
      return el('tr', {},
        cell('Name', t.name),
        cell('Scopes', ...t.scopes.map((s) => el('span', { class: 'badge mono' }, s))),
        cell('Created', formatDate(t.createdAt)),
        cell('Expires', formatDate(t.expiresAt)),
        cell('Last used', t.lastUsedAt ? formatDate(t.lastUsedAt) : 'never'),
        el('td', { class: 'actions-cell' }, revoke));
    }));
    $('#tokens-empty').hidden = tokens.length > 0;
    $('#tokens-body').closest('table').hidden = tokens.length === 0;
  } catch (error) {
    failed($('#tokens-notice'), error, 'The token');
  }
}

async function revokeToken(token, button) {
  if (!window.confirm(`Revoke the token "${token.name}"? Scripts using it stop working at once.`)) {
    return;
  }
  button.disabled = true;
  try {
    await request(`/api/account/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE', auth: true });
    say($('#tokens-notice'), 'Token revoked.', 'ok');
  } catch (error) {
    failed($('#tokens-notice'), error, 'That token');
  }
  await loadTokens();
}

$('#token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const notice = $('#tokens-notice');
  say(notice, '');
  markInvalid(form, null);
  const name = $('#token-name').value.trim();
  const scopes = $$('fieldset[data-field="scopes"] input:checked', form).map((i) => i.value);
  const days = Number($('#token-days').value);
  if (!name) {
    say(notice, 'Give the token a name, so you know later where it is used.', 'error');
    $('#token-name').focus();
    return;
  }
  if (scopes.length === 0) {
    say(notice, 'Choose at least one scope.', 'error');
    return;
  }
  const button = $('#token-create');
  button.disabled = true;
  try {
    const created = await withReauthentication(() => requestJson('/api/account/tokens', {
      method: 'POST', auth: true, json: { name, scopes, expiresInDays: Number.isFinite(days) && days > 0 ? days : null },
    }));
    if (created === null) {
      say(notice, 'No token was made: confirm your password to make one.', 'info');
      button.disabled = false;
      return;
    }
    $('#token-value').value = created.token;
    $('#token-once').hidden = false;
    $('#token-value').focus();
    $('#token-value').select();
    form.reset();
    await loadTokens();
  } catch (error) {
    failed(notice, error, 'The token');
    markInvalid(form, error);
  }
  button.disabled = false;
});

$('#token-copy').addEventListener('click', (e) => copy($('#token-value').value, e.currentTarget));
$('#token-done').addEventListener('click', () => {
  $('#token-value').value = '';
  $('#token-once').hidden = true;
});

// ---- account webhook (webhooks may be missing on this server: 404/405 say "not available") ----

/** A server without webhooks has no such route: 404 for its path, or 405 where another route matches. */
const WEBHOOKS_ABSENT = new Set(['resource.not_found', 'method.not_allowed']);

function webhookUnavailable() {
  say($('#webhook-notice'), 'Webhooks are not available on this server.', 'info');
  $('#webhook-form').hidden = true;
  $('#webhook-current').hidden = true;
  $('#deliveries').hidden = true;
}

async function loadWebhook() {
  try {
    const hook = await requestJson('/api/account/webhook', { auth: true });
    $('#webhook-url-current').textContent = hook.url;
    $('#webhook-since').textContent = formatDate(hook.createdAt);
    $('#webhook-current').hidden = false;
    $('#webhook-url').value = hook.url;
    $('#webhook-save').textContent = 'Replace webhook';
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      $('#webhook-current').hidden = true; // none set (or no webhooks here: saving will tell)
      $('#webhook-save').textContent = 'Save webhook';
    } else if (error instanceof ApiError && error.code === 'method.not_allowed') {
      webhookUnavailable();
      return;
    } else {
      failed($('#webhook-notice'), error, 'The webhook');
    }
  }
  await loadDeliveries();
}

async function loadDeliveries() {
  try {
    const { deliveries } = await requestJson('/api/account/webhook/deliveries', { auth: true });
    $('#deliveries-body').replaceChildren(...deliveries.map((d) => el('tr', {},
      cell('Event', el('span', { class: 'mono' }, d.type), d.shareId ? el('div', { class: 'muted small mono' }, d.shareId) : null),
      cell('Status', d.status),
      cell('Attempts', String(d.attempts)),
      cell('Last answer', d.lastStatusCode != null ? String(d.lastStatusCode) : '—'),
      cell('Last try', formatDate(d.lastAttemptAt)),
      cell('Next try', d.nextAttemptAt ? formatDate(d.nextAttemptAt) : '—'))));
    $('#deliveries-empty').hidden = deliveries.length > 0;
    $('#deliveries').hidden = false;
  } catch (error) {
    $('#deliveries').hidden = true; // no history to show (none, or no webhooks on this server)
  }
}

$('#webhook-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const notice = $('#webhook-notice');
  say(notice, '');
  markInvalid(form, null);
  const url = $('#webhook-url').value.trim();
  if (!url) {
    say(notice, 'Enter the URL BAR should call.', 'error');
    $('#webhook-url').focus();
    return;
  }
  const button = $('#webhook-save');
  button.disabled = true;
  try {
    const saved = await requestJson('/api/account/webhook', { method: 'PUT', auth: true, json: { url } });
    $('#webhook-secret').value = saved.webhookSecret || '';
    await loadWebhook(); // the current URL is shown before the once-only secret appears
    $('#webhook-once').hidden = !saved.webhookSecret;
    say(notice, 'Webhook saved.', 'ok');
  } catch (error) {
    if (error instanceof ApiError && WEBHOOKS_ABSENT.has(error.code)) {
      webhookUnavailable();
    } else {
      failed(notice, error, 'The webhook');
      markInvalid(form, error);
    }
  }
  button.disabled = false;
});

$('#webhook-secret-copy').addEventListener('click', (e) => copy($('#webhook-secret').value, e.currentTarget));

$('#webhook-delete').addEventListener('click', async (e) => {
  if (!window.confirm('Remove the account webhook?')) {
    return;
  }
  const button = e.currentTarget;
  button.disabled = true;
  try {
    await request('/api/account/webhook', { method: 'DELETE', auth: true });
    say($('#webhook-notice'), 'Webhook removed.', 'ok');
    $('#webhook-once').hidden = true;
    $('#webhook-url').value = '';
  } catch (error) {
    if (error instanceof ApiError && WEBHOOKS_ABSENT.has(error.code)) {
      webhookUnavailable();
    } else {
      failed($('#webhook-notice'), error, 'The webhook');
    }
  }
  button.disabled = false;
  await loadWebhook();
});

// ---- password ----------------------------------------------------------------------------

$('#password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const notice = $('#password-notice');
  say(notice, '');
  markInvalid(form, null);
  const currentPassword = $('#current-password').value;
  const newPassword = $('#new-password').value;
  if (!currentPassword || [...newPassword].length < 12) {
    say(notice, 'Enter your current password and a new one of at least 12 characters.', 'error');
    return;
  }
  const button = $('#password-change');
  button.disabled = true;
  try {
    await request('/api/account/password', { method: 'POST', auth: true, json: { currentPassword, newPassword } });
    form.reset();
    say(notice, 'Password changed. Your other sessions were signed out.', 'ok');
    await loadSessions();
  } catch (error) {
    failed(notice, error, 'The account');
    markInvalid(form, error);
  }
  button.disabled = false;
});

// ---- start -------------------------------------------------------------------------------

session.then((account) => {
  if (!account) {
    signInAgain();
    return;
  }
  $('#account-line').textContent = `Signed in as ${account.email}${account.role === 'ADMIN' ? ' (administrator)' : ''}.`;
  $('#scope-admin-row').hidden = account.role !== 'ADMIN';
  // one after another: a silent refresh, if one is needed, happens once
  loadShares().then(loadSessions).then(loadTokens).then(loadWebhook)
    .finally(() => $('#main').setAttribute('aria-busy', 'false'));
});
