// Response targets in words: which target is next, how far away it is, and which badge a ticket gets.
import { test, assert } from './runner.js';
import { nextDue, relativeDue, relativeDueOf, badgeStatus, badgeTarget, slaBadge, ticketSlaBadge, slaSummary, dueTime }
  from '/js/screens/tickets/due.js';
import { dueText } from '/js/screens/ticket/view.js';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const MIN = 60000;
const at = minutes => new Date(NOW + minutes * MIN).toISOString();

test('the next target is the earlier unmet one; a met first response leaves the resolution', () => {
  const open = { firstResponseDueAt: at(30), resolutionDueAt: at(480) };
  assert.deepEqual(nextDue(open), { target: 'firstResponse', at: at(30) }, 'both unmet');
  assert.deepEqual(nextDue({ ...open, firstResponseAt: at(-5) }), { target: 'resolution', at: at(480) }, 'answered');
  assert.deepEqual(nextDue({ ...open, firstResponseDueAt: at(-20) }), { target: 'firstResponse', at: at(-20) },
    'an overdue first response is still the next');
  assert.equal(nextDue({ ...open, closedAt: at(-1) }), null, 'closed: nothing due');
  assert.equal(nextDue({}), null, 'no targets');
});

test('how far away a due time is, in minutes, hours or days, ahead or overdue', () => {
  assert.equal(relativeDue(at(0.2), NOW), 'due now', 'within half a minute');
  assert.equal(relativeDue(at(-0.2), NOW), 'just overdue', 'a moment past is past, as the badge says');
  assert.equal(relativeDue(at(40), NOW), 'in 40 min');
  assert.equal(relativeDue(at(125), NOW), 'in 2 h 5 min');
  assert.equal(relativeDue(at(180), NOW), 'in 3 h');
  assert.equal(relativeDue(at(20 * 60 + 20), NOW), 'in 20 h');
  assert.equal(relativeDue(at(3 * 1440), NOW), 'in 3 days');
  assert.equal(relativeDue(at(-7), NOW), '7 min overdue');
  assert.equal(relativeDue(at(-26 * 60), NOW), '26 h overdue');
});

test('the badge shows the worse target; Met only when both are met; none without an SLA', () => {
  assert.equal(badgeStatus({ firstResponse: 'MET', resolution: 'BREACHED' }), 'BREACHED');
  assert.equal(badgeStatus({ firstResponse: 'BREACHED', resolution: 'PENDING' }), 'BREACHED');
  assert.equal(badgeStatus({ firstResponse: 'AT_RISK', resolution: 'PENDING' }), 'AT_RISK');
  assert.equal(badgeStatus({ firstResponse: 'MET', resolution: 'AT_RISK' }), 'AT_RISK');
  assert.equal(badgeStatus({ firstResponse: 'MET', resolution: 'PENDING' }), 'PENDING');
  assert.equal(badgeStatus({ firstResponse: 'MET', resolution: 'MET' }), 'MET');
  assert.equal(badgeStatus(null), null, 'no SLA');
  assert.equal(badgeStatus({}), null, 'an empty SLA');
});

test('a badge carries a mark and words, and says "SLA" to a screen reader', () => {
  const badge = slaBadge('AT_RISK', 'First response: At risk');
  assert.equal(badge.textContent, '▲SLA: At risk', 'text');
  assert.equal(badge.querySelector('.sla-mark').getAttribute('aria-hidden'), 'true', 'the mark is not read out');
  assert.ok(badge.classList.contains('sla-at-risk'), 'its class');
  assert.equal(badge.title, 'First response: At risk', 'title');
  assert.equal(slaBadge('BREACHED').textContent, '✖SLA: Breached', 'breached');
  assert.equal(slaBadge(null), null, 'no status, no badge');
});

test('the SLA in words names both targets', () => {
  assert.equal(slaSummary({ firstResponse: 'MET', resolution: 'AT_RISK' }), 'First response: Met · Resolution: At risk');
  assert.equal(slaSummary(null), 'No response targets');
});

test('a due time reads relative, with the absolute time and the target in its title', () => {
  const el = dueTime({ target: 'resolution', at: at(-90) }, NOW);
  assert.equal(el.tagName, 'TIME', 'element');
  assert.equal(el.textContent, 'resolution 1 h 30 min overdue', 'text');
  assert.ok(el.title.startsWith('Resolution due '), el.title);
  assert.ok(el.classList.contains('overdue'), 'marked overdue');
  assert.equal(dueTime(null, NOW).textContent, '—', 'nothing due');
});

test('the ticket page tells a target by its time, the distance while still open, and its status', () => {
  assert.ok(dueText(at(40), 'AT_RISK', false, NOW).endsWith('(in 40 min) · At risk'), dueText(at(40), 'AT_RISK', false, NOW));
  assert.ok(!dueText(at(-40), 'MET', true, NOW).includes('('), 'a met target needs no distance');
  assert.ok(dueText(at(-40), 'BREACHED', false, NOW).includes('(40 min overdue) · Breached'), 'overdue, still open');
  assert.equal(dueText(null, null, false, NOW), '—', 'no target');
});

test('a due time beside a badge names its target', () => {
  assert.equal(relativeDueOf('resolution', at(309), NOW), 'resolve in 5 h 9 min');
  assert.equal(relativeDueOf('firstResponse', at(40), NOW), 'reply in 40 min');
  assert.equal(relativeDueOf('firstResponse', at(-7), NOW), 'reply 7 min overdue');
  assert.equal(relativeDueOf('resolution', at(-0.2), NOW), 'resolution just overdue');
  assert.equal(dueTime({ target: 'firstResponse', at: at(0.2) }, NOW).textContent, 'reply due now');
});

test('a badge behind on one target names it: a late reply beside the resolution still to come', () => {
  const ticket = { firstResponseDueAt: at(-60), resolutionDueAt: at(309), firstResponseAt: at(-30),
    sla: { firstResponse: 'BREACHED', resolution: 'PENDING' } };
  assert.deepEqual(badgeTarget(ticket), { target: 'firstResponse', status: 'BREACHED', done: true }, 'target');
  const badge = ticketSlaBadge(ticket);
  assert.equal(badge.textContent, '✖SLA: Reply late', 'answered late');
  assert.equal(badge.dataset.sla, 'BREACHED', 'status');
  assert.equal(badge.title, 'First response: Breached · Resolution: On track', 'the whole story in its title');
  assert.equal(ticketSlaBadge({ ...ticket, firstResponseAt: null }).textContent, '✖SLA: Reply overdue', 'unanswered');
  assert.equal(ticketSlaBadge({ ...ticket, closedAt: at(-1), sla: { firstResponse: 'MET', resolution: 'BREACHED' } })
    .textContent, '✖SLA: Resolved late', 'closed late');
  assert.equal(ticketSlaBadge({ ...ticket, sla: { firstResponse: 'BREACHED', resolution: 'BREACHED' }, resolutionDueAt: at(-5) })
    .textContent, '✖SLA: Resolution overdue', 'the unmet one before the one done late');
  assert.equal(ticketSlaBadge({ ...ticket, firstResponseAt: at(-90), sla: { firstResponse: 'MET', resolution: 'AT_RISK' } })
    .textContent, '▲SLA: Resolution at risk', 'at risk');
  assert.equal(ticketSlaBadge({ ...ticket, sla: { firstResponse: 'MET', resolution: 'PENDING' } }).textContent,
    '○SLA: On track', 'both in time: no target named');
  assert.equal(ticketSlaBadge({ sla: null }), null, 'no SLA, no badge');
});
