// The request key agreement (static/js/request-keys.mjs) against the vectors the Java reference checks too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { b64urlEncode, deriveKeys } from '../../main/resources/static/js/bar-format.mjs';
import * as rk from '../../main/resources/static/js/request-keys.mjs';

const file = fileURLToPath(new URL('../../../../format/src/test/resources/app/bar/format/request-vectors.json', import.meta.url));
const { vectors } = JSON.parse(readFileSync(file, 'utf8'));

for (const v of vectors) {
  test(`request vector ${v.name}: filler and requester derive its link key and verifier`, async () => {
    const filler = await rk.fillerKeys(v.requesterPublic, { privateKey: v.ephemeralPrivate, publicKey: v.ephemeralPublic });
    assert.equal(b64urlEncode(filler.linkKey), v.linkKey);
    assert.equal(filler.ephemeralPublic, v.ephemeralPublic);
    assert.equal(b64urlEncode(await rk.requesterLinkKey(v.openFragment, v.ephemeralPublic)), v.linkKey);
    assert.equal((await deriveKeys(filler.linkKey)).linkVerifier, v.linkVerifier);
  });
}

test('a fresh request key pair and a fresh filler agree on the link key', async () => {
  const keys = await rk.newRequestKeys();
  const filler = await rk.fillerKeys(keys.requestFragment);
  assert.deepEqual(await rk.requesterLinkKey(keys.openFragment, filler.ephemeralPublic), filler.linkKey);
  assert.notEqual(keys.openFragment.slice(0, 43), keys.requestFragment.slice(0, 43));
});

test('a damaged request fragment is refused before anything is sealed', async () => {
  const keys = await rk.newRequestKeys();
  await assert.rejects(rk.fillerKeys(keys.requestFragment.slice(0, 40)));
});
