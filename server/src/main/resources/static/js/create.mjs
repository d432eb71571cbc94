// The create page (/): encrypts a text or a file in the browser (zero-knowledge, always), creates
// the share with the policy, uploads the container and shows the link (key in the fragment), a
// QR code and the manage link. Nothing secret goes into storage, the URL path or query.
import { ApiError, csrfToken, currentAccount, describe, request, requestJson } from './api.mjs';
import * as bar from './bar-format.mjs';
import { session } from './nav.mjs';
import { qrSvg } from './qr.mjs';
import { describeCreateProblem } from './share-problems.mjs';
import { $, copy, formatBytes, formatDate, markInvalid, relative, say } from './ui.mjs';

/** Text shares carry their container base64url in `text` while it fits the server's text limit (1 MiB). */
const TEXT_LIMIT = 1000000;
/** Encrypted parts are folded into one Blob every so often, so script memory stays small. */
const FOLD_BYTES = 16 << 20;
const MAX_CUSTOM_EXPIRY = 30 * 86400;

const form = $('#create-form');
const button = $('#create-button');
const notice = $('#create-notice');
const fileInput = $('#secret-file');
const dropzone = $('#dropzone');

let account = null;
let current = null; // {id, manageToken} of the share on the result page

session.then((who) => {
  account = who;
  $('#views-unlimited').disabled = !who;
  $('#webhook-field').hidden = !who;
  $('#signed-in-note').textContent = who
    ? 'Signed in: this share will be listed in your dashboard.'
    : 'Sign in for longer expiry, unlimited views and webhooks.';
});

function kind() {
  return form.elements.kind.value;
}

function showKind() {
  const file = kind() === 'file';
  $('#text-field').hidden = file;
  $('#file-field').hidden = !file;
}

for (const radio of form.querySelectorAll('input[name="kind"]')) {
  radio.addEventListener('change', showKind);
}
$('#expiry').addEventListener('change', () => {
  $('#custom-expiry').hidden = $('#expiry').value !== 'custom';
});
$('#require-otp').addEventListener('change', () => {
  $('#otp-field').hidden = !$('#require-otp').checked;
});

function showChosenFile() {
  const file = fileInput.files[0];
  $('#file-chosen').textContent = file ? `${file.name} (${formatBytes(file.size)})` : '';
}

fileInput.addEventListener('change', showChosenFile);
dropzone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropzone.classList.add('over');
});
dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
dropzone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropzone.classList.remove('over');
  if (e.dataTransfer && e.dataTransfer.files.length > 0) {
    fileInput.files = e.dataTransfer.files;
    showChosenFile();
  }
});
// A file dropped next to the zone must not make the browser navigate away to it.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

const progress = {
  show(label, fraction) {
    $('#progress').hidden = false;
    $('#progress-label').textContent = label;
    const bar = $('#progress-bar');
    if (fraction === null) {
      bar.removeAttribute('value');
    } else {
      bar.value = Math.round(fraction * 100);
    }
  },
  hide() {
    $('#progress').hidden = true;
  },
};

/** The policy from the form, or throws an Error whose message says what to fix. */
function readPolicy() {
  const policy = { zeroKnowledge: true };
  const expiry = $('#expiry').value;
  if (expiry === 'custom') {
    const amount = Number($('#custom-amount').value);
    const seconds = Math.round(amount * Number($('#custom-unit').value));
    if (!Number.isFinite(seconds) || amount <= 0 || seconds < 60 || seconds > MAX_CUSTOM_EXPIRY) {
      throw fieldError('#custom-amount', 'Choose a custom expiry between 1 minute and 30 days.');
    }
    policy.expiresIn = seconds;
  } else {
    policy.expiresIn = Number(expiry);
  }
  const views = $('#views').value;
  if (views === 'unlimited') {
    policy.unlimitedViews = true;
  } else {
    policy.maxViews = Number(views);
  }
  if ($('#require-otp').checked) {
    const emails = $('#otp-emails').value.split(/[\s,;]+/).map((e) => e.trim()).filter((e) => e.length > 0);
    if (emails.length === 0 || emails.length > 10) {
      throw fieldError('#otp-emails', 'List 1 to 10 recipient email addresses for the one-time code.');
    }
    policy.requireOtp = true;
    policy.otpEmails = emails;
  }
  if ($('#view-only').checked) {
    policy.viewOnly = true;
  }
  const webhook = $('#webhook-url').value.trim();
  if (account && webhook) {
    policy.webhookUrl = webhook;
  }
  return policy;
}

