// Verify an email (/verify-email#token=…, the link the verification mail carries). The token
// is in the fragment, so it reaches no server log and no Referer; the page posts it only when
// the person presses the button, so a mail scanner that fetches the link verifies nothing.
import { ApiError, describe, requestJson } from './api.mjs';
import './nav.mjs';
import { t } from './i18n.mjs';
import { $, say } from './ui.mjs';

const token = new URLSearchParams(location.hash.slice(1)).get('token');

if (!token) {
  $('#verify-missing').hidden = false;
} else {
  $('#verify-ready').hidden = false;
}

$('#verify-button').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  say($('#verify-notice'), '');
  button.disabled = true;
  try {
    const result = await requestJson('/api/auth/verify-email', { method: 'POST', json: { token } });
    history.replaceState(null, '', location.pathname); // the token is used up: drop it from the address bar
    $('#verify-ready').hidden = true;
    const pending = result && result.state === 'PENDING_APPROVAL';
    $('#verify-done-text').textContent = pending
      ? t('account.verify.done.pending_approval')
      : t('account.verify.done.active');
    $('#verify-sign-in').hidden = pending;
    $('#verify-done').hidden = false;
    $('#verify-done-title').focus();
  } catch (error) {
    button.disabled = false;
    // the token is the request's only field: any field problem, or none found, means the link is spent
    const spent = error instanceof ApiError && (error.code === 'request.invalid' || error.code === 'resource.not_found');
    say($('#verify-notice'), spent
      ? t('account.verify.link_invalid')
      : describe(error), 'error');
  }
});
