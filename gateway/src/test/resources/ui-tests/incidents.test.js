// Mass incidents in the UI: the report form's similar tickets and "This is my problem too", the queue's incident rows,
// folding, selection and linking, and the ticket page's incident part, against fake servers.
import { test, assert, sleep, measure } from './runner.js';
import { manualClock, fakeFetch, withFetch } from './fakes.js';
import { onStage } from './stage.js';
import { until } from './wait.js';
import { h } from '/js/dom.js';
import { similarRequest, similarPanel, MIN_TEXT } from '/js/screens/report/similar.js';
import { foldRows, incidentChoices, linkBody } from '/js/screens/tickets/incidents.js';
import { initialState, update, requests, folds, viewCounts } from '/js/screens/tickets/state.js';
import { follows, canLink, suggestedIncidents, closeQuestion, deleteQuestion, LINKED_SHOWN }
  from '/js/screens/ticket/incident.js';
import { incidentRefusalText, isForPeople } from '/js/words.js';
import { ApiError } from '/js/api.js';

const type = (input, text) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const problem = (status, body) => new Response(JSON.stringify(body),
  { status, headers: { 'Content-Type': 'application/problem+json' } });
const params = url => new URLSearchParams(url.split('?')[1]);

test('similar tickets are asked only for text long enough to compare, with the location when given', () => {
  assert.equal(similarRequest('Wifi', '', ''), null, 'one word');
  assert.equal(similarRequest('x'.repeat(MIN_TEXT - 1), '   ', ''), null, 'just too short');
  const url = similarRequest('Eduroam down', 'in the library since 9', ' Library ');
  assert.ok(url.startsWith('/api/tickets/similar?'), url);
  assert.equal(params(url).get('text'), 'Eduroam down in the library since 9', 'one line: no line breaks');
  assert.equal(params(similarRequest('Eduroam', 'down\n\nin the\tlibrary', '')).get('text'), 'Eduroam down in the library',
    'line breaks and tabs become spaces');
  assert.equal(params(url).get('location'), 'Library', 'location');
  assert.equal(params(similarRequest('Eduroam down again', '', '')).get('location'), null, 'no empty location');
  assert.equal(params(similarRequest('a'.repeat(50), 'b'.repeat(5000), '')).get('text').length, 1000, 'clipped');
});

test('the similar panel asks once per pause, never twice for the same text, and keeps its rows when nothing changed',
  async () => {
    const clock = manualClock();
    const fake = fakeFetch(() => ({ items: [{ id: 41, title: 'Eduroam down', followers: 3, score: 0.8 }] }));
    const fields = { title: h('input'), description: h('textarea'), location: h('input') };
    await withFetch(fake, async () => {
      const panel = similarPanel(fields, { clock, wait: 400 });
      for (const text of ['Edu', 'Eduroam', 'Eduroam is', 'Eduroam is down']) {
        fields.title.value = text;
        panel.changed();
        clock.advance(100);
      }
      assert.equal(fake.calls.length, 0, 'nothing while typing');
      clock.advance(400);
      await sleep(20);
      assert.equal(fake.calls.length, 1, 'one request after the pause');
      assert.equal(panel.el.hidden, false, 'shown');
      const row = panel.el.querySelector('li');
      assert.ok(row.textContent.includes('Eduroam down') && row.textContent.includes('3 people joined'), row.textContent);
      fields.title.value = 'Eduroam is down!';
      panel.changed();
      fields.title.value = 'Eduroam is down';
      panel.changed();
      clock.advance(500);
      await sleep(20);
      assert.equal(fake.calls.length, 1, 'the same text is not asked again');
      fields.location.value = 'Library';
      panel.changed();
      clock.advance(500);
      await sleep(20);
      assert.equal(fake.calls.length, 2, 'a new location is a new question');
      assert.ok(panel.el.querySelector('li') === row, 'the same answer keeps the very same row (no flicker)');
      fields.title.value = 'Edu';
      panel.changed();
      clock.advance(500);
      await sleep(20);
      assert.equal(fake.calls.length, 2, 'no request for short text');
      assert.equal(panel.el.hidden, true, 'hidden again');
      panel.stop();
      measure('similar requests while typing 4 words, pausing, retyping, adding a place', fake.calls.length);
    });
  });

test('"This is my problem too" makes the student a follower and opens that ticket; the form keeps what was typed',
  () => onStage('/js/screens/report.js', { session: { role: 'STUDENT', name: 'Ann' } }, async (stage, fake) => {
    const title = stage.querySelector('[name=title]');
    type(title, 'Eduroam down in the library');
    await until(() => stage.querySelector('#similar-tickets li'), 3000);
    const panel = stage.querySelector('#similar-tickets');
    assert.equal(panel.hidden, false, 'offered');
    assert.ok(panel.textContent.includes('12 people joined'), panel.textContent);
    assert.equal(title.value, 'Eduroam down in the library', 'typing kept');
    assert.equal(params(fake.calls.find(c => c.includes('/similar')).split(' ')[1]).get('text'),
      'Eduroam down in the library', 'the text asked');
    panel.querySelector('button[data-join="41"]').click();
    await until(() => location.hash === '#/tickets/41');
    assert.ok(fake.calls.includes('POST /api/tickets/41/followers'), fake.calls.join(', '));
    assert.equal(location.hash, '#/tickets/41', 'taken to the ticket');
    assert.ok(document.getElementById('toasts').textContent.includes('You joined #41'), 'told so');
  }, url => (url.endsWith('/followers') ? new Response(null, { status: 204 }) : undefined)));

