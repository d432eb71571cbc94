// Actions that need a recent password (a new API token, changing second factors): when the server
// answers auth.reauthentication_required, the page asks for the password in a dialog, has the
// server check it, and runs the action once more.
import { ApiError, SIGN_IN, describe, request } from './api.mjs';
import { t } from './i18n.mjs';
import { $, markInvalid, say } from './ui.mjs';

/** When the session is gone for good, go and sign in, then come back. */
export function signInAgain() {
  location.assign(`/login?next=${location.pathname}`);
}

/** The server's answer when an action needs the password given again (docs/errors.md). */
const REAUTHENTICATION_REQUIRED = 'auth.reauthentication_required';

/**
 * Runs {@code action}; when the server answers that the password must be given again, asks for
 * it, has the server check it, and runs the action once more. Resolves to the action's result,
 * or null when the person cancels.
 */
export async function withReauthentication(action) {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== REAUTHENTICATION_REQUIRED) {
      throw error;
    }
    if (!(await confirmPassword())) {
      return null;
    }
    return action();
  }
}

/** Asks for the password until the server accepts it (true) or the person cancels (false). */
function confirmPassword() {
  const dialog = $('#reauth-dialog');
  const form = $('#reauth-form');
  const input = $('#reauth-password');
  const notice = $('#reauth-notice');
  const confirm = $('#reauth-confirm');
  const cancelButton = $('#reauth-cancel');
  say(notice, '');
  markInvalid(form, null);
  input.value = '';
  return new Promise((resolve) => {
    const finish = (confirmed) => {
      form.removeEventListener('submit', submit);
      cancelButton.removeEventListener('click', cancel);
      dialog.removeEventListener('cancel', cancel);
      input.value = '';
      dialog.close();
      resolve(confirmed);
    };
    const cancel = (event) => {
      event.preventDefault();
      finish(false);
    };
    const submit = async (event) => {
      event.preventDefault();
      const password = input.value;
      if (!password) {
        say(notice, t('account.reauth.enter_password'), 'error');
        input.focus();
        return;
      }
      confirm.disabled = true;
      try {
        await request('/api/auth/reauthenticate', { method: 'POST', auth: true, json: { password } });
        finish(true);
      } catch (error) {
        if (error instanceof ApiError && SIGN_IN.has(error.code)) {
          finish(false);
          signInAgain();
          return;
        }
        say(notice, error instanceof ApiError && error.hasFieldCode('account.password_wrong', 'password')
          ? t('account.reauth.password_wrong')
          : describe(error), 'error');
        markInvalid(form, error);
        input.select();
      } finally {
        confirm.disabled = false;
      }
    };
    form.addEventListener('submit', submit);
    cancelButton.addEventListener('click', cancel);
    dialog.addEventListener('cancel', cancel); // Escape
    dialog.showModal();
    input.focus();
  });
}
