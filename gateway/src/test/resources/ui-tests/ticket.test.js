import { test, assert } from './runner.js';
import { initialState, update, availableActions, conflictMessage, shownNotice } from '/js/screens/ticket/state.js';
import { changeLines, describeEvent, valueText, timeline } from '/js/screens/ticket/history.js';
import { categoryNote, head, notAvailable } from '/js/screens/ticket/view.js';
import { solvedPage } from '/js/screens/ticket/solved.js';
import { certaintyOf, certaintyText, percent } from '/js/certainty.js';
import { LANGUAGES } from '/js/i18n.js';
import { inLanguage } from './languages.js';

const ticket = (status, version = 3) => ({ id: 5, status, version, title: 'Lift', category: 'FACILITY' });
const loaded = (role, status) => update(initialState(5, role), { type: 'loaded', ticket: ticket(status), messages: [],
  history: [] });

test('staff may take an OPEN ticket and close an ACTIVE one; nobody changes a CLOSED one', () => {
  assert.deepEqual(availableActions(loaded('STAFF', 'OPEN')), ['take', 'edit', 'category', 'delete'], 'OPEN');
  assert.deepEqual(availableActions(loaded('STAFF', 'ACTIVE')), ['close', 'edit', 'category', 'delete'], 'ACTIVE');
  assert.deepEqual(availableActions(loaded('STAFF', 'CLOSED')), [], 'CLOSED');
  assert.deepEqual(availableActions(loaded('STUDENT', 'OPEN')), ['edit'], 'a student, OPEN');
  assert.deepEqual(availableActions(initialState(5, 'STAFF')), [], 'before it loaded');
});

test('an edit remembers the version it began from, even after a reload brings a newer one', () => {
  let s = update(loaded('STUDENT', 'OPEN'), { type: 'editOpened' });
  assert.deepEqual(s.editing, { version: 3 }, 'editing');
  assert.deepEqual(availableActions(s), [], 'actions while editing');
  s = update(s, { type: 'loaded', ticket: ticket('OPEN', 4), messages: [], history: [] });
  assert.equal(s.editing.version, 3, 'version edited');
  assert.equal(update(s, { type: 'editClosed' }).editing, null, 'after closing');
  assert.equal(update(initialState(5, 'STUDENT'), { type: 'editOpened' }).editing, null, 'before it loaded');
});

test('a reload keeps the notice, a deletion seen live keeps what is shown', () => {
  let s = update(loaded('STAFF', 'OPEN'), { type: 'notice', error: new Error('no') });
  s = update(s, { type: 'loaded', ticket: ticket('ACTIVE'), messages: [], history: [] });
  assert.equal(s.notice.message, 'no', 'notice');
  s = update(s, { type: 'deleted' });
  assert.equal(s.deleted, true, 'deleted');
  assert.equal(s.ticket.status, 'ACTIVE', 'ticket shown');
});

test('a failed reload says so until a reload succeeds; a refused action stays said through it', () => {
  let s = update(loaded('STAFF', 'OPEN'), { type: 'loadFailed', error: new Error('offline') });
  assert.equal(shownNotice(s).message, 'offline', 'the failed reload is said');
  s = update(s, { type: 'loaded', ticket: ticket('OPEN', 4), messages: [], history: [] });
  assert.equal(shownNotice(s), null, 'gone after a reload that worked');
  s = update(s, { type: 'notice', error: new Error('refused') });
  s = update(s, { type: 'loadFailed', error: new Error('offline') });
  assert.equal(shownNotice(s).message, 'offline', 'while reloads fail, that is said');
  s = update(s, { type: 'loaded', ticket: ticket('OPEN', 4), messages: [], history: [] });
  assert.equal(shownNotice(s).message, 'refused', 'then the refusal again: it cannot be seen anywhere else');
  s = update(s, { type: 'notice', error: null });
  assert.equal(shownNotice(s), null, 'the next action clears it');
});

test('conflicts are explained; other refusals are not', () => {
  assert.equal(conflictMessage({ status: 409, message: 'Stale version: you sent version 1' }, false),
    'Someone else changed this ticket meanwhile; it now shows the latest version. Check it, then try again if it still '
    + 'needs doing.', 'a 409 says it in words, without the server\'s English detail about versions');
  assert.ok(conflictMessage({ status: 412, message: '' }, true).startsWith('Someone else changed this ticket while'),
    'a 412 while editing');
  assert.equal(conflictMessage({ status: 400, message: 'bad' }, false), null, 'a 400');
});