test('a refused join is said in words beside the offer', () => onStage('/js/screens/report.js',
  { session: { role: 'STUDENT', name: 'Ann' } }, async stage => {
    type(stage.querySelector('[name=title]'), 'Eduroam down in the library');
    await until(() => stage.querySelector('#similar-tickets li'), 3000);
    stage.querySelector('button[data-join="41"]').click();
    await until(() => stage.querySelector('.similar-status').textContent);
    const said = stage.querySelector('.similar-status').textContent;
    assert.equal(said, 'This ticket can no longer be joined. You can still send your own report.', 'said');
    assert.equal(stage.querySelector('button[data-join="41"]').disabled, false, 'may try again');
  }, url => (url.endsWith('/followers')
    ? problem(409, { detail: 'Ticket 41 is CLOSED: only OPEN and ACTIVE tickets are joined' }) : undefined)));

test('refusals of linking are sentences for people, the service\'s own when it is one', () => {
  const closed = new ApiError(409, { detail: 'Ticket 5 is CLOSED: only OPEN and ACTIVE tickets are linked' });
  assert.ok(!incidentRefusalText(closed).includes('CLOSED'), incidentRefusalText(closed));
  assert.ok(incidentRefusalText(closed).startsWith('Only open and active tickets'), incidentRefusalText(closed));
  const elsewhere = new ApiError(409, { detail: 'Ticket 12 is linked to incident 5 already: unlink it there first' });
  assert.equal(incidentRefusalText(elsewhere), 'Ticket 12 is linked to incident 5 already: unlink it there first');
  const itself = new ApiError(422, { detail: 'tickets: must not name the incident', field: 'tickets' });
  assert.ok(incidentRefusalText(itself).startsWith('A ticket cannot be linked to itself'), incidentRefusalText(itself));
});

