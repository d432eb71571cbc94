// The BAR container v1 in the browser (docs/zero-knowledge-format.md), with WebCrypto only.
// The Java reference is format/ (app.bar.format); both are checked against the same vectors
// (format/src/test/resources/app/bar/format/vectors.json, see server/src/test/js).
//
// container = header (16 bytes) || segment_0 || ... || segment_{n-1}
// header    = "BAR" 0x01 | segmentSize (uint32 BE) | noncePrefix (7 bytes) | flags (bit 0 = password-bound)
// nonce_i   = noncePrefix | uint32_be(i) | 0x01 if last else 0x00
// segment_i = AES-256-GCM(contentKey, nonce_i, aad = header, plaintext_i)
// plaintext = uint32_be(m) | metadata (m bytes of UTF-8 JSON) | content

const subtle = globalThis.crypto.subtle;

export const HEADER_BYTES = 16;
export const TAG_BYTES = 16;
export const SEGMENT_SIZE = 1 << 20;
export const MIN_SEGMENT_SIZE = 64;
export const MAX_SEGMENT_SIZE = 16 << 20;
export const LINK_KEY_BYTES = 32;
export const PBKDF2_ITERATIONS = 600000;
export const MAX_METADATA_BYTES = 64 * 1024;
export const TEXT_TYPE = 'text/plain;charset=utf-8';

const MAGIC = [0x42, 0x41, 0x52];
const VERSION = 1;
const encoder = new TextEncoder();

/** A container that is not one, was altered, cut, reordered, or does not fit the key. */
export class ContainerError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ContainerError'; // i18n-ignore: the class name
  }
}

export function randomBytes(n) {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function newLinkKey() {
  return randomBytes(LINK_KEY_BYTES);
}

export function b64urlEncode(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function b64urlDecode(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new ContainerError('not base64url');
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

export function hexDecode(hex) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  }
  return bytes;
}

async function hkdf(ikm, info, length) {
  const key = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) }, key, length * 8);
  return new Uint8Array(bits);
}

async function pbkdf2(password, salt) {
  const key = await subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS }, key, 256);
  return new Uint8Array(bits);
}

/**
 * The keys of a share from its link key and, optionally, a password:
 * {contentKey, passwordBound, accessKey (base64url) and verifier (base64url) when password-bound,
 * linkAccessKey and linkVerifier (base64url) always: the server checks the link before a view is spent}.
 */
export async function deriveKeys(linkKey, password) {
  if (!(linkKey instanceof Uint8Array) || linkKey.length !== LINK_KEY_BYTES) {
    throw new ContainerError('a link key is 32 bytes');
  }
  if (password === undefined || password === null || password === '') {
    return { contentKey: await hkdf(linkKey, 'bar/v1/content', 32), passwordBound: false, accessKey: null, verifier: null,
      ...await linkAccess(linkKey) };
  }
  const salt = await hkdf(linkKey, 'bar/v1/password-salt', 16);
  const passwordKey = await pbkdf2(password, salt);
  const both = new Uint8Array(64);
  both.set(linkKey, 0);
  both.set(passwordKey, 32);
  const contentKey = await hkdf(both, 'bar/v1/content-with-password', 32);
  const accessKey = await hkdf(passwordKey, 'bar/v1/access', 32);
  const verifier = new Uint8Array(await subtle.digest('SHA-256', accessKey));
  both.fill(0);
  passwordKey.fill(0);
  return { contentKey, passwordBound: true, accessKey: b64urlEncode(accessKey), verifier: b64urlEncode(verifier),
    ...await linkAccess(linkKey) };
}

/** linkAccessKey = HKDF(linkKey, "bar/v1/link-access"), linkVerifier = SHA-256 of it (docs/zero-knowledge-format.md). */
async function linkAccess(linkKey) {
  const linkAccessKey = await hkdf(linkKey, 'bar/v1/link-access', 32);
  const linkVerifier = new Uint8Array(await subtle.digest('SHA-256', linkAccessKey));
  return { linkAccessKey: b64urlEncode(linkAccessKey), linkVerifier: b64urlEncode(linkVerifier) };
}

