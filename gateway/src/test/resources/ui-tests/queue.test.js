// The queue's views (whose tickets), SLA filter and sort by due: the state and address, and the screen against the
// fake server.
import { test, assert, sleep } from './runner.js';
import { initialState, update, requests, address, viewOf, views } from '/js/screens/tickets/state.js';
import { onStage } from './stage.js';
import { until } from './wait.js';

const staffAt = qs => initialState('STAFF', new URLSearchParams(qs));
const studentAt = qs => initialState('STUDENT', new URLSearchParams(qs));
const params = url => new URL(url, location.origin).searchParams;

test('staff choose Mine, Unassigned or All; students My tickets or All; analysts Unassigned or All', () => {
  assert.deepEqual(views('STAFF'), [['mine', 'Mine'], ['unassigned', 'Unassigned'], ['all', 'All']], 'staff');
  assert.deepEqual(views('STUDENT'), [['mine', 'My tickets'], ['all', 'All']], 'students');
  assert.deepEqual(views('ANALYST'), [['unassigned', 'Unassigned'], ['all', 'All']], 'analysts');
});

test('analysts read the queue: every status, the counts, a named assignee from the dashboard', () => {
  const s = initialState('ANALYST', new URLSearchParams('status=ACTIVE%2CCLOSED&assignee=Bea'));
  assert.equal(s.queue, true, 'the queue');
  assert.equal(s.staff, false, 'not staff');
  assert.equal(viewOf(s), 'named', 'one staff member');
  const r = requests(s);
  assert.equal(params(r.list).get('status'), 'ACTIVE,CLOSED', 'closed tickets too');
  assert.equal(params(r.list).get('assignee'), 'Bea', 'her tickets');
  assert.ok(r.counts && r.counts.startsWith('/api/tickets/counts'), 'the counts');
  assert.equal(initialState('ANALYST', new URLSearchParams('')).status, 'OPEN', 'the Open tab first, as for staff');
  assert.equal(update(s, { type: 'view', view: 'unassigned' }).assignee, 'none', 'Unassigned');
});

test('the view is read from the address: assignee=me|none for staff, reporter=me for students', () => {
  assert.equal(viewOf(staffAt('')), 'all', 'staff, nothing');
  assert.equal(viewOf(staffAt('assignee=me')), 'mine', 'staff, me');
  assert.equal(viewOf(staffAt('assignee=none')), 'unassigned', 'staff, none');
  assert.equal(viewOf(staffAt('assignee=Bo%20Staff')), 'named', 'staff, a colleague');
  assert.equal(staffAt('assignee=Bo%20Staff').assignee, 'Bo Staff', 'the colleague');
  assert.equal(viewOf(studentAt('reporter=me')), 'mine', 'student, me');
  assert.equal(viewOf(studentAt('')), 'all', 'student, nothing');
  assert.equal(studentAt('assignee=me').assignee, '', 'students have no assignee filter');
  assert.equal(staffAt('reporter=me').reporter, '', 'staff have no reporter filter');
});

test('choosing a view sets its filter, clears the other and starts from the first page', () => {
  let s = update(staffAt('page=2'), { type: 'view', view: 'unassigned' });
  assert.deepEqual([s.assignee, s.page], ['none', 0], 'unassigned');
  s = update(s, { type: 'view', view: 'all' });
  assert.equal(s.assignee, '', 'all');
  s = update(staffAt('assignee=Bo'), { type: 'view', view: 'mine' });
  assert.equal(s.assignee, 'me', 'from a colleague to mine');
  assert.equal(update(studentAt(''), { type: 'view', view: 'mine' }).reporter, 'me', 'student');
  assert.throws(() => update(studentAt(''), { type: 'view', view: 'unassigned' }), 'a view students do not have');
});

test('view, SLA filter and sort by due survive the address round trip', () => {
  const state = staffAt('status=ACTIVE&assignee=none&sla=AT_RISK%2CBREACHED&sort=due%2Casc');
  const again = staffAt(address(state).split('?')[1]);
  for (const k of ['status', 'assignee', 'sla', 'sort']) assert.equal(again[k], state[k], k);
  assert.equal(address(update(staffAt(''), { type: 'view', view: 'mine' })),
    '#/tickets?status=OPEN&assignee=me&sort=openedAt%2Cdesc', 'Mine');
  assert.equal(address(update(studentAt(''), { type: 'view', view: 'mine' })),
    '#/tickets?reporter=me&sort=openedAt%2Cdesc', 'My tickets');
  assert.equal(update(staffAt(''), { type: 'sort', column: 'due' }).sort, 'due,asc', 'the Due column sorts');
});

