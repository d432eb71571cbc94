// The share pages' words for refused requests (static/js/share-problems.mjs): chosen by code,
// field and bounds, never by the server's English, and never a duration in seconds. Run by
// `./mvnw verify` (exec-maven-plugin: node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLanguage } from './catalogue.mjs';

const { ApiError } = await import('../../main/resources/static/js/api.mjs');
const { describeCreateProblem, describeShareField, humanDuration } =
  await import('../../main/resources/static/js/share-problems.mjs');

const invalid = (...errors) => new ApiError(400, { code: 'request.invalid', detail: 'English for clients', errors });

test('humanDuration says whole minutes, hours and days', () => {
  assert.equal(humanDuration(60), '1 minute');
  assert.equal(humanDuration(7200), '2 hours');
  assert.equal(humanDuration(604800), '7 days');
  assert.equal(humanDuration(2592000), '30 days');
});

test('humanDuration never overstates a bound that is no whole unit', () => {
  assert.equal(humanDuration(90, 'up'), '2 minutes');
  assert.equal(humanDuration(90, 'down'), '1 minute');
  assert.equal(humanDuration(86400 + 3600), '25 hours');
  assert.equal(humanDuration(86400 + 90, 'down'), '1 day');
});

test('an anonymous expiry out of range is said in minutes and days, with a hint to sign in', () => {
  const error = invalid({ field: 'expiresIn', code: 'field.out_of_range', message: 'must be between 60 and 604800 seconds', min: 60, max: 604800 });
  const text = describeCreateProblem(error, false);
  assert.equal(text, 'Choose an expiry between 1 minute and 7 days. Signed-in users may choose longer ones.');
  assert.doesNotMatch(text, /second|604800/);
});

test('a signed-in expiry out of range gets no sign-in hint', () => {
  const error = invalid({ field: 'expiresIn', code: 'field.out_of_range', message: 'x', min: 60, max: 2592000 });
  assert.equal(describeCreateProblem(error, true), 'Choose an expiry between 1 minute and 30 days.');
});

test('the words come from field and code, not from the message', () => {
  const a = describeShareField({ field: 'unlimitedViews', code: 'share.signed_in_only', message: 'one thing' }, false);
  const b = describeShareField({ field: 'unlimitedViews', code: 'share.signed_in_only', message: 'another' }, false);
  assert.equal(a, b);
  assert.match(a, /signed-in/);
  assert.equal(describeShareField({ field: 'webhookUrl', code: 'share.signed_in_only' }, false),
    'Sign in to be notified by a webhook.');
});

test('a field rule the page has no words for falls back to the shared description', () => {
  const error = invalid({ field: 'accessVerifier', code: 'field.format', message: 'must be base64url' });
  assert.equal(describeCreateProblem(error, false), 'Please check: accessVerifier must be base64url.');
});

test('a field rule on a page in another language comes from its catalogue, not the server English', () => {
  const error = invalid({ field: 'accessVerifier', code: 'field.format', message: 'must be base64url' },
    { field: 'password', code: 'field.required', message: 'is required' });
  useLanguage('de');
  try {
    assert.equal(describeCreateProblem(error, false),
      'Bitte prüfen: accessVerifier hat nicht das erwartete Format; Passwort fehlt.');
  } finally {
    useLanguage('en');
  }
});

test('upload problems are told apart by code', () => {
  assert.match(describeCreateProblem(new ApiError(422, { code: 'share.virus_found', detail: 'x' }), true), /virus scanner refused/);
  assert.equal(describeCreateProblem(new ApiError(503, { code: 'share.scanner_unavailable', detail: 'x' }, 30), true),
    'The virus scanner is not available right now, so the file cannot be accepted. Try again in 30 s.');
  assert.match(describeCreateProblem(new ApiError(413, { code: 'request.body_too_large' }), false), /Signed-in users may send larger/);
});
