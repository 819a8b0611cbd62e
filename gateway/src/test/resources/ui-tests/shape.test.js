import { test, assert } from './runner.js';
import { queueHref, monthDays, periodStartDay, links, priorityCounts, slaSeries, volumeSeries, sortWorkload,
  medianFirstResponse, countOutagesOnce } from '/js/screens/dashboard/shape.js';
import { outcomeText, statusLines, percent } from '/js/screens/dashboard/classifier.js';
import { choicesFrom } from '/js/screens/dashboard/state.js';

test('counting an outage once, a figure leads to the folded queue, which counts it once too', () => {
  countOutagesOnce(true);
  try {
    assert.equal(queueHref({ status: 'OPEN,ACTIVE', sla: 'BREACHED' }), '#/tickets?status=OPEN%2CACTIVE&sla=BREACHED',
      'folded: the queue\'s default');
  } finally {
    countOutagesOnce(false);
  }
  assert.equal(queueHref({ status: 'OPEN' }), '#/tickets?status=OPEN&fold=off', 'each ticket counted: unfolded');
});

test('a click leads to the queue with its own parameters', () => {
  assert.equal(links.category('IT'), '#/tickets?status=ACTIVE&category=IT&fold=off', 'the IT bar');
  assert.equal(links.category('IT', 'ACTIVE', 'HIGH'), '#/tickets?status=ACTIVE&category=IT&priority=HIGH&fold=off', 'its HIGH part');
  assert.equal(links.category('FACILITY', 'OPEN'), '#/tickets?status=OPEN&category=FACILITY&fold=off', 'the open bar');
  assert.equal(links.assignee('Sam Staff', Date.parse('2026-12-06T10:00:00Z')),
    '#/tickets?status=ACTIVE%2CCLOSED&assignee=Sam+Staff&closedFrom=2026-11-06T10%3A00%3A00.000Z&fold=off',
    'a workload row: its active tickets and those closed in the 30 days its figure counts');
  assert.equal(links.day('2026-03-04'), '#/tickets?status=OPEN%2CACTIVE%2CCLOSED&from=2026-03-04&to=2026-03-04&fold=off', 'a day');
  const choices = choicesFrom(new URLSearchParams('category=IT&priority=HIGH'));
  assert.equal(links.resolution('2026-02', choices),
    '#/tickets?status=CLOSED&category=IT&from=2026-02-01&to=2026-02-28&fold=off', 'a month of resolution time');
  assert.equal(links.sla('2024-02', choices),
    '#/tickets?status=OPEN%2CACTIVE%2CCLOSED&category=IT&priority=HIGH&sla=BREACHED&from=2024-02-01&to=2024-02-29&fold=off',
    'a month of SLA');
  assert.equal(queueHref({}), '#/tickets?fold=off', 'no filter: unfolded, as the figures count');
  assert.equal(links.day('2026-11-23', 'Europe/Rome'),
    '#/tickets?status=OPEN%2CACTIVE%2CCLOSED&from=2026-11-23&to=2026-11-23&zone=Europe%2FRome&fold=off',
    'a day of the desk\'s zone says which');
  assert.ok(links.sla('2024-02', choices, 'UTC').includes('&zone=UTC&'), 'a month too');
  const now = new Date('2026-12-06T17:48:00Z');
  const lastDay = new URLSearchParams(links.openPeriod('IT', { hours: 24 }, now).split('?')[1]);
  assert.equal(lastDay.get('openedSince'), '2026-12-05T17:48:00.000Z',
    'the last 24 hours to the minute, as the figure counts them, not the whole day they began on');
  assert.equal(lastDay.get('status'), 'OPEN,ACTIVE');
});

test('months and periods become the queue\'s days', () => {
  assert.deepEqual(monthDays('2026-12'), { from: '2026-12-01', to: '2026-12-31' });
  assert.deepEqual(monthDays('2026-04'), { from: '2026-04-01', to: '2026-04-30' });
  assert.equal(periodStartDay({ days: 7 }, new Date(2026, 2, 10, 12)), '2026-03-03', 'seven days back');
  assert.equal(periodStartDay({ hours: 24 }, new Date(2026, 0, 1, 8)), '2025-12-31', 'across a year');
});

test('per-priority counts are read in any of the forms the answer may take', () => {
  assert.deepEqual(priorityCounts({ byPriority: { HIGH: 2, LOW: 1 } }), { LOW: 1, MEDIUM: null, HIGH: 2 }, 'object');
  assert.deepEqual(priorityCounts({ byPriority: { HIGH: { active: 3 }, MEDIUM: { active: 0 }, LOW: { active: 1 } } }),
    { LOW: 1, MEDIUM: 0, HIGH: 3 }, 'object of objects');
  assert.deepEqual(priorityCounts({ byPriority: [{ priority: 'MEDIUM', active: 4 }] }),
    { LOW: null, MEDIUM: 4, HIGH: null }, 'list');
  assert.deepEqual(priorityCounts({ activeHigh: 5, activeLow: 0 }), { LOW: 0, MEDIUM: null, HIGH: 5 }, 'flat fields');
  assert.equal(priorityCounts({ category: 'IT', active: 2 }), null, 'none');
});