const T = (id, more = {}) => ({ id, title: `Ticket ${id}`, status: 'OPEN', priority: 'HIGH', category: 'IT',
  reporterName: 'Ann', openedAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z', version: 1, ...more });

test('folded, linked tickets whose incident is on the page are counted on its row; unfolded they are rows', () => {
  const items = [T(1, { linkedCount: 3, followerCount: 2 }), T(2, { incidentId: 1 }), T(3, { incidentId: 1 }),
    T(4, { incidentId: 99 }), T(5)];
  assert.deepEqual(foldRows(items, true).map(r => [r.ticket.id, r.linkedHere]), [[1, 2], [4, 0], [5, 0]], 'folded');
  assert.deepEqual(foldRows(items, false).map(r => r.ticket.id), [1, 2, 3, 4, 5], 'unfolded');
});

test('the incident offered first is one among the selected, then one on the page, then the oldest selected', () => {
  const items = [T(9), T(7), T(8, { linkedCount: 2 }), T(3, { linkedCount: 1 })];
  assert.deepEqual(incidentChoices(items, [9, 7]).map(([id]) => id), [8, 3, 7, 9], 'no incident selected');
  assert.deepEqual(incidentChoices(items, [9, 3]).map(([id]) => id), [3, 8, 9], 'an incident selected');
  assert.deepEqual(linkBody([9, 3, 7], 3), { tickets: [7, 9] }, 'the incident is not linked to itself');
});

const queueAnswer = { items: [T(41, { linkedCount: 2, followerCount: 5 }), T(42, { incidentId: 41 }), T(43), T(44), T(45)],
  page: 0, size: 20, total: 5 };
const queueServer = (url, init) => {
  if (url.startsWith('/api/tickets?') && params(url).get('incident') === 'none') {
    const items = queueAnswer.items.filter(item => !item.incidentId);
    return { ...queueAnswer, items, total: items.length };
  }
  if (url.startsWith('/api/tickets?')) return queueAnswer;
  if (url === '/api/tickets/43/links' && init.method === 'POST') return T(43, { linkedCount: 2, followerCount: 0 });
  if (url === '/api/tickets/41/links' && init.method === 'POST') {
    return problem(409, { detail: 'Ticket 44 is CLOSED: only OPEN and ACTIVE tickets are linked' });
  }
  return undefined;
};

test('the queue shows an incident with its counts and folds its linked tickets under it until unfolded',
  () => onStage('/js/screens/tickets.js', { session: { role: 'STAFF', name: 'Bo' } }, async (stage, fake) => {
    await until(() => stage.querySelector('tr[data-ticket-id="41"]'));
    const badge = stage.querySelector('tr[data-ticket-id="41"] .incident-badge');
    assert.ok(badge.textContent.includes('2 linked') && badge.textContent.includes('5 joined'), badge.textContent);
    assert.equal(stage.querySelector('tr[data-ticket-id="42"]'), null, 'folded by default');
    const asked = () => fake.calls.filter(c => c.startsWith('GET /api/tickets?') || c.startsWith('GET /api/tickets/counts'));
    assert.ok(asked().length === 3 && asked().slice(0, 2).every(c => c.includes('incident=none')),
      `folded, the server leaves linked tickets out, wherever their incident is: ${asked()}`);
    assert.ok(!asked()[2].includes('incident='), `but counts Mine with them (Mine never folds): ${asked()}`);
    const fold = stage.querySelector('#fold-linked');
    fold.checked = false;
    fold.dispatchEvent(new Event('change'));
    await until(() => stage.querySelector('tr[data-ticket-id="42"]'));
    assert.ok(stage.querySelector('tr[data-ticket-id="42"] .in-incident').textContent.includes('in incident #41'),
      'unfolded, marked');
    assert.ok(asked().slice(3).length === 2 && asked().slice(3).every(c => !c.includes('incident=')),
      `unfolded, every ticket is asked: ${asked()}`);
    assert.ok(location.hash.includes('fold=off'), `kept in the address: ${location.hash}`);
  }, queueServer));

test('a text search asks for linked tickets too, and folds those whose incident is on the page', () => onStage(
  '/js/screens/tickets.js', { session: { role: 'STAFF', name: 'Bo' }, query: new URLSearchParams('q=printer') },
  async (stage, fake) => {
    await until(() => stage.querySelector('tr[data-ticket-id="41"]'));
    assert.ok(fake.calls.filter(c => c.startsWith('GET /api/tickets?')).every(c => !c.includes('incident=')),
      fake.calls.join(', '));
    const here = stage.querySelector('tr[data-ticket-id="41"] .folded-here').textContent;
    assert.ok(here.includes('1 linked ticket on this page'), here);
    assert.equal(stage.querySelector('tr[data-ticket-id="42"]'), null, 'folded under 41 on the page');
  }, queueServer));

test('the shared views fold linked tickets; Mine never does, and is counted unfolded beside them', () => {
  assert.deepEqual(['mine', 'unassigned', 'all', 'named'].map(folds), [false, true, true, true], 'folds');
  const queueAt = (role, qs) => requests(initialState(role, new URLSearchParams(qs)));
  const mine = queueAt('STAFF', 'assignee=me');
  assert.equal(params(mine.list).get('incident'), null, 'Mine lists linked tickets');
  assert.equal(params(mine.counts).get('incident'), null, 'Mine\'s tabs count them');
  assert.equal(params(mine.otherCounts).get('incident'), 'none', 'the other views are counted folded');
  const all = queueAt('STAFF', '');
  assert.equal(params(all.list).get('incident'), 'none', 'All folds');
  assert.equal(params(all.otherCounts).get('incident'), null, 'Mine is counted unfolded');
  assert.equal(params(all.otherCounts).get('status'), 'OPEN', 'under the same filters');
  assert.equal(queueAt('STAFF', 'fold=off').otherCounts, null, 'unfolded, every view counts alike: one request');
  assert.equal(queueAt('STAFF', 'q=wifi').otherCounts, null, 'a search folds nothing away: one request');
  assert.equal(queueAt('ANALYST', '').otherCounts, null, 'analysts have no Mine: one request');
  assert.equal(queueAt('STUDENT', 'reporter=me').otherCounts, null, 'students fold nothing');
  const byView = viewCounts(initialState('STAFF', new URLSearchParams('')), { byView: { mine: 0, unassigned: 1, all: 5 } },
    { byView: { mine: 1, unassigned: 2, all: 7 } });
  assert.deepEqual(byView, { mine: 1, unassigned: 1, all: 5 }, 'each view counted its own way');
});

// Sam took #301, linked it to incident #229 and handed it over to Kim: it is hers, active and new to her.
const handedOver = T(301, { status: 'ACTIVE', assignee: 'Kim', incidentId: 229, unread: true });
const incident = T(229, { status: 'ACTIVE', assignee: 'Sam', linkedCount: 1 });
const kimsServer = url => {
  const folded = params(url).get('incident') === 'none';
  if (url.startsWith('/api/tickets/counts')) {
    return folded ? { byStatus: { OPEN: 0, ACTIVE: 0, CLOSED: 0 }, byView: { mine: 0, unassigned: 0, all: 1 } }
      : { byStatus: { OPEN: 0, ACTIVE: 1, CLOSED: 0 }, byView: { mine: 1, unassigned: 0, all: 2 } };
  }
  if (url.startsWith('/api/tickets?')) {
    const items = [incident, handedOver].filter(item => !(folded && item.incidentId))
      .filter(item => params(url).get('assignee') !== 'me' || item.assignee === 'Kim');
    return { items, page: 0, size: 20, total: items.length };
  }
  return undefined;
};

test('Mine shows and counts a ticket handed over after it was linked to an incident, folded or not', () => onStage(
  '/js/screens/tickets.js', { session: { role: 'STAFF', name: 'Kim' },
    query: new URLSearchParams('status=ACTIVE&assignee=me') }, async stage => {
    await until(() => stage.querySelector('tr[data-ticket-id="301"]'));
    const row = stage.querySelector('tr[data-ticket-id="301"]');
    assert.ok(row.querySelector('.unread-marker'), 'marked new');
    assert.ok(row.querySelector('.in-incident').textContent.includes('#229'), 'marked with its incident');
    const counts = () => [...stage.querySelectorAll('.view')].map(b => `${b.dataset.view}:${b.textContent}`);
    assert.deepEqual(counts(), ['mine:Mine1', 'unassigned:Unassigned0', 'all:All1'], 'Mine counts it, All folds it');
    assert.equal(stage.querySelector('.tab[data-status="ACTIVE"] .count').textContent, '1', 'the Active tab too');
    assert.equal(stage.querySelector('#fold-linked').checked, true, 'with the fold on');
    stage.querySelector('.view[data-view="all"]').click();
    await until(() => stage.querySelector('.view[data-view="all"][aria-pressed="true"]')
      && stage.querySelector('.results[aria-busy="false"]') && !stage.querySelector('tr[data-ticket-id="301"]'));
    assert.ok(stage.querySelector('tr[data-ticket-id="229"]'), 'All shows the incident in its place');
    assert.deepEqual(counts(), ['mine:Mine1', 'unassigned:Unassigned0', 'all:All1'], 'the same counts from All');
  }, kimsServer));

test('staff select tickets and link them to one incident; the answer is said in words', () => onStage(
  '/js/screens/tickets.js', { session: { role: 'STAFF', name: 'Bo' } }, async (stage, fake) => {
    await until(() => stage.querySelector('tr[data-ticket-id="43"]'));
    const tick = id => {
      const box = stage.querySelector(`input[data-select="${id}"]`);
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    };
    [43, 44, 45].forEach(tick);
    assert.ok(stage.querySelector('.link-bar').textContent.includes('3 tickets selected'), 'the count');
    const choice = stage.querySelector('#link-incident');
    assert.equal(choice.value, '41', 'the incident on the page is offered first');
    choice.value = '43';
    stage.querySelector('.link-bar').dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => stage.querySelector('#link-result') && stage.querySelector('#link-result').textContent);
    const at = fake.calls.indexOf('POST /api/tickets/43/links');
    assert.ok(at >= 0, fake.calls.join(', '));
    assert.deepEqual(fake.bodies[at], { tickets: [44, 45] }, 'the body');
    assert.equal(stage.querySelector('#link-result').textContent, '2 tickets linked to incident #43.', 'said');
    assert.equal(stage.querySelectorAll('input[data-select]:checked').length, 0, 'the selection is cleared');

    [44, 45].forEach(tick);
    stage.querySelector('.link-bar').dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => stage.querySelector('#link-result').textContent.startsWith('Only'));
    assert.ok(isForPeople(stage.querySelector('#link-result').textContent), 'a refusal in words');
  }, queueServer));

