// The create page (/): encrypts a text or a file in the browser (zero-knowledge, always), creates
// the share with the policy, uploads the container and shows the link (key in the fragment), a
// QR code and the manage link. Nothing secret goes into storage, the URL path or query. A
// signed-in sender may ask for one link per recipient (docs/zero-knowledge-format.md,
// "Per-recipient links"): the content is encrypted and uploaded once, each recipient gets a link.
import { ApiError, currentAccount, describe, request, requestJson } from './api.mjs';
import * as bar from './bar-format.mjs';
import { MAX_RECIPIENTS, MIN_RECIPIENTS, newRecipients } from './recipient-keys.mjs';
import { session } from './nav.mjs';
import { generatePassword } from './passwords.mjs';
import { qrSvg } from './qr.mjs';
import { offerRequestForm } from './request-new.mjs';
import { customExpiryProblem, expiryChoices, tierOf, tooLarge, uploadLimitText, viewChoices } from './share-limits.mjs';
import { splitLink } from './share-links.mjs';
import { encrypt, upload } from './upload.mjs';
import { offerMail } from './share-mail.mjs';
import { describeCreateProblem } from './share-problems.mjs';
import { t } from './i18n.mjs';
import { $, announce, copy, el, formatBytes, formatDate, markInvalid, relative, say } from './ui.mjs';

/** Text shares carry their container base64url in `text` while it fits the server's text limit (1 MiB by default). */
const TEXT_LIMIT = 1000000;
/** The server's shortest expiry, while its limits are not known. */
const MIN_EXPIRY = 60;

const form = $('#create-form');
const button = $('#create-button');
const notice = $('#create-notice');
const fileInput = $('#secret-file');
const folderInput = $('#secret-folder');
const dropzone = $('#dropzone');
/**
 * The chosen files, each {path, file}: picks, folders and drops add to it (a folder's files under
 * paths that start with its name). One file is shared as today; several go into one container
 * with a manifest (docs/zero-knowledge-format.md). The File objects are read segment by segment
 * while encrypting, never all at once.
 */
let chosen = [];

let account = null;
let current = null; // [{id, manageToken}] of the share (or the recipients' shares) on the result page
/** The most a label (a recipient's, like the owner's) may hold, as the server counts it. */
const MAX_LABEL = 100;
/** The server's limits (GET /api/shares/limits); null when it gave none: then the server alone decides. */
const limitsLoaded = requestJson('/api/shares/limits').catch(() => null);
let limits = null;

/**
 * WebCrypto exists only in a secure context (HTTPS, or http://localhost): without it nothing can
 * be encrypted, so the page says why up front instead of failing on the first click (issue 13 item 3).
 */
if (!(globalThis.isSecureContext && globalThis.crypto && globalThis.crypto.subtle)) {
  button.disabled = true;
  say(notice, [t('share.create.insecure.before'), el('a', { href: '/help/https' }, t('share.create.insecure.link')),
    t('share.create.insecure.after')], 'error');
}

session.then((who) => {
  account = who;
  $('#webhook-field').hidden = !who;
  $('#label-field').hidden = !who;
  $('#recipients-option').hidden = !who; // per-recipient links are for signed-in senders only
  if (!who) {
    $('#per-recipient').checked = false;
    showRecipients();
  }
  $('#signed-in-note').textContent = who
    ? t('share.create.note.signed_in')
    : t('share.create.note.anonymous');
});

Promise.all([session, limitsLoaded]).then(([who, loaded]) => {
  limits = loaded;
  offerChoices(who !== null);
});

/**
 * Only what this person may pick (issue 13 item 8): the expiries and view counts within their
 * limits, and the upload limit on the drop zone. A choice the person already made is kept when
 * it is still allowed.
 */
function offerChoices(signedIn) {
  if (!limits) {
    return;
  }
  fillSelect($('#expiry'), [...expiryChoices(limits, signedIn), { value: 'custom', label: t('share.create.custom'), selected: false }]);
  fillSelect($('#views'), viewChoices(limits, signedIn));
  $('#file-limit').textContent = `${uploadLimitText(limits, signedIn)} ${t('share.create.encrypted_in_your_browser_in')}`;
  if (!tierOf(limits, signedIn).canCreate) {
    button.disabled = true;
    say(notice, [t('share.create.signed_in_only.before'), el('a', { href: '/login' }, t('share.create.signed_in_only.link')),
      t('share.create.signed_in_only.after')], 'info');
  }
  showChosenFile();
}

