import { test, assert } from './runner.js';
import { initialState, update, requests, address, nextSort, rowRange, dayStart, dayEnd, knownZone } from '/js/screens/tickets/state.js';
import { results } from '/js/screens/tickets/view.js';

const staffAt = qs => initialState('STAFF', new URLSearchParams(qs));
const studentAt = qs => initialState('STUDENT', new URLSearchParams(qs));

test('staff start on the Open tab, students on every status they may see', () => {
  assert.equal(staffAt('').status, 'OPEN', 'staff tab');
  assert.equal(studentAt('').status, '', 'student status filter');
  assert.equal(staffAt('status=CLOSED&page=2').page, 2, 'page from the address');
});

test('a staff load asks for the page and for every tab count under the same filters, nothing else', () => {
  const state = staffAt('status=ACTIVE&q=lift&category=IT&priority=HIGH&from=2026-03-01&to=2026-03-31&sort=id,asc&page=1');
  const plan = requests(state);
  const list = new URL(plan.list, location.origin);
  const counts = new URL(plan.counts, location.origin);
  assert.equal(list.pathname, '/api/tickets', 'list path');
  assert.equal(counts.pathname, '/api/tickets/counts', 'counts path');
  assert.equal(list.searchParams.get('status'), 'ACTIVE', 'list status');
  assert.deepEqual([list.searchParams.get('sort'), list.searchParams.get('page'), list.searchParams.get('size')],
    ['id,asc', '1', '20'], 'sort and paging');
  for (const name of ['q', 'category', 'priority', 'openedFrom', 'openedTo']) {
    assert.equal(counts.searchParams.get(name), list.searchParams.get(name), `counts' ${name}`);
  }
  assert.equal(counts.searchParams.get('openedFrom'), dayStart('2026-03-01'), 'openedFrom');
  // The tab travels along for the view counts (the server leaves it out of the tab counts itself).
  assert.deepEqual([...counts.searchParams.keys()].sort(),
    ['category', 'openedFrom', 'openedTo', 'priority', 'q', 'status'], 'counts parameters (no sort or page)');
});

test('a student load asks once, for OPEN and ACTIVE unless narrowed', () => {
  assert.equal(requests(studentAt('')).counts, null, 'counts request');
  const list = new URL(requests(studentAt('')).list, location.origin);
  assert.equal(list.searchParams.get('status'), 'OPEN,ACTIVE', 'status');
  assert.equal(new URL(requests(studentAt('status=ACTIVE')).list, location.origin).searchParams.get('status'),
    'ACTIVE', 'status when narrowed');
});

test('unfiltered, the requests carry no empty parameters; folded, the queue leaves linked tickets out', () => {
  const plan = requests(staffAt(''));
  assert.equal(plan.counts, '/api/tickets/counts?incident=none&status=OPEN', 'counts');
  assert.equal(plan.list, '/api/tickets?incident=none&status=OPEN&sort=openedAt%2Cdesc&page=0&size=20', 'list');
  const unfolded = requests(update(staffAt('page=2'), { type: 'fold', on: false }));
  assert.equal(unfolded.counts, '/api/tickets/counts?status=OPEN', 'unfolded counts');
  assert.equal(unfolded.list, '/api/tickets?status=OPEN&sort=openedAt%2Cdesc&page=0&size=20', 'unfolded, from page 1');
  assert.ok(!requests(staffAt('q=wifi')).list.includes('incident='), 'a search finds linked tickets too');
  assert.ok(address(update(staffAt(''), { type: 'fold', on: false })).includes('fold=off'), 'unfolded in the address');
  assert.ok(!address(staffAt('')).includes('fold'), 'folded is the default, not written');
  assert.equal(staffAt('fold=off').fold, false, 'read back');
});

test('new filters and another tab start from the first page; paging never goes below it', () => {
  const on3 = staffAt('page=3');
  assert.equal(update(on3, { type: 'filters', filters: { q: 'wifi' } }).page, 0, 'page after filtering');
  assert.equal(update(on3, { type: 'tab', status: 'CLOSED' }).page, 0, 'page after a tab');
  assert.equal(update(on3, { type: 'page', delta: 1 }).page, 4, 'next page');
  assert.equal(update(staffAt(''), { type: 'page', delta: -1 }).page, 0, 'previous of the first page');
  assert.equal(on3.page, 3, 'the old state is unchanged');
});