test('staff tick every ticket of the page with one box, and untick them with it; the row boxes follow; the incident '
  + 'is left out', () => onStage(
  '/js/screens/tickets.js', { session: { role: 'STAFF', name: 'Bo' } }, async stage => {
    await until(() => stage.querySelector('tr[data-ticket-id="43"]') && stage.querySelector('#select-all'));
    // Incident 41 is not ticked with the rest: the server refuses to link an incident, and the link is all or nothing.
    const incidentBox = () => stage.querySelector('input[data-select="41"]');
    const rowBoxes = () => [...stage.querySelectorAll('input[data-select]:not(:disabled)')].filter(b => b !== incidentBox());
    const all = stage.querySelector('#select-all');
    assert.equal(all.checked, false);
    all.checked = true;
    all.dispatchEvent(new Event('change'));
    await until(() => rowBoxes().every(box => box.checked));
    assert.ok(rowBoxes().length > 1, 'several rows');
    assert.ok(stage.querySelector('.link-bar').textContent.includes(`${rowBoxes().length} tickets selected`), 'counted');
    assert.equal(incidentBox().checked, false, 'the incident');

    const one = rowBoxes()[0];
    one.checked = false;
    one.dispatchEvent(new Event('change'));
    await until(() => stage.querySelector('#select-all').indeterminate);
    assert.equal(stage.querySelector('#select-all').checked, false, 'half ticked');

    stage.querySelector('#select-all').checked = true;
    stage.querySelector('#select-all').dispatchEvent(new Event('change'));
    await until(() => rowBoxes().every(box => box.checked));
    stage.querySelector('#select-all').checked = false;
    stage.querySelector('#select-all').dispatchEvent(new Event('change'));
    await until(() => rowBoxes().every(box => !box.checked));
    assert.equal(stage.querySelector('.link-bar'), null, 'nothing selected, no bar');
  }, queueServer));

test('a live refresh keeps the incident staff chose in the link bar and what they typed beside it', () => onStage(
  '/js/screens/tickets.js', { session: { role: 'STAFF', name: 'Bo' } }, async (stage, fake, source) => {
    await until(() => stage.querySelector('tr[data-ticket-id="43"]'));
    [43, 44, 45].forEach(id => {
      const box = stage.querySelector(`input[data-select="${id}"]`);
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    });
    const choice = stage.querySelector('#link-incident');
    choice.value = '43';
    choice.dispatchEvent(new Event('change'));
    const lists = () => fake.calls.filter(c => c.startsWith('GET /api/tickets?')).length;
    const before = lists();
    source.emit('change', { cursor: 'c1', type: 'EDITED', ticketId: 99 });
    await until(() => lists() > before, 6000);
    await sleep(300);
    assert.equal(stage.querySelector('#link-incident').value, '43', 'the chosen incident');
  }, queueServer));