function fillSelect(select, choices) {
  const chosen = select.dataset.touched ? select.value : null;
  select.replaceChildren(...choices.map((c) => el('option', { value: c.value, selected: c.selected }, c.label)));
  const keep = choices.find((c) => c.value === chosen) || choices.find((c) => c.selected) || choices[0];
  select.value = keep.value;
  $('#custom-expiry').hidden = $('#expiry').value !== 'custom';
}

for (const select of [$('#expiry'), $('#views')]) {
  select.addEventListener('change', () => {
    select.dataset.touched = 'true';
  });
}

/** Null when the upload of {@code plainBytes} of plaintext fits this person's limit, else what to say. */
function sizeProblem(what, plainBytes) {
  return limits ? tooLarge(what, plainBytes, bar.containerSize(plainBytes), limits, account !== null) : null;
}

/** The framed plaintext's size: the metadata frame, then the content. */
function framedSize(metadata, contentBytes) {
  return 4 + new TextEncoder().encode(JSON.stringify(metadata)).length + contentBytes;
}

function fileMetadata(file) {
  return { name: file.name, type: file.type || 'application/octet-stream', size: file.size };
}

/**
 * The page's mode (issue 18 item 5): 'text', 'file' or 'request', chosen in the radio group above
 * the form. It is outside the form, so a reset after a share keeps it for the next one.
 */
function kind() {
  return document.querySelector('input[name="kind"]:checked').value;
}

/** The mode in the address (?mode=files, ?mode=request; none for a text secret), so a reload keeps it. */
const MODE_PARAMS = { text: null, file: 'files', request: 'request' };
let requestOffered = false;

function showKind() {
  const mode = kind();
  $('#text-field').hidden = mode !== 'text';
  $('#file-field').hidden = mode !== 'file';
  form.hidden = mode === 'request';
  $('#request-mode').hidden = mode !== 'request';
  if (mode === 'request' && !requestOffered) {
    requestOffered = true;
    session.then(offerRequest);
  }
}

/** Signed in: the request form (request-new.mjs, as on /r/new); anonymous: requests need an account. */
function offerRequest(who) {
  $('#request-sign-in').hidden = Boolean(who);
  $('#request-new').hidden = !who;
  if (who) {
    offerRequestForm(() => {
      $('#request-new').hidden = true;
      $('#request-made').hidden = false;
      $('#made-title').focus();
    });
  }
}

function keepModeInAddress() {
  const url = new URL(location.href);
  const param = MODE_PARAMS[kind()];
  if (param) {
    url.searchParams.set('mode', param);
  } else {
    url.searchParams.delete('mode');
  }
  history.replaceState(history.state, '', url.pathname + url.search);
}

for (const radio of document.querySelectorAll('input[name="kind"]')) {
  radio.addEventListener('change', () => {
    showKind();
    keepModeInAddress();
  });
}
const askedMode = Object.keys(MODE_PARAMS).find((m) => MODE_PARAMS[m] !== null
  && MODE_PARAMS[m] === new URLSearchParams(location.search).get('mode'));
if (askedMode) {
  $('#kind-' + askedMode).checked = true;
}
showKind();
$('#expiry').addEventListener('change', () => {
  $('#custom-expiry').hidden = $('#expiry').value !== 'custom';
});
/**
 * A generated password (issue 13 item 10) is shown, so the sender can read it and copy it for the
 * recipient (on another channel than the link); it is used like a typed one.
 */
$('#generate-password').addEventListener('click', () => {
  const field = $('#password');
  field.value = generatePassword();
  field.type = 'text';
  $('#copy-password').hidden = false;
  announce(t('share.create.password_generated'));
});
$('#copy-password').addEventListener('click', (e) => copy($('#password').value, e.currentTarget));

function hidePassword() {
  $('#password').type = 'password';
  $('#copy-password').hidden = true;
}

$('#require-otp').addEventListener('change', () => {
  $('#otp-field').hidden = !$('#require-otp').checked;
});

// ---- one link per recipient -------------------------------------------------------------

const recipientList = $('#recipient-list');
$('#recipients-hint').textContent = t('share.recipients.hint', { min: MIN_RECIPIENTS, max: MAX_RECIPIENTS });

