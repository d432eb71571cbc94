// The browser's texts and formats (static/js/i18n.mjs, issue 17): placeholders, CLDR plurals
// through Intl.PluralRules, a missing key shown as itself, sizes, durations and relative times in
// the page's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useLanguage } from './catalogue.mjs';

const i18n = await import('../../main/resources/static/js/i18n.mjs');
const { formatBytes, formatDuration, formatNumber, formatRelative, t, useCatalogue } = i18n;

const views = { one: '{count} view', other: '{count} views' };

test('t fills named placeholders and picks the plural category of count', () => {
  useCatalogue('en', { 'share.views': views, 'share.hello': 'Hello {name}, {name}!' });
  assert.equal(t('share.views', { count: 1 }), '1 view');
  assert.equal(t('share.views', { count: 0 }), '0 views');
  assert.equal(t('share.views', { count: 1500 }), '1,500 views');
  assert.equal(t('share.hello', { name: '<b>' }), 'Hello <b>, <b>!');
});

test('t uses the language plural rules: Polish few/many, Arabic zero/two', () => {
  useCatalogue('pl', { 'share.views': { one: 'one', few: 'few {count}', many: 'many {count}', other: 'other' } });
  assert.equal(t('share.views', { count: 1 }), 'one');
  assert.equal(t('share.views', { count: 3 }), 'few 3');
  assert.equal(t('share.views', { count: 5 }), 'many 5');
  assert.equal(t('share.views', { count: 22 }), 'few 22');
  useCatalogue('ar', { 'share.views': { zero: 'z', one: 'o', two: 'tw', few: 'f', many: 'm', other: 'x' } });
  assert.deepEqual([0, 1, 2, 3, 11, 100].map((count) => t('share.views', { count })), ['z', 'o', 'tw', 'f', 'm', 'x']);
  assert.equal(i18n.rtl, true);
});

test('a missing key gives the key itself', () => {
  useCatalogue('en', {});
  assert.equal(t('share.nope'), 'share.nope');
});

test('sizes keep binary units; durations and relative times come from Intl', () => {
  useLanguage('en');
  assert.equal(formatBytes(1), '1 byte');
  assert.equal(formatBytes(512), '512 bytes');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(100 * 1024 * 1024), '100 MiB');
  assert.equal(formatBytes(2 * 1024 ** 3), '2 GiB');
  assert.equal(formatDuration(7 * 86400), '7 days');
  assert.equal(formatDuration(3600), '1 hour');
  assert.equal(formatDuration(90), '90 seconds');
  assert.equal(formatRelative(Date.UTC(2026, 0, 3), Date.UTC(2026, 0, 1)), 'in 2 days');
  assert.equal(formatNumber(1234.5), '1,234.5');
  useCatalogue('de', {});
  assert.equal(formatDuration(7 * 86400), '7 Tage');
  assert.equal(formatNumber(1234.5), '1.234,5');
  useLanguage('en');
});
