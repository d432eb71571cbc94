// Request a secret (/r/new, /r/{id}#<public key>, /r/{id}/open#<private key>): the requester's
// key pair is made by the form of request-new.mjs, the public key in the request link's fragment
// and the private key in the open link's fragment, neither reaching the server. The filler's answer
// (a text, or files packed with the multi-file manifest) is sealed here into an ordinary BAR
// container with a link key agreed by ECDH (request-keys.mjs); the requester derives the same link
// key and opens the share on the open page as any share (docs/zero-knowledge-format.md).
import { ApiError, describe, formatWait, request, requestJson } from './api.mjs';
import * as bar from './bar-format.mjs';
import { session } from './nav.mjs';
import { formatBytes, formatDateTime, t } from './i18n.mjs';
import * as keys from './request-keys.mjs';
import { offerRequestForm } from './request-new.mjs';
import { $, markInvalid, say } from './ui.mjs';
import { encrypt, upload } from './upload.mjs';

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
  const sendingFiles = () => $('#fill-kind-files').checked;
  const showKind = () => {
    $('#fill-text-field').hidden = sendingFiles();
    $('#fill-files-field').hidden = !sendingFiles();
  };
  $('#fill-kind-text').addEventListener('change', showKind);
  $('#fill-kind-files').addEventListener('change', showKind);
  $('#fill-files').addEventListener('change', () => {
    const files = [...$('#fill-files').files];
    const total = files.reduce((n, f) => n + f.size, 0);
    $('#fill-files-chosen').textContent = files.length === 0 ? '' : `${files.map((f) => f.name).join(', ')} (${formatBytes(total)})`;
  });
  $('#fill-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    say($('#fill-notice'), '');
    markInvalid($('#fill-form'), null);
    let answer;
    try {
      answer = sendingFiles() ? filesAnswer(info) : textAnswer(info);
    } catch (e) {
      say($('#fill-notice'), e.message, 'error');
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
      const body = { ephemeralPublic: agreed.ephemeralPublic, linkVerifier: shareKeys.linkVerifier };
      if (info.requiresPassword) {
        body.password = $('#fill-password').value;
      }
      await answer(body, shareKeys);
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
      $('#fill-progress').hidden = true;
      $('#fill-button').disabled = false;
    }
  });
}

/** Refuses what cannot be sent before any key is made: an empty field, or more than the request allows. */
function refuse(field, message) {
  $(field).setAttribute('aria-invalid', 'true');
  throw new Error(message);
}

/** The text answer: sealed at once and sent in the fill itself. */
function textAnswer(info) {
  const bytes = new TextEncoder().encode($('#fill-text').value);
  if (bytes.length === 0) {
    refuse('#fill-text', t('request.fill.text_required'));
  }
  if (bytes.length > info.maxBytes) {
    refuse('#fill-text', t('request.fill.too_large', { max: formatBytes(info.maxBytes) }));
  }
  return async (body, shareKeys) => {
    const container = await bar.sealToBytes(bar.framedPlaintext({ type: bar.TEXT_TYPE }, bytes), shareKeys.contentKey, false);
    await requestJson(`/api/requests/${encodeURIComponent(requestId)}/fulfil`, { method: 'POST',
      json: { ...body, text: bar.b64urlEncode(container) } });
  };
}

/**
 * The files answer: packed with a manifest as a multi-file share is (docs/zero-knowledge-format.md),
 * the fill claims the request and answers the share's upload URL and token, then the container is
 * encrypted and uploaded; the upload's completion answers the request. A failed upload burns the
 * share, which opens the request again.
 */
function filesAnswer(info) {
  const chosen = [...$('#fill-files').files].map((file) => ({ path: file.name, file }));
  if (chosen.length === 0) {
    refuse('#fill-files', t('request.fill.files_required'));
  }
  const size = chosen.reduce((n, c) => n + c.file.size, 0);
  if (size > info.maxBytes) {
    refuse('#fill-files', t('request.fill.too_large', { max: formatBytes(info.maxBytes) }));
  }
  let metadata;
  try {
    metadata = bar.fileManifest(chosen);
  } catch (error) {
    refuse('#fill-files', error instanceof bar.ManifestTooLarge
      ? t('share.files.too_many', { max: bar.MAX_FILES }) : t('share.files.names_refused'));
  }
  return async (body, shareKeys) => {
    const plaintext = bar.framedPlaintext(metadata, new Blob(chosen.map((c) => c.file)));
    const total = bar.containerSize(plaintext.size);
    const target = await requestJson(`/api/requests/${encodeURIComponent(requestId)}/fulfil`, { method: 'POST',
      json: { ...body, kind: 'file', size: total } });
    try {
      const container = await encrypt(plaintext, { contentKey: shareKeys.contentKey, passwordBound: false }, (done) =>
        progress(t('share.create.progress.encrypting', { done: formatBytes(done), total: formatBytes(total) }), done / total));
      progress(t('share.create.progress.uploading_start'), 0);
      await upload(target.uploadUrl, target.uploadToken, container, (sent) =>
        progress(t('share.create.progress.uploading', { done: formatBytes(sent), total: formatBytes(container.size) }),
          sent / container.size));
    } catch (error) {
      const token = 'Bearer ' + target.uploadToken; // i18n-ignore: header
      request(target.uploadUrl.replace(/\/content$/, ''), { method: 'DELETE', headers: { Authorization: token } })
        .catch(() => {}); // the share destroyed opens the request again
      throw error;
    }
  };
}

function progress(label, fraction) {
  $('#fill-progress').hidden = false;
  $('#fill-progress-label').textContent = label;
  $('#fill-progress-bar').value = Math.round(fraction * 100);
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
