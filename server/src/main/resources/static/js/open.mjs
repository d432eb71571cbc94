// The open page (/s/{id}#<key>): reads the share's public metadata (no view used), and only on
// the explicit "Open" click unlocks it (password → access key for zero-knowledge shares, email
// and one-time code when required), redeems the ticket, decrypts in the browser and shows the
// text, saves the file, or previews it when the sender chose view-only. A link preview or a page
// load never uses a view. "#manage=<token>" links show the burn button instead.
import { ApiError, RETRY_LATER, describe, request, requestJson } from './api.mjs';
import * as bar from './bar-format.mjs';
import './nav.mjs';
import { pastedKey } from './share-links.mjs';
import { $, copy, countdown, el, formatBytes, formatDate, relative, say } from './ui.mjs';

const FOLD_BYTES = 16 << 20;
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
  return m.kind === 'text' ? 'A text secret' : 'A file';
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
      problem(describe(error, 'This share'), true);
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
  $('#problem-title').textContent = 'This link is incomplete';
  problem(location.hash.length > 1
    ? 'The key after the # in the link is damaged. Paste the key below if the sender sent it to you separately, or ask for the whole link: without the key nobody can decrypt the secret.'
    : 'The key is not in the link. If the sender sent it to you separately, paste it below; otherwise ask for the whole link: without the key nobody can decrypt the secret.');
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
    say($('#key-notice'), 'That is not a whole key: it has 43 letters, digits, - and _. Paste it again, exactly as it was sent.', 'error');
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
  protection.push(meta.zeroKnowledge ? 'end-to-end encrypted (zero-knowledge)' : 'encrypted on the server');
  if (meta.requiresPassword) {
    protection.push('password');
  }
  if (meta.requiresOtp) {
    protection.push('email one-time code');
  }
  if (meta.viewOnly) {
    protection.push('view only');
  }
  $('#meta-protection').textContent = protection.join(', ');
  $('#password-field').hidden = !meta.requiresPassword;
  $('#email-field').hidden = !meta.requiresOtp;
  openButton.textContent = meta.requiresOtp ? 'Send me a code' : 'Open';
  show('unlock');
}

$('#retry').addEventListener('click', load);

const ENDED = {
  views_used: 'It was opened: its last view is used, and it is destroyed.',
  burned_by_owner: 'It was burned with this manage link or from the dashboard.',
  recipient: 'The recipient destroyed it after reading.',
  failed_attempts: 'It was destroyed after too many wrong passwords.',
  tamper: 'It was destroyed: its stored content had been altered.',
  expired: 'It expired before it was opened.',
  upload_abandoned: 'Its upload never finished, so it was removed.',
  burned_by_admin: 'An administrator of this service burned it.',
};

/**
 * The manage link's page (issue 13 item 5): how the share stands, from the share or its tombstone
 * (GET /api/shares/{id}/status with the manage token), instead of "This share no longer exists".
 */