function aesKey(contentKey) {
  return subtle.importKey('raw', contentKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

function makeHeader(segmentSize, noncePrefix, passwordBound) {
  const header = new Uint8Array(HEADER_BYTES);
  header.set(MAGIC, 0);
  header[3] = VERSION;
  new DataView(header.buffer).setUint32(4, segmentSize);
  header.set(noncePrefix, 8);
  header[15] = passwordBound ? 1 : 0;
  return header;
}

function nonce(header, index, last) {
  const n = new Uint8Array(12);
  n.set(header.subarray(8, 15), 0);
  new DataView(n.buffer).setUint32(7, index);
  n[11] = last ? 1 : 0;
  return n;
}

/** The plaintext of a share as a Blob: the metadata frame, then the content (a Blob, File or bytes). */
export function framedPlaintext(metadata, content) {
  const json = encoder.encode(typeof metadata === 'string' ? metadata : JSON.stringify(metadata));
  if (json.length > MAX_METADATA_BYTES) {
    throw new ContainerError('metadata larger than 64 KiB');
  }
  const frame = new Uint8Array(4 + json.length);
  new DataView(frame.buffer).setUint32(0, json.length);
  frame.set(json, 4);
  return new Blob([frame, content]);
}

/** How many bytes the container of {@code plaintextSize} bytes takes. */
export function containerSize(plaintextSize, segmentSize = SEGMENT_SIZE) {
  const segments = Math.max(1, Math.ceil(plaintextSize / segmentSize));
  return HEADER_BYTES + plaintextSize + segments * TAG_BYTES;
}

/**
 * Seals a plaintext Blob segment by segment: yields the header, then each sealed segment
 * (Uint8Array). Only one segment of plaintext is read into memory at a time. The options
 * segmentSize and noncePrefix exist for the test vectors; clients keep the defaults.
 */
export async function* seal(plaintext, contentKey, passwordBound, options = {}) {
  const segmentSize = options.segmentSize ?? SEGMENT_SIZE;
  checkSegmentSize(segmentSize);
  const prefix = options.noncePrefix ?? randomBytes(7);
  if (prefix.length !== 7) {
    throw new ContainerError('the nonce prefix is 7 bytes');
  }
  const header = makeHeader(segmentSize, prefix, passwordBound);
  const key = await aesKey(contentKey);
  yield header;
  const segments = Math.max(1, Math.ceil(plaintext.size / segmentSize));
  for (let i = 0; i < segments; i++) {
    const start = i * segmentSize;
    const chunk = new Uint8Array(await plaintext.slice(start, Math.min(start + segmentSize, plaintext.size)).arrayBuffer());
    const sealed = await subtle.encrypt(
      { name: 'AES-GCM', iv: nonce(header, i, i === segments - 1), additionalData: header, tagLength: 128 }, key, chunk);
    chunk.fill(0);
    yield new Uint8Array(sealed);
  }
}

function checkSegmentSize(size) {
  if (!Number.isInteger(size) || size < MIN_SEGMENT_SIZE || size > MAX_SEGMENT_SIZE) {
    throw new ContainerError('invalid segment size');
  }
}

/** A queue of byte chunks from which exact lengths can be taken. */
class ByteQueue {
  constructor() {
    this.chunks = [];
    this.length = 0;
  }

  push(chunk) {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.length += chunk.length;
    }
  }

  take(n) {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0];
      const count = Math.min(head.length, n - filled);
      out.set(head.subarray(0, count), filled);
      filled += count;
      if (count === head.length) {
        this.chunks.shift();
      } else {
        this.chunks[0] = head.subarray(count);
      }
    }
    this.length -= n;
    return out;
  }
}

/**
 * Opens a container read from {@code chunks} (an async or sync iterable of Uint8Array of any
 * sizes): yields the plaintext of each segment once it has been authenticated. A segment is
 * decrypted only when it is known whether more follows (one byte of look-ahead), so a cut
 * container fails at its end. Any failure throws ContainerError; callers discard what they got.
 */
