// The dashboard's state and what a refresh asks, without the DOM. Every figure on the screen comes from one of
// four answers (active by category, open period of the chosen span, open period of the last 24 h for its KPI, and
// resolution time); a refresh fetches each distinct answer once, and the KPIs and panels read the same answers.
import { query } from '../../api.js';

export const ANSWERS = {
  category: '/api/analytics/active-by-category',
  resolution: '/api/analytics/resolution-time',
  lastDay: '/api/analytics/open-period?hours=24',
};
export const PRESETS = [['24 h', { hours: 24 }], ['7 days', { days: 7 }], ['30 days', { days: 30 }]];

export function initialState() {
  return { period: { hours: 24 }, answers: {} };
}

/** `answers` maps each answer's address to its settled result ({status: 'fulfilled', value} or 'rejected'). */
export function update(state, action) {
  switch (action.type) {
    case 'period': return { ...state, period: action.period };
    case 'answers': return { ...state, answers: { ...state.answers, ...action.answers } };
    default: throw new Error(`Unknown action ${action.type}`);
  }
}

export function openPeriodUrl(period) {
  return `/api/analytics/open-period${query(period)}`;
}

/** The answers one refresh fetches, each once (the 24 h KPI and a 24 h panel share one). */
export function refreshPlan(state) {
  return [...new Set([ANSWERS.category, ANSWERS.lastDay, openPeriodUrl(state.period), ANSWERS.resolution])];
}

/** The CSV download of the answer at `url`: the same question with format=csv. */
export function csvHref(url) {
  const [path, qs] = url.split('?');
  const params = new URLSearchParams(qs || '');
  params.set('format', 'csv');
  return `${path}?${params}`;
}

export function describePeriod(period) {
  if (period.hours) return period.hours === 1 ? 'hour' : `${period.hours} hours`;
  return period.days === 1 ? 'day' : `${period.days} days`;
}

/** The badge text of an answer: when it was true, and how far behind it is when stale. */
export function freshnessText(answer, formatTime = t => new Date(t).toLocaleTimeString()) {
  const asOf = answer.asOf ? formatTime(answer.asOf) : 'unknown';
  return answer.stale
    ? `⚠ stale · as of ${asOf} (${Math.round((answer.lagMs || 0) / 1000)} s behind)`
    : `✓ as of ${asOf}`;
}

/** The newest opening month of the resolution-time answer: the KPIs speak of it. */
export function currentMonth(resolution) {
  const months = resolution && resolution.months;
  return months && months.length ? months[months.length - 1] : null;
}