test('the list asks for the view and SLA filter; the counts for everything but sorting and paging', () => {
  const plan = requests(staffAt('status=ACTIVE&assignee=me&sla=BREACHED&sort=due,asc'));
  const list = params(plan.list);
  const counts = params(plan.counts);
  assert.deepEqual([list.get('assignee'), list.get('sla'), list.get('sort')], ['me', 'BREACHED', 'due,asc'], 'list');
  assert.deepEqual([counts.get('assignee'), counts.get('sla'), counts.get('status')], ['me', 'BREACHED', 'ACTIVE'],
    'counts');
  const student = requests(studentAt('reporter=me'));
  assert.equal(params(student.list).get('reporter'), 'me', 'a student\'s own tickets');
  assert.equal(student.counts, null, 'students still load with one request');
});

test('the staff queue shows the view counts from its counts requests and switches views with three requests',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STAFF' } }, async (stage, fake) => {
    const counts = () => [...stage.querySelectorAll('.view')].map(b => `${b.dataset.view}:${b.textContent}`);
    assert.deepEqual(counts(), ['mine:Mine1', 'unassigned:Unassigned3', 'all:All4'], 'views and counts');
    assert.equal(stage.querySelector('.view[aria-pressed="true"]').dataset.view, 'all', 'All at first');
    fake.calls.length = 0;
    stage.querySelector('.view[data-view="mine"]').click();
    await until(() => fake.calls.length >= 3 && stage.querySelector('.results[aria-busy="false"]'));
    // The page and its tab counts, and the folded views' counts: Mine itself never folds (tickets/state.js, folds).
    assert.equal(fake.calls.length, 3, 'requests');
    assert.ok(fake.calls.every(c => c.includes('assignee=me')), fake.calls.join(' '));
    assert.equal(stage.querySelector('.view[aria-pressed="true"]').dataset.view, 'mine', 'pressed');
    assert.ok(location.hash.includes('assignee=me'), `address ${location.hash}`);
  }));

test('a student sees My tickets and All, without counts', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STUDENT' } }, async (stage, fake) => {
    assert.deepEqual([...stage.querySelectorAll('.view')].map(b => b.textContent), ['My tickets', 'All'], 'views');
    fake.calls.length = 0;
    stage.querySelector('.view[data-view="mine"]').click();
    await until(() => fake.calls.length >= 1 && stage.querySelector('.results[aria-busy="false"]'));
    assert.deepEqual(fake.calls.map(c => params(c.split(' ')[1]).get('reporter')), ['me'],
      `one request, own tickets: ${fake.calls.join(' ')}`);
  }));

const row = { id: 7, title: 'Lift stuck', status: 'ACTIVE', priority: 'HIGH', category: 'FACILITY', assignee: 'Bo',
  openedAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z', firstResponseDueAt: '2026-03-01T11:00:00Z',
  resolutionDueAt: '2099-03-01T18:00:00Z', sla: { firstResponse: 'BREACHED', resolution: 'PENDING' }, unread: true };
const withRows = items => url => (url.split('?')[0] === '/api/tickets' ? { items, page: 0, size: 20, total: items.length }
  : undefined);

test('a row shows its assignee, its next due time, a breach badge in words and the new-messages marker',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STAFF' } }, async stage => {
    const tr = stage.querySelector('tr[data-ticket-id="7"]');
    const cell = name => tr.querySelector(`td[data-label="${name}"]`);
    assert.equal(cell('Assignee').textContent, 'Bo', 'assignee');
    assert.ok(/^reply .*overdue$/.test(cell('Due').querySelector('time').textContent), cell('Due').textContent);
    assert.equal(cell('Due').querySelector('.sla').textContent, '✖SLA: Reply overdue', 'badge names its target');
    assert.equal(tr.querySelector('.unread-marker .sr-only').textContent, 'New messages', 'marker for screen readers');
    assert.ok(tr.querySelector('.unread-marker').textContent.includes('New'), 'marker in words');
    assert.deepEqual([...stage.querySelectorAll('th')].map(th => th.textContent.replace(/[▲▼↕ ]/g, '')),
      ['#', 'Title', 'Category', 'Priority', 'Status', 'Assignee', 'Due', 'Opened', 'Updated'], 'columns');
  }, withRows([row])));

