// What the create page offers and checks before any work (static/js/share-limits.mjs, issue 13
// item 8): only the choices a person may make, and sizes and durations in human units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './catalogue.mjs';

const { customExpiryProblem, expiryChoices, tooLarge, uploadLimitText, viewChoices } =
  await import('../../main/resources/static/js/share-limits.mjs');

const MiB = 1 << 20;
/** The server's defaults (GET /api/shares/limits). */
const limits = {
  minExpiresIn: 60, defaultExpiresIn: 86400, maxViews: 1000, maxTextBytes: MiB,
  anonymous: { canCreate: true, maxExpiresIn: 604800, maxFileBytes: 100 * MiB, unlimitedViews: false },
  signedIn: { canCreate: true, maxExpiresIn: 2592000, maxFileBytes: 2048 * MiB, unlimitedViews: true },
};

test('the drop zone says the limit, and the larger one for signed-in users, without a needless decimal', () => {
  assert.equal(uploadLimitText(limits, false), 'Up to 100 MiB, 2 GiB signed in.');
  assert.equal(uploadLimitText(limits, true), 'Up to 2 GiB.');
});

test('the drop zone names no signed-in limit when signing in gives no more', () => {
  const same = { ...limits, signedIn: { ...limits.signedIn, maxFileBytes: 100 * MiB } };
  assert.equal(uploadLimitText(same, false), 'Up to 100 MiB.');
});

test('a file that fits the limit once encrypted passes', () => {
  assert.equal(tooLarge('a.bin', 100 * MiB - 4096, 100 * MiB, limits, false), null);
});

test('a file over the limit is refused in human units, with the signed-in limit as a way out', () => {
  assert.equal(tooLarge('big.iso', 150 * MiB, 150 * MiB + 2400, limits, false),
    'big.iso is 150 MiB, and this server takes up to 100 MiB. Signed in, you may send up to 2 GiB. Nothing was uploaded.');
});

test('a file just under the limit whose encryption takes it over says why', () => {
  assert.equal(tooLarge('edge.bin', 100 * MiB, 100 * MiB + 1616, limits, true), null);
  assert.match(tooLarge('edge.bin', 100 * MiB, 100 * MiB + 1616, limits, false),
    /^edge\.bin is 100 MiB: encrypted, it is just over the 100 MiB this server takes\./);
});

test('a signed-in file over the largest limit gets no sign-in hint', () => {
  assert.equal(tooLarge('huge.img', 3072 * MiB, 3072 * MiB + 48, limits, true),
    'huge.img is 3 GiB, and this server takes up to 2 GiB. Nothing was uploaded.');
});

test('anonymous creators are offered expiries up to 7 days, with the default selected', () => {
  const choices = expiryChoices(limits, false);
  assert.deepEqual(choices.map((c) => c.label), ['5 minutes', '1 hour', '1 day', '7 days']);
  assert.deepEqual(choices.filter((c) => c.selected).map((c) => c.value), ['86400']);
});

test('signed-in creators are offered expiries up to 30 days', () => {
  assert.deepEqual(expiryChoices(limits, true).map((c) => c.label), ['5 minutes', '1 hour', '1 day', '7 days', '30 days']);
});

test('a limit that is no preset is offered itself, and a default beyond it selects the longest allowed', () => {
  const short = { ...limits, defaultExpiresIn: 86400, anonymous: { ...limits.anonymous, maxExpiresIn: 12 * 3600 } };
  const choices = expiryChoices(short, false);
  assert.deepEqual(choices.map((c) => c.label), ['5 minutes', '1 hour', '12 hours']);
  assert.deepEqual(choices.filter((c) => c.selected).map((c) => c.label), ['12 hours']);
});

test('unlimited views are offered to signed-in creators only', () => {
  assert.deepEqual(viewChoices(limits, false).map((c) => c.value), ['1', '5', '10', '100']);
  assert.deepEqual(viewChoices(limits, true).map((c) => c.value), ['1', '5', '10', '100', 'unlimited']);
});

test('a custom expiry beyond the limit is said in minutes and days, never seconds', () => {
  assert.equal(customExpiryProblem(10 * 86400, limits, false),
    'Choose a custom expiry between 1 minute and 7 days. Signed-in users may choose longer ones.');
  assert.equal(customExpiryProblem(31 * 86400, limits, true), 'Choose a custom expiry between 1 minute and 30 days.');
  assert.equal(customExpiryProblem(30, limits, true), 'Choose a custom expiry between 1 minute and 30 days.');
  assert.equal(customExpiryProblem(2 * 86400, limits, false), null);
});
