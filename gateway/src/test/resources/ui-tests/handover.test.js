// The ticket page's handover and read markers, and the report form's category choice, against the fake server.
import { test, assert, sleep } from './runner.js';
import { onStage, AFTER_A_BURST_MS } from './stage.js';
import { until } from './wait.js';
import { canHandOver, brings, knownStaff, initialState, update, handledElsewhere }
  from '/js/screens/ticket/state.js';
import { categoryNote } from '/js/screens/ticket/view.js';
import { categoryToSend } from '/js/screens/report.js';

const ACTIVE = { id: 7, title: 'Lift stuck', description: 'Between floors', status: 'ACTIVE', priority: 'HIGH',
  category: 'FACILITY', categorySource: 'AUTO', categoryConfidence: 0.9, version: 5, reporterName: 'Ann',
  assignee: 'Cy', openedAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z',
  firstResponseDueAt: '2026-03-01T11:00:00Z', resolutionDueAt: '2026-03-01T18:00:00Z',
  sla: { firstResponse: 'BREACHED', resolution: 'AT_RISK' } };
const problem = (status, detail) => new Response(JSON.stringify({ detail }),
  { status, headers: { 'Content-Type': 'application/problem+json' } });
const activeTicket = url => (url === '/api/tickets/7' ? ACTIVE : undefined);
const message = (id, author, authorRole = 'STAFF') => ({ id, author, authorRole, body: 'x', internal: false });

test('only staff hand over, and only ACTIVE tickets', () => {
  const at = (role, status) => update(initialState(7, role), { type: 'loaded', ticket: { ...ACTIVE, status },
    messages: [], history: [] });
  assert.equal(canHandOver(at('STAFF', 'ACTIVE')), true, 'staff, ACTIVE');
  assert.equal(canHandOver(at('STAFF', 'OPEN')), false, 'staff, OPEN');
  assert.equal(canHandOver(at('STUDENT', 'ACTIVE')), false, 'a student');
  assert.equal(canHandOver(initialState(7, 'STAFF')), false, 'before it loaded');
});

test('a reload brings news only with someone else\'s message not shown before', () => {
  const two = [message(1, 'Ann', 'STUDENT'), message(2, 'Cy')];
  assert.equal(brings(two.slice(0, 1), two, 'Bo'), true, 'a new reply');
  assert.equal(brings(two, two, 'Bo'), false, 'nothing new');
  assert.equal(brings(two.slice(0, 1), two, 'Cy'), false, 'one\'s own message');
  assert.equal(brings(null, two, 'Bo'), false, 'the first load');
});

test('the staff names suggested for a handover: those who wrote or acted as staff, not names a handover gave', () => {
  const names = knownStaff([message(1, 'Ann', 'STUDENT'), message(2, 'Di')],
    [{ actor: 'Ed', actorRole: 'STAFF', changes: [] }, { actor: 'Ann', actorRole: 'STUDENT', changes: [] },
      { actor: 'Ed', actorRole: 'STAFF', changes: [{ field: 'assignee', from: 'Fay', to: 'Tom Student' }] }]);
  assert.deepEqual(names, ['Di', 'Ed']);
});

test('the category badge says when the reporter chose it', () => {
  assert.equal(categoryNote({ categorySource: 'REPORTER', categoryConfidence: 0.2 }), '· chosen by the reporter');
});

test('a category is sent only when the reporter chose another than the suggestion', () => {
  const suggestion = { category: 'IT', confidence: 0.8 };
  assert.equal(categoryToSend('IT', suggestion), null, 'the suggestion kept');
  assert.equal(categoryToSend('FACILITY', suggestion), 'FACILITY', 'changed');
  assert.equal(categoryToSend('', suggestion), null, 'nothing chosen');
  assert.equal(categoryToSend('SERVICES', null), 'SERVICES', 'chosen before any suggestion');
  assert.equal(categoryToSend('SERVICES', 'unavailable'), 'SERVICES', 'chosen without a suggestion');
});

test('the ticket page shows assignee, due times and SLA in words, and the handover for an ACTIVE ticket',
  () => onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async stage => {
    assert.equal(stage.querySelector('#ticket-assignee').textContent, 'Cy', 'assignee');
    assert.ok(stage.querySelector('#due-first-response').textContent.endsWith('· Breached'), 'first response');
    assert.ok(stage.querySelector('#due-resolution').textContent.endsWith('· At risk'), 'resolution');
    assert.equal(stage.querySelector('#ticket-sla .sla').textContent, '✖SLA: Reply overdue', 'badge names its target');
    assert.equal(stage.querySelector('form.handover').hidden, false, 'the handover');
    assert.deepEqual([...stage.querySelectorAll('#handover-names option')].map(o => o.value).filter(n => n === 'Cy'),
      [], 'an assignee who never acted as staff here is not suggested');
  }, activeTicket));