export async function* open(chunks, contentKey) {
  const queue = new ByteQueue();
  let header = null;
  let chunkSize = 0;
  let key = null;
  let index = 0;
  const decrypt = async (bytes, last) => {
    try {
      const plain = await subtle.decrypt(
        { name: 'AES-GCM', iv: nonce(header, index, last), additionalData: header, tagLength: 128 }, key, bytes);
      index++;
      return new Uint8Array(plain);
    } catch (e) {
      throw new ContainerError('segment ' + index + ' failed authentication (altered, reordered, truncated or wrong key)');
    }
  };
  for await (const chunk of chunks) {
    queue.push(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk));
    if (header === null) {
      if (queue.length < HEADER_BYTES) {
        continue;
      }
      header = readHeader(queue.take(HEADER_BYTES));
      chunkSize = new DataView(header.buffer).getUint32(4) + TAG_BYTES;
      key = await aesKey(contentKey);
    }
    while (queue.length > chunkSize) { // strictly more: this segment is not the last
      yield await decrypt(queue.take(chunkSize), false);
    }
  }
  if (header === null) {
    throw new ContainerError('not a BAR container');
  }
  if (queue.length < TAG_BYTES) {
    throw new ContainerError('the container is truncated');
  }
  yield await decrypt(queue.take(queue.length), true);
}

function readHeader(header) {
  if (header[0] !== MAGIC[0] || header[1] !== MAGIC[1] || header[2] !== MAGIC[2]) {
    throw new ContainerError('not a BAR container');
  }
  if (header[3] !== VERSION) {
    throw new ContainerError('unsupported BAR container version ' + header[3]);
  }
  checkSegmentSize(new DataView(header.buffer, header.byteOffset).getUint32(4));
  return header;
}

/** Whether a container's header says it is bound to a password. */
export function isPasswordBound(header) {
  return header.length >= HEADER_BYTES && (header[15] & 1) === 1;
}

/**
 * Opens a container and splits its plaintext: returns the metadata (parsed JSON) and passes
 * every piece of content to {@code onContent} (a Uint8Array view per call), in order. Nothing
 * reaches onContent before its segment is authenticated; on a failure the caller must drop what
 * it was given. {@code onMetadata}, when given, sees the metadata before any content (a reader
 * checks a manifest there, and a throw stops the download).
 */
export async function openFramed(chunks, contentKey, onContent, onMetadata) {
  const frame = new ByteQueue();
  let metadataLength = -1;
  let metadata = null;
  for await (const plain of open(chunks, contentKey)) {
    let rest = plain;
    if (metadata === null) {
      frame.push(plain);
      if (metadataLength < 0 && frame.length >= 4) {
        metadataLength = new DataView(frame.take(4).buffer).getUint32(0);
        if (metadataLength > MAX_METADATA_BYTES) {
          throw new ContainerError('metadata frame larger than 64 KiB');
        }
      }
      if (metadataLength < 0 || frame.length < metadataLength) {
        continue;
      }
      metadata = parseMetadata(frame.take(metadataLength));
      if (onMetadata) {
        await onMetadata(metadata);
      }
      rest = frame.length > 0 ? frame.take(frame.length) : new Uint8Array(0);
    }
    if (rest.length > 0) {
      await onContent(rest);
    }
  }
  if (metadata === null) {
    throw new ContainerError('truncated metadata frame');
  }
  return metadata;
}

function parseMetadata(bytes) {
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error('not an object'); // i18n-ignore: caught below, never shown
    }
    return value;
  } catch (e) {
    throw new ContainerError('the metadata frame is not a JSON object');
  }
}

/** A share of several files (docs/zero-knowledge-format.md, "Plaintext framing"): at most this many entries. */
export const MAX_FILES = 1000;
const MAX_SEGMENT_BYTES = 255;
const MAX_PATH_BYTES = 1024;
const MAX_TYPE_BYTES = 255;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_PATH = /[\u0000-\u001f\u007f\\:]/;

/** Whether decrypted metadata describes several files ({"files": [...], "size": n}). */
export function isManifest(metadata) {
  return metadata !== null && typeof metadata === 'object' && Object.prototype.hasOwnProperty.call(metadata, 'files');
}

