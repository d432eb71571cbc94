// The burn chat's browser cryptography (static/js/chat-crypto.mjs) on Node's WebCrypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as e2e from '../../main/resources/static/js/chat-crypto.mjs';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

async function pair(roomKey = e2e.newRoomKey()) {
  const a = await e2e.newParticipant(ROOM, roomKey);
  const b = await e2e.newParticipant(ROOM, roomKey);
  const bOfA = await e2e.peerOf(a, await e2e.hello(b));
  const aOfB = await e2e.peerOf(b, await e2e.hello(a));
  return { a, b, bOfA, aOfB };
}

test('a message sealed for a peer opens with its text and no warning', async () => {
  const { a, b, bOfA, aOfB } = await pair();
  const sealed = await e2e.seal(a, bOfA, 'hello');
  assert.equal(sealed.n, 1);
  assert.deepEqual(await e2e.open(b, aOfB, sealed), { text: 'hello', warning: null });
});

test('a hello made without the room key is refused', async () => {
  const a = await e2e.newParticipant(ROOM, e2e.newRoomKey());
  const stranger = await e2e.newParticipant(ROOM, e2e.newRoomKey());
  assert.equal(await e2e.peerOf(a, await e2e.hello(stranger)), null);
});

test('a replayed message is refused, a skipped counter is shown, a changed one is tampered', async () => {
  const { a, b, bOfA, aOfB } = await pair();
  const one = await e2e.seal(a, bOfA, 'one');
  await e2e.seal(a, bOfA, 'two (dropped by the relay)');
  const three = await e2e.seal(a, bOfA, 'three');
  assert.equal((await e2e.open(b, aOfB, one)).warning, null);
  assert.deepEqual(await e2e.open(b, aOfB, three), { text: 'three', warning: 'missing' });
  assert.deepEqual(await e2e.open(b, aOfB, one), { text: null, warning: 'replayed' });
  const four = await e2e.seal(a, bOfA, 'four');
  const changed = { n: four.n, ct: (four.ct[0] === 'A' ? 'B' : 'A') + four.ct.slice(1) };
  assert.deepEqual(await e2e.open(b, aOfB, changed), { text: null, warning: 'tampered' });
  const moved = { n: four.n + 1, ct: four.ct }; // the counter is bound by the nonce and the AAD
  assert.equal((await e2e.open(b, aOfB, moved)).warning, 'tampered');
  assert.deepEqual(await e2e.open(b, aOfB, four), { text: 'four', warning: null });
});

test('each direction has its own key: a message cannot be reflected back to its sender', async () => {
  const { a, bOfA } = await pair();
  const sealed = await e2e.seal(a, bOfA, 'to b');
  assert.equal((await e2e.open(a, bOfA, sealed)).warning, 'tampered');
});

test('both sides compute the same safety code', async () => {
  const { a, b } = await pair();
  const code = await e2e.safetyCode(a, [a.pub, b.pub]);
  assert.match(code, /^\d{4} \d{4}$/);
  assert.equal(await e2e.safetyCode(b, [b.pub, a.pub]), code);
});

// The key agreement's test vectors (docs/chat.md "Test vectors"), which ChatCryptoVectorsTests
// checks on the JDK too: the module, given the vectors' fixed key pairs, must produce the same
// hellos, pair keys, sealed frame and safety code.
const vectors = JSON.parse(readFileSync(fileURLToPath(
  new URL('../resources/app/bar/chat/chat-vectors.json', import.meta.url)), 'utf8'));

async function vectorParticipant(i) {
  const { d, ...pub } = vectors.participants[i].privateJwk;
  const algorithm = { name: 'ECDH', namedCurve: 'P-256' };
  const pair = {
    privateKey: await crypto.subtle.importKey('jwk', { ...pub, d }, algorithm, false, ['deriveBits']),
    publicKey: await crypto.subtle.importKey('jwk', pub, algorithm, true, []),
  };
  return e2e.newParticipant(vectors.roomId, vectors.roomKey, pair);
}

async function sealUnder(rawKey, n, text) {
  const key = await crypto.subtle.importKey('raw', e2e.unb64u(rawKey), 'AES-GCM', false, ['encrypt']);
  const iv = new Uint8Array(12);
  new DataView(iv.buffer).setBigUint64(4, BigInt(n));
  const aad = new TextEncoder().encode('bar-chat v1|' + vectors.roomId + '|' + n);
  return e2e.b64u(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key,
    new TextEncoder().encode(text))));
}

test('the test vectors: hellos, pair keys, the sealed frame and the safety code', async () => {
  const first = await vectorParticipant(0);
  const second = await vectorParticipant(1);
  const hellos = [await e2e.hello(first), await e2e.hello(second)];
  hellos.forEach((h, i) => assert.deepEqual(h,
    { k: 'hello', pub: vectors.participants[i].pub, mac: vectors.participants[i].helloMac }));
  const secondOfFirst = await e2e.peerOf(first, hellos[1]);
  const firstOfSecond = await e2e.peerOf(second, hellos[0]);
  const { n, text, ct } = vectors.sealed;
  secondOfFirst.sent = n - 1;
  assert.deepEqual(await e2e.seal(first, secondOfFirst, text), { n, ct });
  assert.equal(await sealUnder(vectors.keys.firstToSecond, n, text), ct);
  firstOfSecond.received = n - 1;
  assert.deepEqual(await e2e.open(second, firstOfSecond, { n, ct }), { text, warning: null });
  firstOfSecond.sent = n - 1;
  const back = await e2e.seal(second, firstOfSecond, text);
  assert.equal(back.ct, await sealUnder(vectors.keys.secondToFirst, n, text));
  assert.notEqual(back.ct, ct);
  const pubs = [first.pub, second.pub];
  assert.equal(await e2e.safetyCode(first, pubs), vectors.safetyCode);
  assert.equal(await e2e.safetyCode(second, pubs.reverse()), vectors.safetyCode);
});
