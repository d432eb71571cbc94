// The requester's form (pages/part-request-form.html and part-request-links.html), on /r/new and
// in the create page's Request mode: the key pair is made here, the public key goes in the request
// link's fragment and the private key in the open link's fragment, neither reaches the server
// (request-keys.mjs, docs/zero-knowledge-format.md).
import { ApiError, describe, requestJson } from './api.mjs';
import { formatBytes, t } from './i18n.mjs';
import * as keys from './request-keys.mjs';
import { $, copy, markInvalid, say } from './ui.mjs';

/** Wires the form once; {@code onMade} shows the two links (#request-link, #open-link) when a request is made. */
export function offerRequestForm(onMade) {
  for (const option of $('#request-size').options) {
    if (option.value) {
      option.textContent = formatBytes(Number(option.value)); // the larger answers allow files
    }
  }
  $('#new-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    say($('#new-notice'), '');
    markInvalid($('#new-form'), null);
    $('#new-button').disabled = true;
    try {
      const pair = await keys.newRequestKeys();
      const body = { note: $('#note').value, expiresIn: Number($('#request-expiry').value),
        maxViews: Number($('#request-views').value), notifyByEmail: $('#request-notify').checked };
      if ($('#request-size').value) {
        body.maxBytes = Number($('#request-size').value);
      }
      if ($('#request-password').value) {
        body.password = $('#request-password').value;
      }
      const made = await requestJson('/api/requests', { method: 'POST', json: body, auth: true });
      $('#request-link').value = `${location.origin}/r/${encodeURIComponent(made.id)}#${pair.requestFragment}`;
      $('#open-link').value = `${location.origin}/r/${encodeURIComponent(made.id)}/open#${pair.openFragment}`;
      $('#new-form').reset();
      onMade();
    } catch (e) {
      say($('#new-notice'), e instanceof ApiError ? describe(e, t('request.problem.subject')) : t('request.new.failed'), 'error');
      markInvalid($('#new-form'), e instanceof ApiError ? e : null);
    } finally {
      $('#new-button').disabled = false;
    }
  });
  $('#copy-request-link').addEventListener('click', (e) => copy($('#request-link').value, e.currentTarget));
  $('#copy-open-link').addEventListener('click', (e) => copy($('#open-link').value, e.currentTarget));
}
