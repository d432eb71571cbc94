// "Email the link" on the create page's result (issue 18 item 4): a signed-in sender has BAR mail
// the share's link to a few addresses. The server only knows /s/{id}, never the key in the
// fragment, so the mails carry the link without its key; once they went out, the card shows the
// key alone for the sender to pass on another channel.
import { ApiError, describe, requestJson } from './api.mjs';
import { lang, t } from './i18n.mjs';
import { $, busy, copy, say } from './ui.mjs';

const card = $('#mail-card');
const form = $('#mail-form');
let share = null; // {id, key} of the share on the result

/** Offers the card for a new result (signed-in senders only); forgets the previous share's state. */
export function offerMail(id, key, signedIn) {
  share = signedIn ? { id, key } : null;
  form.reset();
  form.hidden = false;
  $('#mail-to').removeAttribute('aria-invalid');
  $('#mail-key-value').value = '';
  $('#mail-key').hidden = true;
  say($('#mail-notice'), '');
  card.hidden = !signedIn;
}

/** The addresses as typed: separated by commas, semicolons, spaces or lines. */
function addresses(text) {
  return String(text).split(/[\s,;]+/).filter((a) => a.length > 0);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!share) {
    return;
  }
  const to = addresses($('#mail-to').value);
  if (to.length === 0) {
    $('#mail-to').setAttribute('aria-invalid', 'true');
    $('#mail-to').focus();
    say($('#mail-notice'), t('share.mail.check_addresses'), 'error');
    return;
  }
  const note = $('#mail-note').value.trim();
  const body = { to, language: lang, ...(note ? { note } : {}) };
  await busy($('#mail-send'), t('share.mail.sending'), async () => {
    try {
      const sent = await requestJson(`/api/shares/${encodeURIComponent(share.id)}/mail`,
        { method: 'POST', json: body, auth: true });
      $('#mail-to').removeAttribute('aria-invalid');
      form.hidden = true;
      say($('#mail-notice'), t('share.mail.sent', { count: sent.queued }), 'ok');
      if (!sent.keyIncluded) {
        $('#mail-key-value').value = share.key;
        $('#mail-key').hidden = false;
        $('#mail-key-value').focus();
      }
    } catch (error) {
      const addressProblem = error instanceof ApiError && error.code === 'request.invalid'
        && Array.isArray(error.problem.errors) && error.problem.errors.some((e) => String(e.field).startsWith('to'));
      if (addressProblem) {
        $('#mail-to').setAttribute('aria-invalid', 'true');
        $('#mail-to').focus();
      }
      say($('#mail-notice'), addressProblem ? t('share.mail.check_addresses') : describe(error, t('share.problem.subject')), 'error');
    }
  });
});

$('#copy-mail-key').addEventListener('click', (e) => copy($('#mail-key-value').value, e.currentTarget));