test('students and analysts get no selection; analysts may still fold', () => onStage('/js/screens/tickets.js',
  { session: { role: 'ANALYST', name: 'Al' } }, async stage => {
    await until(() => stage.querySelector('tr[data-ticket-id="41"]'));
    assert.equal(stage.querySelectorAll('input[data-select]').length, 0, 'no boxes');
    assert.equal(stage.querySelector('#select-all'), null, 'nor one for all');
    assert.ok(stage.querySelector('#fold-linked'), 'the fold toggle');
  }, queueServer));

test('a follower is told they follow; staff link open tickets that are in no incident and no incident themselves', () => {
  const history = [{ type: 'CREATED', actor: 'Ann' }, { type: 'FOLLOWED', actor: 'Cy' }];
  assert.ok(follows(history, 'Cy') && !follows(history, 'Ann'), 'only who joined');
  assert.ok(canLink({ staff: true, ticket: T(1) }), 'an open ticket');
  assert.ok(!canLink({ staff: true, ticket: T(1, { incidentId: 4 }) }), 'linked already');
  assert.ok(!canLink({ staff: true, ticket: T(1, { linkedCount: 2 }) }), 'an incident');
  assert.ok(!canLink({ staff: true, ticket: T(1, { status: 'CLOSED' }) }), 'closed');
  assert.ok(!canLink({ staff: false, ticket: T(1) }), 'students');
  const fetched = new Map([[8, T(8, { linkedCount: 4 })], [9, T(9)], [10, T(10, { linkedCount: 2, incidentId: 8 })]]);
  assert.deepEqual(suggestedIncidents(T(7), [{ id: 7 }, { id: 9 }, { id: 8 }, { id: 10 }], fetched), [[8, 'Ticket 8']],
    'only open incidents');
});

const LINKED = T(7, { incidentId: 41 });
test('a linked ticket says which incident it is part of, and staff unlink it there', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async (stage, fake) => {
    await until(() => stage.querySelector('#part-of-incident'));
    const part = stage.querySelector('#part-of-incident');
    assert.ok(part.textContent.includes('Part of incident #41'), part.textContent);
    assert.equal(part.querySelector('a').getAttribute('href'), '#/tickets/41', 'a link');
    assert.equal(stage.querySelector('#link-to').hidden, true, 'no "Link to" on a linked ticket');
    part.querySelector('#unlink').click();
    await until(() => fake.calls.includes('DELETE /api/tickets/41/links/7'));
    assert.ok(fake.calls.includes('DELETE /api/tickets/41/links/7'), fake.calls.join(', '));
  }, (url, init) => {
    if (url === '/api/tickets/7') return LINKED;
    if (url === '/api/tickets/41/links/7') return new Response(null, { status: 204 });
    return undefined;
  }));

test('a student who joined a ticket reads "You follow this ticket" and no Unlink', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STUDENT', name: 'Cy' }, params: ['7'] }, async stage => {
    await until(() => stage.querySelector('#following'), 5000);
    // Seen missing twice on a busy machine, not reproduced since: what was drawn instead says why, next time.
    assert.ok(stage.querySelector('#following'), `"You follow", in ${stage.innerHTML.slice(0, 1500)}`);
    assert.ok(stage.querySelector('#following').textContent.startsWith('You follow this ticket'), 'told');
    assert.equal(stage.querySelector('#unlink'), null, 'no unlink');
    // The history comes in its own request: on a busy machine after the head.
    await until(() => stage.querySelector('.timeline')?.textContent.includes('Cy joined: same problem'));
    assert.ok(stage.querySelector('.timeline').textContent.includes('Cy joined: same problem'), 'the history in words');
    assert.ok(!stage.querySelector('.timeline').textContent.includes('FOLLOWED'), 'no event name');
  }, url => {
    if (url === '/api/tickets/7') return LINKED;
    if (url === '/api/tickets/7/history') {
      return [{ type: 'FOLLOWED', actor: 'Cy', actorRole: 'STUDENT', at: '2026-03-01T10:05:00Z',
        changes: [{ field: 'follower', from: null, to: 'Cy' }] }];
    }
    return undefined;
  }));

test('"Link to an incident…" suggests the open incidents like this ticket when opened, and links to the one picked',
  () => onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async (stage, fake) => {
    await until(() => stage.querySelector('.ticket-head h1'));
    const box = stage.querySelector('#link-to');
    assert.equal(box.hidden, false, 'offered on an unlinked open ticket');
    assert.ok(!fake.calls.some(c => c.includes('/similar')), 'nothing asked before it is opened');
    box.open = true;
    // Three requests in a row (the similar tickets, then each one's head): more than until's usual wait on a busy box.
    await until(() => stage.querySelector('#link-suggestions button'), 6000);
    const suggested = [...stage.querySelectorAll('#link-suggestions button')].map(b => b.dataset.incident);
    assert.deepEqual(suggested, ['41'], 'the incident only, not the plain ticket');
    stage.querySelector('#link-suggestions button').click();
    assert.equal(stage.querySelector('#link-to-incident').value, '41', 'picked');
    stage.querySelector('#link-to form').dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => fake.calls.includes('POST /api/tickets/41/links'));
    const at = fake.calls.indexOf('POST /api/tickets/41/links');
    assert.deepEqual(fake.bodies[at], { tickets: [7] }, 'this ticket');
  }, (url, init) => {
    if (url.startsWith('/api/tickets/similar')) {
      return { items: [{ id: 7, title: 'Lift stuck', followers: 0, score: 1 }, { id: 41, title: 'Lifts down', followers: 3, score: 0.8 },
        { id: 43, title: 'Lift noisy', followers: 0, score: 0.6 }] };
    }
    if (url === '/api/tickets/41' && (init.method || 'GET') === 'GET') return T(41, { linkedCount: 3, followerCount: 3 });
    if (url === '/api/tickets/43') return T(43);
    if (url === '/api/tickets/41/links') return T(41, { linkedCount: 4, followerCount: 3 });
    return undefined;
  }));