function fieldError(selector, message) {
  const field = $(selector);
  field.setAttribute('aria-invalid', 'true');
  field.focus();
  return new Error(message);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(notice, '');
  markInvalid(form, null);
  let policy;
  const text = $('#secret-text').value;
  const file = fileInput.files[0];
  try {
    if (kind() === 'text' && text.length === 0) {
      throw fieldError('#secret-text', 'Type or paste the secret text first.');
    }
    if (kind() === 'file' && !file) {
      throw fieldError('#secret-file', 'Choose or drop a file first.');
    }
    policy = readPolicy();
  } catch (error) {
    say(notice, error.message, 'error');
    return;
  }
  button.disabled = true;
  try {
    account = await session; // a quick submit must not create anonymously before the header knows who is signed in
    if (account && !(await currentAccount())) {
      account = null; // the session ended meanwhile: the share is created anonymously
      delete policy.webhookUrl;
      if (policy.unlimitedViews) {
        throw new Error('Your session has ended: sign in again to create a share without a view limit.');
      }
    }
    const password = $('#password').value;
    progress.show(password ? 'Deriving the key from the password…' : 'Encrypting…', null);
    const linkKey = bar.newLinkKey();
    const keys = await bar.deriveKeys(linkKey, password);
    if (keys.passwordBound) {
      policy.accessVerifier = keys.verifier;
    }
    let created;
    if (kind() === 'text') {
      const plaintext = bar.framedPlaintext({ type: bar.TEXT_TYPE }, new TextEncoder().encode(text));
      const encoded = bar.b64urlEncode(await bar.sealToBytes(plaintext, keys.contentKey, keys.passwordBound));
      created = encoded.length <= TEXT_LIMIT
        ? await createShare({ ...policy, kind: 'text', text: encoded })
        : await createFileShare(policy, plaintext, keys);
    } else {
      const metadata = { name: file.name, type: file.type || 'application/octet-stream', size: file.size };
      created = await createFileShare(policy, bar.framedPlaintext(metadata, file), keys);
    }
    showResult(created, linkKey, policy, keys.passwordBound);
  } catch (error) {
    say(notice, error instanceof ApiError ? describeCreateProblem(error, account !== null) : error.message, 'error');
    markInvalid(form, error);
  } finally {
    button.disabled = false;
    progress.hide();
  }
});

function createShare(body) {
  return requestJson('/api/shares', { method: 'POST', json: body });
}

/** Creates a file share, encrypts the plaintext segment by segment and uploads the container. */
async function createFileShare(policy, plaintext, keys) {
  const created = await createShare({ ...policy, kind: 'file' });
  try {
    const total = bar.containerSize(plaintext.size);
    const body = await encrypt(plaintext, keys, (done) => progress.show(
      `Encrypting… ${formatBytes(done)} of ${formatBytes(total)}`, done / total));
    progress.show('Uploading…', 0);
    await upload(created, body, (sent) => progress.show(
      `Uploading… ${formatBytes(sent)} of ${formatBytes(body.size)}`, sent / body.size));
    return created;
  } catch (error) {
    burn(created).catch(() => {}); // do not leave a share waiting for an upload that will not come
    throw error;
  }
}

/** The container as a Blob of encrypted segments: the browser's blob storage holds it, not script memory. */
async function encrypt(plaintext, keys, onProgress) {
  let blob = new Blob([]);
  let parts = [];
  let pending = 0;
  let done = 0;
  for await (const part of bar.seal(plaintext, keys.contentKey, keys.passwordBound)) {
    parts.push(part);
    pending += part.length;
    done += part.length;
    if (pending >= FOLD_BYTES) {
      blob = new Blob([blob, ...parts]);
      parts = [];
      pending = 0;
    }
    onProgress(done);
  }
  return new Blob([blob, ...parts], { type: 'application/octet-stream' });
}