function perRecipient() {
  return account !== null && $('#per-recipient').checked;
}

/** Adds a row for one recipient's label and focuses it. */
function addRecipient(focus = true) {
  const input = el('input', { type: 'text', maxlength: String(MAX_LABEL), autocomplete: 'off', class: 'recipient-label' });
  const label = el('label', {});
  const remove = el('button', { type: 'button', class: 'secondary small remove-recipient' }, t('share.recipients.remove'));
  remove.addEventListener('click', () => {
    const row = remove.closest('li');
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    numberRecipients();
    (next ? next.querySelector('input') : $('#add-recipient')).focus();
  });
  recipientList.append(el('li', {}, label, el('div', { class: 'link-box' }, input, remove)));
  numberRecipients();
  if (focus) {
    input.focus();
  }
}

/** Numbers the rows (ids, labels, the server's field names) and allows adding or removing within 2 … 20. */
function numberRecipients() {
  const rows = Array.from(recipientList.children);
  rows.forEach((row, i) => {
    const input = row.querySelector('input');
    input.id = `recipient-${i + 1}`;
    input.dataset.field = `recipients[${i}].label`;
    row.querySelector('label').htmlFor = input.id;
    row.querySelector('label').textContent = t('share.recipients.name', { number: i + 1 });
    const remove = row.querySelector('button');
    remove.setAttribute('aria-label', t('share.recipients.remove_named', { number: i + 1 }));
    remove.disabled = rows.length <= MIN_RECIPIENTS;
  });
  $('#add-recipient').disabled = rows.length >= MAX_RECIPIENTS;
}

/** With one link per recipient there is no password and no one-time code: the server refuses them. */
function showRecipients() {
  const on = perRecipient();
  $('#recipients-field').hidden = !on;
  if (on && recipientList.children.length === 0) {
    while (recipientList.children.length < MIN_RECIPIENTS) {
      addRecipient(false);
    }
  }
  for (const selector of ['#password', '#generate-password', '#require-otp', '#otp-emails', '#share-label']) {
    $(selector).disabled = on;
  }
  if (on) {
    $('#password').value = '';
    hidePassword();
    $('#require-otp').checked = false;
    $('#otp-field').hidden = true;
  }
}

$('#per-recipient').addEventListener('change', () => {
  showRecipients();
  if (perRecipient()) {
    recipientList.querySelector('input').focus();
  }
});
$('#add-recipient').addEventListener('click', () => addRecipient());

/** The recipients' labels as the server will take them (trimmed, NFC), or throws what to fix. */
function recipientLabels() {
  const inputs = Array.from(recipientList.querySelectorAll('input'));
  if (inputs.length < MIN_RECIPIENTS || inputs.length > MAX_RECIPIENTS) {
    throw fieldError('#add-recipient', t('share.recipients.count', { min: MIN_RECIPIENTS, max: MAX_RECIPIENTS }));
  }
  const seen = new Map();
  return inputs.map((input) => {
    const label = input.value.trim().normalize('NFC');
    if (label.length === 0) {
      throw fieldError('#' + input.id, t('share.recipients.label_required'));
    }
    if (label.length > MAX_LABEL) {
      throw fieldError('#' + input.id, t('share.recipients.label_too_long', { max: MAX_LABEL }));
    }
    const folded = label.toLowerCase();
    if (seen.has(folded)) {
      throw fieldError('#' + input.id, t('share.recipients.label_duplicate', { label }));
    }
    seen.set(folded, true);
    return label;
  });
}

/** The metadata and content of the chosen files: one file as today, several with their manifest. */
function chosenPlaintext() {
  if (chosen.length === 1) {
    const { file } = chosen[0];
    return { what: file.name, metadata: fileMetadata(file), content: file };
  }
  let metadata;
  try {
    metadata = bar.fileManifest(chosen);
  } catch (error) {
    throw new Error(error instanceof bar.ManifestTooLarge
      ? t('share.files.too_many', { max: bar.MAX_FILES }) : t('share.files.names_refused'));
  }
  // a Blob of Files refers to them; seal() reads it one segment at a time
  return { what: t('share.files.the_selection'), metadata, content: new Blob(chosen.map((c) => c.file)) };
}