test('"Link to an incident…" with no incident like this ticket says so, and nothing else',
  () => onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async stage => {
    await until(() => stage.querySelector('.ticket-head h1'));
    stage.querySelector('#link-to').open = true;
    await until(() => stage.querySelector('#link-suggestions .hint'));
    const suggestions = stage.querySelector('#link-suggestions');
    assert.equal(suggestions.children.length, 1, suggestions.innerHTML);
    assert.ok(!suggestions.textContent.includes('null'), suggestions.textContent);
  }, url => (url.startsWith('/api/tickets/similar') ? { items: [] } : undefined)));

const INCIDENT = T(41, { status: 'ACTIVE', assignee: 'Bo', linkedCount: 3, followerCount: 1 });
test('an incident\'s page unfolds its linked tickets when asked, each with its status and who has it', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['41'] }, async (stage, fake) => {
    await until(() => stage.querySelector('#linked-tickets'));
    const box = stage.querySelector('#linked-tickets');
    assert.equal(box.hidden, false, 'shown on an incident');
    assert.equal(box.querySelector('summary').textContent, '3 linked tickets', 'the count folded');
    assert.ok(!fake.calls.some(c => c.includes('incident=')), 'nothing asked before it is unfolded');
    box.open = true;
    await until(() => stage.querySelector('#linked-list li'));
    assert.ok(fake.calls.includes(`GET /api/tickets?incident=41&sort=id,asc&size=${LINKED_SHOWN}`), fake.calls.join(', '));
    const rows = [...stage.querySelectorAll('#linked-list li')];
    assert.deepEqual(rows.map(r => r.dataset.ticketId), ['42', '43'], 'by number');
    assert.equal(rows[0].querySelector('a').getAttribute('href'), '#/tickets/42', 'each a link');
    assert.ok(rows[0].textContent.includes('Open') && rows[1].textContent.includes('Closed'), rows.map(r => r.textContent));
    assert.ok(rows[1].textContent.includes('· Cy'), 'who has it');
    assert.equal(stage.querySelector('#linked-list .hint').textContent, 'The first 2 of 3, by number.', 'what it leaves out');
  }, url => {
    if (url === '/api/tickets/41') return INCIDENT;
    if (url.startsWith('/api/tickets?incident=41')) {
      return { items: [T(42, { incidentId: 41 }), T(43, { incidentId: 41, status: 'CLOSED', assignee: 'Cy' })],
        page: 0, size: 2, total: 3 };
    }
    return undefined;
  }));

test('staff\'s public answer on an incident is confirmed as reaching its linked tickets; a note is not', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['41'] }, async (stage, fake) => {
    await until(() => stage.querySelector('#message-text'));
    const say = async (text, internal) => {
      stage.querySelector('#message-text').value = text;
      stage.querySelector('#message-internal').checked = internal;
      stage.querySelector('form.compose').dispatchEvent(new Event('submit', { cancelable: true }));
      await until(() => stage.querySelector('#message-confirmation').textContent);
      return stage.querySelector('#message-confirmation').textContent;
    };
    assert.equal(await say('Fixed: the access points were restarted.', false),
      'Message sent, and posted under every open ticket linked to this incident.');
    assert.equal(await say('Restarted AP 3 and 4.', true), 'Internal note saved.');
    assert.equal(fake.calls.filter(c => c === 'POST /api/tickets/41/messages').length, 2, fake.calls.join(', '));
  }, (url, init) => {
    if (url === '/api/tickets/41') return INCIDENT;
    if (url === '/api/tickets/41/messages' && init.method === 'POST') {
      return { id: 9, ticketId: 41, body: JSON.parse(init.body).body, author: 'Bo', authorRole: 'STAFF',
        internal: JSON.parse(init.body).internal, createdAt: '2026-03-01T10:00:00Z' };
    }
    return undefined;
  }));