test('an unassigned, read row says so and has no marker; students see no Due column',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STUDENT' } }, async stage => {
    const tr = stage.querySelector('tr[data-ticket-id="7"]');
    assert.equal(tr.querySelector('td[data-label="Assignee"]').textContent, 'Unassigned', 'assignee');
    assert.equal(tr.querySelector('.unread-marker'), null, 'marker');
    assert.equal(tr.querySelector('td[data-label="Due"]'), null, 'due');
  }, withRows([{ ...row, assignee: null, unread: false }])));

test('the SLA filter of the form goes into the address and the requests', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STAFF' } }, async (stage, fake) => {
    fake.calls.length = 0;
    const sla = stage.querySelector('select[name=sla]');
    sla.value = 'AT_RISK,BREACHED';
    sla.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => fake.calls.length >= 3 && stage.querySelector('.results[aria-busy="false"]'));
    assert.equal(fake.calls.length, 3, `requests ${fake.calls.join(' ')}`);
    assert.ok(fake.calls.every(c => params(c.split(' ')[1]).get('sla') === 'AT_RISK,BREACHED'), fake.calls.join(' '));
    assert.ok(location.hash.includes('sla=AT_RISK%2CBREACHED'), location.hash);
  }));

test('an SLA filter from a shared address that the form does not offer is still shown as chosen', async () => {
  const { slaOptions } = await import('/js/screens/tickets/filters.js');
  assert.equal(slaOptions('AT_RISK,BREACHED').length, 4, 'offered already');
  assert.deepEqual(slaOptions('BREACHED,MET').at(-1), ['BREACHED,MET', 'Breached or Met'], 'added in words');
  assert.equal(slaOptions('').length, 4, 'none');
});

test('the keyboard stays on the tab, the column heading and the Next button pressed while the list reloads',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STAFF' } }, async stage => {
    const press = async selector => {
      const button = stage.querySelector(selector);
      button.focus();
      button.click();
      await sleep(50);
      await until(() => stage.querySelector('.results[aria-busy="false"]') && document.activeElement !== document.body);
    };
    await press('.tab[data-status="ACTIVE"]');
    assert.equal(document.activeElement.dataset.focus, 'tab-ACTIVE', 'the tab');
    await press('[data-focus="sort-priority"]');
    assert.equal(document.activeElement.dataset.focus, 'sort-priority', 'the column heading');
    await press('[data-focus="page-next"]');
    assert.equal(document.activeElement.dataset.focus, 'page-next', 'Next');
  }, url => (url.split('?')[0] === '/api/tickets'
    ? { items: [row], page: Number(new URLSearchParams(url.split('?')[1]).get('page') || 0), size: 20, total: 45 }
    : undefined)));

test('a dashboard link\'s hour (openedSince) is asked as the list\'s start, kept in the address, and gone with days picked', () => {
  const linked = staffAt('status=OPEN%2CACTIVE&from=2026-12-05&openedSince=2026-12-05T17%3A48%3A00.000Z&fold=off');
  const asked = new URLSearchParams(requests(linked).list.split('?')[1]);
  assert.equal(asked.get('openedFrom'), '2026-12-05T17:48:00.000Z', 'the hour, not the day\'s start');
  assert.ok(address(linked).includes('openedSince=2026-12-05T17%3A48%3A00.000Z'), address(linked));
  const own = update(linked, { type: 'filters', filters: { from: '2026-12-01', to: '' } });
  assert.equal(own.openedSince, '', 'a day picked by the person replaces it');
  assert.equal(new URLSearchParams(requests(own).list.split('?')[1]).get('openedFrom').slice(0, 10) <= '2026-12-01', true);
});

