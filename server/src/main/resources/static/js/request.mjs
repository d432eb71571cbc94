// Request a secret (/r/new, /r/{id}#<public key>, /r/{id}/open#<private key>): the requester's
// key pair is made here, the public key goes in the request link's fragment and the private key in
// the open link's fragment, neither reaches the server. The filler's answer is sealed here into an
// ordinary BAR container with a link key agreed by ECDH (request-keys.mjs); the requester derives
// the same link key and opens the share on the open page as any share (docs/zero-knowledge-format.md).
import { ApiError, describe, formatWait, requestJson } from './api.mjs';
import * as bar from './bar-format.mjs';
import { session } from './nav.mjs';
import { formatBytes, formatDateTime, t } from './i18n.mjs';
import * as keys from './request-keys.mjs';
import { offerRequestForm } from './request-new.mjs';
import { $, markInvalid, say } from './ui.mjs';

const SECTIONS = ['loading', 'sign-in', 'new', 'made', 'fill', 'sent', 'answer', 'gone'];
const parts = location.pathname.split('/');
const requestId = parts[2] || '';
const opening = parts[3] === 'open';
const fragment = location.hash.slice(1);

function show(id) {
  SECTIONS.forEach((s) => { $('#' + s).hidden = s !== id; });
}

/** The fragment leaves the address bar (and the history) once it has been read. */
function forgetFragment() {
  history.replaceState(null, '', location.pathname);
}

async function makeNew() {
  if (!(await session)) {
    show('sign-in');
    return;
  }
  show('new');
  offerRequestForm(() => {
    show('made');
    $('#made-title').focus();
  });
}

async function fill() {
  const requestFragment = fragment;
  forgetFragment();
  let info;
  try {
    info = await requestJson(`/api/requests/${encodeURIComponent(requestId)}`);
  } catch (e) {
    show('gone');
    return;
  }
  show('fill');
  $('#fill-note').textContent = info.note || t('request.fill.no_note');
  $('#fill-expiry').textContent = t('request.fill.expires', { when: formatDateTime(info.expiresAt) });
  $('#fill-password-field').hidden = !info.requiresPassword;
  $('#fill-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    say($('#fill-notice'), '');
    markInvalid($('#fill-form'), null);
    const text = $('#fill-text').value;
    if (text.length === 0) {
      $('#fill-text').setAttribute('aria-invalid', 'true');
      say($('#fill-notice'), t('request.fill.text_required'), 'error');
      return;
    }
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > info.maxBytes) {
      $('#fill-text').setAttribute('aria-invalid', 'true');
      say($('#fill-notice'), t('request.fill.too_large', { max: formatBytes(info.maxBytes) }), 'error');
      return;
    }
    $('#fill-button').disabled = true;
    try {
      let agreed;
      try {
        agreed = await keys.fillerKeys(requestFragment);
      } catch (e) {
        say($('#fill-notice'), t('request.fill.link_damaged'), 'error');
        return;
      }
      const shareKeys = await bar.deriveKeys(agreed.linkKey);
      const container = await bar.sealToBytes(bar.framedPlaintext({ type: bar.TEXT_TYPE }, bytes), shareKeys.contentKey, false);
      const body = { ephemeralPublic: agreed.ephemeralPublic, linkVerifier: shareKeys.linkVerifier,
        text: bar.b64urlEncode(container) };
      if (info.requiresPassword) {
        body.password = $('#fill-password').value;
      }
      await requestJson(`/api/requests/${encodeURIComponent(requestId)}/fulfil`, { method: 'POST', json: body });
      agreed.linkKey.fill(0);
      $('#fill-form').reset();
      show('sent');
      $('#sent-title').focus();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'resource.not_found') {
        show('gone');
      } else if (e instanceof ApiError && e.code === 'share.retry_later') { // the shares' guard: the wait after a wrong one
        say($('#fill-notice'), t('request.fill.wait', { wait: formatWait(e.retryAfter || 1) }), 'error');
      } else if (e instanceof ApiError && e.code === 'request.password_wrong') {
        $('#fill-password').setAttribute('aria-invalid', 'true');
        say($('#fill-notice'), t('request.fill.password_wrong', { count: e.problem.attemptsLeft ?? 0 }), 'error');
      } else {
        say($('#fill-notice'), e instanceof ApiError ? describe(e, t('request.problem.subject')) : t('request.fill.failed'), 'error');
        markInvalid($('#fill-form'), e instanceof ApiError ? e : null);
      }
    } finally {
      $('#fill-button').disabled = false;
    }
  });
}

async function answer() {
  const openFragment = fragment;
  show('answer');
  if (!(await session)) {
    say($('#answer-notice'), t('request.answer.sign_in'), 'info');
    return;
  }
  let own;
  try {
    own = await requestJson(`/api/requests/${encodeURIComponent(requestId)}/answer`, { auth: true });
  } catch (e) {
    forgetFragment();
    show('gone');
    return;
  }
  if (own.state !== 'fulfilled') {
    say($('#answer-notice'), t('request.answer.state.' + own.state), 'info');
    return;
  }
  let linkKey;
  try {
    linkKey = await keys.requesterLinkKey(openFragment, own.ephemeralPublic);
  } catch (e) {
    say($('#answer-notice'), t('request.answer.link_damaged'), 'error');
    return;
  }
  // the answer is an ordinary share of this account: it opens (views, burn, access log) as any share
  location.replace(`/s/${encodeURIComponent(own.shareId)}#${bar.b64urlEncode(linkKey)}`);
}

if (requestId === 'new') {
  makeNew();
} else if (opening) {
  answer();
} else {
  fill();
}
