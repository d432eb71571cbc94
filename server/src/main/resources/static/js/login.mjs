// Sign in (/login): the session arrives as HttpOnly cookies plus the readable CSRF cookie; an
// account with a second factor first passes the second step (second-factor.mjs).
import { ApiError, RETRY_LATER, describe, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { passkeyAssertion, passkeysSupported } from './passkeys.mjs';
import { secondStep } from './second-factor.mjs';
import { $, countdown, el, markInvalid, nextPath, say } from './ui.mjs';

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
    const answer = await requestJson('/api/auth/login', {
      method: 'POST', json: { email, password, rememberMe: $('#remember').checked },
    });
    if (answer && answer.mfaToken) {
      // the password was right; a second factor (or its required set-up) completes the sign-in
      form.hidden = true;
      try {
        await secondStep(answer);
      } catch (error) {
        form.hidden = false;
        say(notice, describe(error), 'error');
        $('#password').value = '';
        button.disabled = false;
        return;
      }
    }
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

// Single sign-on: the providers' buttons, the answer of a refused sign-in (/login?sso=<rule>)
// and the link step (/login?sso=link), which asks once for the password of the account whose
// address the provider confirmed. The rules' names are the server's (docs/accounts.md).
const SSO_REFUSALS = {
  email_domain: 'Your provider signed you in, but addresses of your domain may not use this BAR. Ask your administrator.',
  group: 'Your provider signed you in, but you are not in a group that may use this BAR. Ask your administrator.',
  email_unverified: 'A BAR account with your address exists, and your provider does not confirm that the address is yours, so it cannot be linked. Sign in with your password, or ask your administrator.',
  email_missing: 'Your provider did not tell BAR your email address, so no account can be made for you.',
  account_pending_approval: 'Your account is waiting for an administrator\'s approval.',
  account_paused: 'Your account is paused; contact the administrator.',
  account_pending_verification: 'Confirm your email address first: follow the link we mailed you.',
  state: 'The sign-in could not be checked (it took too long, was started in another browser, or was tampered with). Start it again.',
  provider_denied: 'Your provider did not sign you in.',
  id_token: 'Your provider\'s answer could not be verified. Start the sign-in again; if it keeps failing, tell your administrator.',
};

const ssoNotice = $('#sso-notice');
const query = new URLSearchParams(location.search);
const ssoOutcome = query.get('sso');
if (ssoOutcome === 'link') {
  $('#link-form').hidden = false;
  $('#link-password').focus();
} else if (ssoOutcome) {
  say(ssoNotice, SSO_REFUSALS[ssoOutcome] || 'Single sign-on failed. Start it again; if it keeps failing, tell your administrator.', 'error');
}

requestJson('/api/auth/providers').then((options) => {
  $('#local-login').hidden = !options.localLogin;
  if (options.providers.length > 0) {
    $('#sso-buttons').replaceChildren(...options.providers.map((p) => el('a', { class: 'button', href: p.url },
      'Sign in with ' + p.name)));
    $('#sso').hidden = false;
  }
}).catch((error) => say(ssoNotice, describe(error), 'error'));

$('#link-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const linkNotice = $('#link-notice');
  const password = $('#link-password').value;
  say(linkNotice, '');
  if (!password) {
    say(linkNotice, 'Enter the password of your BAR account.', 'error');
    return;
  }
  // an account with a second factor proves it too: six digits are the app's code, anything else a recovery code
  const second = $('#link-code-field').hidden ? '' : $('#link-code').value.trim();
  const json = { password };
  if (second) {
    json[/^\d{6}$/.test(second) ? 'code' : 'recoveryCode'] = second;
  }
  $('#link-button').disabled = true;
  try {
    await requestJson('/api/auth/oidc/link', { method: 'POST', json });
    location.assign('/dashboard');
    return;
  } catch (error) {
    if (error instanceof ApiError && error.hasFieldCode('field.required', 'code')) {
      $('#link-code-field').hidden = false;
      say(linkNotice, 'This account has a second factor: enter the code your authenticator app shows now, or a recovery code.', 'info');
      $('#link-code').focus();
    } else if (error instanceof ApiError && error.hasFieldCode('account.mfa_code_wrong')) {
      say(linkNotice, 'The code is wrong or was used before. Wrong codes count toward the lockout like wrong passwords.', 'error');
      $('#link-code').select();
    } else {
      say(linkNotice, error instanceof ApiError && error.hasFieldCode('account.password_wrong')
        ? 'That is not the password of the account. After 5 wrong tries the account is locked for 15 minutes.'
        : describe(error), 'error');
      $('#link-password').select();
    }
  }
  $('#link-button').disabled = false;
});

// a passkey signs in without the password (passkeys.mjs)
if (passkeysSupported()) {
  $('#passkey-sign-in').hidden = false;
  $('#passkey-button').addEventListener('click', async () => {
    say(notice, '');
    $('#passkey-button').disabled = true;
    try {
      await passkeyAssertion(null, $('#remember').checked);
      location.assign(nextPath('/dashboard'));
      return;
    } catch (error) {
      say(notice, error instanceof ApiError ? describe(error) : 'No passkey was used.', 'error');
    }
    $('#passkey-button').disabled = false;
  });
}
