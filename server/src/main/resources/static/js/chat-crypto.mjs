// The burn chat's end-to-end encryption (docs/chat.md "Keys and messages"): WebCrypto only.
// Each participant has an ephemeral ECDH P-256 key pair; its public key is announced with an
// HMAC under a key derived from the room key (the link's fragment), so the server, which never
// has the room key, cannot put a key of its own in between. Each sender→recipient pair has its
// own AES-256-GCM key, HKDF-SHA256 of the ECDH secret with the room key as salt and both public
// keys in the info; the nonce is the pair's message counter, which the recipient checks.

const te = new TextEncoder();
const subtle = crypto.subtle;

export function b64u(bytes) {
  let s = '';
  new Uint8Array(bytes).forEach((b) => { s += String.fromCharCode(b); });
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function unb64u(text) {
  const s = atob(text.replaceAll('-', '+').replaceAll('_', '/') + '==='.slice((text.length + 3) % 4));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  parts.forEach((p) => { out.set(p, at); at += p.length; });
  return out;
}

export function newRoomKey() {
  return b64u(crypto.getRandomValues(new Uint8Array(32)));
}

async function hkdf(ikm, salt, info, usage) {
  const base = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveKey']);
  const algorithm = usage === 'hmac' ? { name: 'HMAC', hash: 'SHA-256', length: 256 } : { name: 'AES-GCM', length: 256 };
  const uses = usage === 'hmac' ? ['sign', 'verify'] : ['encrypt', 'decrypt'];
  return subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, base, algorithm, false, uses);
}

/**
 * This participant: its key pair, and the room's binding key. The page always makes a new pair;
 * the test vectors (docs/chat.md) pass a fixed one.
 */
export async function newParticipant(roomId, roomKey, fixedPair = null) {
  const pair = fixedPair ?? await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const pub = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const auth = await hkdf(unb64u(roomKey), te.encode(roomId), te.encode('bar-chat v1 auth'), 'hmac'); // i18n-ignore: a protocol label, never shown
  return { roomId, roomKey: unb64u(roomKey), pair, pub, auth };
}

function helloData(me, pub) {
  return concat(te.encode('bar-chat v1 hello|' + me.roomId + '|'), pub); // i18n-ignore: a protocol label, never shown
}

export async function hello(me) {
  const mac = new Uint8Array(await subtle.sign('HMAC', me.auth, helloData(me, me.pub)));
  return { k: 'hello', pub: b64u(me.pub), mac: b64u(mac) };
}

/** A peer from its hello, or null when the hello was not made with the room key. */
export async function peerOf(me, frame) {
  const pub = unb64u(frame.pub);
  if (!(await subtle.verify('HMAC', me.auth, unb64u(frame.mac), helloData(me, pub)))) {
    return null;
  }
  const key = await subtle.importKey('raw', pub, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const secret = new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: key }, me.pair.privateKey, 256));
  const info = (from, to) => concat(te.encode('bar-chat v1 msg|'), from, to); // i18n-ignore: a protocol label, never shown
  return {
    pub,
    send: await hkdf(secret, me.roomKey, info(me.pub, pub), 'aes'),
    receive: await hkdf(secret, me.roomKey, info(pub, me.pub), 'aes'),
    sent: 0,
    received: 0,
  };
}

function nonce(counter) {
  const n = new Uint8Array(12);
  new DataView(n.buffer).setBigUint64(4, BigInt(counter));
  return n;
}

function aad(me, counter) {
  return te.encode('bar-chat v1|' + me.roomId + '|' + counter); // i18n-ignore: a protocol label, never shown
}

export async function seal(me, peer, text) {
  peer.sent += 1;
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv: nonce(peer.sent), additionalData: aad(me, peer.sent) },
    peer.send, te.encode(text));
  return { n: peer.sent, ct: b64u(new Uint8Array(ct)) };
}

/**
 * Opens a sealed message: {text, warning}. The counter must be the next one: a lower one is a
 * replay (refused), a higher one means messages were dropped or reordered (shown); a frame that
 * does not authenticate is refused as tampered.
 */
export async function open(me, peer, sealed) {
  if (!Number.isSafeInteger(sealed.n) || sealed.n <= peer.received) {
    return { text: null, warning: 'replayed' };
  }
  let plain;
  try {
    plain = await subtle.decrypt({ name: 'AES-GCM', iv: nonce(sealed.n), additionalData: aad(me, sealed.n) },
      peer.receive, unb64u(sealed.ct));
  } catch (e) {
    return { text: null, warning: 'tampered' };
  }
  const skipped = sealed.n - peer.received - 1;
  peer.received = sealed.n;
  return { text: new TextDecoder().decode(plain), warning: skipped > 0 ? 'missing' : null };
}

/** The safety code: the same for everyone in the room when all see the same public keys. */
export async function safetyCode(me, pubs) {
  const sorted = pubs.map((p) => b64u(p)).sort();
  const digest = new Uint8Array(await subtle.digest('SHA-256', te.encode(me.roomId + '|' + sorted.join('|'))));
  const n = new DataView(digest.buffer).getUint32(0) % 100000000;
  const s = String(n).padStart(8, '0');
  return s.slice(0, 4) + ' ' + s.slice(4);
}
