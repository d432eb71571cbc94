// The JSON API from the pages: same-origin fetches with the session cookies, the CSRF header on
// every change, a silent refresh when a signed-in call answers 401, and problem+json errors
// turned into ApiError. Nothing is kept in localStorage; the session lives in HttpOnly cookies.
// What a failure says to a person comes from the catalogues (i18n.mjs), chosen by the problem's code.
import { has, lang, t } from './i18n.mjs';

const CSRF_COOKIES = ['__Host-bar_csrf', 'bar_csrf'];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A failed call: the HTTP status (0 when the server could not be reached), the problem body,
 * Retry-After. Pages decide on {@link ApiError#code}, the problem's stable code (docs/errors.md),
 * never on its English detail.
 */
export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(problem.detail || (status === 0 ? t('common.problem.network.unreachable') : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The problem's code; for an answer without one (a proxy's error page), the generic code of its status. */
  get code() {
    return (this.problem && this.problem.code) || codeOfStatus(this.status);
  }

  /** Whether a field problem names this rule (errors[].code) for any field, or for {@code field}. */
  hasFieldCode(code, field = null) {
    const errors = this.problem && Array.isArray(this.problem.errors) ? this.problem.errors : [];
    return errors.some((e) => e.code === code && (field === null || e.field === field));
  }

  static async of(response) {
    let problem = {};
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try {
        problem = await response.json();
      } catch (e) {
        problem = {};
      }
    }
    const retry = parseInt(response.headers.get('Retry-After') || '', 10);
    return new ApiError(response.status, problem, Number.isFinite(retry) && retry >= 0 ? retry : null);
  }
}

/** The CSRF token of the session (its cookie is readable by script, by design), or null. */
export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    if (eq > 0 && CSRF_COOKIES.includes(name)) {
      const value = part.slice(eq + 1).trim();
      if (value) {
        return value;
      }
    }
  }
  return null;
}

/** Whether this browser may hold a session (the CSRF cookie lives exactly as long as the session's cookies). */
export function mayBeSignedIn() {
  return csrfToken() !== null;
}

let refreshing = null;

/**
 * Refreshes the session once. Refresh tokens rotate and a reused one ends the session, so at
 * most one refresh runs at a time: within this page through one shared promise, across tabs
 * through a Web Lock; a tab that waited for the lock and sees a new CSRF cookie knows another
 * tab has refreshed already and does not refresh again.
 */
