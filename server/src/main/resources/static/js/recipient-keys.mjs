// Per-recipient links (docs/zero-knowledge-format.md, "Per-recipient links"), with WebCrypto only.
// The Java reference is format/ (app.bar.format.RecipientKeys); both check recipient-vectors.json.
//
// contentKey   = 32 random bytes; seals the container as for every share (bar-format.mjs)
// wrapKey_i    = HKDF-SHA256(ikm = linkKey_i, salt = "", info = "bar/v1/recipient-wrap", 32)
// wrappedKey_i = nonce_i (12 random bytes) || AES-256-GCM(wrapKey_i, nonce_i, aad = "bar/v1/recipient-key", contentKey)
// Each recipient's link verifier is the ordinary one of its link key (deriveKeys).
import { b64urlDecode, b64urlEncode, ContainerError, deriveKeys, LINK_KEY_BYTES, newLinkKey, randomBytes } from './bar-format.mjs';

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();
const WRAP_INFO = encoder.encode('bar/v1/recipient-wrap');
const AAD = encoder.encode('bar/v1/recipient-key');
export const CONTENT_KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const WRAPPED_KEY_BYTES = NONCE_BYTES + CONTENT_KEY_BYTES + 16;
export const MIN_RECIPIENTS = 2;
export const MAX_RECIPIENTS = 20;

/** The key that wraps the content key for one link (32 bytes). */
export async function wrapKey(linkKey) {
  if (!(linkKey instanceof Uint8Array) || linkKey.length !== LINK_KEY_BYTES) {
    throw new ContainerError('a link key is 32 bytes');
  }
  const ikm = await subtle.importKey('raw', linkKey, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: WRAP_INFO }, ikm, 256));
}

async function aesKey(linkKey) {
  const raw = await wrapKey(linkKey);
  const key = await subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  raw.fill(0);
  return key;
}

/** The content key wrapped for the holder of linkKey: base64url of 60 bytes. The nonce is for the test vectors only. */
export async function wrap(contentKey, linkKey, nonce = randomBytes(NONCE_BYTES)) {
  if (contentKey.length !== CONTENT_KEY_BYTES || nonce.length !== NONCE_BYTES) {
    throw new ContainerError('a content key is 32 bytes, a nonce 12');
  }
  const sealed = new Uint8Array(await subtle.encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: AAD, tagLength: 128 }, await aesKey(linkKey), contentKey));
  const wrapped = new Uint8Array(WRAPPED_KEY_BYTES);
  wrapped.set(nonce, 0);
  wrapped.set(sealed, NONCE_BYTES);
  return b64urlEncode(wrapped);
}

/**
 * The content key from the unlock answer's wrappedKey (base64url) and the link key. Throws a
 * ContainerError when it does not unwrap: the link key is wrong or the share was altered.
 */
export async function unwrap(wrappedKey, linkKey) {
  const wrapped = b64urlDecode(wrappedKey);
  if (wrapped.length !== WRAPPED_KEY_BYTES) {
    throw new ContainerError('a wrapped key is 60 bytes');
  }
  try {
    return new Uint8Array(await subtle.decrypt(
      { name: 'AES-GCM', iv: wrapped.subarray(0, NONCE_BYTES), additionalData: AAD, tagLength: 128 },
      await aesKey(linkKey), wrapped.subarray(NONCE_BYTES)));
  } catch (e) {
    throw new ContainerError('the wrapped key does not open with this link key');
  }
}

/**
 * A fresh content key and, for each label, a fresh link key with what the server is sent:
 * {contentKey, recipients: [{label, linkKey, linkVerifier, wrappedKey}]}.
 */
export async function newRecipients(labels) {
  if (labels.length < MIN_RECIPIENTS || labels.length > MAX_RECIPIENTS) {
    throw new ContainerError('2 to 20 recipients');
  }
  const contentKey = randomBytes(CONTENT_KEY_BYTES);
  const recipients = [];
  for (const label of labels) {
    const linkKey = newLinkKey();
    const { linkVerifier } = await deriveKeys(linkKey);
    recipients.push({ label, linkKey, linkVerifier, wrappedKey: await wrap(contentKey, linkKey) });
  }
  return { contentKey, recipients };
}