/** Lists the chosen files with their sizes and total, and says at once when they are more than this person may send. */
function showChosenFile() {
  const total = chosen.reduce((n, c) => n + c.file.size, 0);
  $('#file-chosen').textContent = chosen.length === 0 ? ''
    : chosen.length === 1 ? `${chosen[0].path} (${formatBytes(total)})`
      : t('share.files.total', { count: chosen.length, size: formatBytes(total) });
  const list = $('#file-list');
  list.replaceChildren(...(chosen.length > 1 ? chosen : []).map((c) => el('li', {},
    el('span', { class: 'path' }, c.path), el('span', { class: 'size' }, formatBytes(c.file.size)))));
  list.hidden = chosen.length < 2;
  $('#clear-files').hidden = chosen.length === 0;
  let problem = null;
  if (chosen.length > 0) {
    try {
      const plain = chosenPlaintext();
      problem = sizeProblem(plain.what, framedSize(plain.metadata, total));
    } catch (error) {
      problem = error.message;
    }
  }
  if (problem) {
    fileInput.setAttribute('aria-invalid', 'true');
    say(notice, problem, 'error');
  } else if (fileInput.hasAttribute('aria-invalid')) {
    fileInput.removeAttribute('aria-invalid');
    say(notice, '');
  }
}

/** Adds files to the choice; a file under a path already chosen replaces it. */
function addFiles(items) {
  const byPath = new Map(chosen.map((c) => [c.path, c]));
  for (const item of items) {
    byPath.set(item.path, item);
  }
  chosen = [...byPath.values()];
  showChosenFile();
}

fileInput.addEventListener('change', () => {
  addFiles(Array.from(fileInput.files, (file) => ({ path: file.name, file })));
  fileInput.value = '';
});
folderInput.addEventListener('change', () => {
  // webkitRelativePath is "folder/sub/name": empty directories are not listed, and are not carried
  addFiles(Array.from(folderInput.files, (file) => ({ path: file.webkitRelativePath || file.name, file })));
  folderInput.value = '';
});
$('#choose-folder').addEventListener('click', () => folderInput.click());
$('#clear-files').addEventListener('click', () => {
  chosen = [];
  showChosenFile();
  fileInput.focus();
});

