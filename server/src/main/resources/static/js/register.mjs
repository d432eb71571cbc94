// Register (/register): always 202 with the same answer, whether or not the address is known.
import { ApiError, RETRY_LATER, describe, requestJson } from './api.mjs';
import './nav.mjs';
import { lang, t } from './i18n.mjs';
import { $, countdown, markInvalid, say } from './ui.mjs';

const form = $('#register-form');
const button = $('#register-button');
const notice = $('#register-notice');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(notice, '');
  markInvalid(form, null);
  const email = $('#email').value.trim();
  const password = $('#password').value;
  const displayName = $('#display-name').value.trim();
  if (!email) {
    say(notice, t('account.common.enter_email'), 'error');
    $('#email').focus();
    return;
  }
  if ([...password].length < 12) {
    say(notice, t('account.common.password_too_short'), 'error');
    $('#password').focus();
    return;
  }
  if (password !== $('#password-again').value) {
    say(notice, t('account.common.passwords_differ'), 'error');
    $('#password-again').focus();
    return;
  }
  button.disabled = true;
  try {
    await requestJson('/api/auth/register', {
      method: 'POST', json: { email, password, displayName: displayName || null, language: lang },
    });
    $('#registered-email').textContent = email;
    form.reset();
    form.hidden = true;
    $('#registered').hidden = false;
    $('h2', $('#registered')).focus();
  } catch (error) {
    say(notice, describe(error), 'error');
    markInvalid(form, error);
    if (error instanceof ApiError && RETRY_LATER.has(error.code)) {
      await countdown(button, error.retryAfter || 5);
      return;
    }
  }
  button.disabled = false;
});