test('an internal note being written looks like one: asked first, tinted, its own button; a reply again after', () =>
  onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['41'] }, async stage => {
    await until(() => stage.querySelector('#message-text'));
    const form = stage.querySelector('form.compose');
    const box = stage.querySelector('#message-internal');
    const send = stage.querySelector('#send-message');
    assert.ok(box.compareDocumentPosition(stage.querySelector('#message-text')) & Node.DOCUMENT_POSITION_FOLLOWING,
      'the choice comes before the text');
    assert.equal(send.textContent, 'Send', 'a reply');
    assert.ok(!form.classList.contains('note'), 'a reply is not tinted');
    box.click();
    assert.ok(form.classList.contains('note'), 'a note is tinted');
    assert.equal(send.textContent, 'Add internal note', 'the note\'s button');
    assert.ok(send.classList.contains('btn-note') && !send.classList.contains('btn-primary'), 'not the reply\'s blue');
    stage.querySelector('#message-text').value = 'Student seems annoyed; AP 3 again.';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => stage.querySelector('#message-confirmation').textContent);
    assert.equal(stage.querySelector('#message-confirmation').textContent, 'Internal note saved.');
    assert.ok(!form.classList.contains('note') && send.textContent === 'Send', 'the next message is a reply again');
  }, (url, init) => {
    if (url === '/api/tickets/41') return INCIDENT;
    if (url === '/api/tickets/41/messages' && init.method === 'POST') {
      return { id: 9, ticketId: 41, body: JSON.parse(init.body).body, author: 'Bo', authorRole: 'STAFF',
        internal: true, createdAt: '2026-03-01T10:00:00Z' };
    }
    return undefined;
  }));

test('a message box says when a paste did not fit, and its count goes with the sent text', () =>
  onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['41'] }, async stage => {
    await until(() => stage.querySelector('#message-text'));
    const box = stage.querySelector('#message-text');
    const count = box.closest('.field').querySelector('.count');
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', 'log line\n'.repeat(700));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData, cancelable: true }));
    box.value = 'log line\n'.repeat(700).slice(0, 5000);
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    assert.equal(count.textContent, 'Only 5,000 characters fit: the end of what you pasted was left out.');
    stage.querySelector('form.compose').dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => stage.querySelector('#message-confirmation').textContent);
    assert.equal(box.value, '', 'sent');
    assert.ok(count.hidden, 'no count left over');
  }, (url, init) => {
    if (url === '/api/tickets/41') return INCIDENT;
    if (url === '/api/tickets/41/messages' && init.method === 'POST') {
      return { id: 9, ticketId: 41, body: JSON.parse(init.body).body, author: 'Bo', authorRole: 'STAFF',
        internal: false, createdAt: '2026-03-01T10:00:00Z' };
    }
    return undefined;
  }));

test('a message sent through a stall is sent again under its key, and what is typed meanwhile stays', () => {
  let posts = 0;
  return onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['41'] },
    async (stage, fake) => {
      await until(() => stage.querySelector('#message-text'));
      const box = stage.querySelector('#message-text');
      box.value = 'Restarted the access points.';
      stage.querySelector('form.compose').dispatchEvent(new Event('submit', { cancelable: true }));
      await until(() => posts === 1);
      box.value = 'And the next message, typed while the first waited';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      stage.querySelector('#message-internal').click();
      await until(() => stage.querySelector('#message-confirmation').textContent, 6000);
      const sent = fake.calls.map((c, i) => [c, fake.headers[i]['Idempotency-Key'], fake.bodies[i]])
        .filter(([c]) => c === 'POST /api/tickets/41/messages');
      assert.equal(sent.length, 2, 'the first try and the repeat');
      assert.ok(sent[0][1] && sent[0][1] === sent[1][1], 'under one key');
      assert.equal(sent[1][2].body, 'Restarted the access points.', 'the text as first sent');
      assert.equal(box.value, 'And the next message, typed while the first waited', 'the new text stays');
      assert.ok(stage.querySelector('#message-internal').checked, 'and stays the note it was ticked as');
    }, (url, init) => {
      if (url === '/api/tickets/41') return INCIDENT;
      if (url === '/api/tickets/41/messages' && init.method === 'POST') {
        posts += 1;
        if (posts === 1) {
          return new Response(JSON.stringify({ status: 504, title: 'Gateway Timeout' }),
            { status: 504, headers: { 'Content-Type': 'application/problem+json' } });
        }
        return { id: 9, ticketId: 41, body: JSON.parse(init.body).body, author: 'Bo', authorRole: 'STAFF',
          internal: false, createdAt: '2026-03-01T10:00:00Z' };
      }
      return undefined;
    });
});

const timeout = (status = 504, headers = {}) => new Response(JSON.stringify({ status, title: 'Gateway Timeout' }),
  { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

test('a ticket read that meets a stall is asked again and the page shows the ticket', () => {
  let gets = 0;
  return onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['41'] },
    async stage => {
      await until(() => stage.querySelector('.ticket-head h1'), 6000);
      assert.equal(gets, 2, 'the first read and its repeat');
      assert.equal(stage.querySelector('#ticket-retry'), null, 'no error left');
    }, url => {
      if (url !== '/api/tickets/41') return undefined;
      gets += 1;
      return gets === 1 ? timeout() : INCIDENT;
    });
});

