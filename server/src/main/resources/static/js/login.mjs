// Sign in (/login): the session arrives as HttpOnly cookies plus the readable CSRF cookie.
import { ApiError, RETRY_LATER, describe, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { $, countdown, markInvalid, nextPath, say } from './ui.mjs';

const form = $('#login-form');
const button = $('#login-button');
const notice = $('#login-notice');

session.then((account) => {
  if (account) {
    say(notice, `You are signed in as ${account.email}. Signing in again starts a new session.`, 'info');
  }
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(notice, '');
  markInvalid(form, null);
  const email = $('#email').value.trim();
  const password = $('#password').value;
  if (!email || !password) {
    say(notice, 'Enter your email and password.', 'error');
    (email ? $('#password') : $('#email')).focus();
    return;
  }
  button.disabled = true;
  try {
    await requestJson('/api/auth/login', {
      method: 'POST', json: { email, password, rememberMe: $('#remember').checked },
    });
    location.assign(nextPath('/dashboard'));
    return;
  } catch (error) {
    if (error instanceof ApiError && RETRY_LATER.has(error.code)) {
      say(notice, describe(error), 'error');
      await countdown(button, error.retryAfter || 5);
      return;
    }
    say(notice, error instanceof ApiError && error.code === 'auth.login_failed'
      ? 'The email or password is wrong. After 5 wrong tries the account is locked for 15 minutes; "Forgot your password?" still works.'
      : describe(error), 'error');
    markInvalid(form, error);
    $('#password').select();
  }
  button.disabled = false;
});
