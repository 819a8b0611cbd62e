// The one fetch wrapper: a write with an Idempotency-Key is sent again (same key) when the desk was slow, busy or
// out of reach for a moment, and so is a read that asks for it; nothing else.
import { test, assert } from './runner.js';
import { fakeFetch, withFetch } from './fakes.js';
import { api, RETRY_DELAYS_MS } from '/js/api.js';

const problem = (status, headers = {}) => new Response(JSON.stringify({ status, title: 'refused' }),
  { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

/** Answers each request with the next of `answers` (a status, a [status, headers] pair, or a body for 200). */
const scripted = answers => fakeFetch(async () => {
  const next = answers.shift();
  if (next === 'offline') throw new TypeError('Failed to fetch');
  if (typeof next === 'number') return problem(next);
  if (Array.isArray(next)) return problem(next[0], next[1]);
  return next;
});

const keyed = { method: 'POST', body: { title: 'Wi-Fi down' }, headers: { 'Idempotency-Key': 'k-1' } };

async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

test('a keyed write that met a 504 is sent again with the same key after a pause, and its answer returned', async () => {
  const fake = scripted([504, { id: 7 }]);
  const started = performance.now();
  const ticket = await withFetch(fake, () => api('/api/tickets', keyed));
  assert.equal(ticket.id, 7, 'the answer to the repeat');
  assert.deepEqual(fake.calls, ['POST /api/tickets', 'POST /api/tickets'], 'requests');
  assert.deepEqual(fake.headers.map(h => h['Idempotency-Key']), ['k-1', 'k-1'], 'keys');
  assert.deepEqual(fake.bodies[1], { title: 'Wi-Fi down' }, 'the same body');
  assert.ok(performance.now() - started >= RETRY_DELAYS_MS[0] - 20, 'a pause before the repeat');
});

test('a lost connection and a short 503 are tried again; a Retry-After within reach is waited', async () => {
  const fake = scripted(['offline', [503, { 'Retry-After': '0' }], { id: 8 }]);
  const started = performance.now();
  const ticket = await withFetch(fake, () => api('/api/tickets', keyed));
  assert.equal(ticket.id, 8, 'the third answer');
  assert.equal(fake.calls.length, 3, 'requests');
  const waited = performance.now() - started;
  assert.ok(waited >= RETRY_DELAYS_MS[0] - 20 && waited < RETRY_DELAYS_MS[0] + RETRY_DELAYS_MS[1],
    `the first pause, then the Retry-After of 0 instead of the second (${Math.round(waited)} ms)`);
});

test('after the last repeat the person sees the error', async () => {
  const fake = scripted([504, 504, [503, { 'Retry-After': '0' }]]);
  const error = await failure(withFetch(fake, () => api('/api/tickets', keyed)));
  assert.equal(error.status, 503, 'the last answer');
  assert.equal(fake.calls.length, 1 + RETRY_DELAYS_MS.length, 'requests');
});

test('a read that asks for it is asked again after a stall', async () => {
  const fake = scripted([504, [503, { 'Retry-After': '0' }], { id: 11 }]);
  const ticket = await withFetch(fake, () => api('/api/tickets/11', { retry: true }));
  assert.equal(ticket.id, 11, 'the third answer');
  assert.deepEqual(fake.calls, ['GET /api/tickets/11', 'GET /api/tickets/11', 'GET /api/tickets/11'], 'requests');
});

test('no repeat without a key, for a refusal, or when Retry-After is longer than a person waits', async () => {
  const cases = [
    [{ method: 'POST', body: {} }, 504],
    [{}, 504],
    [{ method: 'POST', body: {}, retry: true }, 504],
    [keyed, 400],
    [keyed, 409],
    [keyed, 429],
    [keyed, [503, { 'Retry-After': '30' }]],
  ];
  for (const [init, answer] of cases) {
    const fake = scripted([answer, { id: 9 }]);
    const started = performance.now();
    const error = await failure(withFetch(fake, () => api('/api/tickets', init)));
    assert.equal(error.status, Array.isArray(answer) ? answer[0] : answer, 'the refusal as given');
    assert.equal(fake.calls.length, 1, `one request for ${JSON.stringify(answer)}`);
    assert.ok(performance.now() - started < 500, 'at once');
  }
});

test('leaving the page during the pause sends nothing more', async () => {
  const fake = scripted([504, { id: 10 }]);
  const leave = new AbortController();
  setTimeout(() => leave.abort(), 100);
  const error = await failure(withFetch(fake, () => api('/api/tickets', { ...keyed, signal: leave.signal })));
  assert.equal(error.name, 'AbortError', 'aborted');
  await new Promise(resolve => setTimeout(resolve, RETRY_DELAYS_MS[0] * 1.5));
  assert.equal(fake.calls.length, 1, 'requests');
});
