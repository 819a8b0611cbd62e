// Whole screens against a fake server: how many requests a load and a refresh make (the figures are reported),
// and that a burst of live events makes one refresh. Real timers: these tests take a few seconds.
import { test, assert, measure, sleep } from './runner.js';
import { onStage, burst, AFTER_A_BURST_MS } from './stage.js';

// Folded (the default), Mine is counted apart: it never folds, the other views do (tickets/state.js, folds).
test('the staff queue loads with three requests: its page, the tab counts and Mine\'s count unfolded',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STAFF' } }, async (stage, fake) => {
    measure('queue load (staff): requests', fake.calls.length);
    assert.deepEqual(fake.calls.map(c => c.split('?')[0]),
      ['GET /api/tickets', 'GET /api/tickets/counts', 'GET /api/tickets/counts'], 'requests');
    assert.deepEqual([...stage.querySelectorAll('.tab .count')].map(c => c.textContent), ['4', '2', '9'], 'tab counts');
    assert.ok(stage.querySelector('tr[data-ticket-id="7"]'), 'the ticket row');
    assert.equal(stage.querySelector('.results').getAttribute('aria-busy'), 'false', 'aria-busy');
  }));

test('a tab click reloads with three requests and marks the tab', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STAFF' } }, async (stage, fake) => {
    fake.calls.length = 0;
    stage.querySelector('.tab[data-status="CLOSED"]').click();
    await sleep(50);
    assert.equal(fake.calls.length, 3, 'requests');
    assert.ok(fake.calls[0].includes('status=CLOSED'), 'the page of the tab');
    assert.equal(stage.querySelector('.tab[aria-pressed="true"]').dataset.status, 'CLOSED', 'selected tab');
  }));

test('a student list loads with one request, one more says once which of their tickets were solved, one lists them',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STUDENT' } }, async (stage, fake) => {
    const list = fake.calls.filter(c => c.startsWith('GET /api/tickets?') || c === 'GET /api/tickets');
    measure('ticket list load (student): requests', list.length);
    assert.equal(list.length, 1, 'requests for the list');
    assert.equal(stage.querySelector('.tabs'), null, 'tabs');
    await sleep(50);
    assert.equal(fake.calls.filter(c => c === 'GET /api/tickets/solved').length, 1, 'requests for the solved');
    assert.equal(fake.calls.filter(c => c === 'GET /api/tickets/solved?recent=true').length, 1,
      'requests for the recently solved');
    assert.equal(fake.calls.length, 4, 'the list, the solved, the recently solved, the acknowledgement: nothing else');
    assert.ok(stage.querySelector('#solved-notice').textContent.startsWith('1 of your tickets was solved'), 'notice');
    assert.ok(fake.calls.includes('POST /api/tickets/9/read'), 'acknowledged, so not said again');
    const recent = stage.querySelector('#recently-solved');
    assert.equal(recent.querySelector('summary').textContent, 'Solved in the last 30 days (1)', 'recently solved');
    assert.equal(recent.open, false, 'folded');
    assert.ok(recent.querySelector('a[href="#/tickets/9"]'), 'a link to its solved view');
  }));

test('a burst of live events reloads the queue once', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STAFF' } }, async (stage, fake, source) => {
    fake.calls.length = 0;
    burst(source, 20);
    await sleep(AFTER_A_BURST_MS);
    measure('queue after a burst of 20 live events: requests', fake.calls.length);
    assert.equal(fake.calls.length, 3, 'requests');
  }));