test('the filters action takes only filter fields', () => {
  const s = update(staffAt(''), { type: 'filters', filters: { q: 'x', staff: false, list: 'no' } });
  assert.equal(s.q, 'x', 'q');
  assert.equal(s.staff, true, 'staff');
  assert.equal(s.list, null, 'list');
});

test('a column sorts ascending, then descending, then ascending', () => {
  assert.equal(nextSort('openedAt,desc', 'title'), 'title,asc');
  assert.equal(nextSort('title,asc', 'title'), 'title,desc');
  assert.equal(nextSort('title,desc', 'title'), 'title,asc');
});

test('a load keeps the last counts when it brings none, and clears an earlier error', () => {
  let s = staffAt('');
  s = update(s, { type: 'loaded', list: { items: [] }, counts: { OPEN: 1, ACTIVE: 2, CLOSED: 3 } });
  s = update(s, { type: 'failed', error: new Error('down') });
  assert.equal(s.error.message, 'down', 'error');
  s = update(s, { type: 'loading' });
  assert.equal(s.busy, true, 'busy');
  s = update(s, { type: 'loaded', list: { items: [] }, counts: null });
  assert.deepEqual(s.counts, { OPEN: 1, ACTIVE: 2, CLOSED: 3 }, 'counts');
  assert.equal(s.error, null, 'error');
  assert.equal(s.busy, false, 'busy');
});

test('the address reopens the same list', () => {
  const state = staffAt('status=CLOSED&q=lift&category=IT&from=2026-01-02&sort=title,asc&page=2');
  const again = staffAt(address(state).split('?')[1]);
  for (const k of ['status', 'q', 'category', 'priority', 'from', 'to', 'sort', 'page']) {
    assert.equal(again[k], state[k], k);
  }
  assert.equal(address(staffAt('')), '#/tickets?status=OPEN&sort=openedAt%2Cdesc', 'first page, no filters');
});

test('rows are counted from one', () => {
  assert.deepEqual(rowRange({ page: 1, size: 20, items: new Array(5), total: 25 }), { first: 21, last: 25, total: 25 });
});

test('a day of a named zone is that zone\'s day, across summer time too, wherever the browser is', () => {
  assert.equal(dayStart('2026-11-23', 'Europe/Rome'), '2026-11-22T23:00:00.000Z', 'Rome in winter');
  assert.equal(dayEnd('2026-11-23', 'Europe/Rome'), '2026-11-23T22:59:59.999Z');
  assert.equal(dayStart('2026-03-29', 'Europe/Rome'), '2026-03-28T23:00:00.000Z', 'the night summer time begins');
  assert.equal(dayEnd('2026-03-29', 'Europe/Rome'), '2026-03-29T21:59:59.999Z');
  assert.equal(dayStart('2026-11-01', 'America/New_York'), '2026-11-01T04:00:00.000Z', 'the day summer time ends');
  assert.equal(dayEnd('2026-11-01', 'America/New_York'), '2026-11-02T04:59:59.999Z');
  assert.equal(dayStart('2026-11-23', 'UTC'), '2026-11-23T00:00:00.000Z', 'the default desk');
  assert.equal(dayStart('2026-09-06', 'America/Santiago'), '2026-09-06T04:00:00.000Z',
    'a day whose midnight the clocks jump over starts when they land');
  assert.equal(dayEnd('2026-04-04', 'America/Santiago'), '2026-04-05T03:59:59.999Z',
    'a day whose last hour comes twice ends after the second');
  assert.equal(dayStart('2026-11-23', 'Pacific/Kiritimati'), '2026-11-22T10:00:00.000Z', 'fourteen hours ahead');
  assert.equal(knownZone('Mars/Olympus'), '', 'an unknown zone is none');
  const state = initialState('STAFF', new URLSearchParams('status=OPEN&from=2026-11-23&to=2026-11-23&zone=Europe/Rome'));
  const list = new URL(requests(state).list, 'http://x');
  assert.equal(list.searchParams.get('openedFrom'), '2026-11-22T23:00:00.000Z', 'the list asks for Rome\'s day');
  assert.ok(address(state).includes('zone=Europe%2FRome'), address(state));
  assert.ok(!address({ ...state, from: '', to: '' }).includes('zone'), 'no days, no zone');
  assert.equal(update(state, { type: 'filters', filters: { from: '2026-11-20', to: '2026-11-23' } }).zone, '',
    'days the person picks are their own');
  assert.equal(update(state, { type: 'filters', filters: { q: 'wifi', from: '2026-11-23', to: '2026-11-23' } }).zone,
    'Europe/Rome', 'another filter keeps the link\'s days as they were meant');
  const garbage = initialState('STAFF', new URLSearchParams('from=garbage&to=2026-2-30&zone=Europe/Rome'));
  assert.equal(garbage.from + garbage.to, '', 'what is no day is no filter');
  assert.ok(requests(garbage).list.startsWith('/api/tickets'), 'and the list still loads');
});

