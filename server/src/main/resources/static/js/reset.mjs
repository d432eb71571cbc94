// Forgot and reset password (/reset, and /reset#token=… from the mail): the token stays in the
// fragment, out of server logs and Referer headers.
import { ApiError, RETRY_LATER, describe, request, requestJson } from './api.mjs';
import './nav.mjs';
import { t } from './i18n.mjs';
import { $, countdown, markInvalid, say } from './ui.mjs';

const token = new URLSearchParams(location.hash.slice(1)).get('token');
$('#forgot').hidden = Boolean(token);
$('#reset').hidden = !token;

$('#forgot-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('#forgot-button');
  const notice = $('#forgot-notice');
  const email = $('#forgot-email').value.trim();
  if (!email) {
    say(notice, t('account.common.enter_email'), 'error');
    $('#forgot-email').focus();
    return;
  }
  button.disabled = true;
  try {
    await requestJson('/api/auth/forgot-password', { method: 'POST', json: { email } });
    say(notice, t('account.reset.forgot.sent'), 'ok');
  } catch (error) {
    say(notice, describe(error), 'error');
    markInvalid(event.target, error);
    if (error instanceof ApiError && RETRY_LATER.has(error.code)) {
      await countdown(button, error.retryAfter || 5);
      return;
    }
  }
  button.disabled = false;
});

$('#reset-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('#reset-button');
  const notice = $('#reset-notice');
  const newPassword = $('#new-password').value;
  if ([...newPassword].length < 12) {
    say(notice, t('account.common.password_too_short'), 'error');
    $('#new-password').focus();
    return;
  }
  if (newPassword !== $('#new-password-again').value) {
    say(notice, t('account.common.passwords_differ'), 'error');
    $('#new-password-again').focus();
    return;
  }
  button.disabled = true;
  try {
    await request('/api/auth/reset-password', { method: 'POST', json: { token, newPassword } });
    history.replaceState(null, '', location.pathname);
    $('#reset').hidden = true;
    $('#reset-done').hidden = false;
    $('h2', $('#reset-done')).focus();
  } catch (error) {
    button.disabled = false;
    say(notice, error instanceof ApiError && error.hasFieldCode('account.link_invalid', 'token')
      ? t('account.reset.link_invalid')
      : describe(error), 'error');
    markInvalid(event.target, error);
  }
});