test('a dashboard load asks each of its seven answers once', () => onStage('/js/screens/dashboard.js',
  { session: { role: 'ANALYST' } }, async (stage, fake) => {
    measure('dashboard load: requests', fake.calls.length);
    assert.equal(fake.calls.length, 7, 'requests');
    assert.equal(new Set(fake.calls).size, 7, 'distinct requests');
    assert.equal(stage.querySelector('#kpi-unassigned .kpi-value').textContent, '5', 'unassigned');
    assert.equal(stage.querySelector('#kpi-breached-now .kpi-value').textContent, '6', 'breached now');
    assert.equal(stage.querySelector('#kpi-median-first-response .kpi-value').textContent, '1.5 h', 'first response');
    assert.equal(stage.querySelector('#panel-classifier'), null, 'no classifier for analysts');
    assert.equal(stage.querySelector('#kpi-unassigned a').getAttribute('href'), '#/tickets?status=OPEN&assignee=none&fold=off',
      'analysts follow a figure into the queue');
    assert.ok(stage.querySelector('#workload-table td a.queue-link'), 'and a workload row');
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
    assert.equal(fake.calls.length, 7, 'requests');
    assert.equal(new Set(fake.calls).size, 7, 'distinct requests');
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

test('a month range goes into the address and asks only the answers it changes', () => onStage('/js/screens/dashboard.js',
  { session: { role: 'STAFF' } }, async (stage, fake) => {
    fake.calls.length = 0;
    const from = stage.querySelector('#explore-from');
    from.value = '2026-01';
    from.dispatchEvent(new Event('change'));
    await sleep(50);
    assert.deepEqual(fake.calls.slice().sort(), ['GET /api/analytics/first-response?from=2026-01',
      'GET /api/analytics/resolution-time?from=2026-01', 'GET /api/analytics/sla?from=2026-01'], 'requests');
    assert.equal(location.hash, '#/dashboard?from=2026-01', 'address');
    assert.equal(stage.querySelector('#panel-sla .panel-foot a').getAttribute('href'),
      '/api/analytics/sla?from=2026-01&format=csv', 'CSV link');
    assert.ok(stage.querySelector('#panel-sla td a').getAttribute('href').includes('sla=BREACHED'), 'a month leads to its breaches');
  }));

test('a shared address opens the same view', () => onStage('/js/screens/dashboard.js',
  { session: { role: 'ANALYST' }, query: new URLSearchParams('days=90&sort=assignee,asc&category=IT') }, async (stage, fake) => {
    assert.ok(fake.calls.includes('GET /api/analytics/volume?days=90'), 'volume of 90 days');
    assert.ok(fake.calls.includes('GET /api/analytics/resolution-time?category=IT'), 'resolution time in IT');
    assert.equal(stage.querySelector('.days-chip[aria-pressed="true"]').dataset.days, '90', 'pressed preset');
    assert.equal(stage.querySelector('#explore-category').value, 'IT', 'category chooser');
    assert.deepEqual([...stage.querySelectorAll('#workload-table tbody tr')].map(r => r.dataset.assignee), ['Al', 'Bea'],
      'sorted by name');
  }));

test('the workload sorts by a header button without asking again, and says so with aria-sort', () => onStage(
  '/js/screens/dashboard.js', { session: { role: 'STAFF' } }, async (stage, fake) => {
    const rows = () => [...stage.querySelectorAll('#workload-table tbody tr')].map(r => r.dataset.assignee);
    assert.deepEqual(rows(), ['Al', 'Bea'], 'most active first');
    fake.calls.length = 0;
    stage.querySelector('#workload-table button[data-column=closedLast30Days]').click();
    await sleep(20);
    assert.deepEqual(rows(), ['Bea', 'Al'], 'most closed first');
    assert.equal(stage.querySelector('#workload-table th[aria-sort=descending] button').dataset.column,
      'closedLast30Days', 'aria-sort');
    assert.equal(stage.querySelectorAll('#workload-table th[aria-sort=none]').length, 4, 'the other columns');
    assert.equal(fake.calls.length, 0, 'requests');
    assert.equal(location.hash, '#/dashboard?sort=closedLast30Days%2Cdesc', 'address');
    assert.ok(stage.querySelector('#workload-table td a').getAttribute('href')
      .startsWith('#/tickets?status=ACTIVE%2CCLOSED&assignee=Bea&closedFrom='), 'a name leads to their tickets');
  }));

test('staff see the classifier, and a refused retrain says why with both figures', () => onStage(
  '/js/screens/dashboard.js', { session: { role: 'STAFF' } }, async (stage, fake) => {
    await sleep(50);
    assert.ok(stage.querySelector('#classifier-status').textContent.includes('66.7 %'), 'accuracy in use');
    stage.querySelector('#classifier-retrain').click();
    await sleep(100);
    assert.ok(fake.calls.includes('POST /api/classifier/retrain'), 'the retrain');
    const outcome = stage.querySelector('#classifier-outcome').textContent;
    assert.ok(outcome.includes('50.0 %') && outcome.includes('90.0 %') && outcome.includes('stays'), outcome);
  }));

test('a ticket loads with four requests, and a burst about it reloads it once', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF' }, params: ['7'] }, async (stage, fake, source) => {
    measure('ticket page load: requests', fake.calls.length);
    // Four to read it (the ticket, its messages, its history, its files), and one to say it was read (the queue's
    // "new" marker clears). Staff's first ticket in a tab also asks the desk's workload, once, for the names a
    // handover suggests.
    const reads = fake.calls.filter(c => c.startsWith('GET') && !c.startsWith('GET /api/analytics/workload'));
    assert.deepEqual(reads.length, 4, 'requests to read it');
    assert.ok(fake.calls.filter(c => c.startsWith('GET /api/analytics/workload')).length <= 1, 'the workload once');
    assert.deepEqual(fake.calls.filter(c => c.startsWith('POST')), ['POST /api/tickets/7/read'], 'marked read');
    assert.equal(stage.querySelector('#ticket-description').textContent, 'Between floors', 'description');
    fake.calls.length = 0;
    burst(source, 10, 8);
    await sleep(500);
    assert.equal(fake.calls.length, 0, 'requests after changes of another ticket');
    burst(source, 10);
    await sleep(AFTER_A_BURST_MS);
    assert.equal(fake.calls.length, 4, 'requests after a burst about this ticket');
  }));

test('Take sends the version shown, then shows the reloaded ticket', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF' }, params: ['7'] }, async (stage, fake) => {
    fake.calls.length = 0;
    fake.bodies.length = 0;
    stage.querySelector('button[data-action=take]').click();
    await sleep(100);
    assert.equal(fake.calls[0], 'POST /api/tickets/7/status', 'first request');
    assert.deepEqual(fake.bodies[0], { status: 'ACTIVE', version: 2 }, 'what it sent');
    assert.equal(fake.calls.length, 5, 'the move and the reload');
  }));

