// What to tell a person when the share API refuses something, decided on the problem's code and,
// for a field, on errors[].field, errors[].code and its bounds (min/max in the field's own unit) —
// never on the English detail or message (docs/errors.md). Durations are said in minutes, hours
// and days, never in seconds.
import { ApiError, describe, formatWait } from './api.mjs';
import { formatBytes, formatNumber, t } from './i18n.mjs';

const UNITS = [[86400, 'day'], [3600, 'hour'], [60, 'minute']];

/** "7 days" in the page's language (Intl's unit words and plurals). */
function count(n, unit) {
  return formatNumber(n, { style: 'unit', unit, unitDisplay: 'long' });
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
  return t('share.problem.duration_range', { min: humanDuration(min, 'up'), max: humanDuration(max, 'down') });
}

/** The sentence for one errors[] entry of POST /api/shares, or null when no page words fit it. */
export function describeShareField(entry, signedIn) {
  const { field, code, min, max } = entry;
  if (String(field).startsWith('recipients')) { // the list, or one entry's label, verifier or wrapped key
    return code === 'field.size' && field === 'recipients' ? t('share.recipients.count', { min, max })
      : t('share.recipients.refused');
  }
  switch (`${field} ${code}`) {
    case 'expiresIn field.out_of_range':
      return t('share.problem.expiry_range', { range: durationRange(min, max) }) + (signedIn ? '' : ' ' + t('share.problem.signed_in_longer'));
    case 'maxViews field.out_of_range':
      return t('share.problem.views_range', { min, max });
    case 'maxViews share.field_not_allowed':
      return t('share.problem.views_both');
    case 'unlimitedViews share.signed_in_only':
      return t('share.problem.unlimited_signed_in');
    case 'viewRefreshMinutes field.out_of_range':
      return t('share.problem.reopen_range', { range: durationRange(min * 60, max * 60) });
    case 'burnAfterFailedAttempts field.out_of_range':
      return t('share.problem.burn_after_range', { min, max });
    case 'text field.required':
      return t('share.problem.text_required');
    case 'text field.size':
      return t('share.problem.text_too_long', { max: formatBytes(max) });
    case 'filename field.size':
      return t('share.problem.filename_too_long', { max });
    case 'password field.size':
      return t('share.problem.password_size', { min, max });
    case 'otpEmails field.size':
      return t('share.problem.otp_emails_size', { min, max });
    case 'otpEmails field.format':
      return t('share.problem.otp_emails_format');
    case 'otpEmails share.field_not_allowed':
      return t('share.problem.otp_emails_not_allowed');
    case 'viewOnly share.not_previewable':
      return t('share.problem.not_previewable');
    case 'webhookUrl share.signed_in_only':
      return t('share.problem.webhook_signed_in');
    case 'webhookUrl share.webhooks_unavailable':
      return t('share.problem.webhooks_unavailable');
    case 'webhookUrl webhook.url_refused':
      return t('share.problem.webhook_refused');
    case 'webhookUrl field.size':
      return t('share.problem.webhook_size', { max });
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
    return describe(error, t('share.problem.subject'));
  }
  const errors = error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  if (error.code === 'request.invalid' && errors.length > 0) {
    const sentences = errors.map((e) => describeShareField(e, signedIn));
    if (sentences.every((s) => s !== null)) {
      return sentences.join(' ');
    }
  }
  const wait = ' ' + (error.retryAfter != null ? t('common.problem.try_again_in', { wait: formatWait(error.retryAfter) })
    : t('common.problem.try_again_soon'));
  switch (error.code) {
    case 'auth.required':
      return t('share.problem.create_signed_in_only');
    case 'request.body_too_large':
      return t('share.problem.file_too_large') + (signedIn ? '' : ' ' + t('share.problem.signed_in_larger'));
    case 'share.virus_found':
      return t('share.problem.virus_found');
    case 'share.scanner_unavailable':
      return t('share.problem.scanner_unavailable') + wait;
    default:
      return describe(error, t('share.problem.subject'));
  }
}

