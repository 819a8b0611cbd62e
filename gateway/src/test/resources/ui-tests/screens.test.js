// Whole screens against a fake server: how many requests a load and a refresh make (the figures are reported),
// and that a burst of live events makes one refresh. Real timers: these tests take a few seconds.
import { test, assert, measure, sleep } from './runner.js';
import { fakeFetch, withFetch, withLive } from './fakes.js';
import * as live from '/js/live.js';

const freshness = { asOf: new Date().toISOString(), lagMs: 3, stale: false };
const TICKET = { id: 7, title: 'Lift stuck', description: 'Between floors', status: 'OPEN', priority: 'HIGH',
  category: 'FACILITY', categorySource: 'AUTO', categoryConfidence: 0.9, version: 2, reporterName: 'Ann',
  openedAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z' };

function server(url, init) {
  const path = url.split('?')[0];
  if (path === '/api/tickets' && init.method === 'POST') {
    // Every new ticket is refused, naming a field, so the form stays for a retry.
    return new Response('{"detail":"title: too long","field":"title"}',
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
  }
  if (path === '/api/tickets/counts') return { byStatus: { OPEN: 4, ACTIVE: 2, CLOSED: 9 } };
  if (path === '/api/tickets') return { items: [TICKET], page: 0, size: 20, total: 1 };
  if (path === '/api/tickets/7') return TICKET;
  if (path.endsWith('/messages') || path.endsWith('/history')) return [];
  if (path.endsWith('/status')) return { ...TICKET, status: 'ACTIVE', version: 3 };
  if (path === '/api/analytics/active-by-category') {
    return { categories: [{ category: 'IT', active: 2, open: 4 }], total: 2, openTotal: 4, ...freshness };
  }
  if (path === '/api/analytics/open-period') return { unclosed: 5, byCategory: { IT: 5 }, ...freshness };
  if (path === '/api/tickets/classify') return { category: 'IT', confidence: 0.81, needsReview: false, suggestedPriority: 'HIGH' };
  if (path === '/api/tokens') {
    return [{ name: 'powerbi', role: 'ANALYST', owner: 'Sam', createdAt: '2026-03-01T10:00:00Z',
      expiresAt: '2026-06-01T10:00:00Z', active: true }];
  }
  if (path === '/api/analytics/resolution-time') return { months: [{ month: '2026-03', closed: 1, averageHours: 2 }], ...freshness };
  return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
}

/** Renders a screen into the stage with the fake server; `fn(stage, fake, source)` checks it; then cleans up. */
async function onStage(module, ctx, fn) {
  const fake = fakeFetch(server);
  const stage = document.getElementById('stage');
  const hash = location.hash;
  await withLive(live, source => withFetch(fake, async () => {
    const screen = await import(module);
    const cleanup = await screen.render(stage, { params: [], query: new URLSearchParams(), ...ctx });
    try {
      await fn(stage, fake, source);
    } finally {
      if (cleanup) cleanup();
      stage.replaceChildren();
      history.replaceState(null, '', hash || '#');
    }
  }));
}

const burst = (source, n, ticketId = 7) => {
  for (let i = 0; i < n; i++) source.emit('change', { cursor: `c${i}`, type: 'EDITED', ticketId });
};
// Long enough for any refresh a burst may cause, before or after this change (the old dashboard's second came at 1.5 s).
const AFTER_A_BURST_MS = 2000;

test('the staff queue loads with two requests: its page and the tab counts', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STAFF' } }, async (stage, fake) => {
    measure('queue load (staff): requests', fake.calls.length);
    assert.deepEqual(fake.calls.map(c => c.split('?')[0]), ['GET /api/tickets', 'GET /api/tickets/counts'], 'requests');
    assert.deepEqual([...stage.querySelectorAll('.tab .count')].map(c => c.textContent), ['4', '2', '9'], 'tab counts');
    assert.ok(stage.querySelector('tr[data-ticket-id="7"]'), 'the ticket row');
    assert.equal(stage.querySelector('.results').getAttribute('aria-busy'), 'false', 'aria-busy');
  }));

test('a tab click reloads with two requests and marks the tab', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STAFF' } }, async (stage, fake) => {
    fake.calls.length = 0;
    stage.querySelector('.tab[data-status="CLOSED"]').click();
    await sleep(50);
    assert.equal(fake.calls.length, 2, 'requests');
    assert.ok(fake.calls[0].includes('status=CLOSED'), 'the page of the tab');
    assert.equal(stage.querySelector('.tab[aria-selected="true"]').dataset.status, 'CLOSED', 'selected tab');
  }));

test('a student list loads with one request', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STUDENT' } }, async (stage, fake) => {
    measure('ticket list load (student): requests', fake.calls.length);
    assert.equal(fake.calls.length, 1, 'requests');
    assert.equal(stage.querySelector('.tabs'), null, 'tabs');
  }));

test('a burst of live events reloads the queue once', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STAFF' } }, async (stage, fake, source) => {
    fake.calls.length = 0;
    burst(source, 20);
    await sleep(AFTER_A_BURST_MS);
    measure('queue after a burst of 20 live events: requests', fake.calls.length);
    assert.equal(fake.calls.length, 2, 'requests');
  }));

test('a dashboard load asks each of its three answers once', () => onStage('/js/screens/dashboard.js',
  { session: { role: 'ANALYST' } }, async (stage, fake) => {
    measure('dashboard load: requests', fake.calls.length);
    assert.equal(fake.calls.length, 3, 'requests');
    assert.equal(new Set(fake.calls).size, 3, 'distinct requests');
    assert.equal(stage.querySelector('#kpi-active-now .kpi-value').textContent, '2', 'active now');
    assert.equal(stage.querySelector('#kpi-open-now .kpi-value').textContent, '4', 'open now');
    assert.ok(stage.querySelector('#panel-active-by-category .freshness').textContent.includes('as of'), 'badge');
  }));

