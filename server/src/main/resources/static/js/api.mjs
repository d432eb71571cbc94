// The JSON API from the pages: same-origin fetches with the session cookies, the CSRF header on
// every change, a silent refresh when a signed-in call answers 401, and problem+json errors
// turned into ApiError. Nothing is kept in localStorage; the session lives in HttpOnly cookies.

const CSRF_COOKIES = ['__Host-bar_csrf', 'bar_csrf'];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A failed call: the HTTP status (0 when the server could not be reached), the problem body,
 * Retry-After. Pages decide on {@link ApiError#code}, the problem's stable code (docs/errors.md),
 * never on its English detail.
 */
export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(problem.detail || (status === 0 ? 'The server cannot be reached.' : 'HTTP ' + status));
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
      throw new ApiError(0, { code: 'network.unreachable', detail: 'The server cannot be reached. Check your connection and try again.' });
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
 * What to tell a person about a failed call, decided on the problem's code: the server's details
 * are written for clients and never echo input, so they are shown; a few codes get words of their own.
 */
export function describe(error, subject = 'This') {
  if (!(error instanceof ApiError)) {
    return error && error.message ? error.message : 'Something went wrong.';
  }
  const p = error.problem || {};
  const wait = error.retryAfter != null ? ` Try again in ${formatWait(error.retryAfter)}.` : '';
  const code = error.code;
  if (FIELD_PROBLEMS.has(code)) {
    if (Array.isArray(p.errors) && p.errors.length > 0) {
      return 'Please check: ' + p.errors.map((e) => `${fieldLabel(e.field)} ${e.message}`).join('; ') + '.';
    }
    return p.detail || 'The request was not accepted.';
  }
  switch (code) {
    case 'network.unreachable':
      return p.detail || 'The server cannot be reached.';
    case 'resource.not_found':
      return `${subject} does not exist (any more).`;
    case 'request.body_too_large':
      return 'This is larger than the server accepts.';
    case 'media_type.unsupported':
      return 'The server did not accept the format of this request.';
    case 'resource.locked':
      return (p.detail || 'Locked.') + wait;
    case 'rate_limit.exceeded':
      return 'Too many requests.' + wait;
    case 'server.busy':
    case 'server.unavailable':
      return 'The server is busy.' + (wait || ' Try again in a moment.');
    case 'server.error':
      return `Something went wrong on the server. If it keeps happening, report request id ${p.requestId || 'unknown'}.`;
    default:
      return p.detail || fallback(code, error.status);
  }
}

/** Words for a code whose answer has no detail (a proxy's error page). */
function fallback(code, status) {
  switch (code) {
    case 'auth.required':
      return 'Please sign in.';
    case 'access.denied':
      return 'You are not allowed to do this.';
    case 'resource.conflict':
      return 'This conflicts with the current state; reload the page.';
    case 'request.unprocessable':
      return 'The server refused this content.';
    default:
      return `The request failed (HTTP ${status}).`;
  }
}

const FIELD_LABELS = {
  expiresIn: 'expiry', maxViews: 'views', unlimitedViews: 'views', otpEmails: 'recipient emails',
  text: 'secret text', newPassword: 'new password', displayName: 'display name', expiresInDays: 'expiry',
  webhookUrl: 'webhook URL', url: 'URL', currentPassword: 'current password', email: 'email', password: 'password',
};

function fieldLabel(field) {
  return FIELD_LABELS[field] || field;
}

export function formatWait(seconds) {
  if (seconds < 90) {
    return `${seconds} s`;
  }
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.ceil(minutes / 60)} h`;
}