/**
 * Checks a manifest against every rule of the format and returns its entries as
 * {path, type, size, offset} (offset into the content); throws ContainerError when one fails.
 * A reader calls it after decrypting the metadata frame and before showing or writing anything.
 */
export function checkManifest(metadata) {
  const files = metadata.files;
  if (!Array.isArray(files) || files.length < 1 || files.length > MAX_FILES) {
    throw new ContainerError('a manifest lists 1 to ' + MAX_FILES + ' files');
  }
  if (!isSize(metadata.size)) {
    throw new ContainerError('the manifest size is not a size');
  }
  const seen = new Set();
  const entries = [];
  let offset = 0;
  for (const file of files) {
    if (file === null || typeof file !== 'object' || Array.isArray(file)) {
      throw new ContainerError('a manifest entry is not an object');
    }
    checkPath(file.path);
    if (!isSize(file.size)) {
      throw new ContainerError('a manifest entry has no valid size');
    }
    if (file.type !== undefined && (typeof file.type !== 'string' || encoder.encode(file.type).length > MAX_TYPE_BYTES)) {
      throw new ContainerError('a manifest entry has an invalid type');
    }
    const key = file.path.toLowerCase();
    if (seen.has(key)) {
      throw new ContainerError('two manifest entries have the same path');
    }
    seen.add(key);
    entries.push({ path: file.path, type: file.type || 'application/octet-stream', size: file.size, offset });
    offset += file.size;
  }
  for (const key of seen) { // a/b beside a/b/c: every directory prefix of a path must not be a file
    for (let i = key.indexOf('/'); i > 0; i = key.indexOf('/', i + 1)) {
      if (seen.has(key.slice(0, i))) {
        throw new ContainerError('a manifest path is also a directory of another');
      }
    }
  }
  if (offset !== metadata.size) {
    throw new ContainerError('the manifest sizes do not add up to its size');
  }
  return entries;
}

/** After the last segment: a manifest's content must be exactly its {@code size} long, else ContainerError. */
export function checkContentLength(metadata, length) {
  if (length !== metadata.size) {
    throw new ContainerError('the content is not as long as the manifest says');
  }
}

function isSize(n) {
  return Number.isSafeInteger(n) && n >= 0;
}

function checkPath(path) {
  if (typeof path !== 'string' || path.length === 0 || path.normalize('NFC') !== path
      || FORBIDDEN_IN_PATH.test(path) || encoder.encode(path).length > MAX_PATH_BYTES || path.isWellFormed?.() === false) {
    throw new ContainerError('a manifest path is invalid');
  }
  for (const segment of path.split('/')) {
    const bytes = encoder.encode(segment).length;
    if (bytes < 1 || bytes > MAX_SEGMENT_BYTES || segment === '.' || segment === '..') {
      throw new ContainerError('a manifest path has an invalid segment');
    }
  }
}

/**
 * The manifest for several files, each {path, file (a File or Blob)}, in the given order; throws
 * ContainerError (the same checks a reader makes) when the files cannot go into one share, and
 * ManifestTooLarge when the manifest does not fit the 64 KiB metadata frame.
 */
export function fileManifest(items) {
  const manifest = {
    files: items.map(({ path, file }) => ({ path, type: file.type || 'application/octet-stream', size: file.size })),
    size: items.reduce((n, { file }) => n + file.size, 0),
  };
  checkManifest(manifest);
  if (encoder.encode(JSON.stringify(manifest)).length > MAX_METADATA_BYTES) {
    throw new ManifestTooLarge('the manifest is larger than 64 KiB'); // i18n-ignore: the page says share.files.too_many
  }
  return manifest;
}

/** Too many files (or too long paths) for one share's 64 KiB manifest. */
export class ManifestTooLarge extends ContainerError {
  constructor(message) {
    super(message);
    this.name = 'ManifestTooLarge'; // i18n-ignore: the class name
  }
}

/** Seals a whole (small) plaintext into one Uint8Array: text shares. */
export async function sealToBytes(plaintext, contentKey, passwordBound, options = {}) {
  const parts = [];
  let length = 0;
  for await (const part of seal(plaintext, contentKey, passwordBound, options)) {
    parts.push(part);
    length += part.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
