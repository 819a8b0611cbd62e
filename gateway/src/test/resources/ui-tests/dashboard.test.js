import { test, assert } from './runner.js';
import { ANSWERS, initialState, update, refreshPlan, openPeriodUrl, csvHref, describePeriod, freshnessText,
  currentMonth, choicesFrom, address, urls, nextSort, countingOnce } from '/js/screens/dashboard/state.js';
import { samePeriod, periodChooser, amountProblem } from '/js/screens/dashboard/period.js';
import { kpis } from '/js/screens/dashboard/kpis.js';
import { panelFrame, fill } from '/js/screens/dashboard/panels.js';

const DEFAULT_PLAN = [ANSWERS.category, ANSWERS.lastDay, ANSWERS.resolution, ANSWERS.firstResponse,
  '/api/analytics/sla', '/api/analytics/volume?days=30', ANSWERS.workload];

test('a refresh asks each answer once: seven while the panels show the last 24 h and nothing is chosen', () => {
  const plan = refreshPlan(initialState());
  assert.deepEqual(plan.slice().sort(), DEFAULT_PLAN.slice().sort(), 'plan');
});

test('with another period the panel needs its own answer: eight, each once', () => {
  const plan = refreshPlan(update(initialState(), { type: 'period', period: { days: 7 } }));
  assert.equal(plan.length, 8, 'answers');
  assert.equal(new Set(plan).size, 8, 'distinct answers');
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

test('the first-response card shows the median of the replies of the last 30 days, not a month\'s', () => {
  const answer = { months: [{ month: '2026-03', responded: 3, medianHours: 2.5 }],
    last30Days: { responded: 4, medianHours: 0.75 }, stale: false };
  const card = kpis({ firstResponseKpi: { status: 'fulfilled', value: answer } }, false)
    .find(el => el.id === 'kpi-median-first-response');
  assert.equal(card.querySelector('.kpi-title').textContent, 'Median first response', 'title');
  assert.equal(card.querySelector('.kpi-value').textContent, '45 min', 'value');
  assert.equal(card.querySelector('.kpi-note').textContent, 'last 30 days, 4 answered', 'note');
  const quiet = kpis({ firstResponseKpi: { status: 'fulfilled', value: { ...answer,
    last30Days: { responded: 0, medianHours: null } } } }, false).find(el => el.id === 'kpi-median-first-response');
  assert.equal(quiet.querySelector('.kpi-value').textContent, '—', 'nobody answered: no figure');
  assert.equal(quiet.querySelector('.kpi-note').textContent, 'last 30 days, none answered', 'and it says why');
});

test('a replica that has not read the tickets yet shows no zeros: its figures are said to be coming', () => {
  const empty = { openTotal: 0, total: 0, byCategory: {}, asOf: null, lagMs: 0, stale: true };
  const card = kpis({ category: { status: 'fulfilled', value: empty } }, true).find(el => el.id === 'kpi-open-now');
  assert.equal(card.querySelector('.kpi-value').textContent, '—', 'no figure');
  assert.equal(card.querySelector('.kpi-value a'), null, 'nothing to open');
  assert.equal(card.querySelector('.kpi-note').textContent, 'still reading the tickets', 'says why');
  const counted = kpis({ category: { status: 'fulfilled', value: { ...empty, asOf: '2026-03-01T10:00:00Z',
    stale: false } } }, true).find(el => el.id === 'kpi-open-now');
  assert.equal(counted.querySelector('.kpi-value').textContent, '0', 'a real zero once counted');

  const frame = panelFrame('Active', 'active-by-category');
  let drawn = 0;
  fill(frame, '/api/analytics/active-by-category', { status: 'fulfilled', value: empty }, () => { drawn++; return 'x'; });
  assert.equal(drawn, 0, 'the panel is not drawn from an empty model');
  assert.ok(frame.content.textContent.includes('Still reading the tickets'), frame.content.textContent);
  assert.equal(frame.badge.textContent, '', 'no freshness badge for figures not shown');
});

test('the choices come from the address, and what cannot be read falls back to the default', () => {
  const c = choicesFrom(new URLSearchParams('from=2026-01&to=2026-06&category=IT&priority=HIGH&days=90'
    + '&sort=closedLast30Days,asc&open=7d'));
  assert.deepEqual(c, { open: { days: 7 }, from: '2026-01', to: '2026-06', category: 'IT', priority: 'HIGH', days: 90,
    sort: 'closedLast30Days,asc' }, 'choices');
  const bad = choicesFrom(new URLSearchParams('from=2026-13&to=x&category=PETS&priority=1&days=0&sort=salary,asc'
    + '&open=0h'));
  assert.deepEqual(bad, choicesFrom(new URLSearchParams()), 'defaults');
  assert.deepEqual([choicesFrom(new URLSearchParams('from=2026-06&to=2026-01')).from,
    choicesFrom(new URLSearchParams('from=2026-06&to=2026-01')).to], ['2026-01', '2026-06'], 'a reversed range');
});

test('a look-back longer than the service answers, from the address, falls back to the default', () => {
  assert.deepEqual(choicesFrom(new URLSearchParams('open=400d')).open, { hours: 24 }, '400 days');
  assert.deepEqual(choicesFrom(new URLSearchParams('open=365d')).open, { days: 365 }, 'a year');
  assert.deepEqual(choicesFrom(new URLSearchParams('open=8761h')).open, { hours: 24 }, 'a year and an hour');
});

test('months picked the wrong way round are taken as the range they name', () => {
  const state = update(initialState(), { type: 'choose', choices: { from: '2026-10', to: '2026-03' } });
  assert.deepEqual([state.choices.from, state.choices.to], ['2026-03', '2026-10']);
  const one = update(initialState(), { type: 'choose', choices: { from: '2026-10', to: '' } });
  assert.deepEqual([one.choices.from, one.choices.to], ['2026-10', ''], 'one month alone stays');
});

test('a custom amount the service would refuse is said at the box and not asked for', () => {
  assert.equal(amountProblem('', 'hours'), 'Enter a whole number of hours from 1 to 8,760.', 'empty');
  assert.equal(amountProblem('400', 'days'), 'Enter a whole number of days from 1 to 365.', 'too long');
  for (const bad of ['0', '-5', '1.5', 'abc']) assert.ok(amountProblem(bad, 'hours'), bad);
  assert.equal(amountProblem('400', 'hours'), null, '400 hours');
  const chosen = [];
  const chooser = periodChooser(p => chosen.push(p));
  document.body.append(chooser.form);
  try {
    const amount = chooser.form.querySelector('#period-amount');
    amount.value = '';
    chooser.form.dispatchEvent(new Event('submit', { cancelable: true }));
    assert.deepEqual(chosen, [], 'nothing asked');
    assert.equal(amount.getAttribute('aria-invalid'), 'true', 'the box is marked');
    assert.equal(chooser.form.querySelector('#period-amount-error').textContent,
      'Enter a whole number of hours from 1 to 8,760.');
    amount.value = '36';
    amount.dispatchEvent(new Event('input', { bubbles: true }));
    assert.equal(chooser.form.querySelector('#period-amount-error').textContent, '', 'gone once it is right');
    chooser.form.dispatchEvent(new Event('submit', { cancelable: true }));
    assert.deepEqual(chosen, [{ hours: 36 }]);
  } finally {
    chooser.form.remove();
  }
});

test('the address keeps every choice and reopens the same view; a plain view stays #/dashboard', () => {
  assert.equal(address(initialState().choices), '#/dashboard', 'defaults');
  let s = update(initialState(), { type: 'choose', choices: { from: '2026-02', category: 'IT', days: 14 } });
  s = update(s, { type: 'sort', column: 'assignee' });
  s = update(s, { type: 'period', period: { days: 7 } });
  const href = address(s.choices);
  assert.equal(href, '#/dashboard?open=7d&from=2026-02&category=IT&days=14&sort=assignee%2Casc', 'address');
  assert.deepEqual(choicesFrom(new URLSearchParams(href.split('?')[1])), s.choices, 'reopened');
});

test('the choices reach the answers they concern, and only those', () => {
  const u = urls(choicesFrom(new URLSearchParams('from=2026-01&to=2026-03&category=IT&priority=HIGH&days=14')));
  assert.equal(u.resolution, '/api/analytics/resolution-time?from=2026-01&to=2026-03&category=IT', 'resolution');
  assert.equal(u.firstResponse, '/api/analytics/first-response?from=2026-01&to=2026-03&category=IT&priority=HIGH',
    'first response');
  assert.equal(u.sla, '/api/analytics/sla?from=2026-01&to=2026-03&category=IT&priority=HIGH', 'sla');
  assert.equal(u.volume, '/api/analytics/volume?days=14', 'volume');
  assert.equal(u.firstResponseKpi, ANSWERS.firstResponse, 'the KPI stays desk-wide');
  assert.equal(u.slaKpi, '/api/analytics/sla', 'targets missed now stays desk-wide');
  assert.equal(u.resolutionKpi, ANSWERS.resolution, 'the average resolution KPI stays desk-wide');
  assert.equal(u.category, ANSWERS.category, 'active by category');
  assert.equal(refreshPlan({ choices: choicesFrom(new URLSearchParams('category=IT')) }).length, 10,
    'a filtered first response, resolution time and SLA need their own answers beside the KPIs');
  assert.equal(refreshPlan({ choices: choicesFrom(new URLSearchParams('')) }).length, 7,
    'with nothing chosen, the KPIs share the panels\' answers');
});

test('a workload column sorts names A to Z and figures largest first, a second click the other way', () => {
  assert.equal(nextSort('active,desc', 'assignee'), 'assignee,asc');
  assert.equal(nextSort('assignee,asc', 'assignee'), 'assignee,desc');
  assert.equal(nextSort('assignee,asc', 'medianResolutionHours'), 'medianResolutionHours,desc');
  assert.equal(nextSort('active,desc', 'active'), 'active,asc');
});

test('counting an outage once asks every answer collapsed, and the incidents of the open-period panel\'s period', () => {
  const plain = refreshPlan(initialState());
  const s = update(initialState(), { type: 'choose', choices: { collapse: true } });
  const plan = refreshPlan(s);
  assert.deepEqual(plan.filter(u => !u.startsWith('/api/analytics/incidents')).sort(), plain.map(countingOnce).sort(),
    'the same answers, collapsed');
  assert.ok(plan.includes('/api/analytics/incidents?hours=24'), 'the incidents of the last 24 h');
  assert.equal(plan.length, plain.length + 1, 'one answer more');
  assert.equal(urls(s.choices).incidents, '/api/analytics/incidents?hours=24', 'no collapse on the incidents');
  const week = update(s, { type: 'period', period: { days: 7 } });
  assert.equal(urls(week.choices).incidents, '/api/analytics/incidents?days=7', 'the panel follows the period');
  assert.equal(urls(week.choices).openPeriod, '/api/analytics/open-period?days=7&incidents=collapse', 'open period');
});

test('without the toggle no answer names incidents, and the address says when it is on', () => {
  assert.ok(refreshPlan(initialState()).every(u => !u.includes('incidents')), 'plain plan');
  assert.equal(countingOnce('/api/analytics/workload'), '/api/analytics/workload?incidents=collapse', 'no query yet');
  assert.equal(countingOnce('/api/analytics/volume?days=30'), '/api/analytics/volume?days=30&incidents=collapse',
    'a query already');
  const on = update(initialState(), { type: 'choose', choices: { collapse: true } });
  assert.equal(address(on.choices), '#/dashboard?incidents=collapse', 'address');
  assert.equal(choicesFrom(new URLSearchParams('incidents=collapse')).collapse, true, 'reopened');
  assert.equal(Boolean(choicesFrom(new URLSearchParams('incidents=once')).collapse), false, 'anything else: off');
});