test('a student sees no handover', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] }, async stage => {
    assert.equal(stage.querySelector('form.handover').hidden, true, 'hidden');
  }, activeTicket));

test('Hand over sends the name with the version shown, then shows the reloaded ticket', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async (stage, fake) => {
    fake.calls.length = 0;
    fake.bodies.length = 0;
    fake.headers.length = 0;
    stage.querySelector('#handover-name').value = 'Bo';
    stage.querySelector('form.handover').dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => stage.querySelector('#handover-name').value === '');
    assert.equal(fake.calls[0], 'POST /api/tickets/7/assignee', 'first request');
    assert.deepEqual(fake.bodies[0], { assignee: 'Bo' }, 'body');
    assert.equal(fake.headers[0]['If-Match'], '5', 'If-Match');
    assert.equal(fake.calls.filter(c => c.startsWith('GET')).length, 4, 'the reload: ticket, messages, history, files');
    assert.equal(stage.querySelector('#handover-name').value, '', 'the field is emptied');
  }, activeTicket));

/** Bo's handover of ticket 7 to `typed`, every question answered no: `check(stage, fake, asked)` looks at it. */
const handOverTo = (typed, check) => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async (stage, fake) => {
    const realConfirm = window.confirm;
    const asked = [];
    window.confirm = text => { asked.push(text); return false; };
    try {
      fake.calls.length = 0;
      fake.bodies.length = 0;
      fake.headers.length = 0;
      stage.querySelector('#handover-name').value = typed;
      stage.querySelector('form.handover').dispatchEvent(new Event('submit', { cancelable: true }));
      await check(stage, fake, asked);
    } finally {
      window.confirm = realConfirm;
    }
  }, activeTicket);

test('a name nobody has worked under is asked about first; thought better of, nothing is sent and it stays', () =>
  handOverTo('Carol Nobody', async (stage, fake, asked) => {
    await until(() => asked.length === 1);
    await sleep(50);
    assert.ok(asked[0].startsWith('Nobody called Carol Nobody has worked on this desk yet.'), asked[0]);
    assert.equal(fake.calls.filter(c => c.startsWith('POST')).length, 0, 'nothing sent');
    assert.equal(stage.querySelector('#handover-name').value, 'Carol Nobody', 'the name stays, to be corrected');
  }));

test('a known name typed in another case is not asked about, and is sent as the desk knows it', () =>
  handOverTo('bO', async (stage, fake, asked) => {
    await until(() => fake.calls.some(c => c.startsWith('POST')));
    assert.deepEqual(asked, [], 'no question');
    const post = fake.calls.findIndex(c => c.startsWith('POST'));
    assert.equal(fake.calls[post], 'POST /api/tickets/7/assignee');
    assert.deepEqual(fake.bodies[post], { assignee: 'Bo' }, 'sent as the desk knows it');
  }));

test('a refused handover says why in words under the form', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async stage => {
    stage.querySelector('#handover-name').value = 'Bo';
    stage.querySelector('form.handover').dispatchEvent(new Event('submit', { cancelable: true }));
    await until(() => stage.querySelector('form.handover .alert-error'));
    const alert = stage.querySelector('form.handover [role=alert].alert-error');
    assert.ok(alert && alert.textContent.includes('Someone else changed this ticket meanwhile')
      && !alert.textContent.includes('version 6'), alert ? alert.textContent : 'no alert');
    assert.equal(stage.querySelector('#handover-name').value, 'Bo', 'what was typed stays');
  }, (url, init) => (url === '/api/tickets/7/assignee' ? problem(409, 'Stale version: the ticket is at version 6')
    : activeTicket(url))));

test('an empty name is refused before anything is sent', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async (stage, fake) => {
    fake.calls.length = 0;
    stage.querySelector('form.handover').dispatchEvent(new Event('submit', { cancelable: true }));
    await sleep(50);
    assert.equal(fake.calls.length, 0, 'requests');
    assert.equal(stage.querySelector('#handover-name').getAttribute('aria-invalid'), 'true', 'marked');
  }, activeTicket));

