// One fetch wrapper for every screen: JSON in and out, and problem+json errors turned into ApiError whose message
// is a sentence for people (words.js: the server's detail when it is one), so screens can show it next to the
// form that caused it.
import { problemText } from './words.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.status = status;
    this.problem = problem && typeof problem === 'object' ? problem : {};
    // Every service names the offending input in `field` (service-support's BadInput), and lists each invalid
    // one of a body under `violations`.
    this.field = this.problem.field || null;
    this.violations = Array.isArray(this.problem.violations) ? this.problem.violations : [];
  }
}

/**
 * The sessionStorage key set when a session ended while a page was open (app.js), so the sign-in screen can say why
 * it is shown; cleared by signing in.
 */
export const SESSION_ENDED = 'helpdesk.sessionEnded';

let unauthorizedHandler = () => {};
export function onUnauthorized(handler) { unauthorizedHandler = handler; }

export async function api(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin', signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, {});
  }
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/session')) unauthorizedHandler();
    throw new ApiError(res.status, data);
  }
  return data;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A key that stays the same while the user retries one form, so a lost answer never files twice. */
export function newIdempotencyKey() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}
