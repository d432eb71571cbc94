// Account settings (/settings): the "share opened" mail, my sessions (revoke), API tokens
// (create, shown once, revoke), the account webhook and a password change. Every call needs the
// session: an expired access token is refreshed silently (api.mjs). Actions that need a recent
// password (a new API token) ask for it when the server says so, then go on.
import { ApiError, SIGN_IN, describe, request, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { signInAgain, withReauthentication } from './reauth.mjs';
import { loadSecurity } from './security.mjs';
import { formatDateTime, formatNumber, t } from './i18n.mjs';
import { $, $$, copy, el, markInvalid, say } from './ui.mjs';


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
    failed($('#notify-notice'), error, t('account.subject.account'));
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
    say($('#notify-notice'), t(saved.shareOpened ? 'account.settings.notify.saved_on'
      : 'account.settings.notify.saved_off'), 'ok');
  } catch (error) {
    box.checked = !wanted;
    failed($('#notify-notice'), error, t('account.subject.account'));
  }
  box.disabled = false;
});

// ---- the language of the account's mails (the header's picker names the offered languages) ----

async function loadMailLanguage(account) {
  const select = $('#mail-language');
  const offered = $$('option', $('#language')).map((o) => el('option', { value: o.value, lang: o.value }, o.textContent));
  select.replaceChildren(...offered);
  select.value = account.language || 'en';
  select.disabled = false;
}

$('#mail-language').addEventListener('change', async (event) => {
  const select = event.currentTarget;
  const notice = $('#mail-language-notice');
  say(notice, '');
  select.disabled = true;
  try {
    const saved = await requestJson('/api/account', { method: 'PATCH', auth: true, json: { language: select.value } });
    select.value = saved.language || 'en';
    say(notice, t('account.settings.language.saved', { language: select.selectedOptions[0].textContent }), 'ok');
  } catch (error) {
    failed(notice, error, t('account.subject.account'));
    markInvalid(select.closest('section'), error);
  }
  select.disabled = false;
});

// ---- sessions ----------------------------------------------------------------------------

async function loadSessions() {
  try {
    const sessions = await requestJson('/api/account/sessions', { auth: true });
    $('#sessions-body').replaceChildren(...sessions.map((s) => {
      const end = el('button', { type: 'button', class: s.current ? 'secondary small' : 'danger small' }, // i18n-ignore: classes
        t(s.current ? 'account.settings.sessions.sign_out_this' : 'account.settings.revoke'));
      end.addEventListener('click', () => endSession(s, end));
      return el('tr', {},
        cell(t('account.settings.sessions.device'), s.device || t('account.settings.sessions.unknown_device'),
          s.current ? [' ', el('span', { class: 'badge live' }, t('account.settings.sessions.this_device'))] : null),
        cell(t('account.settings.sessions.ip'), s.ip || '—'),
        cell(t('account.settings.sessions.signed_in'), formatDateTime(s.createdAt)),
        cell(t('account.common.last_used'), formatDateTime(s.lastUsedAt)),
        cell(t('account.settings.sessions.ends'), formatDateTime(s.expiresAt)),
        el('td', { class: 'actions-cell' }, end));
    }));
  } catch (error) {
    failed($('#sessions-notice'), error, t('account.subject.session'));
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
    say($('#sessions-notice'), t('account.settings.sessions.ended_one'), 'ok');
  } catch (error) {
    failed($('#sessions-notice'), error, t('account.subject.that_session'));
  }
  await loadSessions();
}

$('#sessions-end-others').addEventListener('click', async (e) => {
  e.currentTarget.disabled = true;
  try {
    await request('/api/account/sessions', { method: 'DELETE', auth: true });
    say($('#sessions-notice'), t('account.settings.sessions.ended_others'), 'ok');
  } catch (error) {
    failed($('#sessions-notice'), error, t('account.subject.session'));
  }
  e.currentTarget.disabled = false;
  await loadSessions();
});

// ---- API tokens --------------------------------------------------------------------------

async function loadTokens() {
  try {
    const tokens = await requestJson('/api/account/tokens', { auth: true });
    $('#tokens-body').replaceChildren(...tokens.map((token) => {
      const revoke = el('button', { type: 'button', class: 'danger small' }, t('account.settings.revoke'));
      revoke.addEventListener('click', () => revokeToken(token, revoke));
      return el('tr', {},
        cell(t('account.common.name'), token.name),
        cell(t('account.settings.tokens.scopes'), ...token.scopes.map((s) => el('span', { class: 'badge mono' }, s))),
        cell(t('account.settings.tokens.created'), formatDateTime(token.createdAt)),
        cell(t('account.settings.tokens.expires'), formatDateTime(token.expiresAt)),
        cell(t('account.common.last_used'),
          token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('account.settings.tokens.never')),
        el('td', { class: 'actions-cell' }, revoke));
    }));
    $('#tokens-empty').hidden = tokens.length > 0;
    $('#tokens-body').closest('table').hidden = tokens.length === 0;
  } catch (error) {
    failed($('#tokens-notice'), error, t('account.subject.token'));
  }
}