test('a ticket that cannot be read says so with Try again instead of empty cards, and Try again reads it', () => {
  let gets = 0;
  return onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['41'] },
    async stage => {
      // A Retry-After longer than a person watches a spinner: refused at once, no repeat of its own.
      await until(() => stage.querySelector('#ticket-retry'));
      assert.equal(gets, 1, 'one read');
      assert.ok([...stage.querySelectorAll('.ticket-grid, section.card')].every(card => card.hidden),
        'no empty cards under the error');
      stage.querySelector('#ticket-retry').click();
      await until(() => stage.querySelector('.ticket-head h1'));
      assert.equal(stage.querySelector('#ticket-retry'), null, 'the error is gone');
      assert.ok(!stage.querySelector('.ticket-grid').hidden, 'the ticket is shown');
      await until(() => document.activeElement === stage.querySelector('.ticket-head h1'));
      assert.equal(document.activeElement, stage.querySelector('.ticket-head h1'), 'the focus moved to the title');
    }, url => {
      if (url !== '/api/tickets/41') return undefined;
      gets += 1;
      return gets === 1 ? timeout(503, { 'Retry-After': '30' }) : INCIDENT;
    });
});

test('a ticket page that was left draws nothing over the next screen when its last load answers late', async () => {
  let release;
  const held = new Promise(resolve => { release = resolve; });
  let gets = 0;
  await onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] },
    async (stage, fake, source) => {
      await until(() => stage.querySelector('.ticket-head h1'));
      source.emit('change', { cursor: 'c1', type: 'EDITED', ticketId: 7 });
      await until(() => gets === 2);
    }, url => {
      if (url !== '/api/tickets/7') return undefined;
      gets += 1;
      if (gets === 1) return T(7);
      // The reload after the change answers only once the person is on another screen: the ticket was deleted.
      return held.then(() => new Response(JSON.stringify({ status: 404, title: 'Not Found' }),
        { status: 404, headers: { 'Content-Type': 'application/problem+json' } }));
    });
  const stage = document.getElementById('stage');
  const next = document.createElement('p');
  next.id = 'next-screen';
  stage.append(next);
  release();
  await new Promise(resolve => setTimeout(resolve, 300));
  const kept = Boolean(stage.querySelector('#next-screen'));
  const drawn = stage.innerHTML.slice(0, 300);
  stage.replaceChildren();
  assert.ok(kept, `the next screen stays, in ${drawn}`);
});

test('a ticket nothing is linked to shows no list of linked tickets', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async stage => {
    await until(() => stage.querySelector('#part-of-incident'));
    assert.equal(stage.querySelector('#linked-tickets').hidden, true, 'nothing linked to it');
  }, url => (url === '/api/tickets/7' ? LINKED : undefined)));

test('closing an incident first says how many of its linked tickets are open now and close with it', async () => {
  const fake = fakeFetch(url => (url.startsWith('/api/tickets?incident=41&status=OPEN,ACTIVE') ? { items: [], total: 2 }
    : { items: [], total: 0 }));
  await withFetch(fake, async () => {
    const question = await closeQuestion(INCIDENT);
    assert.ok(question.startsWith('Close incident #41 for good? Its 2 open linked tickets close with it'), question);
    assert.ok(isForPeople(question), question);
    assert.equal(await closeQuestion(T(7)), 'Close ticket #7 for good? A closed ticket cannot be opened again.',
      'a plain ticket asks nothing');
    assert.ok((await closeQuestion(T(44, { linkedCount: 2 }))).startsWith('Close ticket #44'),
      'every linked ticket closed already: the plain question');
  });
  assert.deepEqual(fake.calls.filter(c => c.includes('incident=')).length, 2, fake.calls.join(', '));
});

test('deleting an incident as spam first says how many open linked tickets it lets go of', async () => {
  const fake = fakeFetch(url => (url.startsWith('/api/tickets?incident=41&status=OPEN,ACTIVE') ? { items: [], total: 3 }
    : { items: [], total: 0 }));
  await withFetch(fake, async () => {
    const question = await deleteQuestion(INCIDENT);
    assert.ok(question.startsWith('Delete incident #41 as spam?'), question);
    assert.ok(question.includes('its 3 open linked tickets are unlinked and stay open'), question);
    assert.equal(await deleteQuestion(T(7)), 'Delete this ticket as spam? It disappears for everyone.',
      'a plain ticket: the plain question');
  });
});

test('a selected ticket a colleague linked meanwhile leaves the selection once folded away, so the link can be retried',
  () => {
    const lift = (id, incidentId = null) => ({ id, title: 'Lift stuck in Block Q', status: 'OPEN', incidentId });
    let s = initialState('STAFF', new URLSearchParams('q=lift'));
    s = update(s, { type: 'loaded', list: { items: [lift(317), lift(318), lift(319), lift(320)] } });
    [318, 319, 320].forEach(id => { s = update(s, { type: 'select', id, on: true }); });
    // Alice linked 318 and 319 to 317; the search brings them back, folded under 317.
    s = update(s, { type: 'loaded', list: { items: [{ ...lift(317), linkedCount: 2 }, lift(318, 317), lift(319, 317),
      lift(320)] } });
    assert.deepEqual(s.selected, [320]);

    const unfolded = update(update(s, { type: 'fold', on: false }), { type: 'select', id: 318, on: true });
    const again = update(unfolded, { type: 'loaded', list: { items: [{ ...lift(317), linkedCount: 2 }, lift(318, 317),
      lift(319, 317), lift(320)] } });
    assert.deepEqual(again.selected, [320, 318], 'shown unfolded, it stays');
  });
