// What the create page offers and checks before any work, from GET /api/shares/limits (the
// bounds the server enforces, in seconds and bytes): the upload limit on the drop zone, only the
// expiries and view counts this person may pick, and a file's size before it is encrypted
// (issue 13 item 8). Pure functions: no DOM, so Node's test runner checks them.
import { durationRange, humanDuration } from './share-problems.mjs';
import { formatBytes, t } from './i18n.mjs';

/** The expiries the select offers, in seconds, where the person's limit allows them. */
export const EXPIRY_PRESETS = [300, 3600, 86400, 604800, 2592000];
/** The view counts the select offers, where the server's maximum allows them. */
export const VIEW_PRESETS = [1, 5, 10, 100];

/** The limits of an anonymous or a signed-in creator. */
export function tierOf(limits, signedIn) {
  return signedIn ? limits.signedIn : limits.anonymous;
}

/** A limit without a needless decimal: "100 MiB", "2 GiB". */
export function sizeText(bytes) {
  return formatBytes(bytes).replace(/\.0 /, ' ');
}

/** The drop zone's line: "Up to 100 MiB, 2 GiB signed in." (the second part only where signing in gives more). */
export function uploadLimitText(limits, signedIn) {
  const own = tierOf(limits, signedIn).maxFileBytes;
  const more = limits.signedIn.maxFileBytes;
  return !signedIn && more > own ? t('share.limits.upload_more_signed_in', { size: sizeText(own), more: sizeText(more) })
    : t('share.limits.upload', { size: sizeText(own) });
}

/**
 * Null when a container of {@code containerBytes} (the upload: the encrypted file) fits this
 * person's limit, else the sentence that says so, for what was chosen ({@code what}: "report.zip"
 * or "The secret text") of {@code plainBytes}.
 */
export function tooLarge(what, plainBytes, containerBytes, limits, signedIn) {
  const max = tierOf(limits, signedIn).maxFileBytes;
  if (containerBytes <= max) {
    return null;
  }
  const size = plainBytes > max ? t('share.limits.too_large', { what, size: sizeText(plainBytes), max: sizeText(max) })
    : t('share.limits.too_large_encrypted', { what, size: sizeText(plainBytes), max: sizeText(max) });
  const more = limits.signedIn.maxFileBytes;
  const hint = !signedIn && containerBytes <= more ? ' ' + t('share.limits.signed_in_up_to', { max: sizeText(more) }) : '';
  return `${size}${hint} ${t('share.limits.nothing_uploaded')}`;
}

/**
 * The expiries this person may pick: the presets within the limit, and the limit itself when it
 * is no preset; {@code selected} is the server's default, or the longest choice below it.
 */
export function expiryChoices(limits, signedIn) {
  const max = tierOf(limits, signedIn).maxExpiresIn;
  const seconds = EXPIRY_PRESETS.filter((s) => s >= limits.minExpiresIn && s <= max);
  if (!seconds.includes(max)) {
    seconds.push(max);
  }
  const wanted = Math.min(limits.defaultExpiresIn, max);
  const selected = seconds.filter((s) => s <= wanted).pop() ?? seconds[0];
  return seconds.map((s) => ({ value: String(s), label: humanDuration(s), selected: s === selected }));
}

/** The view counts this person may pick: the presets within the server's maximum, and unlimited when allowed. */
export function viewChoices(limits, signedIn) {
  const counts = VIEW_PRESETS.filter((n) => n <= limits.maxViews);
  const choices = counts.map((n) => ({ value: String(n), label: t('share.limits.views', { count: n }), selected: n === 1 }));
  if (tierOf(limits, signedIn).unlimitedViews) {
    choices.push({ value: 'unlimited', label: t('share.limits.unlimited'), selected: false });
  }
  return choices;
}

/** Null when a custom expiry of {@code seconds} is allowed, else the sentence: "between 1 minute and 7 days". */
export function customExpiryProblem(seconds, limits, signedIn) {
  const max = tierOf(limits, signedIn).maxExpiresIn;
  if (Number.isFinite(seconds) && seconds >= limits.minExpiresIn && seconds <= max) {
    return null;
  }
  const hint = !signedIn && limits.signedIn.maxExpiresIn > max ? ' ' + t('share.problem.signed_in_longer') : '';
  return t('share.limits.custom_expiry_range', { range: durationRange(limits.minExpiresIn, max) }) + hint;
}