test('the analysts\' queue loads with two requests and offers reading only', () => onStage('/js/screens/tickets.js',
  { session: { role: 'ANALYST' } }, async (stage, fake) => {
    measure('queue load (analyst): requests', fake.calls.length);
    assert.deepEqual(fake.calls.map(c => c.split('?')[0]), ['GET /api/tickets', 'GET /api/tickets/counts'], 'requests');
    assert.deepEqual([...stage.querySelectorAll('.tab')].map(t => t.dataset.status), ['OPEN', 'ACTIVE', 'CLOSED'], 'tabs');
    assert.deepEqual([...stage.querySelectorAll('.views button')].map(b => b.textContent.replace(/\d+$/, '').trim()),
      ['Unassigned', 'All'], 'no Mine');
    assert.equal(stage.querySelector('a[href="#/report"]'), null, 'no report button');
    assert.ok(stage.querySelector('tr[data-ticket-id="7"]'), 'the ticket row');
  }));

test('an analyst reads a ticket and can change nothing, not even a read marker', () => onStage('/js/screens/ticket.js',
  { session: { role: 'ANALYST', name: 'Al' }, params: ['7'] }, async (stage, fake) => {
    await sleep(50);
    assert.deepEqual(fake.calls.filter(c => !c.startsWith('GET')), [], 'nothing but reads');
    assert.equal(fake.calls.length, 4, 'the ticket, its messages, its history, its files');
    assert.equal(stage.querySelector('#ticket-description').textContent, 'Between floors', 'description');
    assert.deepEqual([...stage.querySelectorAll('[data-action]')].map(b => b.dataset.action), [], 'actions');
    assert.equal(stage.querySelector('form.compose').hidden, true, 'no message form');
    assert.equal(stage.querySelector('#message-internal'), null, 'internal note box');
    assert.equal(stage.querySelector('form.handover').hidden, true, 'no handover');
  }));

test('a student sees no staff actions and can write a message', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STUDENT' }, params: ['7'] }, async stage => {
    assert.deepEqual([...stage.querySelectorAll('[data-action]')].map(b => b.dataset.action), ['edit'], 'actions');
    assert.equal(stage.querySelector('#message-internal'), null, 'internal note box');
    assert.equal(stage.querySelector('form.compose').hidden, false, 'composer hidden');
  }));

test('"count an outage once" asks every answer collapsed and shows the incidents of the period', () => onStage(
  '/js/screens/dashboard.js', { session: { role: 'STAFF' } }, async (stage, fake) => {
    assert.equal(stage.querySelector('#panel-incidents').hidden, true, 'no incidents panel at first');
    assert.equal(stage.querySelectorAll('.panel-content .loading').length, 0,
      'every panel settled, the hidden one included (nothing of it is loading)');
    fake.calls.length = 0;
    const toggle = stage.querySelector('#count-outage-once');
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    await sleep(50);
    assert.equal(fake.calls.length, 8, 'the seven answers collapsed and the incidents');
    assert.ok(fake.calls.filter(c => !c.startsWith('GET /api/analytics/incidents'))
      .every(c => c.includes('incidents=collapse')), 'all collapsed');
    assert.ok(fake.calls.includes('GET /api/analytics/incidents?hours=24'), 'the incidents of the last 24 h');
    assert.equal(location.hash, '#/dashboard?incidents=collapse', 'address');
    const panel = stage.querySelector('#panel-incidents');
    assert.equal(panel.hidden, false, 'incidents panel shown');
    assert.equal(panel.querySelector('#incidents-linked').textContent, '57', 'linked reports');
    assert.equal(panel.querySelector('td a').getAttribute('href'), '#/tickets/41', 'an incident leads to its ticket');
    assert.equal(panel.querySelector('.panel-foot a').getAttribute('href'), '/api/analytics/incidents?hours=24&format=csv',
      'CSV link');
    assert.equal(stage.querySelector('#panel-workload .panel-foot a').getAttribute('href'),
      '/api/analytics/workload?incidents=collapse&format=csv', 'a collapsed answer\'s CSV is collapsed too');
    toggle.checked = false;
    toggle.dispatchEvent(new Event('change'));
    await sleep(50);
    assert.equal(panel.hidden, true, 'hidden again');
    assert.equal(panel.querySelector('.loading'), null, 'hidden, it shows no loading');
    assert.equal(location.hash, '#/dashboard', 'plain address');
  }));
