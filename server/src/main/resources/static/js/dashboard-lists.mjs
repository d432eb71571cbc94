// What the dashboard (dashboard.mjs) works out of its lists before it draws them, kept apart from
// the page so it runs in node tests: the order of a group's recipients, what a group's row says of
// its members together, and how much of a request's note a row shows.

/** The states in which a share can still be opened (or soon can, once uploaded). */
export const LIVE = new Set(['active', 'locked', 'awaiting_upload']);

/** How many characters of a request's note a row shows. */
export const NOTE_SHOWN = 80;

/**
 * Recipients by label, as the page's language sorts them (ignoring case and accents), then by
 * creation and id, so the order is the same at every load whatever order the list came in.
 */
export function byLabel(a, b) {
  return (a.label || '').localeCompare(b.label || '', undefined, { sensitivity: 'base' })
    || Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * What a group's row says of its members together: when the group was made (its first member),
 * the earliest expiry among the links still live (null when none is), and how many are live.
 */
export function groupSummary(members) {
  const earlier = (first, when) => (first == null || Date.parse(when) < Date.parse(first) ? when : first);
  const live = members.filter((m) => LIVE.has(m.state));
  return {
    created: members.map((m) => m.createdAt).reduce(earlier, null),
    expires: live.map((m) => m.expiresAt).reduce(earlier, null),
    live: live.length,
  };
}

/** A note as one line of at most NOTE_SHOWN characters (not UTF-16 units), ending in "…" when cut. */
export function shortNote(note) {
  const chars = Array.from(note.replace(/\s+/g, ' ').trim());
  return chars.length > NOTE_SHOWN ? chars.slice(0, NOTE_SHOWN - 1).join('') + '…' : chars.join('');
}