/** The files of dropped items: folders walked through their entries (DataTransferItem.webkitGetAsEntry). */
async function droppedFiles(dataTransfer) {
  const entries = Array.from(dataTransfer.items || [], (item) => (item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return Array.from(dataTransfer.files, (file) => ({ path: file.name, file }));
  }
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      out.push({ path: entry.fullPath.replace(/^\/+/, ''), file });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) { // readEntries gives a directory's entries in batches, an empty one at the end
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) {
          break;
        }
        for (const child of batch) {
          await walk(child);
        }
      }
    }
  };
  for (const entry of entries) {
    await walk(entry);
  }
  return out;
}
dropzone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropzone.classList.add('over');
});
dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
dropzone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropzone.classList.remove('over');
  if (e.dataTransfer && e.dataTransfer.items.length + e.dataTransfer.files.length > 0) {
    droppedFiles(e.dataTransfer).then(addFiles, () => say(notice, t('share.files.drop_failed'), 'error'));
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
    const problem = limits ? customExpiryProblem(seconds, limits, account !== null)
      : !Number.isFinite(seconds) || seconds < MIN_EXPIRY ? t('share.create.custom_expiry_minimum') : null;
    if (problem) {
      throw fieldError('#custom-amount', problem);
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
  if ($('#require-otp').checked && !perRecipient()) {
    const emails = $('#otp-emails').value.split(/[\s,;]+/).map((e) => e.trim()).filter((e) => e.length > 0);
    if (emails.length === 0 || emails.length > 10) {
      throw fieldError('#otp-emails', t('share.problem.otp_emails_size', { min: 1, max: 10 }));
    }
    policy.requireOtp = true;
    policy.otpEmails = emails;
  }
  if ($('#view-only').checked) {
    if (kind() === 'file' && chosen.length > 1) {
      throw fieldError('#view-only', t('share.files.view_only_one'));
    }
    const file = kind() === 'file' && chosen.length === 1 ? chosen[0].file : null;
    if (file && !previewable(file)) {
      throw fieldError('#view-only', t('share.create.not_previewable', { name: file.name }));
    }
    policy.viewOnly = true;
  }
  if ($('#allow-recipient-burn').checked) {
    policy.allowRecipientBurn = true;
  }
  const webhook = $('#webhook-url').value.trim();
  if (account && webhook) {
    policy.webhookUrl = webhook;
  }
  const label = $('#share-label').value.trim();
  if (account && label && !perRecipient()) {
    policy.label = label; // the owner's alone: sealed at rest, never shown to the recipient
  }
  return policy;
}

/**
 * Whether the open page can show this file in view-only mode (it checks the bytes again there):
 * decided on the file's type before anything is encrypted or uploaded (issue 13 item 2).
 */
function previewable(file) {
  const type = String(file.type || '');
  return ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'].includes(type)
    || type.startsWith('text/plain');
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
  let files = null;
  let labels = null;
  try {
    if (kind() === 'text' && text.length === 0) {
      throw fieldError('#secret-text', t('share.problem.text_required'));
    }
    if (kind() === 'file' && chosen.length === 0) {
      throw fieldError('#secret-file', t('share.create.file_required'));
    }
    try {
      files = kind() === 'file' ? chosenPlaintext() : null;
    } catch (error) {
      throw fieldError('#secret-file', error.message);
    }
    policy = readPolicy();
    labels = perRecipient() ? recipientLabels() : null;
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
      delete policy.label;
      if (labels) {
        throw new Error(t('share.recipients.session_ended'));
      }
      if (policy.unlimitedViews) {
        throw new Error(t('share.create.session_ended_unlimited'));
      }
    }
    limits = await limitsLoaded;
    const what = kind() === 'text' ? t('share.create.the_secret_text') : files.what;
    const textBytes = kind() === 'text' ? new TextEncoder().encode(text) : null;
    const plainBytes = textBytes ? framedSize({ type: bar.TEXT_TYPE }, textBytes.length)
      : framedSize(files.metadata, files.content.size);
    const asText = textBytes !== null && encodedLength(bar.containerSize(plainBytes)) <= textLimit();
    const tooBig = asText ? null : sizeProblem(what, plainBytes);
    if (tooBig) {
      throw fieldError(kind() === 'text' ? '#secret-text' : '#secret-file', tooBig); // before any key, share or upload
    }
    const password = labels ? '' : $('#password').value;
    progress.show(password ? t('share.create.progress.deriving') : t('share.create.encrypting'), null);
    let linkKey = null;
    let keys;
    let recipients = null;
    if (labels) {
      // one content key, wrapped under each recipient's own link key; no top-level link verifier
      const made = await newRecipients(labels);
      recipients = made.recipients;
      keys = { contentKey: made.contentKey, passwordBound: false };
      policy.recipients = recipients.map((r) => ({ label: r.label, linkVerifier: r.linkVerifier, wrappedKey: r.wrappedKey }));
    } else {
      linkKey = bar.newLinkKey();
      keys = await bar.deriveKeys(linkKey, password);
      policy.linkVerifier = keys.linkVerifier; // the server refuses a damaged link before a view is spent
      if (keys.passwordBound) {
        policy.accessVerifier = keys.verifier;
      }
    }
    let created;
    if (asText) {
      const plaintext = bar.framedPlaintext({ type: bar.TEXT_TYPE }, textBytes);
      const encoded = bar.b64urlEncode(await bar.sealToBytes(plaintext, keys.contentKey, keys.passwordBound));
      created = await createShare({ ...policy, kind: 'text', text: encoded });
    } else if (textBytes) {
      created = await createFileShare(policy, bar.framedPlaintext({ type: bar.TEXT_TYPE }, textBytes), keys);
    } else {
      created = await createFileShare(policy, bar.framedPlaintext(files.metadata, files.content), keys);
    }
    if (recipients) {
      keys.contentKey.fill(0);
      showRecipientsResult(created, recipients, policy);
    } else {
      showResult(created, linkKey, policy, keys.passwordBound);
    }
  } catch (error) {
    if (error instanceof ApiError) {
      say(notice, describeCreateProblem(error, account !== null), 'error');
      markInvalid(form, error);
    } else {
      say(notice, error.message, 'error'); // a field the page checked is marked already
    }
  } finally {
    button.disabled = false;
    progress.hide();
  }
});

/** How long the base64url text of {@code bytes} bytes is (no padding). */
function encodedLength(bytes) {
  return Math.ceil(bytes * 4 / 3);
}

