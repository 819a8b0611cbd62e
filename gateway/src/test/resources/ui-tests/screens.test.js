// Whole screens against a fake server: how many requests a load and a refresh make (the figures are reported),
// and that a burst of live events makes one refresh. Real timers: these tests take a few seconds.
import { test, assert, measure, sleep } from './runner.js';
import { onStage, burst, AFTER_A_BURST_MS } from './stage.js';

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
    // Three to read it, and one to say it was read (the queue's "new" marker clears).
    assert.deepEqual(fake.calls.filter(c => c.startsWith('GET')).length, 3, 'requests to read it');
    assert.deepEqual(fake.calls.filter(c => c.startsWith('POST')), ['POST /api/tickets/7/read'], 'marked read');
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