async function revokeToken(token, button) {
  if (!window.confirm(t('account.settings.tokens.revoke_confirm', { name: token.name }))) {
    return;
  }
  button.disabled = true;
  try {
    await request(`/api/account/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE', auth: true });
    say($('#tokens-notice'), t('account.settings.tokens.revoked'), 'ok');
  } catch (error) {
    failed($('#tokens-notice'), error, t('account.subject.that_token'));
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
    say(notice, t('account.settings.tokens.name_missing'), 'error');
    $('#token-name').focus();
    return;
  }
  if (scopes.length === 0) {
    say(notice, t('account.settings.tokens.scope_missing'), 'error');
    return;
  }
  const button = $('#token-create');
  button.disabled = true;
  try {
    const created = await withReauthentication(() => requestJson('/api/account/tokens', {
      method: 'POST', auth: true, json: { name, scopes, expiresInDays: Number.isFinite(days) && days > 0 ? days : null },
    }));
    if (created === null) {
      say(notice, t('account.settings.tokens.not_made'), 'info');
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
    failed(notice, error, t('account.subject.token'));
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
  say($('#webhook-notice'), t('account.settings.webhook.unavailable'), 'info');
  $('#webhook-form').hidden = true;
  $('#webhook-current').hidden = true;
  $('#deliveries').hidden = true;
}

async function loadWebhook() {
  try {
    const hook = await requestJson('/api/account/webhook', { auth: true });
    $('#webhook-url-current').textContent = hook.url;
    $('#webhook-since').textContent = formatDateTime(hook.createdAt);
    $('#webhook-current').hidden = false;
    $('#webhook-url').value = hook.url;
    $('#webhook-save').textContent = t('account.settings.webhook.replace');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      $('#webhook-current').hidden = true; // none set (or no webhooks here: saving will tell)
      $('#webhook-save').textContent = t('account.settings.webhook.save');
    } else if (error instanceof ApiError && error.code === 'method.not_allowed') {
      webhookUnavailable();
      return;
    } else {
      failed($('#webhook-notice'), error, t('account.subject.webhook'));
    }
  }
  await loadDeliveries();
}

// A delivery's status as the API names it (DeliveryRepository.Status), in the reader's words.
const DELIVERY_STATES = {
  PENDING: 'account.settings.deliveries.state.pending',
  DELIVERED: 'account.settings.deliveries.state.delivered',
  FAILED: 'account.settings.deliveries.state.failed',
  DEAD: 'account.settings.deliveries.state.dead',
};

async function loadDeliveries() {
  try {
    const { deliveries } = await requestJson('/api/account/webhook/deliveries', { auth: true });
    $('#deliveries-body').replaceChildren(...deliveries.map((d) => el('tr', {},
      cell(t('account.settings.deliveries.event'), el('span', { class: 'mono' }, d.type),
        d.shareId ? el('div', { class: 'muted small mono' }, d.shareId) : null),
      cell(t('account.settings.deliveries.status'), DELIVERY_STATES[d.status] ? t(DELIVERY_STATES[d.status]) : d.status),
      cell(t('account.settings.deliveries.attempts'), formatNumber(d.attempts)),
      cell(t('account.settings.deliveries.last_answer'), d.lastStatusCode != null ? String(d.lastStatusCode) : '—'),
      cell(t('account.settings.deliveries.last_try'), formatDateTime(d.lastAttemptAt)),
      cell(t('account.settings.deliveries.next_try'), d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'))));
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
    say(notice, t('account.settings.webhook.url_missing'), 'error');
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
    say(notice, t('account.settings.webhook.saved'), 'ok');
  } catch (error) {
    if (error instanceof ApiError && WEBHOOKS_ABSENT.has(error.code)) {
      webhookUnavailable();
    } else {
      failed(notice, error, t('account.subject.webhook'));
      markInvalid(form, error);
    }
  }
  button.disabled = false;
});

$('#webhook-secret-copy').addEventListener('click', (e) => copy($('#webhook-secret').value, e.currentTarget));

$('#webhook-delete').addEventListener('click', async (e) => {
  if (!window.confirm(t('account.settings.webhook.remove_confirm'))) {
    return;
  }
  const button = e.currentTarget;
  button.disabled = true;
  try {
    await request('/api/account/webhook', { method: 'DELETE', auth: true });
    say($('#webhook-notice'), t('account.settings.webhook.removed'), 'ok');
    $('#webhook-once').hidden = true;
    $('#webhook-url').value = '';
  } catch (error) {
    if (error instanceof ApiError && WEBHOOKS_ABSENT.has(error.code)) {
      webhookUnavailable();
    } else {
      failed($('#webhook-notice'), error, t('account.subject.webhook'));
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
    say(notice, t('account.settings.password.missing'), 'error');
    return;
  }
  const button = $('#password-change');
  button.disabled = true;
  try {
    await request('/api/account/password', { method: 'POST', auth: true, json: { currentPassword, newPassword } });
    form.reset();
    say(notice, t('account.settings.password.changed'), 'ok');
    await loadSessions();
  } catch (error) {
    failed(notice, error, t('account.subject.account'));
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
  const line = account.role === 'ADMIN' ? 'account.common.signed_in_as_admin' : 'account.common.signed_in_as';
  $('#account-line').textContent = t(line, { email: account.email });
  $('#scope-admin-row').hidden = account.role !== 'ADMIN';
  // one after another: a silent refresh, if one is needed, happens once
  loadMailLanguage(account);
  loadNotifications().then(loadSessions).then(loadTokens).then(loadSecurity).then(loadWebhook)
    .finally(() => $('#main').setAttribute('aria-busy', 'false'));
});