test('the history shows changed fields in words and hides what says nothing to a person', () => {
  const lines = changeLines([
    { field: 'status', from: 'OPEN', to: 'ACTIVE' },
    { field: 'assignee', from: null, to: 'Sam' },
    { field: 'version', from: 1, to: 2 },
    { field: 'messageId', from: null, to: 9 },
    { field: 'closedAt', from: null, to: null },
    { field: 'incident', from: null, to: '229' },
  ]);
  assert.deepEqual(lines, [['status', 'Open', 'Active'], ['handled by', null, 'Sam'], ['closed', null, '—'],
    ['sent by incident', null, '#229']]);
  assert.deepEqual(changeLines(undefined), [], 'no changes');
});

test('event types and values read as words; long values are clipped', () => {
  assert.equal(describeEvent('CATEGORY_CORRECTED'), 'Category corrected');
  assert.equal(describeEvent('SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.equal(valueText('HIGH'), 'High');
  assert.equal(valueText('x'.repeat(200)).length, 118, 'clipped length');
  assert.ok(valueText('2026-03-01T10:00:00Z') !== '2026-03-01T10:00:00Z', 'an instant is formatted');
});

test('who joined a ticket leads its line, a sentence in every language; other events say who after what', async () => {
  const history = [{ type: 'EDITED', actor: 'Bob', at: '2026-03-01T10:00:00Z' },
    { type: 'FOLLOWED', actor: 'Student B', at: '2026-03-01T10:05:00Z' }];
  // Each line's words, its time left out.
  const heads = () => timeline(history).map(li => [...li.querySelector('.timeline-head').childNodes]
    .filter(n => n.nodeName !== 'TIME').map(n => n.textContent).join('').trim());
  const joined = {};
  for (const lang of LANGUAGES) {
    await inLanguage(lang, () => { joined[lang] = heads()[1]; });
  }
  assert.deepEqual(joined, { en: 'Student B joined: same problem',
    it: 'Student B segue il ticket: ha lo stesso problema', es: 'Student B se unió: tiene el mismo problema',
    de: 'Student B hat sich angeschlossen: dasselbe Problem', fr: 'Student B a rejoint le ticket : même problème' });
  assert.equal(heads()[0], 'Edited by Bob');
  assert.equal(timeline(history)[1].querySelector('.timeline-head [translate="no"]').textContent, 'Student B',
    'the name is data');
});

test('the category badge says who chose it', () => {
  assert.equal(categoryNote({ categorySource: 'STAFF', categoryConfidence: 0.3 }), '· set by staff');
  const auto = categoryNote({ categorySource: 'AUTO', category: 'IT', categoryConfidence: 0.876, needsReview: false });
  // The badge before it names the category; the note does not say it again.
  assert.ok(auto.textContent.startsWith('· very likely ('), auto.textContent);
  const unsure = categoryNote({ categorySource: 'AUTO', category: 'IT', categoryConfidence: 0.5, needsReview: true });
  assert.ok(unsure.textContent.startsWith('· not sure: the desk will check'), unsure.textContent);
  assert.equal(auto.querySelector('.certainty').title, "The classifier's estimate: 88 %", 'the number on hover');
});

test('confidence reads as words, the number never says 100 %, and below even odds the desk checks', () => {
  assert.equal(certaintyText(certaintyOf({ confidence: 0.995, needsReview: false }), 'IT'), 'very likely IT');
  assert.equal(certaintyText(certaintyOf({ confidence: 0.7, needsReview: true }), 'IT'), 'probably IT');
  assert.equal(certaintyText(certaintyOf({ confidence: 0.69, needsReview: true }), 'SERVICES'),
    'not sure: the desk will check');
  assert.equal(certaintyOf({ certainty: 'NOT_SURE', confidence: 0.6, needsReview: true }), 'NOT_SURE',
    'the server\'s word wins');
  assert.equal(percent(0.9999), '99 %');
  assert.equal(percent(1), '99 %');
});

test('a ticket\'s way back leads where the navigation does: a student\'s own tickets, staff\'s and analysts\' queue', () => {
  const backOf = role => head(ticket('OPEN'), role)[0].querySelector('a').getAttribute('href');
  assert.equal(backOf('STUDENT'), '#/tickets?reporter=me', 'a student: My tickets');
  assert.equal(backOf('STAFF'), '#/tickets', 'staff: the queue');
  assert.equal(backOf('ANALYST'), '#/tickets', 'an analyst: the queue');
  assert.equal(head(null, 'STUDENT', new Error('down')).querySelector('a').getAttribute('href'), '#/tickets?reporter=me',
    'when the ticket could not be read');
  assert.equal(notAvailable('STUDENT').querySelector('a').getAttribute('href'), '#/tickets?reporter=me', 'not available');
  assert.equal(solvedPage({ ticketId: 5, title: 'Lift', closedBy: 'Bo', closedAt: '2026-03-01T14:21:00Z',
    lastAnswer: null }).querySelector('.crumbs a').getAttribute('href'), '#/tickets?reporter=me', 'solved');
});
