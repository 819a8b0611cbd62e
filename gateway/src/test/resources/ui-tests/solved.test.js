import { test, assert } from './runner.js';
import { solvedLine, solvedNotice, solvedPage, followsUp, followUpHref } from '/js/screens/ticket/solved.js';
import { previousTicketOf } from '/js/screens/report/follow-up.js';

const closure = (id, closedAt, lastAnswer = null) => ({ ticketId: id, title: `Radiator ${id}`, closedBy: 'Bob',
  closedAt, lastAnswer });

test('a close says who solved it and when: the time today, the day otherwise', () => {
  const now = new Date(2026, 2, 2, 15, 0);
  assert.ok(/^Solved by Bob at \d/.test(solvedLine(closure(1, new Date(2026, 2, 2, 14, 21).toISOString()), now)),
    'today');
  assert.ok(/^Solved by Bob on .+ at \d/.test(solvedLine(closure(1, new Date(2026, 2, 1, 9, 0).toISOString()), now)),
    'another day');
});

test('the solved page shows the last answer as text, without a message box, and offers a follow-up', () => {
  const page = solvedPage(closure(1430, new Date().toISOString(),
    { author: 'Bob', body: '<b>Fixed</b>', at: new Date().toISOString() }));
  assert.equal(page.querySelector('#solved-answer blockquote').textContent, '<b>Fixed</b>', 'as text');
  assert.equal(page.querySelector('#solved-answer figcaption').textContent, "The helpdesk's last answer, from Bob",
    "the helpdesk's answer, not the last message: the student may have written since");
  assert.equal(page.querySelector('textarea'), null, 'no message box');
  assert.equal(page.querySelector('#still-not-fixed').getAttribute('href'), followUpHref(1430), 'follow-up');
  assert.equal(solvedPage(closure(2, new Date().toISOString())).querySelector('#solved-answer').textContent,
    'Closed without a final message.', 'no answer');
});

test('the solved page says "Solved" once: in its line, with no badge before it', () => {
  const page = solvedPage(closure(1430, new Date().toISOString()));
  const line = page.querySelector('#solved-line');
  assert.ok(/^Solved by Bob at \d/.test(line.textContent), line.textContent);
  assert.equal(page.querySelectorAll('.badge').length, 0, 'no badge');
  assert.equal(page.querySelector('.solved-card').getAttribute('role'), 'status', 'said to screen readers');
});

test('the list notice counts the solved tickets and links each', () => {
  assert.equal(solvedNotice([]), null, 'nothing solved, no notice');
  const one = solvedNotice([closure(7, new Date().toISOString())]);
  assert.ok(one.textContent.startsWith('1 of your tickets was solved'), one.textContent);
  const two = solvedNotice([closure(7, new Date().toISOString()), closure(8, new Date().toISOString())]);
  assert.ok(two.textContent.startsWith('2 of your tickets were solved'), two.textContent);
  assert.equal(two.querySelectorAll('a[href^="#/tickets/"]').length, 2, 'links');
});

test('a follow-up is a link for staff and words for the reporter; the report reads its number from the address', () => {
  assert.equal(followsUp({ previousTicketId: null }, true), null, 'none');
  assert.equal(followsUp({ previousTicketId: 12 }, true).querySelector('a').getAttribute('href'), '#/tickets/12');
  assert.equal(followsUp({ previousTicketId: 12 }, false).querySelector('a'), null, 'reporter');
  assert.equal(followsUp({ previousTicketId: 12 }, false).textContent, 'Follows up on #12');
  assert.equal(previousTicketOf(new URLSearchParams('previous=1430')), 1430);
  assert.equal(previousTicketOf(new URLSearchParams('previous=x')), null);
  assert.equal(previousTicketOf(new URLSearchParams('')), null);
  assert.equal(previousTicketOf(undefined), null);
});
