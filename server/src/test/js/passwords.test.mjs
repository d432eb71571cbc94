// The create form's password generator (static/js/passwords.mjs, issue 13 item 10): WebCrypto's
// randomness, drawn without modulo bias.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { ALPHABET, LENGTH, generatePassword } = await import('../../main/resources/static/js/passwords.mjs');

/** A source that fills every buffer from a fixed list of bytes, in turn. */
function bytesFrom(values) {
  let next = 0;
  return (buffer) => {
    for (let i = 0; i < buffer.length; i++) {
      buffer[i] = values[next++ % values.length];
    }
    return buffer;
  };
}

test('a generated password has 20 characters of the alphabet without look-alikes', () => {
  const password = generatePassword();
  assert.equal(password.length, LENGTH);
  assert.match(password, /^[A-HJ-NP-Za-km-z2-9]{20}$/);
  assert.equal(ALPHABET.length, 56);
  assert.doesNotMatch(ALPHABET, /[0O1lIo]/);
});

test('the length gives more than 110 bits', () => {
  assert.ok(LENGTH * Math.log2(ALPHABET.length) > 110);
});

test('bytes at or above the largest multiple of the alphabet size are drawn again, not folded', () => {
  // 56 * 4 = 224: a byte of 224..255 would favour the first 32 characters
  assert.equal(generatePassword(3, ALPHABET, bytesFrom([224, 255, 0, 230, 55, 57])), 'A9B');
});

test('two passwords are not the same', () => {
  assert.notEqual(generatePassword(), generatePassword());
});

test('every character turns up about equally often', () => {
  const counts = new Map();
  const n = 5000;
  for (let i = 0; i < n; i++) {
    for (const c of generatePassword()) {
      counts.set(c, (counts.get(c) || 0) + 1);
    }
  }
  assert.equal(counts.size, ALPHABET.length);
  const expected = (n * LENGTH) / ALPHABET.length; // about 1786
  for (const [c, count] of counts) {
    assert.ok(Math.abs(count - expected) < expected * 0.15, `${c}: ${count} of about ${expected}`);
  }
});

test('an alphabet of one character or more than 256 is refused', () => {
  assert.throws(() => generatePassword(8, 'a'), RangeError);
  assert.throws(() => generatePassword(8, 'x'.repeat(257)), RangeError);
});
