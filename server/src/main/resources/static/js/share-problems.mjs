// What to tell a person when the share API refuses something, decided on the problem's code and,
// for a field, on errors[].field, errors[].code and its bounds (min/max in the field's own unit) —
// never on the English detail or message (docs/errors.md). Durations are said in minutes, hours
// and days, never in seconds.
import { ApiError, describe, formatWait } from './api.mjs';
import { formatBytes } from './ui.mjs';

const UNITS = [[86400, 'day'], [3600, 'hour'], [60, 'minute']];

function count(n, unit) {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A duration for a person: "1 minute", "12 hours", "7 days". A bound that is no whole number of
 * its unit is rounded so the sentence never promises more than the server allows: a lower bound
 * up, an upper bound down.
 */
export function humanDuration(seconds, round = 'down') {
  const s = Math.max(0, Number(seconds) || 0);
  for (const [size, unit] of UNITS) {
    if (s >= size && s % size === 0) {
      return count(s / size, unit);
    }
  }
  for (const [size, unit] of UNITS) {
    if (s >= size) {
      return count(round === 'up' ? Math.ceil(s / size) : Math.floor(s / size), unit);
    }
  }
  return count(1, 'minute');
}

/** "between 1 minute and 7 days" for a range of seconds. */
export function durationRange(min, max) {
  return `between ${humanDuration(min, 'up')} and ${humanDuration(max, 'down')}`;
}

/** The sentence for one errors[] entry of POST /api/shares, or null when no page words fit it. */
export function describeShareField(entry, signedIn) {
  const { field, code, min, max } = entry;
  switch (`${field} ${code}`) {
    case 'expiresIn field.out_of_range':
      return `Choose an expiry ${durationRange(min, max)}.` + (signedIn ? '' : ' Signed-in users may choose longer ones.');
    case 'maxViews field.out_of_range':
      return `Choose between ${min} and ${max} views.`;
    case 'maxViews share.field_not_allowed':
      return 'Choose either a number of views or unlimited views, not both.';
    case 'unlimitedViews share.signed_in_only':
      return 'Only signed-in users may create links without a view limit: sign in, or choose a number of views.';
    case 'viewRefreshMinutes field.out_of_range':
      return `Choose a re-open window ${durationRange(min * 60, max * 60)}.`;
    case 'burnAfterFailedAttempts field.out_of_range':
      return `Choose between ${min} and ${max} wrong passwords before the secret burns.`;
    case 'text field.required':
      return 'Type or paste the secret text first.';
    case 'text field.size':
      return `The secret text is too long: at most ${formatBytes(max)}. Share it as a file instead.`;
    case 'filename field.size':
      return `The file name is too long: at most ${max} characters.`;
    case 'password field.size':
      return `The password must have ${min} to ${max} characters.`;
    case 'otpEmails field.size':
      return `List ${min} to ${max} recipient email addresses for the one-time code.`;
    case 'otpEmails field.format':
      return 'One of the recipient emails is not a plain email address.';
    case 'otpEmails share.field_not_allowed':
      return 'Recipient emails are only for secrets that require a one-time code.';
    case 'viewOnly share.not_previewable':
      return '"View only" works for text, PDF and images (PNG, JPEG, GIF, WebP): this file cannot be shown in a browser. Send it without "View only".';
    case 'webhookUrl share.signed_in_only':
      return 'Sign in to be notified by a webhook.';
    case 'webhookUrl share.webhooks_unavailable':
      return 'This server sends no webhooks: leave the webhook URL empty.';
    case 'webhookUrl webhook.url_refused':
      return 'The webhook URL is not accepted: use a public https:// address.';
    case 'webhookUrl field.size':
      return `The webhook URL must have 1 to ${max} characters.`;
    default:
      return null;
  }
}

/**
 * What to tell the person who creates a share (the policy, then the upload), decided on codes.
 * Anything the share pages have no words of their own for gets the shared {@link describe}.
 */
export function describeCreateProblem(error, signedIn) {
  if (!(error instanceof ApiError)) {
    return describe(error, 'The share');
  }
  const errors = error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  if (error.code === 'request.invalid' && errors.length > 0) {
    const sentences = errors.map((e) => describeShareField(e, signedIn));
    if (sentences.every((s) => s !== null)) {
      return sentences.join(' ');
    }
  }
  const wait = error.retryAfter != null ? ` Try again in ${formatWait(error.retryAfter)}.` : ' Try again in a moment.';
  switch (error.code) {
    case 'auth.required':
      return 'This server only lets signed-in users create secrets: sign in first.';
    case 'request.body_too_large':
      return 'The file is larger than this server accepts.' + (signedIn ? '' : ' Signed-in users may send larger files.');
    case 'share.virus_found':
      return 'The virus scanner refused this file. Nothing of it was kept.';
    case 'share.scanner_unavailable':
      return 'The virus scanner is not available right now, so the file cannot be accepted.' + wait;
    default:
      return describe(error, 'The share');
  }
}