test('opening a ticket marks it read once; a live reload with a new reply marks it again, a reload without does not',
  () => {
    let messages = [message(1, 'Ann', 'STUDENT')];
    return onStage('/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] },
      async (stage, fake, source) => {
        const reads = () => fake.calls.filter(c => c === 'POST /api/tickets/7/read').length;
        assert.equal(reads(), 1, 'on opening');
        source.emit('change', { cursor: 'c1', type: 'EDITED', ticketId: 7 });
        await sleep(AFTER_A_BURST_MS / 2);
        assert.equal(reads(), 1, 'after a reload with nothing new');
        messages = [...messages, message(2, 'Cy')];
        source.emit('change', { cursor: 'c2', type: 'MESSAGE_ADDED', ticketId: 7 });
        await sleep(AFTER_A_BURST_MS / 2);
        assert.equal(reads(), 2, 'after a reply arrived');
      }, url => (url === '/api/tickets/7/messages' ? messages : undefined));
  });

test('the report form preselects the suggestion and sends a category only when the reporter changed it',
  () => onStage('/js/screens/report.js', { session: { role: 'STUDENT' } }, async (stage, fake) => {
    const type = (input, text) => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type(stage.querySelector('[name=title]'), 'Wi-Fi drops in the library');
    type(stage.querySelector('[name=description]'), 'Every few minutes');
    await sleep(500);
    const choice = stage.querySelector('select[name=category]');
    assert.equal(choice.value, 'IT', 'preselected');
    assert.equal(choice.selectedOptions[0].textContent, 'IT (suggested)', 'marked as suggested');
    assert.ok(stage.querySelector('#category-suggestion').textContent.includes('Looks like'), 'the hint stays');
    const send = () => stage.querySelector('form').dispatchEvent(new Event('submit', { cancelable: true }));
    const created = () => fake.bodies.filter((b, i) => fake.calls[i] === 'POST /api/tickets');
    send();
    await until(() => created().length === 1 && !stage.querySelector('button[type=submit]').disabled);
    assert.equal(created()[0].category, null, 'the suggestion kept: no category sent');
    choice.value = 'FACILITY';
    choice.dispatchEvent(new Event('change', { bubbles: true }));
    send();
    await until(() => created().length === 2);
    assert.equal(created()[1].category, 'FACILITY', 'the reporter\'s choice');
  }));

test('who took or handed on a ticket while it was open is news; one\'s own handover and the first load are not', () => {
  const taken = { actor: 'Di', actorRole: 'STAFF', changes: [{ field: 'assignee', from: 'Cy', to: 'Di' }] };
  const handed = { actor: 'Cy', actorRole: 'STAFF', changes: [{ field: 'assignee', from: 'Cy', to: 'Ed' }] };
  const older = { actor: 'Ed', actorRole: 'STAFF', changes: [{ field: 'assignee', to: 'Cy' }] };
  assert.deepEqual(handledElsewhere(ACTIVE, { ...ACTIVE, assignee: 'Di' }, [older, taken], 'Bo'), { by: 'Di', to: 'Di' });
  assert.deepEqual(handledElsewhere(ACTIVE, { ...ACTIVE, assignee: 'Ed' }, [older, handed], 'Bo'), { by: 'Cy', to: 'Ed' });
  assert.equal(handledElsewhere(ACTIVE, { ...ACTIVE, assignee: 'Ed' }, [older, handed], 'Cy'), null, 'one\'s own');
  assert.equal(handledElsewhere(ACTIVE, { ...ACTIVE, assignee: 'Bo' },
    [older, { ...taken, changes: [{ field: 'assignee', from: 'Cy', to: 'Bo' }] }], 'Bo'), null,
    'handed to oneself by a colleague: the page shows one as the assignee');
  assert.equal(handledElsewhere(null, ACTIVE, [older], 'Bo'), null, 'the first load');
  assert.equal(handledElsewhere(ACTIVE, { ...ACTIVE, title: 'x' }, [older], 'Bo'), null, 'the same assignee');
  assert.equal(handledElsewhere(ACTIVE, { ...ACTIVE, assignee: 'Di' }, [older], 'Bo'), null,
    'a history read before the change names nobody');
  const closing = { actor: 'Di', actorRole: 'STAFF', changes: [{ field: 'status', from: 'ACTIVE', to: 'CLOSED' }] };
  assert.deepEqual(handledElsewhere(ACTIVE, { ...ACTIVE, status: 'CLOSED' }, [older, closing], 'Bo'),
    { closed: true, by: 'Di' });
  assert.equal(handledElsewhere(ACTIVE, { ...ACTIVE, status: 'CLOSED' }, [older, closing], 'Di'), null, 'one\'s own close');
});

