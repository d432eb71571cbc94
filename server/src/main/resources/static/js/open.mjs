// The open page (/s/{id}#<key>): reads the share's public metadata (no view used), and only on
// the explicit "Open" click unlocks it (password → access key for zero-knowledge shares, email
// and one-time code when required), redeems the ticket, decrypts in the browser and shows the
// text, saves the file, or previews it when the sender chose view-only. A link preview or a page
// load never uses a view. "#manage=<token>" links show the burn button instead.
import { ApiError, RETRY_LATER, describe, request, requestJson } from './api.mjs';
import * as bar from './bar-format.mjs';
import { unwrap } from './recipient-keys.mjs';
import { makeZip, predictLength } from '../vendor/client-zip/index.js';
import './nav.mjs';
import { saveStream, saveWorker } from './save-stream.mjs';
import { pastedKey } from './share-links.mjs';
import { t } from './i18n.mjs';
import { $, copy, countdown, el, formatBytes, formatDate, relative, say } from './ui.mjs';

const FOLD_BYTES = 16 << 20;
const ZIP_NAME = 'secret-files.zip'; // i18n-ignore: a file name, the same in every language
const SECTIONS = ['loading', 'gone', 'problem', 'unlock', 'content', 'manage'];

const id = decodeURIComponent(location.pathname.split('/')[2] || '');
let manageToken = null;
let linkKey = null;
let keyPasted = false; // the key came pasted, not in the link

/** The key (or manage token) from the fragment; read again when only the fragment changes. */
function readFragment() {
  const fragment = location.hash.slice(1);
  manageToken = fragment.startsWith('manage=') ? fragment.slice('manage='.length) : null;
  linkKey = manageToken === null ? parseKey(fragment) : null;
  keyPasted = false;
  keysFor = { password: undefined, keys: null };
}

const form = $('#unlock-form');
const openButton = $('#open-button');
const notice = $('#unlock-notice');
let meta = null;
let otpRequested = false;
let keysFor = { password: undefined, keys: null };
const objectUrls = [];
readFragment();

function parseKey(text) {
  try {
    const key = bar.b64urlDecode(text);
    return key.length === bar.LINK_KEY_BYTES ? key : null;
  } catch (e) {
    return null;
  }
}

function show(section) {
  for (const name of SECTIONS) {
    $('#' + name).hidden = name !== section;
  }
  const heading = $('#' + section + ' h1');
  if (heading && heading.hasAttribute('tabindex')) {
    heading.focus();
  }
}

function problem(text, retry = false) {
  say($('#problem-notice'), text, 'error');
  $('#retry').hidden = !retry;
  $('#key-form').hidden = true;
  show('problem');
}

function describeMeta(m) {
  return m.kind === 'text' ? t('share.open.kind.text') : t('share.open.kind.file');
}

