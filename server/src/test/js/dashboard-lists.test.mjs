// What the dashboard works out of its lists (static/js/dashboard-lists.mjs, issue 18 item 5): a
// group's recipients in a steady order, its row's times and count of live links, a note shortened.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { byLabel, groupSummary, shortNote } = await import('../../main/resources/static/js/dashboard-lists.mjs');

const member = (id, label, createdAt, expiresAt, state = 'active') => ({ id, label, createdAt, expiresAt, state });

test('a group\'s recipients come by label whatever order the list has, ignoring case and accents', () => {
  const list = [member('c', 'carol', '2026-01-01T10:00:02Z'), member('e', 'Émile', '2026-01-01T10:00:00Z'),
    member('a', 'Alice', '2026-01-01T10:00:01Z'), member('b', 'Bob', '2026-01-01T10:00:03Z')];
  assert.deepEqual([...list].sort(byLabel).map((m) => m.id), ['a', 'b', 'c', 'e']);
  assert.deepEqual([...list].reverse().sort(byLabel).map((m) => m.id), ['a', 'b', 'c', 'e']);
});

test('recipients without a label come by creation, then id, the same at every load', () => {
  const list = [member('z', null, '2026-01-01T10:00:01Z'), member('y', null, '2026-01-01T10:00:00Z'),
    member('x', null, '2026-01-01T10:00:01Z')];
  assert.deepEqual([...list].sort(byLabel).map((m) => m.id), ['y', 'x', 'z']);
});

test('a group\'s row has its first member\'s creation and the earliest expiry among its live links', () => {
  const summary = groupSummary([
    member('a', 'A', '2026-01-01T10:00:05Z', '2026-01-02T09:00:00Z', 'destroyed'),
    member('b', 'B', '2026-01-01T10:00:01Z', '2026-01-03T10:00:00Z', 'active'),
    member('c', 'C', '2026-01-01T10:00:03Z', '2026-01-02T12:00:00Z', 'locked'),
  ]);
  assert.deepEqual(summary, { created: '2026-01-01T10:00:01Z', expires: '2026-01-02T12:00:00Z', live: 2 });
});

test('a group whose links all ended has no expiry and no live link', () => {
  const summary = groupSummary([member('a', 'A', '2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z', 'used_up'),
    member('b', 'B', '2026-01-01T10:00:00Z', '2026-01-02T10:00:00Z', 'destroyed')]);
  assert.equal(summary.expires, null);
  assert.equal(summary.live, 0);
});

test('a long note is cut to 80 characters ending in an ellipsis, on one line, without splitting a character', () => {
  const note = '🔑'.repeat(100) + '\n\n  tail';
  const shown = shortNote(note);
  assert.equal(Array.from(shown).length, 80);
  assert.ok(shown.endsWith('🔑…'));
  assert.equal(shortNote('  two\n lines  '), 'two lines');
  assert.equal(shortNote('x'.repeat(80)), 'x'.repeat(80));
});
