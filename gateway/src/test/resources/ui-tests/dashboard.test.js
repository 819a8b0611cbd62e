import { test, assert } from './runner.js';
import { ANSWERS, initialState, update, refreshPlan, openPeriodUrl, csvHref, describePeriod, freshnessText,
  currentMonth } from '/js/screens/dashboard/state.js';
import { samePeriod } from '/js/screens/dashboard/period.js';

test('a refresh asks each answer once: three while the panel shows the last 24 h', () => {
  const plan = refreshPlan(initialState());
  assert.deepEqual(plan.slice().sort(), [ANSWERS.category, ANSWERS.lastDay, ANSWERS.resolution].sort(), 'plan');
});

test('with another period the panel needs its own answer: four, each once', () => {
  const plan = refreshPlan(update(initialState(), { type: 'period', period: { days: 7 } }));
  assert.equal(plan.length, 4, 'answers');
  assert.equal(new Set(plan).size, 4, 'distinct answers');
  assert.ok(plan.includes('/api/analytics/open-period?days=7'), 'the panel answer');
  assert.ok(plan.includes(ANSWERS.lastDay), 'the KPI answer');
});

test('the 24 h preset is the KPI answer itself', () => {
  assert.equal(openPeriodUrl({ hours: 24 }), ANSWERS.lastDay);
});

test('new answers replace old ones and keep the rest', () => {
  let s = update(initialState(), { type: 'answers', answers: { a: 1, b: 2 } });
  s = update(s, { type: 'answers', answers: { b: 3 } });
  assert.deepEqual(s.answers, { a: 1, b: 3 });
});

test('the CSV link asks the same question as the panel', () => {
  assert.equal(csvHref('/api/analytics/open-period?days=7'), '/api/analytics/open-period?days=7&format=csv');
  assert.equal(csvHref(ANSWERS.resolution), '/api/analytics/resolution-time?format=csv');
});

test('periods read as words', () => {
  assert.equal(describePeriod({ hours: 24 }), '24 hours');
  assert.equal(describePeriod({ hours: 1 }), 'hour');
  assert.equal(describePeriod({ days: 1 }), 'day');
  assert.equal(describePeriod({ days: 30 }), '30 days');
  assert.ok(samePeriod({ days: 7 }, { days: 7 }) && !samePeriod({ days: 7 }, { hours: 7 }), 'equality');
});

test('the badge says how fresh an answer is, and how far behind a stale one is', () => {
  const at = t => `at ${t}`;
  assert.equal(freshnessText({ asOf: 'T', stale: false }, at), '✓ as of at T');
  assert.equal(freshnessText({ asOf: 'T', stale: true, lagMs: 4600 }, at), '⚠ stale · as of at T (5 s behind)');
  assert.equal(freshnessText({ asOf: null, stale: true }, at), '⚠ stale · as of unknown (0 s behind)');
});

test('the KPIs speak of the newest opening month', () => {
  assert.equal(currentMonth({ months: [{ month: '2026-01' }, { month: '2026-02' }] }).month, '2026-02');
  assert.equal(currentMonth({ months: [] }), null);
  assert.equal(currentMonth(undefined), null);
});
