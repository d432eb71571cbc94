// The settings page's sign-in security section: the authenticator app (set up with a QR code and a
// confirming code, removed), passkeys (added on this device, listed, removed), recovery codes
// (shown once, renewed). Changing a factor needs a
// recent password: reauth.mjs asks for it when the server says so.
import { ApiError, SIGN_IN, describe, requestJson } from './api.mjs';
import { signInAgain, withReauthentication } from './reauth.mjs';
import { createPasskey, passkeysSupported } from './passkeys.mjs';
import { showRecoveryCodes, showSetup } from './second-factor.mjs';
import { formatDateTime, t } from './i18n.mjs';
import { $, el, markInvalid, say } from './ui.mjs';

const notice = () => $('#security-notice');

function failed(error) {
  if (error instanceof ApiError && SIGN_IN.has(error.code)) {
    signInAgain();
    return;
  }
  say(notice(), describe(error, t('account.security.subject')), 'error');
}

/** Reads the account's factors and shows them. */
export async function loadSecurity() {
  try {
    render(await requestJson('/api/account/mfa', { auth: true }));
    renderPasskeys(await requestJson('/api/account/passkeys', { auth: true }));
  } catch (error) {
    failed(error);
  }
}

function render(status) {
  $('#totp-state').textContent = status.totp
    ? t('account.security.totp.on', { since: formatDateTime(status.totpSince) })
    : t(status.required ? 'account.security.totp.off_required' : 'account.security.totp.off');
  $('#totp-start').hidden = status.totp;
  $('#totp-remove').hidden = !status.totp;
  const enrolled = status.totp || status.passkeys > 0;
  $('#recovery-state').textContent = enrolled
    ? t('account.security.recovery.left', { count: status.recoveryCodesLeft, total: 10 })
    : t('account.security.recovery.none');
  $('#recovery-renew').hidden = !enrolled;
}

async function startSetup() {
  say(notice(), '');
  try {
    const setup = await withReauthentication(() => requestJson('/api/account/mfa/totp', { method: 'POST', auth: true }));
    if (!setup) {
      return;
    }
    showSetup($('#totp-qr'), $('#totp-secret'), setup);
    $('#totp-setup').hidden = false;
    $('#totp-start').hidden = true;
    $('#totp-code').value = '';
    $('#totp-code').focus();
  } catch (error) {
    failed(error);
  }
}

async function confirmSetup(event) {
  event.preventDefault();
  const form = $('#totp-setup');
  markInvalid(form, null);
  say(notice(), '');
  const code = $('#totp-code').value.replace(/\s/g, '');
  if (!/^[0-9]{6}$/.test(code)) {
    say(notice(), t('account.mfa.enter_code'), 'error');
    return;
  }
  const button = $('#totp-confirm');
  button.disabled = true;
  try {
    const answer = await requestJson('/api/account/mfa/totp/confirm', { method: 'POST', auth: true, json: { code } });
    form.hidden = true;
    $('#totp-qr').replaceChildren();
    $('#totp-secret').textContent = '';
    say(notice(), t('account.security.totp.set_up'), 'ok');
    await loadSecurity();
    await showRecoveryCodes($('#recovery-once'), answer.recoveryCodes);
  } catch (error) {
    if (error instanceof ApiError && error.hasFieldCode('account.mfa_code_wrong', 'code')) {
      say(notice(), t('account.mfa.code_wrong'), 'error');
      markInvalid(form, error);
    } else {
      failed(error);
    }
  } finally {
    button.disabled = false;
  }
}

async function removeTotp() {
  say(notice(), '');
  try {
    const removed = await withReauthentication(async () => {
      await requestJson('/api/account/mfa/totp', { method: 'DELETE', auth: true });
      return true;
    });
    if (removed) {
      say(notice(), t('account.security.totp.removed'), 'ok');
      await loadSecurity();
    }
  } catch (error) {
    failed(error);
  }
}

async function renewRecoveryCodes() {
  say(notice(), '');
  try {
    const answer = await withReauthentication(() => requestJson('/api/account/mfa/recovery-codes',
      { method: 'POST', auth: true }));
    if (answer) {
      await loadSecurity();
      await showRecoveryCodes($('#recovery-once'), answer.recoveryCodes);
    }
  } catch (error) {
    failed(error);
  }
}

function renderPasskeys(passkeys) {
  $('#passkeys-body').replaceChildren(...passkeys.map((p) => {
    const remove = el('button', { type: 'button', class: 'danger small' }, t('account.security.passkeys.remove'));
    remove.addEventListener('click', () => removePasskey(p, remove));
    return el('tr', {}, el('td', { 'data-label': t('account.common.name') }, p.label),
      el('td', { 'data-label': t('account.security.passkeys.added') }, formatDateTime(p.createdAt)),
      el('td', { 'data-label': t('account.common.last_used') }, formatDateTime(p.lastUsedAt)),
      el('td', { 'data-label': t('account.common.actions') }, remove));
  }));
  $('#passkeys-empty').hidden = passkeys.length > 0;
}

async function addPasskey(event) {
  event.preventDefault();
  say(notice(), '');
  const button = $('#passkey-add');
  button.disabled = true;
  try {
    const label = $('#passkey-label').value.trim() || t('account.security.passkeys.default_name');
    const added = await withReauthentication(() => createPasskey(label));
    if (added) {
      $('#passkey-label').value = '';
      say(notice(), t('account.security.passkeys.added_one', { name: added.label }), 'ok');
      await loadSecurity();
    }
  } catch (error) {
    if (error instanceof ApiError) {
      failed(error);
    } else {
      say(notice(), t('account.security.passkeys.not_made'), 'error');
    }
  } finally {
    button.disabled = false;
  }
}

async function removePasskey(passkey, button) {
  say(notice(), '');
  button.disabled = true;
  try {
    const removed = await withReauthentication(async () => {
      await requestJson(`/api/account/passkeys/${encodeURIComponent(passkey.id)}`, { method: 'DELETE', auth: true });
      return true;
    });
    if (removed) {
      say(notice(), t('account.security.passkeys.removed_one', { name: passkey.label }), 'ok');
      await loadSecurity();
    }
  } catch (error) {
    failed(error);
  }
  button.disabled = false;
}

if (passkeysSupported()) {
  $('#passkey-form').addEventListener('submit', addPasskey);
} else {
  $('#passkey-form').hidden = true;
  $('#passkeys-unsupported').hidden = false;
}
$('#totp-start').addEventListener('click', startSetup);
$('#totp-setup').addEventListener('submit', confirmSetup);
$('#totp-cancel').addEventListener('click', () => {
  $('#totp-setup').hidden = true;
  $('#totp-start').hidden = false;
});
$('#totp-remove').addEventListener('click', removeTotp);
$('#recovery-renew').addEventListener('click', renewRecoveryCodes);