test('a workload row\'s list asks for its closed tickets since the instant given, and a view of one\'s own drops it', () => {
  const state = initialState('STAFF', new URLSearchParams('status=ACTIVE,CLOSED&assignee=Sam&closedFrom=2026-11-06T10:00:00.000Z'));
  const plan = requests(state);
  assert.equal(new URL(plan.list, 'http://x').searchParams.get('closedFrom'), '2026-11-06T10:00:00.000Z', 'the list');
  assert.equal(new URL(plan.counts, 'http://x').searchParams.get('closedFrom'), '2026-11-06T10:00:00.000Z', 'the counts');
  assert.ok(address(state).includes('closedFrom='), address(state));
  assert.equal(update(state, { type: 'view', view: 'all' }).closedFrom, '', 'another view');
  assert.equal(initialState('STAFF', new URLSearchParams('closedFrom=soon')).closedFrom, '', 'not an instant');
});

test('days given the wrong way round ask for the days between them', () => {
  const state = initialState('STAFF', new URLSearchParams('status=CLOSED&from=2026-12-31&to=2026-01-01'));
  const list = new URL(requests(state).list, 'http://x');
  assert.equal(list.searchParams.get('openedFrom'), dayStart('2026-01-01'));
  assert.equal(list.searchParams.get('openedTo'), dayEnd('2026-12-31'));
});

test('a page past the last says where the list ends and leads to the last page', () => {
  const state = { ...initialState('STAFF', new URLSearchParams('status=CLOSED&page=99')),
    list: { items: [], page: 98, size: 20, total: 45 } };
  const nodes = [results(state, { goto() {}, size() {}, sort() {} })].flat();
  const text = nodes.map(n => n.textContent).join(' ');
  assert.ok(text.includes('page 99') && text.includes('page 3'), text);
  assert.ok(!text.includes('yet'), 'not "no tickets yet": ' + text);
  let went = null;
  const back = nodes.map(n => n.querySelector && n.querySelector('#last-page')).find(Boolean);
  assert.ok(back, 'a way to the last page');
  results(state, { goto: p => { went = p; } }).querySelector('#last-page').click();
  assert.equal(went, 2, 'the last page, counted from 0');
});

test('an empty student list says nothing is open or active, not that there are no tickets at all', () => {
  // Their solved tickets are listed below it (recently solved), so "no tickets here yet" contradicted the page.
  const text = state => [results(state, { goto() {}, size() {}, sort() {} })].flat().map(n => n.textContent).join(' ');
  const empty = { items: [], page: 0, size: 20, total: 0 };
  const student = text({ ...studentAt(''), list: empty });
  assert.ok(student.includes('No open or active tickets.'), student);
  assert.ok(!student.includes('No tickets here'), student);
  const staff = text({ ...staffAt('status=CLOSED'), list: empty });
  assert.ok(staff.includes('No tickets here yet.'), 'a staff tab may be empty of any status: ' + staff);
});

test('an opened-to day includes that whole day', () => {
  assert.equal(new Date(dayEnd('2026-03-01')).getTime() - new Date(dayStart('2026-03-01')).getTime(), 86399999,
    'milliseconds from start to end');
  assert.equal(dayStart(''), '', 'no day');
});

test('a queue address with values the server does not know is read without them, the rest kept', () => {
  const s = staffAt('status=BOGUS&sort=title,sideways&category=it&priority=urgent&sla=late&q=lift');
  assert.equal(s.status, 'OPEN', 'the first tab');
  assert.equal(s.sort, 'openedAt,desc');
  assert.equal(s.category, 'it', 'any case, as the server reads it');
  assert.equal(s.priority, '');
  assert.equal(s.sla, '');
  assert.equal(s.q, 'lift');
  const listed = staffAt('status=OPEN,ACTIVE&sla=BREACHED,MET&sort=due,asc');
  assert.deepEqual([listed.status, listed.sla, listed.sort], ['OPEN,ACTIVE', 'BREACHED,MET', 'due,asc']);
  assert.equal(staffAt('sort=id,desc,x').sort, 'openedAt,desc');
});