test('SLA attainment reads as a percentage; a month without a verdict has none', () => {
  const s = slaSeries({ months: [
    { month: '2026-01', tickets: 10, firstResponseMet: 8, firstResponseBreached: 1, resolutionMet: 6,
      resolutionBreached: 2, attainment: 14 / 17 },
    { month: '2026-02', tickets: 2, firstResponseMet: 0, firstResponseBreached: 0, resolutionMet: 0,
      resolutionBreached: 0, attainment: null }] });
  assert.deepEqual(s.map(m => [m.month, m.percent, m.met, m.breached]),
    [['2026-01', 82.4, 14, 3], ['2026-02', null, 0, 0]]);
});

test('the volume chart draws days oldest first, with the totals said in words', () => {
  const v = volumeSeries({ days: [{ date: '2026-03-02', opened: 4, closed: 1, backlog: 9 },
    { date: '2026-03-01', opened: 2, closed: 3, backlog: 6 }] });
  assert.deepEqual(v.labels, ['2026-03-01', '2026-03-02'], 'labels');
  assert.deepEqual([v.opened, v.closed, v.backlog], [[2, 4], [3, 1], [6, 9]], 'series');
  assert.deepEqual(v.totals, { opened: 6, closed: 4, backlog: 9 }, 'totals');
  assert.deepEqual(volumeSeries({}).labels, [], 'no days');
});

test('the workload sorts by the chosen column, blanks last and ties by name', () => {
  const rows = [{ assignee: 'Bea', active: 2, medianResolutionHours: null },
    { assignee: 'ann', active: 5, medianResolutionHours: 3 }, { assignee: 'Cy', active: 2, medianResolutionHours: 1 }];
  assert.deepEqual(sortWorkload(rows, 'active,desc').map(r => r.assignee), ['ann', 'Bea', 'Cy'], 'active, largest first');
  assert.deepEqual(sortWorkload(rows, 'assignee,asc').map(r => r.assignee), ['ann', 'Bea', 'Cy'], 'names');
  assert.deepEqual(sortWorkload(rows, 'medianResolutionHours,asc').map(r => r.assignee), ['Cy', 'ann', 'Bea'], 'blank last');
  assert.deepEqual(sortWorkload(rows, 'medianResolutionHours,desc').map(r => r.assignee), ['ann', 'Cy', 'Bea'],
    'blank last either way');
});

test('the median first response KPI prefers the last 30 days and says what it speaks of', () => {
  assert.deepEqual(medianFirstResponse({ last30Days: { responded: 4, medianHours: 1.5 },
    months: [{ month: '2026-02', medianHours: 2 }] }), { hours: 1.5, note: 'last 30 days, 4 answered' });
  assert.deepEqual(medianFirstResponse({ last30Days: { responded: 0, medianHours: null },
    months: [{ month: '2026-02', medianHours: 2 }] }), { hours: null, note: 'last 30 days, none answered' },
  'no reply in 30 days is said, not replaced by a month');
  assert.deepEqual(medianFirstResponse({ months: [{ month: '2026-01', medianHours: 3 }, { month: '2026-02', medianHours: 2 }] }),
    { hours: 2, note: 'tickets opened in Feb 2026' });
  assert.equal(medianFirstResponse({ months: [] }), null);
});

test('a retrain\'s outcome is said in words, with both figures when it was refused', () => {
  assert.equal(percent(0.875), '87.5 %');
  assert.equal(outcomeText({ ok: true, value: { before: 0.5, after: 0.75, heldBack: 4, used: 16, applied: true } }),
    'Retrained and in use: accuracy on 4 held-back corrections 50.0 % before, 75.0 % after (trained with 16).');
  const refused = outcomeText({ ok: false, error: { status: 409, message: 'Retrain refused: …',
    problem: { before: 0.9, after: 0.6, heldBack: 10 } } });
  assert.ok(refused.startsWith('Not retrained: the new model would get 60.0 % of the 10 held-back corrections right, '
    + 'the model in use 90.0 %. The model in use stays.'), refused);
  assert.equal(outcomeText({ ok: false, error: { status: 422, message: 'too few', problem: {} } }), 'Not retrained: too few');
  assert.ok(statusLines({ corrections: 3, heldBack: 1, shipped: true, accuracy: null, correctionsNeeded: 6 })[2]
    .includes('not measured until 6'), 'too few to measure');
});
