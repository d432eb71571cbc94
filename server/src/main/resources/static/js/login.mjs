// Sign in (/login): the session arrives as HttpOnly cookies plus the readable CSRF cookie; an
// account with a second factor first passes the second step (second-factor.mjs).
import { ApiError, RETRY_LATER, describe, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { passkeyAssertion, passkeysSupported } from './passkeys.mjs';
import { secondStep } from './second-factor.mjs';
import { t } from './i18n.mjs';
import { $, countdown, el, markInvalid, nextPath, say } from './ui.mjs';

const form = $('#login-form');
const button = $('#login-button');
const notice = $('#login-notice');

session.then((account) => {
  if (account) {
    say(notice, t('account.login.signed_in_already', { email: account.email }), 'info');
  }
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(notice, '');
  markInvalid(form, null);
  const email = $('#email').value.trim();
  const password = $('#password').value;
  if (!email || !password) {
    say(notice, t('account.login.enter_email_password'), 'error');
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
      ? t('account.login.failed')
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
  email_domain: 'account.login.sso.refused.email_domain',
  group: 'account.login.sso.refused.group',
  email_unverified: 'account.login.sso.refused.email_unverified',
  email_missing: 'account.login.sso.refused.email_missing',
  account_pending_approval: 'account.login.sso.refused.account_pending_approval',
  account_paused: 'account.login.sso.refused.account_paused',
  account_pending_verification: 'account.login.sso.refused.account_pending_verification',
  state: 'account.login.sso.refused.state',
  provider_denied: 'account.login.sso.refused.provider_denied',
  id_token: 'account.login.sso.refused.id_token',
};

const ssoNotice = $('#sso-notice');
const query = new URLSearchParams(location.search);
const ssoOutcome = query.get('sso');
if (ssoOutcome === 'link') {
  $('#link-form').hidden = false;
  $('#link-password').focus();
} else if (ssoOutcome) {
  const refusal = Object.hasOwn(SSO_REFUSALS, ssoOutcome) ? SSO_REFUSALS[ssoOutcome] : 'account.login.sso.failed';
  say(ssoNotice, t(refusal), 'error');
}

requestJson('/api/auth/providers').then((options) => {
  $('#local-login').hidden = !options.localLogin;
  if (options.providers.length > 0) {
    $('#sso-buttons').replaceChildren(...options.providers.map((p) => el('a', { class: 'button', href: p.url },
      t('account.login.sso.sign_in_with', { provider: p.name }))));
    $('#sso').hidden = false;
  }
}).catch((error) => say(ssoNotice, describe(error), 'error'));

$('#link-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const linkNotice = $('#link-notice');
  const password = $('#link-password').value;
  say(linkNotice, '');
  if (!password) {
    say(linkNotice, t('account.login.link.enter_password'), 'error');
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
      say(linkNotice, t('account.login.link.second_factor'), 'info');
      $('#link-code').focus();
    } else if (error instanceof ApiError && error.hasFieldCode('account.mfa_code_wrong')) {
      say(linkNotice, t('account.login.link.code_wrong'), 'error');
      $('#link-code').select();
    } else {
      say(linkNotice, error instanceof ApiError && error.hasFieldCode('account.password_wrong')
        ? t('account.login.link.password_wrong')
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
      say(notice, error instanceof ApiError ? describe(error) : t('account.mfa.passkey_unused'), 'error');
    }
    $('#passkey-button').disabled = false;
  });
}