test('a burst of live events refreshes the dashboard once, each answer once', () => onStage('/js/screens/dashboard.js',
  { session: { role: 'ANALYST' } }, async (stage, fake, source) => {
    fake.calls.length = 0;
    burst(source, 20);
    await sleep(AFTER_A_BURST_MS);
    measure('dashboard after a burst of 20 live events: requests', fake.calls.length);
    assert.equal(fake.calls.length, 3, 'requests');
    assert.equal(new Set(fake.calls).size, 3, 'distinct requests');
  }));

test('another period asks its one answer, and the CSV link follows it', () => onStage('/js/screens/dashboard.js',
  { session: { role: 'STAFF' } }, async (stage, fake) => {
    fake.calls.length = 0;
    [...stage.querySelectorAll('.chip')].find(b => b.textContent === '7 days').click();
    await sleep(50);
    assert.deepEqual(fake.calls, ['GET /api/analytics/open-period?days=7'], 'requests');
    assert.equal(stage.querySelector('#panel-open-period .panel-foot a').getAttribute('href'),
      '/api/analytics/open-period?days=7&format=csv', 'CSV link');
    assert.equal(stage.querySelector('.chip[aria-pressed="true"]').textContent, '7 days', 'pressed preset');
    assert.ok(stage.querySelector('#panel-open-period').textContent.includes('last 7 days'), 'panel text');
  }));

test('a ticket loads with three requests, and a burst about it reloads it once', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF' }, params: ['7'] }, async (stage, fake, source) => {
    measure('ticket page load: requests', fake.calls.length);
    assert.equal(fake.calls.length, 3, 'requests');
    assert.equal(stage.querySelector('#ticket-description').textContent, 'Between floors', 'description');
    fake.calls.length = 0;
    burst(source, 10, 8);
    await sleep(500);
    assert.equal(fake.calls.length, 0, 'requests after changes of another ticket');
    burst(source, 10);
    await sleep(AFTER_A_BURST_MS);
    assert.equal(fake.calls.length, 3, 'requests after a burst about this ticket');
  }));

test('Take sends the version shown, then shows the reloaded ticket', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF' }, params: ['7'] }, async (stage, fake) => {
    fake.calls.length = 0;
    fake.bodies.length = 0;
    stage.querySelector('button[data-action=take]').click();
    await sleep(100);
    assert.equal(fake.calls[0], 'POST /api/tickets/7/status', 'first request');
    assert.deepEqual(fake.bodies[0], { status: 'ACTIVE', version: 2 }, 'what it sent');
    assert.equal(fake.calls.length, 4, 'the move and the reload');
  }));

test('a student sees no staff actions and can write a message', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STUDENT' }, params: ['7'] }, async stage => {
    assert.deepEqual([...stage.querySelectorAll('[data-action]')].map(b => b.dataset.action), ['edit'], 'actions');
    assert.equal(stage.querySelector('#message-internal'), null, 'internal note box');
    assert.equal(stage.querySelector('form.compose').hidden, false, 'composer hidden');
  }));

const type = (input, text) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

test('the report form asks for one suggestion per pause in typing and shows it', () => onStage('/js/screens/report.js',
  { session: { role: 'STUDENT' } }, async (stage, fake) => {
    const title = stage.querySelector('[name=title]');
    for (const text of ['Wi', 'Wi-Fi', 'Wi-Fi drops', 'Wi-Fi drops in the library']) type(title, text);
    await sleep(500);
    assert.deepEqual(fake.calls, ['POST /api/tickets/classify'], 'requests');
    const line = stage.querySelector('#category-suggestion').textContent;
    assert.ok(line.includes('Looks like') && line.includes('81 % sure') && line.includes('sounds urgent'), line);
  }));

test('a retried report sends the same idempotency key; changed text gets a new one', () => onStage('/js/screens/report.js',
  { session: { role: 'STUDENT' } }, async (stage, fake) => {
    type(stage.querySelector('[name=title]'), 'x'.repeat(10));
    type(stage.querySelector('[name=description]'), 'A description');
    const send = () => stage.querySelector('form').dispatchEvent(new Event('submit', { cancelable: true }));
    const keys = () => fake.calls.map((c, i) => [c, fake.headers[i]['Idempotency-Key']])
      .filter(([c]) => c === 'POST /api/tickets').map(([, k]) => k);
    send();
    await sleep(50);
    send();
    await sleep(50);
    type(stage.querySelector('[name=title]'), 'y'.repeat(10));
    send();
    await sleep(50);
    const [first, retry, changed] = keys();
    assert.ok(first && first === retry, 'the retry sends the first key');
    assert.ok(changed && changed !== first, 'changed text sends a new key');
    assert.ok(stage.querySelector('[name=title]').getAttribute('aria-invalid'), 'the field the server named is marked');
    assert.equal(stage.querySelector('button[type=submit]').disabled, false, 'the button after the answer');
  }));

test('the tokens page lists tokens with a revoke button for active ones', () => onStage('/js/screens/tokens.js',
  { session: { role: 'STAFF' } }, async (stage, fake) => {
    assert.deepEqual(fake.calls, ['GET /api/tokens'], 'requests');
    assert.ok(stage.querySelector('tbody tr td').textContent === 'powerbi', 'the token row');
    assert.ok(stage.querySelector('tbody button.btn-danger'), 'the revoke button');
  }));