async function load() {
  show('loading');
  if (manageToken !== null) {
    await loadManage();
    return;
  }
  try {
    meta = await requestJson(`/api/shares/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      show('gone');
    } else {
      problem(describe(error, t('share.open.subject.share')), true);
    }
    return;
  }
  if (meta.zeroKnowledge && !cryptoAvailable()) {
    insecureContext();
    return;
  }
  if (meta.zeroKnowledge && linkKey === null) {
    askForKey();
    return;
  }
  showUnlock();
}

/**
 * A link without its key: the sender may have sent the key apart (issue 13 item 10), so the page
 * takes it pasted. Nothing is sent before the key is whole; a wrong one is refused at unlock
 * (share.link_key_wrong) before a view is spent.
 */
function askForKey() {
  $('#problem-title').textContent = t('share.open.incomplete.title');
  problem(location.hash.length > 1
    ? t('share.open.incomplete.damaged')
    : t('share.open.incomplete.missing'));
  $('#key-form').hidden = false;
  $('#key').removeAttribute('aria-invalid');
  say($('#key-notice'), '');
}

$('#key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = parseKey(pastedKey($('#key').value));
  if (key === null) {
    $('#key').setAttribute('aria-invalid', 'true');
    $('#key').focus();
    say($('#key-notice'), t('share.open.key.not_whole'), 'error');
    return;
  }
  linkKey = key;
  keyPasted = true;
  keysFor = { password: undefined, keys: null };
  $('#key').value = ''; // the key stays in script memory only, as it would from the link
  showUnlock();
});

/** The share's facts and the Open button (no view used yet). */
function showUnlock() {
  $('#meta-kind').textContent = describeMeta(meta);
  $('#meta-expiry').textContent = `${formatDate(meta.expiresAt)} (${relative(meta.expiresAt)})`;
  const protection = [];
  protection.push(meta.zeroKnowledge ? t('share.open.protection.zero_knowledge') : t('share.open.protection.server'));
  if (meta.requiresPassword) {
    protection.push(t('share.protection.password'));
  }
  if (meta.requiresOtp) {
    protection.push(t('share.protection.otp'));
  }
  if (meta.viewOnly) {
    protection.push(t('share.protection.view_only'));
  }
  $('#meta-protection').textContent = protection.join(t('share.protection.separator'));
  $('#password-field').hidden = !meta.requiresPassword;
  $('#email-field').hidden = !meta.requiresOtp;
  openButton.textContent = meta.requiresOtp ? t('share.open.send_code') : t('share.open.open');
  show('unlock');
}

$('#retry').addEventListener('click', load);

const ENDED = {
  views_used: 'share.open.ended.views_used',
  burned_by_owner: 'share.open.ended.burned_by_owner',
  recipient: 'share.open.ended.recipient',
  failed_attempts: 'share.open.ended.failed_attempts',
  tamper: 'share.open.ended.tamper',
  expired: 'share.open.ended.expired',
  upload_abandoned: 'share.open.ended.upload_abandoned',
  burned_by_admin: 'share.open.ended.burned_by_admin',
};

/**
 * The manage link's page (issue 13 item 5): how the share stands, from the share or its tombstone
 * (GET /api/shares/{id}/status with the manage token), instead of "This share no longer exists".
 */
async function loadManage() {
  let status;
  try {
    status = await requestJson(`/api/shares/${encodeURIComponent(id)}/status`, {
      headers: { Authorization: 'Bearer ' + manageToken }, // i18n-ignore: header
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      show('gone');
    } else {
      problem(describe(error, t('share.open.subject.share')), true);
    }
    return;
  }
  const live = status.state === 'active' || status.state === 'locked' || status.state === 'awaiting_upload';
  $('#manage-state').textContent = manageState(status);
  $('#manage-expiry').textContent = `${formatDate(status.expiresAt)} (${relative(status.expiresAt)})`;
  $('#manage-opened').textContent = status.lastOpenedAt
    ? (status.lastOpenedBrowser ? t('share.open.manage.opened_in', { when: formatDate(status.lastOpenedAt), browser: status.lastOpenedBrowser })
      : formatDate(status.lastOpenedAt))
    : t('share.open.manage.not_yet');
  $('#manage-burn').hidden = !live;
  show('manage');
}

function manageState(status) {
  switch (status.state) {
    case 'active':
      return status.viewsLeft === null ? t('share.open.manage.waiting_unlimited')
        : t('share.open.manage.waiting', { count: status.viewsLeft });
    case 'locked':
      return t('share.open.manage.locked', { until: formatDate(status.lockedUntil) });
    case 'awaiting_upload':
      return t('share.open.manage.awaiting_upload');
    case 'expired':
      return t('share.open.manage.expired', { when: formatDate(status.destroyedAt || status.expiresAt) });
    default:
      return t('share.open.manage.ended', { reason: t(ENDED[status.reason] || 'share.open.ended.other'), when: formatDate(status.destroyedAt) });
  }
}

/**
 * Pasting the whole link into a tab that said "incomplete" changes only the fragment: no page
 * load follows, so the page reads the fragment again (issue 13 item 4). A shown secret stays.
 */
window.addEventListener('hashchange', () => {
  if (!$('#content').hidden) {
    return;
  }
  readFragment();
  load();
});

/** WebCrypto exists only in a secure context (HTTPS, or http://localhost). */
function cryptoAvailable() {
  return Boolean(globalThis.isSecureContext && globalThis.crypto && globalThis.crypto.subtle);
}

/** Said before anything is unlocked, so no view is spent (issue 13 item 3). */
function insecureContext() {
  $('#problem-title').textContent = t('share.open.insecure.title');
  say($('#problem-notice'), [t('share.open.insecure.before'), el('a', { href: '/help/https' }, t('share.open.insecure.link')),
    t('share.open.insecure.after')], 'error');
  $('#retry').hidden = true;
  show('problem');
}

/** The keys of a zero-knowledge share; PBKDF2 takes a moment, so the last result is kept. */
async function keysOf(password) {
  if (keysFor.password !== password) {
    keysFor = { password, keys: await bar.deriveKeys(linkKey, password) };
  }
  return keysFor.keys;
}

const progress = {
  show(label, fraction) {
    $('#progress').hidden = false;
    $('#progress-label').textContent = label;
    if (fraction === null) {
      $('#progress-bar').removeAttribute('value');
    } else {
      $('#progress-bar').value = Math.round(fraction * 100);
    }
  },
  hide() {
    $('#progress').hidden = true;
  },
};

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  say(notice, '');
  const body = {};
  const password = $('#password').value;
  if (meta.requiresPassword && password.length === 0) {
    say(notice, t('share.open.password_required'), 'error');
    $('#password').focus();
    return;
  }
  if (meta.requiresOtp) {
    const email = $('#email').value.trim();
    if (!email) {
      say(notice, t('share.open.email_required'), 'error');
      $('#email').focus();
      return;
    }
    body.email = email;
    body.language = document.documentElement.lang; // the code's mail comes in the recipient's language
    const otp = $('#otp').value.trim();
    if (otpRequested && otp !== '') { // an empty code field asks for a new code
      if (!/^[0-9]{6}$/.test(otp)) {
        say(notice, t('share.open.otp_required'), 'error');
        $('#otp').focus();
        return;
      }
      body.otp = otp;
    }
  }
  openButton.disabled = true;
  let keys = null;
  try {
    if (meta.zeroKnowledge) {
      progress.show(meta.requiresPassword ? t('share.create.progress.deriving') : t('share.open.progress.preparing'), null);
      keys = await keysOf(meta.requiresPassword ? password : null);
      body.linkAccessKey = keys.linkAccessKey;
      if (keys.passwordBound) {
        body.accessKey = keys.accessKey;
      }
    } else if (meta.requiresPassword) {
      body.password = password;
    }
    progress.show(t('share.open.progress.unlocking'), null);
    const response = await request(`/api/shares/${encodeURIComponent(id)}/unlock`, { method: 'POST', json: body });
    if (response.status === 202) {
      otpRequested = true;
      $('#otp-field').hidden = false;
      openButton.textContent = t('share.open.open');
      say(notice, t('share.open.otp_sent'), 'ok');
      $('#otp').focus();
      openButton.disabled = false;
      return;
    }
    const unlocked = await response.json();
    if (meta.zeroKnowledge && unlocked.wrappedKey) {
      // a per-recipient link (docs/zero-knowledge-format.md): the link key unwraps the content key,
      // before the view is spent; a failed unwrap is a ContainerError (the link or the share altered)
      keys = { ...keys, contentKey: await unwrap(unlocked.wrappedKey, linkKey) };
    }
    await openContent(unlocked, keys);
  } catch (error) {
    await failed(error);
  } finally {
    progress.hide();
  }
});

async function failed(error) {
  if (error instanceof bar.ContainerError) {
    problem(t('share.open.decrypt_failed'));
    return;
  }
  if (!(error instanceof ApiError)) {
    say(notice, error.message || t('common.problem.unknown'), 'error');
    openButton.disabled = false;
    return;
  }
  // decided on the problem's code (docs/errors.md), never on its English detail
  switch (error.code) {
    case 'resource.not_found':
      show('gone');
      return;
    case 'otp.invalid':
      say(notice, t('share.open.otp_wrong'), 'error');
      $('#otp').focus();
      break;
    case 'ticket.expired':
      say(notice, meta.requiresOtp
        ? t('share.open.too_slow_otp')
        : t('share.open.too_slow'), 'error');
      break;
    case 'share.link_key_wrong':
    case 'share.link_key_required':
      if (keyPasted) {
        openButton.disabled = false; // for the next key (an early try is told to wait: share.retry_later)
        askForKey();
        $('#key').setAttribute('aria-invalid', 'true');
        say($('#key-notice'), t('share.open.key.wrong'), 'error');
        return;
      }
      $('#problem-title').textContent = t('share.open.damaged.title');
      problem(t('share.open.damaged.text'));
      return;
    case 'share.password_wrong':
      await wrongPassword(error.problem || {});
      return;
    case 'share.password_required':
    case 'share.access_key_required':
      say(notice, t('share.open.password_required'), 'error');
      $('#password').focus();
      break;
    case 'share.locked':
      say(notice, t('share.open.locked', { wait: formatWaitLong(error.retryAfter) }), 'error');
      await countdown(openButton, error.retryAfter || 60, (s) => t('share.open.locked_countdown', { wait: formatWaitLong(s) }));
      return;
    case 'share.retry_later':
      await retryLater(error.retryAfter || 1);
      return;
    default:
      if (error.code === 'request.invalid' && error.hasFieldCode('field.required', 'email')) {
        say(notice, t('share.open.email_required'), 'error');
        $('#email').focus();
      } else if (RETRY_LATER.has(error.code)) {
        say(notice, describe(error, t('share.open.subject.secret')), 'error');
        await countdown(openButton, error.retryAfter || 2);
        return;
      } else {
        say(notice, describe(error, t('share.open.subject.secret')), 'error');
      }
  }
  openButton.disabled = false;
}

/**
 * A wrong password (issue 13 item 7): the field is marked and described by the notice, which
 * says how many tries are left before the lock (or the burn), and the wait before the next try is
 * counted down on the button.
 */
async function wrongPassword(problem) {
  const field = $('#password');
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-describedby', 'unlock-notice');
  const left = problem.attemptsLeft;
  const then = problem.thenDestroyed ? 'destroyed' : 'locked';
  const tries = typeof left !== 'number' ? ''
    : ' ' + (left === 0 ? t(`share.open.no_tries_left.${then}`) : t(`share.open.tries_left.${then}`, { count: left }));
  say(notice, t('share.open.wrong_password') + tries, 'error');
  field.select();
  if (problem.nextAttemptIn > 0) {
    await countdown(openButton, problem.nextAttemptIn);
  } else {
    openButton.disabled = false;
  }
}

/**
 * The try came before the wait was over: a short wait (≤ 2 s) runs the pressed attempt by itself
 * when it ends; a longer one is counted down on the button.
 */
async function retryLater(seconds) {
  if (seconds <= 2) {
    say(notice, t('share.open.checking_again', { seconds }), 'info');
    await countdown(openButton, seconds, (s) => t('share.open.checking_in', { seconds: s }));
    say(notice, '');
    form.requestSubmit();
    return;
  }
  say(notice, t('share.open.wait_before_try', { wait: formatWaitLong(seconds) }), 'error');
  await countdown(openButton, seconds);
  say(notice, '');
}

$('#password').addEventListener('input', (e) => {
  e.currentTarget.removeAttribute('aria-invalid');
});

function formatWaitLong(seconds) {
  const s = seconds || 0;
  return s >= 120 ? t('common.unit.minutes_short', { count: Math.ceil(s / 60) }) : t('common.unit.seconds_short', { count: s });
}

/** Redeems the ticket (this uses the view), then decrypts and shows the content. */
async function openContent(unlocked, keys) {
  progress.show(t('share.open.downloading'), 0);
  const response = await request(`/api/shares/${encodeURIComponent(id)}/content`, {
    method: 'POST', json: { ticket: unlocked.ticket },
  });
  afterView(response.headers.get('BAR-Views-Left'), response.headers.get('BAR-Burn-Token'));
  if (!meta.zeroKnowledge) {
    const blob = await readAll(response);
    const name = unlocked.filename || 'secret';
    await showContent({ name: unlocked.kind === 'text' ? undefined : name, type: unlocked.contentType }, blob,
      unlocked.kind === 'text');
    return;
  }
  const chunks = unlocked.kind === 'text'
    ? [bar.b64urlDecode((await response.text()).trim())]
    : download(response);
  const collected = collector();
  progress.show(t('share.open.progress.decrypting'), null);
  let entries = null;
  // a manifest is checked before any content is kept: a damaged one stops the download
  const metadata = await bar.openFramed(chunks, keys.contentKey, collected.add, (m) => {
    entries = bar.isManifest(m) ? bar.checkManifest(m) : null;
  });
  if (entries !== null) {
    const blob = collected.blob();
    bar.checkContentLength(metadata, blob.size);
    showFiles(entries, blob);
    show('content');
    return;
  }
  const isText = typeof metadata.name !== 'string' && String(metadata.type || '').startsWith('text/plain');
  await showContent(metadata, collected.blob(), isText);
}

let burnToken = null;

/**
 * What the download said about the share (issue 13 items 5, 6): the views left after this one
 * (the last view says so plainly) and, when the sender allowed it, the token to burn it now.
 */
function afterView(viewsLeft, token) {
  const note = $('#after-note');
  if (viewsLeft === '0') {
    note.textContent = t('share.open.last_view');
    note.className = 'message info';
  } else if (viewsLeft !== null) {
    const n = Number(viewsLeft);
    note.textContent = t('share.open.views_left', { count: n });
  }
  burnToken = token;
  $('#recipient-burn').hidden = !token;
}

$('#recipient-burn-button').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  button.disabled = true;
  try {
    await request(`/api/shares/${encodeURIComponent(id)}/burn`, { method: 'POST', json: { burnToken } });
    say($('#recipient-burn-notice'), t('share.open.recipient_burned'), 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      say($('#recipient-burn-notice'), t('share.open.recipient_already_gone'), 'info');
    } else {
      button.disabled = false;
      say($('#recipient-burn-notice'), describe(error, t('share.open.subject.secret')), 'error');
    }
  }
});

/** The response body as chunks, with download progress when the length is known. */
async function* download(response) {
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return;
    }
    received += value.length;
    if (total > 0) {
      progress.show(t('share.open.progress.downloading', { done: formatBytes(received), total: formatBytes(total) }), received / total);
    }
    yield value;
  }
}

async function readAll(response) {
  const parts = [];
  for await (const chunk of download(response)) {
    parts.push(chunk);
  }
  return new Blob(parts);
}

/** Collects decrypted pieces into a Blob, folding often so script memory stays small. */
function collector() {
  let blob = new Blob([]);
  let parts = [];
  let pending = 0;
  return {
    add(part) {
      parts.push(part.slice());
      pending += part.length;
      if (pending >= FOLD_BYTES) {
        blob = new Blob([blob, ...parts]);
        parts = [];
        pending = 0;
      }
    },
    blob() {
      return new Blob([blob, ...parts]);
    },
  };
}

async function showContent(metadata, blob, isText) {
  $('#text-view').hidden = true;
  $('#file-view').hidden = true;
  $('#files-view').hidden = true;
  $('#preview-view').hidden = true;
  if (isText) {
    $('#secret').value = await blob.text();
    $('#copy-secret').hidden = meta.viewOnly;
    $('#text-view').hidden = false;
    $('#content-title').textContent = t('share.open.title.text');
  } else if (meta.viewOnly) {
    await showPreview(metadata, blob);
  } else {
    showFile(metadata, blob);
  }
  show('content');
}

function url(blob) {
  const u = URL.createObjectURL(blob);
  objectUrls.push(u);
  return u;
}

function safeName(name) {
  const cleaned = String(name || '').replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 255) : 'secret.bin';
}

function showFile(metadata, blob) {
  const name = safeName(metadata.name);
  $('#content-title').textContent = t('share.open.title.file');
  $('#file-name').textContent = name;
  $('#file-size').textContent = `(${formatBytes(blob.size)})`;
  const link = $('#save-file');
  // a download, never a page: the type says nothing about how to render it
  link.href = url(new Blob([blob], { type: 'application/octet-stream' }));
  link.download = name;
  $('#file-view').hidden = false;
  link.click();
}

/** The last segment of a manifest path: a file saved alone is named by it. */
function baseName(path) {
  return safeName(path.slice(path.lastIndexOf('/') + 1));
}

let shownFiles = null; // {entries, blob} of a share of several files, for "Save all"

/**
 * A share of several files (its manifest checked): the list, a Save link per file and Save all.
 * The decrypted content stays one Blob (the browser's blob storage, not script memory), so every
 * file can be saved again after the one view; each file is a slice of it, never a copy.
 */
function showFiles(entries, blob) {
  shownFiles = { entries, blob };
  saveWorker(); // registered now, so Save all need not wait for it
  $('#content-title').textContent = t('share.files.title');
  $('#files-note').textContent = t('share.files.decrypted', { count: entries.length, size: formatBytes(blob.size) });
  $('#files-body').replaceChildren(...entries.map((entry) => {
    const name = baseName(entry.path);
    // a download, never a page: the sender's type says nothing about how to render it
    const link = el('a', { class: 'button secondary', href: url(blob.slice(entry.offset, entry.offset + entry.size, 'application/octet-stream')),
      download: name, 'aria-label': t('share.files.save_named', { path: entry.path }) }, t('share.files.save'));
    return el('tr', {}, el('td', { class: 'file-name' }, entry.path), el('td', {}, formatBytes(entry.size)),
      el('td', { class: 'actions-cell' }, link));
  }));
  say($('#files-notice'), '');
  $('#files-view').hidden = false;
}

/**
 * Save all: a zip (stored entries, ZIP64 when needed; the vendored client-zip) made as a stream
 * from the slices of the decrypted Blob and written to disk as it is made (save-stream.mjs: the
 * save worker, else the save picker, else a Blob), so neither script memory nor blob storage holds
 * the zip, however large the share. The Blob was kept only after its last segment authenticated.
 */
$('#save-all').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  if (!shownFiles) {
    return;
  }
  button.disabled = true;
  try {
    const { entries, blob } = shownFiles;
    const now = new Date();
    const files = entries.map((entry) => ({
      name: entry.path, input: blob.slice(entry.offset, entry.offset + entry.size), size: entry.size, lastModified: now,
    }));
    let said = 0;
    await saveStream(makeZip(files), {
      name: ZIP_NAME,
      type: 'application/zip',
      size: Number(predictLength(files.map(({ name, size }) => ({ name, size })))),
      onBytes(done) {
        if (Math.floor(done / FOLD_BYTES) !== said) {
          said = Math.floor(done / FOLD_BYTES);
          say($('#files-notice'), t('share.files.zipping', { done: formatBytes(done) }), 'info');
        }
      },
    });
    say($('#files-notice'), t('share.files.zipped', { name: ZIP_NAME }), 'ok');
  } catch (error) {
    say($('#files-notice'), t('share.files.zip_failed'), 'error');
  } finally {
    button.disabled = false;
  }
});

/**
 * View-only files are shown, never offered for download: raster images as an <img> (decoded,
 * never run), PDFs in a frame (Chromium refuses to render a PDF in a sandboxed frame, and the
 * Blob's type pins the PDF viewer), plain text in a sandboxed frame. The bytes must match the
 * type (magic numbers, valid UTF-8), and the Blob gets our type, never the sender's.
 */
async function showPreview(metadata, blob) {
  const name = safeName(metadata.name);
  $('#content-title').textContent = t('share.open.title.file');
  $('#preview-name').textContent = name;
  const preview = $('#preview');
  preview.replaceChildren();
  const kind = await sniff(blob, String(metadata.type || ''));
  if (kind && kind.startsWith('image/')) {
    const img = document.createElement('img');
    img.className = 'preview-image';
    img.alt = t('share.open.preview_of', { name });
    img.src = url(new Blob([blob], { type: kind }));
    preview.append(img);
  } else if (kind === 'application/pdf' || kind === 'text/plain;charset=utf-8') {
    const frame = document.createElement('iframe');
    frame.className = 'preview-frame';
    frame.title = t('share.open.preview_of', { name });
    if (kind !== 'application/pdf') {
      frame.setAttribute('sandbox', '');
    }
    frame.src = url(new Blob([blob], { type: kind }));
    preview.append(frame);
  } else {
    const p = document.createElement('p');
    p.className = 'message info';
    p.textContent = t('share.open.not_previewable');
    preview.append(p);
  }
  $('#preview-view').hidden = false;
}

const MAGIC = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

async function sniff(blob, claimed) {
  const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
  for (const [type, magic] of MAGIC) {
    if (magic.every((b, i) => head[i] === b)) {
      return type;
    }
  }
  if (head.length >= 12 && String.fromCharCode(...head.slice(0, 4)) === 'RIFF'
      && String.fromCharCode(...head.slice(8, 12)) === 'WEBP') {
    return 'image/webp';
  }
  if (claimed.startsWith('text/plain') && blob.size <= 16 << 20) {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return bytes.includes(0) ? null : 'text/plain;charset=utf-8';
    } catch (e) {
      return null;
    }
  }
  return null;
}

$('#copy-secret').addEventListener('click', (e) => copy($('#secret').value, e.currentTarget));

$('#manage-burn').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  if (!window.confirm(t('share.open.manage.burn_confirm'))) {
    return;
  }
  button.disabled = true;
  try {
    await request(`/api/shares/${encodeURIComponent(id)}`, {
      method: 'DELETE', headers: { Authorization: 'Bearer ' + manageToken }, // i18n-ignore: header
    });
    say($('#manage-notice'), t('share.burn.done'), 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      say($('#manage-notice'), t('share.open.manage.already_gone'), 'info');
    } else {
      button.disabled = false;
      say($('#manage-notice'), describe(error, t('share.open.subject.share')), 'error');
    }
  }
});

window.addEventListener('pagehide', () => objectUrls.forEach((u) => URL.revokeObjectURL(u)));

load();