test('a colleague taking the ticket a person is writing under is said above the message box and stays', () => {
  let ticket = ACTIVE;
  let history = [];
  return onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] },
    async (stage, fake, source) => {
      const note = () => stage.querySelector('#ticket-handled-elsewhere');
      assert.equal(note().getAttribute('role'), 'status', 'a live region from the start');
      assert.equal(note().textContent, '', 'nothing to say on opening');
      ticket = { ...ACTIVE, assignee: 'Di', version: 6 };
      history = [{ type: 'HANDED_OVER', actor: 'Di', actorRole: 'STAFF', at: '2026-03-01T10:05:00Z',
        changes: [{ field: 'assignee', from: 'Cy', to: 'Di' }] }];
      source.emit('change', { cursor: 'c1', type: 'HANDED_OVER', ticketId: 7 });
      await until(() => note().textContent !== '', 3000);
      assert.equal(note().textContent, 'Di took this ticket while you had it open.');
      assert.equal(note().querySelector('[translate=no]').textContent, 'Di', 'the name is data');
      source.emit('change', { cursor: 'c2', type: 'MESSAGE_ADDED', ticketId: 7 });
      await sleep(AFTER_A_BURST_MS);
      assert.equal(note().textContent, 'Di took this ticket while you had it open.', 'still said after the next reload');
    }, url => (url === '/api/tickets/7' ? ticket : url === '/api/tickets/7/history' ? history : undefined));
});

test('a colleague closing the ticket under a reply being typed is said, with the unsent text to copy', () => {
  let ticket = ACTIVE;
  let history = [];
  return onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] },
    async (stage, fake, source) => {
      const box = stage.querySelector('#message-text');
      box.value = 'The valve is ordered, it comes on Monday.';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      ticket = { ...ACTIVE, status: 'CLOSED', version: 6 };
      history = [{ type: 'STATUS_CHANGED', actor: 'Di', actorRole: 'STAFF', at: '2026-03-01T10:05:00Z',
        changes: [{ field: 'status', from: 'ACTIVE', to: 'CLOSED' }] }];
      source.emit('change', { cursor: 'c1', type: 'STATUS_CHANGED', ticketId: 7 });
      await until(() => stage.querySelector('#unsent-reply'), 3000);
      assert.equal(stage.querySelector('#ticket-handled-elsewhere p').textContent,
        'Di closed this ticket while you had it open.');
      assert.equal(stage.querySelector('#unsent-reply').value, 'The valve is ordered, it comes on Monday.');
      assert.equal(stage.querySelector('#unsent-reply').readOnly, true, 'to copy, not to send');
    }, url => (url === '/api/tickets/7' ? ticket : url === '/api/tickets/7/history' ? history : undefined));
});

test('an edit refused because the ticket changed meanwhile keeps what was typed and saves it on top of the new '
  + 'version, sending only what the person changed', () => {
  let ticket = { ...ACTIVE, status: 'OPEN', assignee: null };
  let patches = 0;
  return onStage('/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] },
    async (stage, fake) => {
      await until(() => stage.querySelector('button[data-action=edit]'));
      stage.querySelector('button[data-action=edit]').click();
      stage.querySelector('form [name=location]').value = 'Building C, lift 2';
      // Meanwhile, in another tab: a new title.
      ticket = { ...ticket, title: 'Lift stuck between floors 2 and 3', version: 6 };
      fake.calls.length = 0;
      fake.bodies.length = 0;
      fake.headers.length = 0;
      stage.querySelector('form [name=title]').form.requestSubmit();
      await until(() => stage.querySelector('#save-on-top'));
      assert.ok(stage.querySelector('form .alert-error').textContent.includes('their version is shown above'), 'said');
      assert.equal(stage.querySelector('form [name=location]').value, 'Building C, lift 2', 'what was typed stays');
      stage.querySelector('#save-on-top').click();
      await until(() => patches === 2 && stage.querySelector('form [name=location]') === null);
      const sent = fake.calls.map((c, i) => [c, fake.headers[i]['If-Match'], fake.bodies[i]])
        .filter(([c]) => c === 'PATCH /api/tickets/7');
      assert.deepEqual(sent.map(([, version, body]) => [version, body]), [
        ['5', { location: 'Building C, lift 2' }],
        ['6', { location: 'Building C, lift 2' }]], 'the location alone, then over version 6');
    }, (url, init) => {
      if (url === '/api/tickets/7' && init.method === 'PATCH') {
        patches += 1;
        if (patches === 1) return problem(412, 'Version 5 is not the current version 6');
        ticket = { ...ticket, ...JSON.parse(init.body), version: 7 };
        return ticket;
      }
      return url === '/api/tickets/7' ? ticket : undefined;
    });
});