function textLimit() {
  return limits ? Math.min(TEXT_LIMIT, limits.maxTextBytes) : TEXT_LIMIT;
}

function createShare(body) {
  return requestJson('/api/shares', { method: 'POST', json: body });
}

/** Creates a file share, encrypts the plaintext segment by segment and uploads the container. */
async function createFileShare(policy, plaintext, keys) {
  const created = await createShare({ ...policy, kind: 'file' });
  try {
    const total = bar.containerSize(plaintext.size);
    const body = await encrypt(plaintext, keys, (done) => progress.show(
      t('share.create.progress.encrypting', { done: formatBytes(done), total: formatBytes(total) }), done / total));
    progress.show(t('share.create.progress.uploading_start'), 0);
    await upload(`/api/shares/${encodeURIComponent(created.id)}/content`, created.manageToken, body, (sent) => progress.show(
      t('share.create.progress.uploading', { done: formatBytes(sent), total: formatBytes(body.size) }), sent / body.size));
    return created;
  } catch (error) {
    for (const share of members(created)) {
      burn(share).catch(() => {}); // do not leave a share waiting for an upload that will not come
    }
    throw error;
  }
}

/** The shares a create answer made: the one share, or each recipient's ({id, manageToken} each). */
function members(created) {
  return Array.isArray(created.recipients) && created.recipients.length > 0 ? created.recipients : [created];
}

function burn(created) {
  return request(`/api/shares/${encodeURIComponent(created.id)}`, {
    method: 'DELETE', headers: { Authorization: 'Bearer ' + created.manageToken }, // i18n-ignore: header
  });
}

function showResult(created, linkKey, policy, passwordBound) {
  const base = `${location.origin}/s/${encodeURIComponent(created.id)}`;
  const link = `${base}#${bar.b64urlEncode(linkKey)}`;
  current = [{ id: created.id, manageToken: created.manageToken }];
  showGroup(false);
  $('#share-link').value = link;
  const apart = splitLink(link);
  $('#link-only').value = apart.link;
  $('#link-key').value = apart.key;
  $('#manage-link').value = `${base}#manage=${created.manageToken}`;
  offerMail(created.id, apart.key, account !== null);
  showSplit();
  showFacts(created, policy, passwordBound);
}

/**
 * One link per recipient: each recipient's label with its own link (its key in the fragment) and
 * a copy button. The answer lists the recipients in the order they were sent; each is matched to
 * its link key by that order and its label.
 */
function showRecipientsResult(created, recipients, policy) {
  const shares = members(created);
  if (shares.length !== recipients.length || shares.some((s, i) => s.label !== undefined && s.label !== recipients[i].label)) {
    throw new Error(t('share.recipients.answer_mismatch'));
  }
  current = shares.map((s) => ({ id: s.id, manageToken: s.manageToken }));
  showGroup(true);
  $('#recipient-links').replaceChildren(...recipients.map((r, i) => {
    const link = `${location.origin}/s/${encodeURIComponent(shares[i].id)}#${bar.b64urlEncode(r.linkKey)}`;
    r.linkKey.fill(0);
    const input = el('input', { type: 'text', readonly: true, value: link, 'aria-label': t('share.recipients.link_for', { label: r.label }) });
    const button = el('button', { type: 'button', class: 'copy-recipient-link', 'aria-label': t('share.recipients.copy_for', { label: r.label }) },
      t('share.create.copy_link'));
    button.addEventListener('click', (e) => copy(input.value, e.currentTarget));
    return el('li', { 'data-recipient': r.label }, el('span', { class: 'recipient-name' }, r.label), el('div', { class: 'link-box' }, input, button));
  }));
  offerMail(shares[0].id, '', false); // a mail sends one link: not for a group
  showFacts(created, policy, false);
}

/** The result page for one link or for a group of recipients' links. */
function showGroup(group) {
  $('#result-title').textContent = t(group ? 'share.recipients.result_title' : 'share.create.your_secret_link_is_ready');
  $('#recipient-result').hidden = !group;
  $('#split-key-field').hidden = group;
  $('#qr').hidden = group;
  $('#recipients-manage-title').hidden = !group;
  $('#manage-title').hidden = group;
  $('#manage-hint').hidden = group;
  $('#manage-link-box').hidden = group;
  $('#recipients-manage-note').hidden = !group;
  $('#burn-now').textContent = t(group ? 'share.recipients.burn_all' : 'share.create.burn_now');
  if (group) {
    $('#whole-link').hidden = true;
    $('#split-links').hidden = true;
    $('#split-key').checked = false;
    $('#qr').replaceChildren();
  }
}

