// Times and counts in words (static/js/ui.mjs), issue 13 item 9: the dashboard said "in 2 day".
// Run by `./mvnw verify` (JavaScriptTests: node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './catalogue.mjs';

const { plural, relative } = await import('../../main/resources/static/js/ui.mjs');

const NOW = Date.parse('2026-12-04T12:00:00Z');
const at = (seconds) => new Date(NOW + seconds * 1000).toISOString();

test('relative says days in the plural from two days on, never "2 day"', () => {
  assert.equal(relative(at(2 * 86400 - 30), NOW, 'en'), 'in 2 days');
  assert.equal(relative(at(172000), NOW, 'en'), 'in 2 days');
  assert.equal(relative(at(7 * 86400), NOW, 'en'), 'in 7 days');
});

test('relative uses hours below a day and a half, minutes below an hour and a half', () => {
  assert.equal(relative(at(86400), NOW, 'en'), 'in 24 hours');
  assert.equal(relative(at(3600), NOW, 'en'), 'in 60 minutes');
  assert.equal(relative(at(2 * 3600), NOW, 'en'), 'in 2 hours');
  assert.equal(relative(at(60), NOW, 'en'), 'in 60 seconds');
});

test('relative says the past as "ago", with singular and plural', () => {
  assert.equal(relative(at(-86400 * 3), NOW, 'en'), '3 days ago');
  assert.equal(relative(at(-3600 * 1.5 - 1), NOW, 'en'), '2 hours ago');
  assert.equal(relative(at(-5 * 60), NOW, 'en'), '5 minutes ago');
});

test('plural picks the word for the count', () => {
  assert.equal(plural(1, 'view', 'views'), '1 view');
  assert.equal(plural(0, 'view', 'views'), '0 views');
  assert.equal(plural(5, 'time', 'times'), '5 times');
});
