// Account settings (/settings): the "share opened" mail, my sessions (revoke), API tokens
// (create, shown once, revoke), the account webhook and a password change. Every call needs the
// session: an expired access token is refreshed silently (api.mjs). Actions that need a recent
// password (a new API token) ask for it when the server says so, then go on.
import { ApiError, SIGN_IN, describe, request, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { signInAgain, withReauthentication } from './reauth.mjs';
import { loadSecurity } from './security.mjs';
import { $, $$, copy, el, formatDate, markInvalid, say } from './ui.mjs';


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

// ---- notifications -----------------------------------------------------------------------

async function loadNotifications() {
  try {
    const settings = await requestJson('/api/account/notifications', { auth: true });
    $('#notify-share-opened').checked = settings.shareOpened;
  } catch (error) {
    failed($('#notify-notice'), error, 'The account');
  }
}

$('#notify-share-opened').addEventListener('change', async (event) => {
  const box = event.currentTarget;
  const wanted = box.checked;
  box.disabled = true;
  try {
    const saved = await requestJson('/api/account/notifications', {
      method: 'PUT', auth: true, json: { shareOpened: wanted },
    });
    box.checked = saved.shareOpened;
    say($('#notify-notice'), saved.shareOpened ? 'Saved: you get a mail when one of your shares is opened.'
      : 'Saved: no mails about openings.', 'ok');
  } catch (error) {
    box.checked = !wanted;
    failed($('#notify-notice'), error, 'The account');
  }
  box.disabled = false;
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
      const answer = await requestJson('/api/auth/logout', { method: 'POST' });
      location.assign((answer && answer.endSessionUrl) || '/login');
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
  loadNotifications().then(loadSessions).then(loadTokens).then(loadSecurity).then(loadWebhook)
    .finally(() => $('#main').setAttribute('aria-busy', 'false'));
});