test('the list says from which hour a dashboard link counts', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STAFF' },
    query: new URLSearchParams('status=OPEN%2CACTIVE&from=2026-12-05&openedSince=2026-12-05T17%3A48%3A00.000Z') },
  async (stage, fake) => {
    await until(() => stage.querySelector('#opened-since'));
    assert.ok(stage.querySelector('#opened-since').textContent.startsWith('Opened since '), 'said');
    assert.ok(fake.calls.some(c => c.includes('openedFrom=2026-12-05T17%3A48%3A00.000Z')), fake.calls.join(' '));
  }));

test('a colleague\'s view from the workload table reads as one sentence, no gap before its comma',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STAFF' },
    query: new URLSearchParams('assignee=Anna+Keller&closedFrom=2026-11-06T10%3A00%3A00.000Z') }, async stage => {
    await until(() => stage.querySelector('.view[data-view="named"]'));
    const named = stage.querySelector('.view[data-view="named"]');
    assert.equal(named.children.length, 1, 'one box in the button');
    assert.ok(named.innerText.startsWith('Handled by Anna Keller, closed since'), named.innerText);
  }));

test('staff and analysts list one person\'s tickets by name beside any view, unfolded; students cannot', () => {
  const s = staffAt('reporter=Bruno+Student&status=CLOSED');
  assert.equal(s.reportedBy, 'Bruno Student', 'whose');
  assert.equal(viewOf(s), 'all', 'a filter, not a view');
  const r = requests(s);
  assert.equal(params(r.list).get('reporter'), 'Bruno Student', 'the list asks for them');
  assert.equal(params(r.counts).get('reporter'), 'Bruno Student', 'so do the counts');
  assert.equal(params(r.list).get('incident'), null, 'their tickets linked to an incident stay in the list');
  assert.equal(params(requests(staffAt('')).list).get('incident'), 'none', 'everyone\'s list folds');
  assert.equal(staffAt(address(s).split('?')[1]).reportedBy, 'Bruno Student', 'the address keeps it');
  const mine = update(s, { type: 'view', view: 'mine' });
  assert.deepEqual([mine.assignee, mine.reportedBy], ['me', 'Bruno Student'], 'a view keeps it');
  assert.equal(update(s, { type: 'filters', filters: { reportedBy: '' } }).reportedBy, '', 'cleared');
  assert.equal(initialState('ANALYST', new URLSearchParams('reporter=Bea')).reportedBy, 'Bea', 'analysts');
  assert.equal(studentAt('reporter=Bruno').reportedBy, '', 'a student has no such filter');
  assert.equal(params(requests(studentAt('reporter=Bruno')).list).get('reporter'), 'Bruno',
    'the server answers a student 403, said as for any refusal');
});

test('the queue says whose tickets it lists, and "Show everyone\'s" lists everyone\'s again',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STAFF' },
    query: new URLSearchParams('reporter=Anna+Keller') }, async (stage, fake) => {
    await until(() => stage.querySelector('#reported-by'));
    assert.ok(stage.querySelector('#reported-by').textContent.startsWith('Tickets reported by Anna Keller'),
      stage.querySelector('#reported-by').textContent);
    assert.ok(fake.calls.some(c => c.startsWith('GET /api/tickets?') && c.includes('reporter=Anna+Keller')),
      fake.calls.join(' '));
    const asked = fake.calls.length;
    stage.querySelector('#reported-by-clear').click();
    await until(() => !stage.querySelector('#reported-by') && fake.calls.length > asked);
    assert.equal(stage.querySelector('#reported-by'), null, 'gone');
    const after = fake.calls.slice(asked).filter(c => c.startsWith('GET /api/tickets?'));
    assert.ok(after.length && after.every(c => !c.includes('reporter=')), after.join(' '));
    assert.ok(!location.hash.includes('reporter='), location.hash);
  }));

test('a ticket page links staff and analysts to every ticket of its reporter; students see the name only', async () => {
  for (const [role, linked] of [['STAFF', true], ['ANALYST', true], ['STUDENT', false]]) {
    await onStage('/js/screens/ticket.js', { session: { role, name: 'Bo' }, params: ['7'] }, async stage => {
      await until(() => stage.querySelector('#ticket-description'));
      const link = stage.querySelector('#reporter-tickets');
      assert.equal(Boolean(link), linked, role);
      if (link) assert.equal(link.getAttribute('href'), '#/tickets?reporter=Ann', role);
    });
  }
});
