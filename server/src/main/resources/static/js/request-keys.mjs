// Request a secret (docs/zero-knowledge-format.md, "Requests"), with WebCrypto only. The Java
// reference is format/ (app.bar.format.RequestKeys); both check request-vectors.json.
//
// requester: P-256 key pair; the public key (raw, 65 bytes) goes in the request link's fragment,
//            the private scalar d with the public key (97 bytes) in the requester's open link's fragment
// filler:    ephemeral P-256 key pair; shared = ECDH(ephemeral, requesterPublic).x
// both:      linkKey = HKDF-SHA256(ikm = shared, salt = ephemeralPublic || requesterPublic, info = "bar/v1/request-link", 32)
// The link key then seals and opens an ordinary BAR container (bar-format.mjs).
import { b64urlDecode, b64urlEncode, ContainerError } from './bar-format.mjs';

const subtle = globalThis.crypto.subtle;
const CURVE = { name: 'ECDH', namedCurve: 'P-256' };
const INFO = new TextEncoder().encode('bar/v1/request-link');
export const PUBLIC_KEY_BYTES = 65;
export const PRIVATE_KEY_BYTES = 32;

/** A new requester key pair: {requestFragment (public key), openFragment (private key and public key)}, base64url. */
export async function newRequestKeys() {
  const pair = await subtle.generateKey(CURVE, true, ['deriveBits']);
  const jwk = await subtle.exportKey('jwk', pair.privateKey);
  const publicRaw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const d = b64urlDecode(jwk.d);
  const open = new Uint8Array(PRIVATE_KEY_BYTES + PUBLIC_KEY_BYTES);
  open.set(d, 0);
  open.set(publicRaw, PRIVATE_KEY_BYTES);
  d.fill(0);
  return { requestFragment: b64urlEncode(publicRaw), openFragment: b64urlEncode(open) };
}

function publicKey(raw) {
  if (!(raw instanceof Uint8Array) || raw.length !== PUBLIC_KEY_BYTES || raw[0] !== 4) {
    throw new ContainerError('a public key is 65 bytes, uncompressed');
  }
  return subtle.importKey('raw', raw, CURVE, false, []);
}

function privateKey(d, publicRaw) {
  if (d.length !== PRIVATE_KEY_BYTES) {
    throw new ContainerError('a private key is 32 bytes');
  }
  const jwk = { kty: 'EC', crv: 'P-256', d: b64urlEncode(d), x: b64urlEncode(publicRaw.subarray(1, 33)),
    y: b64urlEncode(publicRaw.subarray(33, 65)), ext: false };
  return subtle.importKey('jwk', jwk, CURVE, false, ['deriveBits']);
}

async function linkKey(shared, ephemeralPublic, requesterPublic) {
  const salt = new Uint8Array(PUBLIC_KEY_BYTES * 2);
  salt.set(ephemeralPublic, 0);
  salt.set(requesterPublic, PUBLIC_KEY_BYTES);
  const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveBits']);
  shared.fill(0);
  return new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: INFO }, ikm, 256));
}

async function ecdh(own, peerRaw) {
  return new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: await publicKey(peerRaw) }, own, 256));
}

/**
 * The filler's side: a fresh ephemeral key pair against the request link's fragment.
 * Returns {linkKey (32 bytes), ephemeralPublic (base64url, sent with the share)}.
 */
export async function fillerKeys(requestFragment, ephemeral = null) {
  const requesterPublic = b64urlDecode(requestFragment);
  await publicKey(requesterPublic); // a damaged request link fails here, before anything is sealed
  let own;
  let ephemeralPublic;
  if (ephemeral) { // the test vectors' fixed key pair
    ephemeralPublic = b64urlDecode(ephemeral.publicKey);
    own = await privateKey(b64urlDecode(ephemeral.privateKey), ephemeralPublic);
  } else {
    const pair = await subtle.generateKey(CURVE, false, ['deriveBits']);
    own = pair.privateKey;
    ephemeralPublic = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  }
  const key = await linkKey(await ecdh(own, requesterPublic), ephemeralPublic, requesterPublic);
  return { linkKey: key, ephemeralPublic: b64urlEncode(ephemeralPublic) };
}

/** The requester's side: the open link's fragment and the share's ephemeral public key give the link key. */
export async function requesterLinkKey(openFragment, ephemeralPublic) {
  const open = b64urlDecode(openFragment);
  if (open.length !== PRIVATE_KEY_BYTES + PUBLIC_KEY_BYTES) {
    throw new ContainerError('the open link\'s key is 97 bytes');
  }
  const requesterPublic = open.subarray(PRIVATE_KEY_BYTES);
  const own = await privateKey(open.subarray(0, PRIVATE_KEY_BYTES), requesterPublic);
  const ephemeral = b64urlDecode(ephemeralPublic);
  const key = await linkKey(await ecdh(own, ephemeral), ephemeral, requesterPublic);
  open.fill(0);
  return key;
}