export function refreshSession(seenCsrf = csrfToken()) {
  if (!refreshing) {
    const run = () => refreshNow(seenCsrf);
    const locked = navigator.locks ? navigator.locks.request('bar-session-refresh', run) : run();
    refreshing = locked.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function refreshNow(seenCsrf) {
  const current = csrfToken();
  if (current === null) {
    return false;
  }
  if (seenCsrf !== null && current !== seenCsrf) {
    return true;
  }
  try {
    const response = await fetch('/api/auth/refresh', {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { 'X-CSRF-Token': current, Accept: 'application/json' },
    });
    return response.ok;
  } catch (e) {
    return false;
  }
}

/**
 * One call. Options: method, json (a body to send as JSON), body, headers, auth (the call needs
 * the session: a 401 triggers one silent refresh and one retry). Resolves to the Response when
 * it is 2xx, else throws ApiError.
 */
export async function request(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const send = async () => {
    const headers = new Headers(options.headers || {});
    headers.set('Accept', 'application/json');
    let body = options.body;
    if (options.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.json);
    }
    const csrf = csrfToken();
    if (!SAFE.has(method) && csrf && !headers.has('X-CSRF-Token')) {
      headers.set('X-CSRF-Token', csrf);
    }
    const seen = csrf;
    try {
      return { response: await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' }), seen };
    } catch (e) {
      throw new ApiError(0, { code: 'network.unreachable', detail: t('common.problem.network.unreachable_detail') });
    }
  };
  let { response, seen } = await send();
  if (response.status === 401 && options.auth && mayBeSignedIn()) {
    if (await refreshSession(seen)) {
      ({ response } = await send());
    }
  }
  if (!response.ok) {
    throw await ApiError.of(response);
  }
  return response;
}

/** {@link request}, answering the parsed JSON body (null for 204). */
export async function requestJson(path, options = {}) {
  const response = await request(path, options);
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

/** The signed-in account ({id, email, displayName, role, state}), or null; refreshes an expired access token. */
export async function currentAccount() {
  if (!mayBeSignedIn()) {
    return null;
  }
  try {
    return await requestJson('/api/account', { auth: true });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      return null;
    }
    throw e;
  }
}

/**
 * Saves the reader's choice of language to the signed-in account, so that its mails use it
 * (issue 17): {@code PATCH /api/account {language}}. The language picker (nav.mjs) calls it for a
 * signed-in reader, the settings page for its own field. Answers the account.
 */
export async function saveLanguage(language) {
  return requestJson('/api/account', { method: 'PATCH', auth: true, json: { language } });
}

/**
 * Signs out (the server ends the session and clears the cookies). Answers where the browser goes
 * next: the single sign-on provider's logout for a session it signed in (it then returns to
 * /login), else /login.
 */
export async function signOut() {
  try {
    const answer = await requestJson('/api/auth/logout', { method: 'POST' });
    return (answer && answer.endSessionUrl) || '/login';
  } catch (e) {
    // the cookies are cleared by the answer; a failure leaves nothing we can do here
    return '/login';
  }
}

/** The generic code of a status (as the server's ProblemCodes.forStatus), for answers that carry none. */
function codeOfStatus(status) {
  const codes = {
    0: 'network.unreachable', // not the server's: the browser could not reach it
    400: 'request.malformed', 401: 'auth.required', 403: 'access.denied',
    404: 'resource.not_found', 405: 'method.not_allowed', 409: 'resource.conflict', 413: 'request.body_too_large',
    415: 'media_type.unsupported', 422: 'request.unprocessable', 423: 'resource.locked', 429: 'rate_limit.exceeded',
    503: 'server.unavailable',
  };
  return codes[status] || (status >= 500 ? 'server.error' : 'request.refused');
}

/** Codes that ask the client to come back after Retry-After: the pages count down on them. */
export const RETRY_LATER = new Set(['rate_limit.exceeded', 'server.busy', 'server.unavailable']);

/** Codes that mean "sign in (again)". */
export const SIGN_IN = new Set(['auth.required', 'auth.session_ended', 'auth.token_expired', 'auth.token_invalid']);

/** Codes of problems about fields: the answer lists them in errors[]. */
const FIELD_PROBLEMS = new Set(['request.invalid', 'request.unknown_field', 'request.wrong_type',
  'request.parameter_invalid', 'request.parameter_missing']);

/**
 * The server's English detail (written for people, never echoing input) on an English page,
 * else the catalogue's words for the code, {@code key}: a reader of another language never
 * gets the server's English where the catalogue has words.
 */
function serverOr(problem, key, args = {}) {
  return lang === 'en' && problem.detail ? problem.detail : t(key, args);
}

/**
 * What to tell a person about a failed call, decided on the problem's code (docs/errors.md):
 * the catalogue's words for it (common.problem.<code>); on English pages the server's detail
 * where it has one, as it is more precise. {@code subject} is the thing in question, in words
 * of the page's language ("This share"); default "This".
 */
export function describe(error, subject = t('common.problem.subject')) {
  if (!(error instanceof ApiError)) {
    return error && error.message ? error.message : t('common.problem.unknown');
  }
  const p = error.problem || {};
  const wait = error.retryAfter != null ? ' ' + t('common.problem.try_again_in', { wait: formatWait(error.retryAfter) }) : '';
  const code = error.code;
  if (FIELD_PROBLEMS.has(code)) {
    if (Array.isArray(p.errors) && p.errors.length > 0) {
      return t('common.problem.check_fields', { fields: p.errors.map(fieldProblem).join(t('common.list_separator')) });
    }
    return serverOr(p, 'common.problem.request.invalid');
  }
  switch (code) {
    case 'network.unreachable':
      return p.detail || t('common.problem.network.unreachable');
    case 'resource.not_found':
      return t('common.problem.resource.not_found', { subject });
    case 'request.body_too_large':
    case 'media_type.unsupported':
    case 'rate_limit.exceeded':
      return t('common.problem.' + code) + wait;
    case 'resource.locked':
      return serverOr(p, 'common.problem.resource.locked') + wait;
    case 'server.busy':
    case 'server.unavailable':
      return t('common.problem.server.busy') + (wait || ' ' + t('common.problem.try_again_soon'));
    case 'server.error':
      return t('common.problem.server.error', { request_id: p.requestId || t('common.problem.request_id_unknown') });
    default:
      if (has('common.problem.' + code)) {
        return serverOr(p, 'common.problem.' + code);
      }
      return p.detail || t('common.problem.http', { status: String(error.status) });
  }
}

/** One field's problem: its label and the rule, in the catalogue's words where it has them. */
function fieldProblem(e) {
  const key = 'common.field.' + String(e.field).replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
  const label = has(key) ? t(key) : e.field;
  // as serverOr: an English page keeps the server's more precise words ("must be base64url")
  const rule = (lang === 'en' && e.message) || !has('common.rule.' + e.code) ? e.message : t('common.rule.' + e.code);
  return t('common.problem.field', { field: label, rule });
}

/** A wait in its largest sensible unit: "45 s", "3 min", "2 h". */
export function formatWait(seconds) {
  if (seconds < 90) {
    return t('common.unit.seconds_short', { count: seconds });
  }
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? t('common.unit.minutes_short', { count: minutes })
    : t('common.unit.hours_short', { count: Math.ceil(minutes / 60) });
}
