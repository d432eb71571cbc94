// The browser's container code (static/js/bar-format.mjs) against the test vectors that the
// Java reference (format/, BarContainerTests) generates and checks: every valid vector must give
// the same keys, verifier and container bytes and open to the same metadata and content; every
// invalid one must fail to open. Run by `./mvnw verify` (exec-maven-plugin: node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webcrypto } from 'node:crypto';

// Node 20 has WebCrypto as a global like browsers; Debian's Node 18 only under node:crypto.
if (!globalThis.crypto?.subtle) {
  globalThis.crypto = webcrypto;
}
const {
  ContainerError, b64urlDecode, b64urlEncode, checkContentLength, checkManifest, containerSize, deriveKeys, framedPlaintext,
  hexDecode, isManifest, isPasswordBound, open, openFramed, seal, sealToBytes,
} = await import('../../main/resources/static/js/bar-format.mjs');

const vectorsFile = fileURLToPath(new URL('../../../../format/src/test/resources/app/bar/format/vectors.json', import.meta.url));
const vectors = JSON.parse(readFileSync(vectorsFile, 'utf8'));

const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

/** The container in chunks of {@code size} bytes, as a download stream would deliver it. */
function* chunked(bytes, size) {
  for (let i = 0; i < bytes.length; i += size) {
    yield bytes.subarray(i, Math.min(i + size, bytes.length));
  }
}

async function openAll(container, contentKey, chunkSize = container.length) {
  const content = [];
  const metadata = await openFramed(chunked(container, chunkSize), contentKey, (part) => content.push(part.slice()));
  return { metadata, content: concat(content) };
}

test('the vector file has valid and invalid vectors', () => {
  assert.ok(vectors.valid.length >= 4, 'valid vectors');
  assert.ok(vectors.invalid.length >= 5, 'invalid vectors');
});

for (const v of vectors.valid) {
  test(`valid vector ${v.name}: keys and verifier`, async () => {
    const keys = await deriveKeys(b64urlDecode(v.linkKey), v.password);
    assert.equal(b64urlEncode(keys.contentKey), v.contentKey);
    assert.equal(keys.passwordBound, v.password !== null);
    assert.equal(keys.accessKey, v.accessKey);
    assert.equal(keys.verifier, v.accessVerifier);
    assert.equal(keys.linkAccessKey, v.linkAccessKey);
    assert.equal(keys.linkVerifier, v.linkVerifier);
  });

  test(`valid vector ${v.name}: sealing gives the exact container bytes`, async () => {
    const keys = await deriveKeys(b64urlDecode(v.linkKey), v.password);
    const plaintext = framedPlaintext(v.metadata, b64urlDecode(v.content));
    const container = await sealToBytes(plaintext, keys.contentKey, keys.passwordBound,
      { segmentSize: v.segmentSize, noncePrefix: hexDecode(v.noncePrefix) });
    assert.equal(b64urlEncode(container), v.container);
    assert.equal(container.length, containerSize(plaintext.size, v.segmentSize));
    assert.equal(isPasswordBound(container), v.password !== null);
  });

  test(`valid vector ${v.name}: opening gives the metadata and content, whatever the chunking`, async () => {
    const keys = await deriveKeys(b64urlDecode(v.linkKey), v.password);
    const container = b64urlDecode(v.container);
    for (const chunkSize of [container.length, 1, 7, v.segmentSize + 16, v.segmentSize + 17]) {
      const opened = await openAll(container, keys.contentKey, chunkSize);
      assert.deepEqual(opened.metadata, JSON.parse(v.metadata), `metadata, chunks of ${chunkSize}`);
      assert.equal(b64urlEncode(opened.content), v.content, `content, chunks of ${chunkSize}`);
    }
  });

  test(`valid vector ${v.name}: a wrong key fails`, async () => {
    const wrong = new Uint8Array(32).fill(7);
    await assert.rejects(openAll(b64urlDecode(v.container), wrong), ContainerError);
  });
}

for (const v of vectors.invalid) {
  test(`invalid vector ${v.name} fails to open`, async () => {
    const keys = await deriveKeys(b64urlDecode(v.linkKey), v.password);
    const container = b64urlDecode(v.container);
    await assert.rejects(openAll(container, keys.contentKey), ContainerError);
    await assert.rejects(openAll(container, keys.contentKey, 5), ContainerError);
  });
}