async function loadManage() {
  let status;
  try {
    status = await requestJson(`/api/shares/${encodeURIComponent(id)}/status`, {
      headers: { Authorization: 'Bearer ' + manageToken },
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      show('gone');
    } else {
      problem(describe(error, 'This share'), true);
    }
    return;
  }
  const live = status.state === 'active' || status.state === 'locked' || status.state === 'awaiting_upload';
  $('#manage-state').textContent = manageState(status);
  $('#manage-expiry').textContent = `${formatDate(status.expiresAt)} (${relative(status.expiresAt)})`;
  $('#manage-opened').textContent = status.lastOpenedAt
    ? `${formatDate(status.lastOpenedAt)}${status.lastOpenedBrowser ? ` in ${status.lastOpenedBrowser}` : ''}`
    : 'not yet';
  $('#manage-burn').hidden = !live;
  show('manage');
}

function manageState(status) {
  switch (status.state) {
    case 'active':
      return status.viewsLeft === null ? 'Waiting to be opened (no view limit)'
        : `Waiting to be opened: ${status.viewsLeft} ${status.viewsLeft === 1 ? 'view' : 'views'} left`;
    case 'locked':
      return `Locked after too many wrong passwords, until ${formatDate(status.lockedUntil)}`;
    case 'awaiting_upload':
      return 'Its upload has not finished';
    case 'expired':
      return `Expired (${formatDate(status.destroyedAt || status.expiresAt)})`;
    default:
      return `${ENDED[status.reason] || 'It is destroyed.'} (${formatDate(status.destroyedAt)})`;
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
  $('#problem-title').textContent = 'This page must be served over HTTPS';
  say($('#problem-notice'), ['This secret is decrypted in your browser, and browsers allow that only on pages served over HTTPS (or on localhost). No view was used. Open the link with https:// instead, or ask whoever runs this server to ',
    el('a', { href: '/help/https' }, 'serve it over HTTPS'), '.'], 'error');
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
    say(notice, 'Enter the password first.', 'error');
    $('#password').focus();
    return;
  }
  if (meta.requiresOtp) {
    const email = $('#email').value.trim();
    if (!email) {
      say(notice, 'Enter your email address first.', 'error');
      $('#email').focus();
      return;
    }
    body.email = email;
    body.language = document.documentElement.lang; // the code's mail comes in the recipient's language
    const otp = $('#otp').value.trim();
    if (otpRequested && otp !== '') { // an empty code field asks for a new code
      if (!/^[0-9]{6}$/.test(otp)) {
        say(notice, 'Enter the 6-digit code from the email.', 'error');
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
      progress.show(meta.requiresPassword ? 'Deriving the key from the password…' : 'Preparing…', null);
      keys = await keysOf(meta.requiresPassword ? password : null);
      body.linkAccessKey = keys.linkAccessKey;
      if (keys.passwordBound) {
        body.accessKey = keys.accessKey;
      }
    } else if (meta.requiresPassword) {
      body.password = password;
    }
    progress.show('Unlocking…', null);
    const response = await request(`/api/shares/${encodeURIComponent(id)}/unlock`, { method: 'POST', json: body });
    if (response.status === 202) {
      otpRequested = true;
      $('#otp-field').hidden = false;
      openButton.textContent = 'Open';
      say(notice, 'If this address may open the secret, a 6-digit code is on its way to it. It is valid for 10 minutes.', 'ok');
      $('#otp').focus();
      openButton.disabled = false;
      return;
    }
    const unlocked = await response.json();
    await openContent(unlocked, keys);
  } catch (error) {
    await failed(error);
  } finally {
    progress.hide();
  }
});

async function failed(error) {
  if (error instanceof bar.ContainerError) {
    problem('The secret could not be decrypted: the link is not the one the sender made, or the content was altered. Nothing of it is shown.');
    return;
  }
  if (!(error instanceof ApiError)) {
    say(notice, error.message || 'Something went wrong.', 'error');
    openButton.disabled = false;
    return;
  }
  // decided on the problem's code (docs/errors.md), never on its English detail
  switch (error.code) {
    case 'resource.not_found':
      show('gone');
      return;
    case 'otp.invalid':
      say(notice, 'That code is wrong, used or expired. Check the email, or ask for a new code by clearing the code field.', 'error');
      $('#otp').focus();
      break;
    case 'ticket.expired':
      say(notice, meta.requiresOtp
        ? 'Opening took too long, and the code is used up: clear the code field and press Open for a new one.'
        : 'Opening took too long; press Open again.', 'error');
      break;
    case 'share.link_key_wrong':
    case 'share.link_key_required':
      if (keyPasted) {
        openButton.disabled = false; // for the next key (an early try is told to wait: share.retry_later)
        askForKey();
        $('#key').setAttribute('aria-invalid', 'true');
        say($('#key-notice'), 'That key is not this secret\'s: a character was changed or lost when it was copied. No view was used. Paste it again, or ask the sender for it.', 'error');
        return;
      }
      $('#problem-title').textContent = 'This link is damaged';
      problem('The key after the # in the link is not this secret\'s: a character was changed or lost when it was copied. No view was used. Copy the whole link from the message again, or ask the sender for it.');
      return;
    case 'share.password_wrong':
      await wrongPassword(error.problem || {});
      return;
    case 'share.password_required':
    case 'share.access_key_required':
      say(notice, 'Enter the password first.', 'error');
      $('#password').focus();
      break;
    case 'share.locked':
      say(notice, `This secret is locked after too many wrong passwords. Try again in ${formatWaitLong(error.retryAfter)}.`, 'error');
      await countdown(openButton, error.retryAfter || 60, (s) => `Locked (${formatWaitLong(s)})`);
      return;
    case 'share.retry_later':
      await retryLater(error.retryAfter || 1);
      return;
    default:
      if (error.code === 'request.invalid' && error.hasFieldCode('field.required', 'email')) {
        say(notice, 'Enter your email address first.', 'error');
        $('#email').focus();
      } else if (RETRY_LATER.has(error.code)) {
        say(notice, describe(error, 'This secret'), 'error');
        await countdown(openButton, error.retryAfter || 2);
        return;
      } else {
        say(notice, describe(error, 'This secret'), 'error');
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
  const then = problem.thenDestroyed ? 'destroyed' : 'locked for an hour';
  const tries = typeof left === 'number'
    ? ` ${left === 0 ? 'No tries' : left === 1 ? '1 try' : `${left} tries`} left before the secret is ${then}.` : '';
  say(notice, 'Wrong password.' + tries, 'error');
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
    say(notice, `Checking again in ${seconds} s…`, 'info');
    await countdown(openButton, seconds, (s) => `Checking in ${s} s`);
    say(notice, '');
    form.requestSubmit();
    return;
  }
  say(notice, `Wait ${formatWaitLong(seconds)} before the next try.`, 'error');
  await countdown(openButton, seconds);
  say(notice, '');
}

$('#password').addEventListener('input', (e) => {
  e.currentTarget.removeAttribute('aria-invalid');
});

function formatWaitLong(seconds) {
  const s = seconds || 0;
  return s >= 120 ? `${Math.ceil(s / 60)} min` : `${s} s`;
}

/** Redeems the ticket (this uses the view), then decrypts and shows the content. */
async function openContent(unlocked, keys) {
  progress.show('Downloading…', 0);
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
  progress.show('Decrypting…', null);
  const metadata = await bar.openFramed(chunks, keys.contentKey, collected.add);
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
    note.textContent = 'That was the last view: it is destroyed now. Copy it before you leave.';
    note.className = 'message info';
  } else if (viewsLeft !== null) {
    const n = Number(viewsLeft);
    note.textContent = `This view has been counted: ${n} ${n === 1 ? 'view is' : 'views are'} left.`;
  }
  burnToken = token;
  $('#recipient-burn').hidden = !token;
}

$('#recipient-burn-button').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  button.disabled = true;
  try {
    await request(`/api/shares/${encodeURIComponent(id)}/burn`, { method: 'POST', json: { burnToken } });
    say($('#recipient-burn-notice'), 'Destroyed: nobody can open it any more. Keep what you need before you leave this page.', 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      say($('#recipient-burn-notice'), 'It is already gone: it was read to the end, expired or burned.', 'info');
    } else {
      button.disabled = false;
      say($('#recipient-burn-notice'), describe(error, 'This secret'), 'error');
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
      progress.show(`Downloading and decrypting… ${formatBytes(received)} of ${formatBytes(total)}`, received / total);
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
  $('#preview-view').hidden = true;
  if (isText) {
    $('#secret').value = await blob.text();
    $('#copy-secret').hidden = meta.viewOnly;
    $('#text-view').hidden = false;
    $('#content-title').textContent = 'The secret text';
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
  $('#content-title').textContent = 'The secret file';
  $('#file-name').textContent = name;
  $('#file-size').textContent = `(${formatBytes(blob.size)})`;
  const link = $('#save-file');
  // a download, never a page: the type says nothing about how to render it
  link.href = url(new Blob([blob], { type: 'application/octet-stream' }));
  link.download = name;
  $('#file-view').hidden = false;
  link.click();
}

/**
 * View-only files are shown, never offered for download: raster images as an <img> (decoded,
 * never run), PDFs in a frame (Chromium refuses to render a PDF in a sandboxed frame, and the
 * Blob's type pins the PDF viewer), plain text in a sandboxed frame. The bytes must match the
 * type (magic numbers, valid UTF-8), and the Blob gets our type, never the sender's.
 */
async function showPreview(metadata, blob) {
  const name = safeName(metadata.name);
  $('#content-title').textContent = 'The secret file';
  $('#preview-name').textContent = name;
  const preview = $('#preview');
  preview.replaceChildren();
  const kind = await sniff(blob, String(metadata.type || ''));
  if (kind && kind.startsWith('image/')) {
    const img = document.createElement('img');
    img.className = 'preview-image';
    img.alt = `Preview of ${name}`;
    img.src = url(new Blob([blob], { type: kind }));
    preview.append(img);
  } else if (kind === 'application/pdf' || kind === 'text/plain;charset=utf-8') {
    const frame = document.createElement('iframe');
    frame.className = 'preview-frame';
    frame.title = `Preview of ${name}`;
    if (kind !== 'application/pdf') {
      frame.setAttribute('sandbox', '');
    }
    frame.src = url(new Blob([blob], { type: kind }));
    preview.append(frame);
  } else {
    const p = document.createElement('p');
    p.className = 'message info';
    p.textContent = 'This kind of file cannot be shown in the browser, and the sender turned off downloads. Ask the sender to share it again without "view only".';
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
  if (!window.confirm('Destroy this secret now? Its link will stop working.')) {
    return;
  }
  button.disabled = true;
  try {
    await request(`/api/shares/${encodeURIComponent(id)}`, {
      method: 'DELETE', headers: { Authorization: 'Bearer ' + manageToken },
    });
    say($('#manage-notice'), 'Burned. The link no longer opens anything.', 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'resource.not_found') {
      say($('#manage-notice'), 'It is already gone: read, expired or burned — or this manage link is not valid.', 'info');
    } else {
      button.disabled = false;
      say($('#manage-notice'), describe(error, 'This share'), 'error');
    }
  }
});

window.addEventListener('pagehide', () => objectUrls.forEach((u) => URL.revokeObjectURL(u)));

load();
