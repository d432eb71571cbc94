// Per-recipient links (static/js/recipient-keys.mjs) against the vectors the Java reference checks too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { b64urlDecode, b64urlEncode, deriveKeys, openFramed } from '../../main/resources/static/js/bar-format.mjs';
import * as rk from '../../main/resources/static/js/recipient-keys.mjs';

const file = fileURLToPath(new URL('../../../../format/src/test/resources/app/bar/format/recipient-vectors.json', import.meta.url));
const vectors = JSON.parse(readFileSync(file, 'utf8'));

for (const r of vectors.recipients) {
  test(`recipient vector ${r.label}: wrap key, wrapped key and link verifier as listed`, async () => {
    const linkKey = b64urlDecode(r.linkKey);
    assert.equal(b64urlEncode(await rk.wrapKey(linkKey)), r.wrapKey);
    const wrapped = await rk.wrap(b64urlDecode(vectors.contentKey), linkKey, b64urlDecode(r.nonce));
    assert.equal(wrapped, r.wrappedKey);
    assert.equal(wrapped.length, 80);
    assert.equal((await deriveKeys(linkKey)).linkVerifier, r.linkVerifier);
  });

  test(`recipient vector ${r.label}: the unwrapped key opens the container`, async () => {
    const contentKey = await rk.unwrap(r.wrappedKey, b64urlDecode(r.linkKey));
    assert.equal(b64urlEncode(contentKey), vectors.contentKey);
    let metadata = null;
    const parts = [];
    await openFramed([b64urlDecode(vectors.container)], contentKey, (chunk) => parts.push(chunk.slice()), (m) => { metadata = m; });
    assert.equal(JSON.stringify(metadata), vectors.metadata);
    assert.equal(b64urlEncode(new Uint8Array(Buffer.concat(parts))), vectors.content);
  });
}

for (const v of vectors.invalid) {
  test(`invalid recipient vector ${v.name} is refused`, async () => {
    await assert.rejects(rk.unwrap(v.wrappedKey, b64urlDecode(v.linkKey)), { name: 'ContainerError' });
  });
}

test('fresh recipients: each link key unwraps the one content key, and the nonces differ', async () => {
  const { contentKey, recipients } = await rk.newRecipients(['Alice', 'Bob', 'Carol']);
  assert.deepEqual(recipients.map((r) => r.label), ['Alice', 'Bob', 'Carol']);
  for (const r of recipients) {
    assert.deepEqual(await rk.unwrap(r.wrappedKey, r.linkKey), contentKey);
    assert.equal(r.linkVerifier, (await deriveKeys(r.linkKey)).linkVerifier);
  }
  assert.equal(new Set(recipients.map((r) => r.wrappedKey.slice(0, 16))).size, 3);
  assert.notDeepEqual(recipients[0].linkKey, recipients[1].linkKey);
});

test('fewer than two or more than twenty recipients are refused', async () => {
  await assert.rejects(rk.newRecipients(['Alone']));
  await assert.rejects(rk.newRecipients(Array.from({ length: 21 }, (_, i) => `r${i}`)));
});