test('saving a new priority sends the priority alone, whatever line breaks the title came with through the API', () => {
  const ticket = { ...ACTIVE, title: 'Lift stuck\nBlock Q', description: 'Since 9:00\r\nstill stuck' };
  return onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] },
    async (stage, fake) => {
      await until(() => stage.querySelector('button[data-action=edit]'));
      stage.querySelector('button[data-action=edit]').click();
      const priority = stage.querySelector('form [name=priority]');
      priority.value = priority.value === 'HIGH' ? 'LOW' : 'HIGH';
      fake.calls.length = 0;
      fake.bodies.length = 0;
      priority.form.requestSubmit();
      await until(() => fake.calls.includes('PATCH /api/tickets/7'));
      assert.deepEqual(fake.bodies[fake.calls.indexOf('PATCH /api/tickets/7')], { priority: priority.value });
    }, (url, init) => (url === '/api/tickets/7' && init.method === 'PATCH' ? { ...ticket, version: 6 }
      : url === '/api/tickets/7' ? ticket : undefined));
});

/**
 * Bo answers ticket 7 and presses "Send and close", the question answered `yes`: `check(stage, fake, asked)` looks
 * at it. The ticket's version moves on with the message (6), and the close is sent over that version.
 */
const sendAndClose = (yes, check) => {
  let answered = false;
  return onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] },
    async (stage, fake) => {
      const realConfirm = window.confirm;
      const asked = [];
      window.confirm = text => { asked.push(text); return yes; };
      try {
        await until(() => !stage.querySelector('#send-and-close').hidden);
        fake.calls.length = 0;
        fake.bodies.length = 0;
        stage.querySelector('#message-text').value = 'The lift was reset by the technician; it runs again.';
        stage.querySelector('form.compose').requestSubmit(stage.querySelector('#send-and-close'));
        await check(stage, fake, asked);
      } finally {
        window.confirm = realConfirm;
      }
    }, (url, init) => {
      if (url === '/api/tickets/7/messages' && init.method === 'POST') {
        answered = true;
        return { id: 9, ticketId: 7, body: JSON.parse(init.body).body, author: 'Bo', authorRole: 'STAFF',
          internal: false, createdAt: '2026-03-01T11:00:00Z' };
      }
      if (url === '/api/tickets/7') return { ...ACTIVE, version: answered ? 6 : 5 };
      if (url === '/api/tickets/7/status') return { ...ACTIVE, status: 'CLOSED', version: 7 };
      return undefined;
    });
};

test('"Send and close" asks as Close does, then sends the answer and closes over the version it left', () =>
  sendAndClose(true, async (stage, fake, asked) => {
    await until(() => fake.calls.includes('POST /api/tickets/7/status'));
    assert.equal(asked.length, 1, 'asked once');
    const message = fake.calls.indexOf('POST /api/tickets/7/messages');
    const close = fake.calls.indexOf('POST /api/tickets/7/status');
    assert.ok(message >= 0 && message < close, fake.calls.join(', '));
    assert.deepEqual(fake.bodies[close], { status: 'CLOSED', version: 6 }, 'over the version after the answer');
    assert.equal(fake.bodies[message].internal, false, 'a public answer');
  }));

test('"Send and close" thought better of sends nothing and keeps the text', () =>
  sendAndClose(false, async (stage, fake, asked) => {
    await until(() => asked.length === 1);
    await sleep(100);
    assert.ok(!fake.calls.some(c => c.startsWith('POST ')), fake.calls.join(', '));
    assert.equal(stage.querySelector('#message-text').value, 'The lift was reset by the technician; it runs again.');
    assert.equal(stage.querySelector('#send-and-close').disabled, false, 'ready again');
  }));

test('"Send and close" is staff\'s, on a ticket they can close, and never with a note', () =>
  onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async stage => {
    await until(() => stage.querySelector('#message-text'));
    // OPEN in the fake server: Take first, then it can be closed.
    assert.equal(stage.querySelector('#send-and-close').hidden, true, 'an OPEN ticket');
  }).then(() => onStage('/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] },
    async stage => {
      await until(() => stage.querySelector('#message-text'));
      assert.equal(stage.querySelector('#send-and-close'), null, 'students');
    }, activeTicket)).then(() => onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' },
    params: ['7'] }, async stage => {
    await until(() => !stage.querySelector('#send-and-close').hidden);
    stage.querySelector('#message-internal').click();
    // Hidden by app.css (#send-and-close.in-note), which this page does not load.
    assert.ok(stage.querySelector('#send-and-close').classList.contains('in-note'), 'with a note');
    stage.querySelector('#message-internal').click();
    assert.ok(!stage.querySelector('#send-and-close').classList.contains('in-note'), 'a reply again');
  }, activeTicket)));
