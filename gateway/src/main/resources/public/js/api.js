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
let forbiddenHandler = () => {};
/** Told of every 403: the page may have been drawn for someone other than who is now signed in (app.js). */
export function onForbidden(handler) { forbiddenHandler = handler; }

/**
 * How long a write with an Idempotency-Key waits before it is sent again, once per entry (and up to half as long
 * again). A repeat is safe (the service answers it with the first result, waiting for the first if that is still
 * running), so a report sent in a moment when the desk was slow (the gateway's 504), briefly busy (503) or the
 * connection dropped lands without the person doing anything; only when the last try fails do they see the error.
 * A Retry-After the answer gives is waited instead, unless it is longer than a person would watch a spinner for:
 * then they see the refusal at once.
 */
export const RETRY_DELAYS_MS = [1000, 3000];
const MAX_RETRY_WAIT_MS = 5000;
const RETRIED_STATUSES = new Set([0, 502, 503, 504]);

// A read is as safe to repeat, but a screen asks for that itself (`retry: true`): one whose reload follows live
// events recovers with the next event anyway, and hundreds of open lists repeating every 504 would add to the load
// that caused it.
export async function api(path, { method = 'GET', body, headers = {}, signal, retry = false } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin', signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const safe = 'Idempotency-Key' in headers || (retry && method === 'GET');
  const retries = safe ? RETRY_DELAYS_MS : [];
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send(path, init);
    } catch (e) {
      if (!(e instanceof ApiError) || !RETRIED_STATUSES.has(e.status) || attempt >= retries.length) throw e;
      // Up to half as long again, at random: the pages that met one stall must not all send again at one moment.
      const wait = e.retryAfterMs ?? retries[attempt] * (1 + Math.random() / 2);
      if (wait > MAX_RETRY_WAIT_MS) throw e;
      await pause(wait, signal);
    }
  }
}

async function send(path, init) {
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
    if (res.status === 403 && !path.startsWith('/api/session')) forbiddenHandler();
    const error = new ApiError(res.status, data);
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.headers.has('retry-after') && Number.isFinite(retryAfter) && retryAfter >= 0) {
      error.retryAfterMs = retryAfter * 1000;
    }
    throw error;
  }
  return data;
}

/** Waits `ms`, or rejects at once with an AbortError when `signal` aborts (the person left the page). */
function pause(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    }, { once: true });
  });
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
