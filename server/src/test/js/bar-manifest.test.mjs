// The several-files manifest (docs/zero-knowledge-format.md, "Plaintext framing") in
// static/js/bar-format.mjs: every rule a reader checks before it shows or writes anything, and the
// writer's manifest. The vectors in vectors.json are checked in bar-format.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { ContainerError, ManifestTooLarge, checkManifest, fileManifest, isManifest } =
  await import('../../main/resources/static/js/bar-format.mjs');

const entry = (path, size = 1, type = 'application/octet-stream') => ({ path, type, size });
const manifest = (...files) => ({ files, size: files.reduce((n, f) => n + f.size, 0) });

test('a valid manifest gives each entry its offset into the content', () => {
  const entries = checkManifest(manifest(entry('report.pdf', 70, 'application/pdf'), entry('photos/a.png', 1234), entry('empty.txt', 0)));
  assert.deepEqual(entries.map((e) => [e.path, e.offset, e.size]), [['report.pdf', 0, 70], ['photos/a.png', 70, 1234], ['empty.txt', 1304, 0]]);
});

test('an entry without a type is application/octet-stream, unknown fields are ignored', () => {
  const [only] = checkManifest({ files: [{ path: 'a', size: 2, extra: true }], size: 2, comment: 'x' });
  assert.equal(only.type, 'application/octet-stream');
});

test('single-file and text metadata are not manifests', () => {
  assert.equal(isManifest({ name: 'a.pdf', type: 'application/pdf', size: 1 }), false);
  assert.equal(isManifest({ type: 'text/plain;charset=utf-8' }), false);
  assert.equal(isManifest({ files: [], size: 0 }), true);
});

const refused = {
  'a ".." segment': manifest(entry('a/../b')),
  'a "." segment': manifest(entry('./b')),
  'a leading "/"': manifest(entry('/etc/passwd')),
  'an empty segment': manifest(entry('a//b')),
  'a trailing "/"': manifest(entry('a/')),
  'a backslash': manifest(entry('a\\b')),
  'a colon': manifest(entry('C:x')),
  'a control character': manifest(entry('a\u0007b')),
  'DEL': manifest(entry('a\u007fb')),
  'a path not in NFC': manifest(entry('cafe\u0301')),
  'a lone surrogate': manifest(entry('a\ud800')),
  'a segment of 256 bytes': manifest(entry('x'.repeat(256))),
  'a path of 1025 bytes': manifest(entry(('x'.repeat(200) + '/').repeat(5) + 'x'.repeat(20))),
  'an empty path': manifest(entry('')),
  'a path that is not a string': manifest(entry(7)),
  'a duplicate path differing only by case': manifest(entry('Readme.md'), entry('README.md')),
  'a path that is a directory of another': manifest(entry('a/b'), entry('a/b/c')),
  'the same, the directory listed last': manifest(entry('a/b/c'), entry('A/B')),
  'sizes that do not add up to "size"': { files: [entry('a', 3), entry('b', 4)], size: 8 },
  'a negative size': { files: [entry('a', -1)], size: -1 },
  'a fractional size': { files: [entry('a', 1.5)], size: 1.5 },
  'a size above 2^53-1': { files: [entry('a', 2 ** 53)], size: 2 ** 53 },
  'a size as a string': { files: [{ path: 'a', size: '1' }], size: 1 },
  'no entries': { files: [], size: 0 },
  '1001 entries': manifest(...Array.from({ length: 1001 }, (_, i) => entry(`f${i}`))),
  'files not a list': { files: { path: 'a' }, size: 0 },
  'an entry that is not an object': { files: ['a'], size: 0 },
  'a type longer than 255 bytes': manifest(entry('a', 1, 'x'.repeat(256))),
};
for (const [what, m] of Object.entries(refused)) {
  test(`a manifest with ${what} is refused as damaged`, () => {
    assert.throws(() => checkManifest(m), ContainerError);
  });
}

test('1000 entries and a 255-byte segment are allowed', () => {
  assert.equal(checkManifest(manifest(...Array.from({ length: 1000 }, (_, i) => entry(`f${i}`)))).length, 1000);
  assert.equal(checkManifest(manifest(entry('é'.repeat(127) + 'x'))).length, 1);
});

test('the writer makes the manifest from files in order, with their types and total size', () => {
  const m = fileManifest([{ path: 'a.txt', file: new Blob(['abc'], { type: 'text/plain' }) }, { path: 'd/b.bin', file: new Blob(['12345']) }]);
  assert.deepEqual(m, { files: [{ path: 'a.txt', type: 'text/plain', size: 3 }, { path: 'd/b.bin', type: 'application/octet-stream', size: 5 }], size: 8 });
});

test('the writer refuses files whose manifest would not fit 64 KiB', () => {
  const many = Array.from({ length: 1000 }, (_, i) => ({ path: `${'long-folder-name-'.repeat(4)}/${i}.bin`, file: new Blob([]) }));
  assert.throws(() => fileManifest(many), ManifestTooLarge);
});

test('the writer refuses two files with the same path', () => {
  assert.throws(() => fileManifest([{ path: 'a', file: new Blob([]) }, { path: 'A', file: new Blob([]) }]), ContainerError);
});
