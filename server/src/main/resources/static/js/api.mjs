// The JSON API from the pages: same-origin fetches with the session cookies, the CSRF header on
// every change, a silent refresh when a signed-in call answers 401, and problem+json errors
// turned into ApiError. Nothing is kept in localStorage; the session lives in HttpOnly cookies.

const CSRF_COOKIES = ['__Host-bar_csrf', 'bar_csrf'];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A failed call: the HTTP status (0 when the server could not be reached), the problem body, Retry-After. */
export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(problem.detail || (status === 0 ? 'The server cannot be reached.' : 'HTTP ' + status));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
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
      throw new ApiError(0, { detail: 'The server cannot be reached. Check your connection and try again.' });
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

/** Signs out (the server ends the session and clears the cookies). */
export async function signOut() {
  try {
    await request('/api/auth/logout', { method: 'POST' });
  } catch (e) {
    // the cookies are cleared by the answer; a failure leaves nothing we can do here
  }
}

/**
 * What to tell a person about a failed call: the server's details are written for clients and
 * never echo input, so they are shown; a few statuses get words of their own.
 */
export function describe(error, subject = 'This') {
  if (!(error instanceof ApiError)) {
    return error && error.message ? error.message : 'Something went wrong.';
  }
  const p = error.problem || {};
  const wait = error.retryAfter != null ? ` Try again in ${formatWait(error.retryAfter)}.` : '';
  switch (error.status) {
    case 0:
      return p.detail;
    case 400:
      if (Array.isArray(p.errors) && p.errors.length > 0) {
        return 'Please check: ' + p.errors.map((e) => `${fieldLabel(e.field)} ${e.message}`).join('; ') + '.';
      }
      return p.detail || 'The request was not accepted.';
    case 401:
      return p.detail || 'Please sign in.';
    case 403:
      return p.detail || 'You are not allowed to do this.';
    case 404:
      return `${subject} does not exist (any more).`;
    case 409:
      return p.detail || 'This conflicts with the current state; reload the page.';
    case 413:
      return 'This is larger than the server accepts.';
    case 415:
      return 'The server did not accept the format of this request.';
    case 422:
      return p.detail || 'The server refused this content.';
    case 423:
      return (p.detail || 'Locked.') + wait;
    case 429:
      return (p.detail && !p.detail.includes('Retry-After') ? p.detail : 'Too many requests.') + wait;
    case 503:
      return 'The server is busy.' + (wait || ' Try again in a moment.');
    default:
      return error.status >= 500
        ? `Something went wrong on the server. If it keeps happening, report request id ${p.requestId || 'unknown'}.`
        : p.detail || `The request failed (HTTP ${error.status}).`;
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