/**
 * PUT of the container with upload progress. XMLHttpRequest, because fetch can report no upload
 * progress and Chromium streams request bodies only over HTTP/2.
 */
function upload(created, body, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/shares/${encodeURIComponent(created.id)}/content`);
    xhr.setRequestHeader('Authorization', 'Bearer ' + created.manageToken);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) {
      xhr.setRequestHeader('X-CSRF-Token', csrf);
    }
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        onProgress(e.loaded);
      }
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 200) {
        resolve();
        return;
      }
      let problem = {};
      try {
        problem = JSON.parse(xhr.responseText);
      } catch (e) {
        problem = {};
      }
      const retry = parseInt(xhr.getResponseHeader('Retry-After') || '', 10);
      reject(new ApiError(xhr.status, problem, Number.isFinite(retry) ? retry : null));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { detail: 'The upload was interrupted. Check your connection and try again.' })));
    xhr.send(body);
  });
}

function burn(created) {
  return request(`/api/shares/${encodeURIComponent(created.id)}`, {
    method: 'DELETE', headers: { Authorization: 'Bearer ' + created.manageToken },
  });
}

function showResult(created, linkKey, policy, passwordBound) {
  const base = `${location.origin}/s/${encodeURIComponent(created.id)}`;
  const link = `${base}#${bar.b64urlEncode(linkKey)}`;
  current = { id: created.id, manageToken: created.manageToken };
  $('#share-link').value = link;
  $('#manage-link').value = `${base}#manage=${created.manageToken}`;
  $('#qr').replaceChildren(qrSvg(link));
  $('#result-expiry').textContent = `${formatDate(created.expiresAt)} (${relative(created.expiresAt)})`;
  $('#result-views').textContent = created.maxViews == null ? 'Unlimited'
    : created.maxViews === 1 ? '1 view, then it burns' : `${created.maxViews} views`;
  const protection = ['Zero-knowledge encryption'];
  if (passwordBound) {
    protection.push('password');
  }
  if (policy.requireOtp) {
    protection.push('email one-time code');
  }
  if (policy.viewOnly) {
    protection.push('view only');
  }
  $('#result-protection').textContent = protection.join(', ');
  $('#webhook-secret-box').hidden = !created.webhookSecret;
  $('#webhook-secret').value = created.webhookSecret || '';
  say($('#webhook-notice'), policy.webhookUrl && !created.webhookSecret
    ? 'The server did not confirm the webhook: webhooks may not be available on this server.' : '', 'info');
  say($('#manage-notice'), '');
  $('#burn-now').disabled = false;
  // the secret leaves the page: only the link (and the manage token) remain
  form.reset();
  showKind();
  showChosenFile();
  $('#custom-expiry').hidden = true;
  $('#otp-field').hidden = true;
  $('#create').hidden = true;
  $('#result').hidden = false;
  $('#result-title').focus();
}

$('#copy-link').addEventListener('click', (e) => copy($('#share-link').value, e.currentTarget));
$('#copy-manage').addEventListener('click', (e) => copy($('#manage-link').value, e.currentTarget));
$('#copy-webhook-secret').addEventListener('click', (e) => copy($('#webhook-secret').value, e.currentTarget));

$('#burn-now').addEventListener('click', async (e) => {
  const burnButton = e.currentTarget;
  if (!current || !window.confirm('Destroy this secret now? The link will stop working.')) {
    return;
  }
  burnButton.disabled = true;
  try {
    await burn(current);
    say($('#manage-notice'), 'Burned. The link no longer opens anything.', 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      say($('#manage-notice'), 'It is already gone: read, expired or burned.', 'info');
    } else {
      burnButton.disabled = false;
      say($('#manage-notice'), describe(error, 'The share'), 'error');
    }
  }
});

$('#create-another').addEventListener('click', () => {
  current = null;
  $('#share-link').value = '';
  $('#manage-link').value = '';
  $('#webhook-secret').value = '';
  $('#qr').replaceChildren();
  $('#result').hidden = true;
  $('#create').hidden = false;
  say(notice, '');
  $('#secret-text').focus();
});
