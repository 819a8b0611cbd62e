// The dashboard's state and what a refresh asks, without the DOM. The state is the person's choices (kept in the
// address, so a view can be shared and survives a reload) and the answers. Every figure on the screen comes from one
// of the answers a refresh fetches, each distinct address once; the KPIs read the same answers as the panels.
import { query } from '../../api.js';
import { t, formatClock } from '../../i18n.js';

export const ANSWERS = {
  category: '/api/analytics/active-by-category',
  resolution: '/api/analytics/resolution-time',
  lastDay: '/api/analytics/open-period?hours=24',
  workload: '/api/analytics/workload',
  firstResponse: '/api/analytics/first-response',
};
export const PRESETS = [{ hours: 24 }, { days: 7 }, { days: 30 }];
/** The longest look-back the open-period service answers, per unit. */
export const PERIOD_MAX = { hours: 8760, days: 365 };
export const VOLUME_DAYS = [14, 30, 90];
export const WORKLOAD_COLUMNS = ['assignee', 'active', 'closedLast30Days', 'medianFirstResponseHours',
  'medianResolutionHours'];

const DEFAULT_CHOICES = { open: { hours: 24 }, from: '', to: '', category: '', priority: '', days: 30,
  sort: 'active,desc' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CATEGORIES = ['FACILITY', 'IT', 'SERVICES'];
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'];

/** The first state, from the address's query (#/dashboard?from=…); anything unreadable falls back to the default. */
export function initialState(params = new URLSearchParams()) {
  return { choices: choicesFrom(params), answers: {} };
}

export function choicesFrom(params) {
  const c = { ...DEFAULT_CHOICES };
  const open = /^(\d{1,4})(h|d)$/.exec(params.get('open') || '');
  const unit = open && (open[2] === 'h' ? 'hours' : 'days');
  if (open && Number(open[1]) >= 1 && Number(open[1]) <= PERIOD_MAX[unit]) c.open = { [unit]: Number(open[1]) };
  for (const k of ['from', 'to']) if (MONTH.test(params.get(k) || '')) c[k] = params.get(k);
  Object.assign(c, monthsInOrder(c));
  if (CATEGORIES.includes(params.get('category'))) c.category = params.get('category');
  if (PRIORITIES.includes(params.get('priority'))) c.priority = params.get('priority');
  const days = Number(params.get('days'));
  if (Number.isInteger(days) && days >= 1 && days <= 366) c.days = days;
  const [column, dir] = (params.get('sort') || '').split(',');
  if (WORKLOAD_COLUMNS.includes(column) && ['asc', 'desc'].includes(dir)) c.sort = `${column},${dir}`;
  // Counting an outage once is a choice only when made: a plain view's choices stay as they always were.
  if (params.get('incidents') === 'collapse') c.collapse = true;
  return c;
}

/** The address that reopens the dashboard as it is; the defaults are left out, so a plain view stays #/dashboard. */
export function address(choices) {
  const d = DEFAULT_CHOICES;
  const [k, n] = Object.entries(choices.open)[0];
  const open = `${n}${k === 'hours' ? 'h' : 'd'}`;
  return `#/dashboard${query({ open: open === '24h' ? '' : open, from: choices.from, to: choices.to,
    category: choices.category, priority: choices.priority, days: choices.days === d.days ? '' : choices.days,
    sort: choices.sort === d.sort ? '' : choices.sort, incidents: choices.collapse ? 'collapse' : '' })}`;
}

/** `answers` maps each answer's address to its settled result ({status: 'fulfilled', value} or 'rejected'). */
export function update(state, action) {
  switch (action.type) {
    case 'period': return { ...state, choices: { ...state.choices, open: action.period } };
    case 'choose': return { ...state, choices: monthsInOrder({ ...state.choices, ...action.choices }) };
    case 'sort': return { ...state, choices: { ...state.choices, sort: nextSort(state.choices.sort, action.column) } };
    case 'answers': return { ...state, answers: { ...state.answers, ...action.answers } };
    default: throw new Error(`Unknown action ${action.type}`);
  }
}

/**
 * The months as a range, earlier first: a "from" after "to" (picked in that order, or so in a link) is the same range
 * turned round, not three panels of refusals.
 */
export function monthsInOrder(choices) {
  if (choices.from && choices.to && choices.from > choices.to) return { ...choices, from: choices.to, to: choices.from };
  return choices;
}

/** A click on a column sorts by it (names A→Z, figures largest first), a second click the other way. */
export function nextSort(sort, column) {
  const [field, dir] = sort.split(',');
  if (field === column) return `${column},${dir === 'asc' ? 'desc' : 'asc'}`;
  return `${column},${column === 'assignee' ? 'asc' : 'desc'}`;
}

export function openPeriodUrl(period) {
  return `/api/analytics/open-period${query(period)}`;
}

/**
 * The address of each answer the panels show, from the choices. Counting an outage once asks every answer with
 * incidents=collapse and adds the incidents of the open-period panel's period (the incidents panel shows only then,
 * so the plain dashboard asks what it always asked).
 */
export function urls(choices) {
  const all = eachTicketUrls(choices);
  if (!choices.collapse) return all;
  const collapsed = Object.fromEntries(Object.entries(all).map(([name, url]) => [name, countingOnce(url)]));
  return { ...collapsed, incidents: `/api/analytics/incidents${query(choices.open)}` };
}

/** The same question with an incident and its linked tickets counted once. */
export function countingOnce(url) {
  return `${url}${url.includes('?') ? '&' : '?'}incidents=collapse`;
}

function eachTicketUrls(choices) {
  const months = { from: choices.from, to: choices.to };
  return {
    category: ANSWERS.category,
    lastDay: ANSWERS.lastDay,
    openPeriod: openPeriodUrl(choices.open),
    resolution: `${ANSWERS.resolution}${query({ ...months, category: choices.category })}`,
    firstResponse: `/api/analytics/first-response${query({ ...months, category: choices.category,
      priority: choices.priority })}`,
    sla: `/api/analytics/sla${query({ ...months, category: choices.category, priority: choices.priority })}`,
    volume: `/api/analytics/volume?days=${choices.days}`,
    workload: ANSWERS.workload,
    // The KPIs speak of the whole desk: their own answers, shared with the panels while nothing is chosen. Shared
    // always, "Target missed now" and "Average resolution time" changed with the months, category and priority
    // chosen for the panels below them, and nothing on them said so.
    firstResponseKpi: ANSWERS.firstResponse,
    slaKpi: '/api/analytics/sla',
    resolutionKpi: ANSWERS.resolution,
  };
}

/** The answers one refresh fetches, each once (the 24 h KPI and a 24 h panel share one). */
export function refreshPlan(state) {
  return [...new Set(Object.values(urls(state.choices)))];
}

/** The CSV download of the answer at `url`: the same question with format=csv. */
export function csvHref(url) {
  const [path, qs] = url.split('?');
  const params = new URLSearchParams(qs || '');
  params.set('format', 'csv');
  return `${path}?${params}`;
}

/** A period in words as it stands alone ("24 hours", "day"), e.g. in a chart's description. */
export function describePeriod(period) {
  return period.hours ? t('dashboard.period.hours', { count: period.hours })
    : t('dashboard.period.days', { count: period.days });
}

/** The badge text of an answer: when it was true, and how far behind it is when stale. */
/**
 * An answer from a replica that has not read the tickets yet (just started, or rebuilding): every figure in it is
 * zero for want of data, not because nothing happened, so it is shown as not counted yet instead.
 */
export function notCountedYet(answer) {
  return Boolean(answer) && Object.hasOwn(answer, 'asOf') && answer.asOf === null;
}

export function freshnessText(answer, formatTime = formatClock) {
  const asOf = answer.asOf ? formatTime(answer.asOf) : t('dashboard.freshness.unknown');
  return answer.stale
    ? t('dashboard.freshness.stale', { time: asOf, seconds: Math.round((answer.lagMs || 0) / 1000) })
    : t('dashboard.freshness.fresh', { time: asOf });
}

/** The newest opening month of a per-month answer: the KPIs speak of it. */
export function currentMonth(answer) {
  const months = answer && answer.months;
  return months && months.length ? months[months.length - 1] : null;
}
