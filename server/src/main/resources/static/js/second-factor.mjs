// Second factors in the browser: the second step of a sign-in (/login, after a 202 from
// /api/auth/login: a code, a recovery code or a passkey), the required set-up of an authenticator app, and the pieces the dashboard's
// security section shares (the set-up's QR code, recovery codes shown once).
import { ApiError, RETRY_LATER, describe, requestJson } from './api.mjs';
import { passkeyAssertion, passkeysSupported } from './passkeys.mjs';
import { t } from './i18n.mjs';
import { qrSvg } from './qr.mjs';
import { $, copy, countdown, el, markInvalid, say } from './ui.mjs';

/** Draws an authenticator set-up ({secret, otpauthUri}): the QR code and the key to type. */
export function showSetup(qr, secretText, setup) {
  qr.replaceChildren(qrSvg(setup.otpauthUri));
  secretText.textContent = setup.secret.replace(/(.{4})/g, '$1 ').trim();
}

/** Shows recovery codes once; resolves when the person says they saved them. */
export function showRecoveryCodes(section, codes) {
  $('.recovery-codes', section).replaceChildren(...codes.map((code) => el('li', {}, code)));
  section.hidden = false;
  const copyButton = $('[data-recovery-copy]', section);
  const done = $('[data-recovery-done]', section);
  const onCopy = () => copy(codes.join('\n'), copyButton);
  copyButton.addEventListener('click', onCopy);
  done.focus();
  return new Promise((resolve) => {
    done.addEventListener('click', () => {
      copyButton.removeEventListener('click', onCopy);
      $('.recovery-codes', section).replaceChildren();
      section.hidden = true;
      resolve();
    }, { once: true });
  });
}

const SIX_DIGITS = /^[0-9]{6}$/;

/** What a failed second step says: the code words, or the server's. */
function explain(error) {
  if (error instanceof ApiError && error.code === 'auth.mfa_failed') {
    return t('account.mfa.code_failed');
  }
  if (error instanceof ApiError && error.code === 'auth.passkey_ceremony_invalid') {
    return t('account.mfa.passkey_too_slow');
  }
  if (error instanceof ApiError && error.code === 'auth.mfa_challenge_invalid') {
    return t('account.mfa.challenge_ended');
  }
  return describe(error);
}

/**
 * The second step of a sign-in. {@code answer} is the 202 body ({status, mfaToken, methods});
 * resolves once the session's cookies are set (after the recovery codes of a required set-up
 * were acknowledged), or rejects with the error that ended the step.
 */
export function secondStep(answer) {
  return answer.status === 'mfa_enrolment_required' ? enrol(answer.mfaToken) : verify(answer);
}

function verify(answer) {
  const form = $('#mfa-form');
  const notice = $('#mfa-notice');
  const codeField = $('#mfa-code-field');
  const recoveryField = $('#mfa-recovery-field');
  const switcher = $('#mfa-switch');
  const button = $('#mfa-button');
  const passkeyButton = $('#mfa-passkey');
  const withPasskey = answer.methods.includes('passkey') && passkeysSupported();
  // a passkey alone (no app, no recovery codes left): only its button
  const codes = answer.methods.includes('totp') || answer.methods.includes('recovery_code');
  let useRecovery = !answer.methods.includes('totp');
  passkeyButton.hidden = !withPasskey;
  const show = () => {
    codeField.hidden = useRecovery || !codes;
    recoveryField.hidden = !useRecovery || !codes;
    button.hidden = !codes;
    switcher.textContent = t(useRecovery ? 'account.mfa.use_code' : 'account.mfa.use_recovery');
    switcher.hidden = !answer.methods.includes('totp') || !answer.methods.includes('recovery_code');
    const lead = !codes ? 'account.mfa.lead.passkey' : useRecovery
      ? (withPasskey ? 'account.mfa.lead.recovery_or_passkey' : 'account.mfa.lead.recovery')
      : (withPasskey ? 'account.mfa.lead.code_or_passkey' : 'account.mfa.lead.code');
    $('#mfa-lead').textContent = t(lead);
    if (codes) {
      (useRecovery ? $('#mfa-recovery') : $('#mfa-code')).focus();
    }
  };
  form.hidden = false;
  show();
  return new Promise((resolve, reject) => {
    switcher.addEventListener('click', () => {
      useRecovery = !useRecovery;
      say(notice, '');
      show();
    });
    const done = (error) => {
      if (error instanceof ApiError && error.code === 'auth.mfa_challenge_invalid') {
        form.hidden = true;
        reject(error);
        return true;
      }
      return false;
    };
    passkeyButton.addEventListener('click', async () => {
      say(notice, '');
      passkeyButton.disabled = true;
      try {
        await passkeyAssertion(answer.mfaToken);
        resolve();
        return;
      } catch (error) {
        if (done(error)) {
          return;
        }
        say(notice, !(error instanceof ApiError) ? t('account.mfa.passkey_unused')
          : error.code === 'auth.mfa_failed' ? t('account.mfa.passkey_refused')
            : explain(error), 'error');
      }
      passkeyButton.disabled = false;
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      say(notice, '');
      markInvalid(form, null);
      const json = { mfaToken: answer.mfaToken };
      if (useRecovery) {
        json.recoveryCode = $('#mfa-recovery').value.trim();
        if (!json.recoveryCode) {
          say(notice, t('account.mfa.enter_recovery_code'), 'error');
          return;
        }
      } else {
        json.code = $('#mfa-code').value.replace(/\s/g, '');
        if (!SIX_DIGITS.test(json.code)) {
          say(notice, t('account.mfa.enter_code'), 'error');
          $('#mfa-code').focus();
          return;
        }
      }
      button.disabled = true;
      try {
        await requestJson('/api/auth/mfa', { method: 'POST', json });
        resolve();
        return;
      } catch (error) {
        if (done(error)) {
          return;
        }
        say(notice, explain(error), 'error');
        if (error instanceof ApiError && RETRY_LATER.has(error.code)) {
          await countdown(button, error.retryAfter || 5);
          return;
        }
        (useRecovery ? $('#mfa-recovery') : $('#mfa-code')).select();
      }
      button.disabled = false;
    });
  });
}

async function enrol(mfaToken) {
  const form = $('#enrol-form');
  const notice = $('#enrol-notice');
  const button = $('#enrol-button');
  const setup = await requestJson('/api/auth/mfa/enrolment', { method: 'POST', json: { mfaToken } });
  showSetup($('#enrol-qr'), $('#enrol-secret'), setup);
  form.hidden = false;
  $('#enrol-code').focus();
  const codes = await new Promise((resolve, reject) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      say(notice, '');
      markInvalid(form, null);
      const code = $('#enrol-code').value.replace(/\s/g, '');
      if (!SIX_DIGITS.test(code)) {
        say(notice, t('account.mfa.enter_code'), 'error');
        return;
      }
      button.disabled = true;
      try {
        const enrolled = await requestJson('/api/auth/mfa/enrolment/confirm', { method: 'POST', json: { mfaToken, code } });
        form.hidden = true;
        resolve(enrolled.recoveryCodes);
        return;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'auth.mfa_challenge_invalid') {
          form.hidden = true;
          reject(error);
          return;
        }
        say(notice, error instanceof ApiError && error.hasFieldCode('account.mfa_code_wrong', 'code')
          ? t('account.mfa.code_wrong') : describe(error), 'error');
        $('#enrol-code').select();
      }
      button.disabled = false;
    });
  });
  await showRecoveryCodes($('#recovery-once'), codes);
}