/** Opens a container as the open page does: a manifest checked before any content, its length after the last segment. */
async function openFiles(container, contentKey, chunkSize = container.length) {
  const content = [];
  let entries = null;
  const metadata = await openFramed(chunked(container, chunkSize), contentKey, (part) => content.push(part.slice()), (m) => {
    entries = isManifest(m) ? checkManifest(m) : null;
  });
  const bytes = concat(content);
  if (entries !== null) {
    checkContentLength(metadata, bytes.length);
  }
  return { metadata, entries, content: bytes };
}

test('the "files" vector opens to its manifest, and each file is its slice of the content', async () => {
  const v = vectors.valid.find((x) => x.name === 'files');
  assert.ok(v, 'a "files" vector');
  const keys = await deriveKeys(b64urlDecode(v.linkKey), v.password);
  const container = b64urlDecode(v.container);
  for (const chunkSize of [container.length, 1, 7, v.segmentSize + 16]) {
    const opened = await openFiles(container, keys.contentKey, chunkSize);
    const manifest = JSON.parse(v.metadata);
    assert.deepEqual(opened.entries.map((e) => e.path), manifest.files.map((f) => f.path));
    assert.equal(opened.content.length, manifest.size);
    let offset = 0;
    for (const [i, f] of manifest.files.entries()) {
      assert.equal(opened.entries[i].offset, offset);
      assert.equal(opened.entries[i].size, f.size);
      offset += f.size;
    }
  }
});

test('the vector file has invalid manifests', () => {
  assert.ok((vectors.invalidManifests || []).length >= 8, 'invalid manifests');
});

for (const v of vectors.invalidManifests || []) {
  test(`invalid manifest ${v.name} (${v.refusal}) decrypts but is refused`, async () => {
    const keys = await deriveKeys(b64urlDecode(v.linkKey), v.password);
    const container = b64urlDecode(v.container);
    const plain = await openAll(container, keys.contentKey); // the encryption itself is sound
    assert.deepEqual(plain.metadata, JSON.parse(v.metadata));
    await assert.rejects(openFiles(container, keys.contentKey), ContainerError);
    await assert.rejects(openFiles(container, keys.contentKey, 5), ContainerError);
  });
}

test('a round trip of several default-size segments with random keys', async () => {
  const linkKey = crypto.getRandomValues(new Uint8Array(32));
  const keys = await deriveKeys(linkKey, null);
  const content = new Uint8Array(2 * (1 << 20) + 12345);
  for (let i = 0; i < content.length; i += 65536) {
    crypto.getRandomValues(content.subarray(i, Math.min(i + 65536, content.length)));
  }
  const parts = [];
  for await (const part of seal(framedPlaintext({ name: 'big.bin', size: content.length }, content), keys.contentKey, false)) {
    parts.push(part);
  }
  assert.equal(parts.length, 1 + 3, 'header and three segments');
  const container = concat(parts);
  const opened = await openAll(container, keys.contentKey, 65536);
  assert.deepEqual(opened.metadata, { name: 'big.bin', size: content.length });
  assert.deepEqual(opened.content, content);
});

test('an empty input, a foreign header and a cut header are not containers', async () => {
  const key = new Uint8Array(32);
  const collect = async (bytes) => {
    for await (const part of open([bytes], key)) {
      void part;
    }
  };
  await assert.rejects(collect(new Uint8Array(0)), ContainerError);
  await assert.rejects(collect(new TextEncoder().encode('%PDF-1.7 not a container at all')), ContainerError);
  await assert.rejects(collect(b64urlDecode(vectors.valid[0].container).subarray(0, 10)), ContainerError);
});

test('base64url refuses characters outside its alphabet', () => {
  assert.throws(() => b64urlDecode('abc+'), ContainerError);
  assert.throws(() => b64urlDecode('a'), ContainerError);
  assert.deepEqual(b64urlDecode(b64urlEncode(new Uint8Array([251, 255, 0]))), new Uint8Array([251, 255, 0]));
});
