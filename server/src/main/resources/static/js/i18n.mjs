// The page's language and its texts (issue 17, docs/i18n.md). The server picked the language
// (the picker's cookie bar_lang, else Accept-Language) and wrote it into <html lang dir>; the
// texts come from /i18n/<lang>.json (same origin, revalidated by ETag), loaded once here with a
// top-level await, so a module that imports this one may call t() at once. Numbers, sizes, dates
// and durations go through Intl in the same language. Text is always inserted as text.

const root = globalThis.document ? globalThis.document.documentElement : null;

/** The page's language (a BCP 47 tag, as the server offers it). */
export let lang = (root && root.lang) || 'en';
/** Whether the page reads right to left. */
export let rtl = root ? root.dir === 'rtl' : false;

let messages = {};
const warned = new Set();

async function load(language) {
  const response = await fetch(`/i18n/${encodeURIComponent(language)}.json`, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`/i18n/${language}.json: HTTP ${response.status}`); // i18n-ignore: logged, never shown
  }
  return response.json();
}

if (root && typeof fetch === 'function') {
  try {
    messages = await load(lang);
  } catch (e) {
    console.warn('i18n: cannot load the texts of', lang, e);
    try {
      messages = lang === 'en' ? {} : await load('en');
    } catch (ignored) {
      messages = {};
    }
  }
}

/** Uses {@code catalogue} (a key → value object) as the texts of {@code language}; for tests outside a browser. */
export function useCatalogue(language, catalogue) {
  lang = language;
  rtl = language === 'ar';
  messages = catalogue;
  cache.clear();
}

/** Whether the catalogue has {@code key} (to prefer its words over a server's English detail). */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/**
 * The text of {@code key}, its {name} placeholders replaced by {@code args} (numbers formatted);
 * a plural text picked by args.count through Intl.PluralRules. A missing key gives the key
 * itself (and one console warning), so it shows up in tests instead of a blank.
 */
export function t(key, args = {}) {
  let value = has(key) ? messages[key] : undefined;
  if (value === undefined) {
    if (!warned.has(key)) {
      warned.add(key);
      console.warn('i18n: no text for', key);
    }
    return key;
  }
  if (typeof value === 'object') {
    const count = Number(args.count);
    value = value[plurals().select(count)] ?? value.other;
  }
  return value.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name) => {
    if (!(name in args)) {
      return whole;
    }
    const arg = args[name];
    return typeof arg === 'number' ? formatNumber(arg) : String(arg);
  });
}

const cache = new Map();
function intl(kind, options, make) {
  const id = kind + JSON.stringify(options) + lang;
  if (!cache.has(id)) {
    cache.set(id, make());
  }
  return cache.get(id);
}

function plurals() {
  return intl('plural', {}, () => new Intl.PluralRules(lang));
}

export function formatNumber(n, options = {}) {
  return intl('number', options, () => new Intl.NumberFormat(lang, options)).format(n);
}

/**
 * A size in binary units, "512 bytes", "1.5 MiB", "2 GiB": the number through Intl, the unit
 * from the catalogue (common.unit.*) — Intl knows only decimal byte units (kB, MB), and BAR's
 * limits are binary.
 */
export function formatBytes(n) {
  if (n === null || n === undefined) {
    return '—';
  }
  const units = ['common.unit.bytes', 'common.unit.kib', 'common.unit.mib', 'common.unit.gib'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) {
    return t(units[0], { count: value });
  }
  return t(units[unit], { size: formatNumber(value, { maximumFractionDigits: value < 10 ? 1 : 0 }) });
}

/** A date and time, "5 Dec 2026, 14:30" in the page's language; '—' when there is none. */
export function formatDateTime(date) {
  if (!date) {
    return '—';
  }
  const d = date instanceof Date ? date : new Date(date);
  return Number.isNaN(d.getTime()) ? '—'
    : intl('date', {}, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })).format(d);
}

/**
 * "in 3 hours", "in 2 days", "5 minutes ago": the largest unit that keeps the value readable,
 * in the page's language (Intl.RelativeTimeFormat). {@code now} is for tests.
 */
export function formatRelative(date, now = Date.now()) {
  const seconds = Math.round((new Date(date).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit] = abs < 90 ? [seconds, 'second'] : abs < 5400 ? [Math.round(seconds / 60), 'minute']
    : abs < 129600 ? [Math.round(seconds / 3600), 'hour'] : [Math.round(seconds / 86400), 'day'];
  return intl('relative', {}, () => new Intl.RelativeTimeFormat(lang, { numeric: 'always' })).format(value, unit);
}

/**
 * A duration in its largest whole unit, "7 days", "1 hour", "90 seconds" (Intl.NumberFormat
 * with a long unit; {@code style: 'short'} gives "7 days" as "7 days" too, "1 hr", ...).
 */
export function formatDuration(seconds, unitDisplay = 'long') {
  const s = Math.round(seconds);
  const [value, unit] = s !== 0 && s % 86400 === 0 ? [s / 86400, 'day'] : s !== 0 && s % 3600 === 0 ? [s / 3600, 'hour']
    : s !== 0 && s % 60 === 0 ? [s / 60, 'minute'] : [s, 'second'];
  return formatNumber(value, { style: 'unit', unit, unitDisplay });
}

/**
 * Remembers the reader's choice of language for a year: a preference cookie the server reads
 * to pick the page's language (not tracking; docs/i18n.md).
 */
export function rememberLanguage(language) {
  const secure = globalThis.location && globalThis.location.protocol === 'https:' ? '; Secure' : ''; // i18n-ignore: cookie
  document.cookie = `bar_lang=${encodeURIComponent(language)}; Path=/; SameSite=Lax; Max-Age=31536000${secure}`; // i18n-ignore: cookie
}