/** The facts every result shows: expiry, views (each link's own), protection, the webhook's secret; then the form is emptied. */
function showFacts(created, policy, passwordBound) {
  $('#result-expiry').textContent = `${formatDate(created.expiresAt)} (${relative(created.expiresAt)})`;
  $('#result-views').textContent = created.maxViews == null ? t('share.limits.unlimited')
    : created.maxViews === 1 ? t('share.create.result.one_view') : t('share.limits.views', { count: created.maxViews });
  const protection = [t('share.protection.zero_knowledge')];
  if (passwordBound) {
    protection.push(t('share.protection.password'));
  }
  if (policy.requireOtp) {
    protection.push(t('share.protection.otp'));
  }
  if (policy.viewOnly) {
    protection.push(t('share.protection.view_only'));
  }
  $('#result-protection').textContent = protection.join(t('share.protection.separator'));
  $('#webhook-secret-box').hidden = !created.webhookSecret;
  $('#webhook-secret').value = created.webhookSecret || '';
  say($('#webhook-notice'), policy.webhookUrl && !created.webhookSecret
    ? t('share.create.webhook_unconfirmed') : '', 'info');
  say($('#manage-notice'), '');
  $('#burn-now').disabled = false;
  // the secret leaves the page: only the link (and the manage token) remain
  form.reset();
  chosen = [];
  recipientList.replaceChildren();
  showRecipients();
  hidePassword();
  delete $('#expiry').dataset.touched;
  delete $('#views').dataset.touched;
  showKind();
  showChosenFile();
  $('#custom-expiry').hidden = true;
  $('#otp-field').hidden = true;
  $('#create').hidden = true;
  $('#result').hidden = false;
  $('#result-title').focus();
}

/**
 * The link whole, or (Yopass-style, issue 13 item 10) the link without its fragment and the key on
 * its own, each to send on another channel. The QR code holds what goes as the link.
 */
function showSplit() {
  const split = $('#split-key').checked;
  $('#whole-link').hidden = split;
  $('#split-links').hidden = !split;
  const link = split ? $('#link-only').value : $('#share-link').value;
  $('#qr').replaceChildren(link ? qrSvg(link) : '');
}

$('#split-key').addEventListener('change', showSplit);
$('#copy-link').addEventListener('click', (e) => copy($('#share-link').value, e.currentTarget));
$('#copy-link-only').addEventListener('click', (e) => copy($('#link-only').value, e.currentTarget));
$('#copy-key').addEventListener('click', (e) => copy($('#link-key').value, e.currentTarget));
$('#copy-manage').addEventListener('click', (e) => copy($('#manage-link').value, e.currentTarget));
$('#copy-webhook-secret').addEventListener('click', (e) => copy($('#webhook-secret').value, e.currentTarget));

$('#burn-now').addEventListener('click', async (e) => {
  const burnButton = e.currentTarget;
  const group = current && current.length > 1;
  if (!current || !window.confirm(t(group ? 'share.recipients.burn_all_confirm' : 'share.burn.confirm'))) {
    return;
  }
  burnButton.disabled = true;
  let gone = 0;
  for (const share of current) {
    try {
      await burn(share);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'resource.not_found') {
        gone++;
      } else {
        burnButton.disabled = false;
        say($('#manage-notice'), describe(error, t('share.problem.subject')), 'error');
        return;
      }
    }
  }
  say($('#manage-notice'), gone === current.length ? t('share.burn.already_gone')
    : t(group ? 'share.recipients.burned_all' : 'share.burn.done'), gone === current.length ? 'info' : 'ok');
});

$('#create-another').addEventListener('click', () => {
  current = null;
  $('#share-link').value = '';
  $('#recipient-links').replaceChildren();
  $('#link-only').value = '';
  $('#link-key').value = '';
  $('#manage-link').value = '';
  $('#webhook-secret').value = '';
  $('#qr').replaceChildren();
  $('#result').hidden = true;
  $('#create').hidden = false;
  say(notice, '');
  (kind() === 'file' ? fileInput : $('#secret-text')).focus();
});
