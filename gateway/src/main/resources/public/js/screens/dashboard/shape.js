// The answers turned into what the charts and tables draw, and where a click on each part leads: the queue
// (#/tickets, its own address parameters) filtered to what was clicked. Pure functions, without the DOM.
import { query } from '../../api.js';
import { t, formatMonth } from '../../i18n.js';

const ALL_STATUSES = 'OPEN,ACTIVE,CLOSED';
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'];

let countingOnce = false;

/**
 * Whether the dashboard counts an outage once (incidents=collapse): set as its choices change, before it draws, so
 * that every figure leads to a queue that counts the same way.
 */
export function countOutagesOnce(on) {
  countingOnce = Boolean(on);
}

/**
 * The queue showing these filters; only the queue's own parameters, in a stable order. Unfolded while the figures
 * count each linked ticket, so the queue lists each (folded, it would show fewer rows than the figure clicked);
 * folded while they count an outage once, as its incident (unfolded, it showed 20 rows under a figure of 9).
 */
export function queueHref({ status, category, priority, assignee, sla, from, to, zone, closedFrom, openedSince } = {}) {
  return `#/tickets${query({ status, category, priority, assignee, sla, from, to, zone: from || to ? zone : '',
    closedFrom, openedSince, fold: countingOnce ? '' : 'off' })}`;
}

/** The first and last day of a month (YYYY-MM), as the queue's opened-from/to days. */
export function monthDays(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** When a period that ends now began. */
export function periodStart(period, now = new Date()) {
  const ms = period.hours ? period.hours * 3600e3 : period.days * 86400e3;
  return new Date(now.getTime() - ms);
}

/** The day (YYYY-MM-DD, local) a period that ends now began on: the queue's date field shows it. */
export function periodStartDay(period, now = new Date()) {
  const start = periodStart(period, now);
  const pad = n => String(n).padStart(2, '0');
  return `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
}

export const links = {
  /** A category of active-by-category: its ACTIVE (or OPEN) tickets. */
  category: (category, status = 'ACTIVE', priority) => queueHref({ status, category, priority }),
  /** A category of "still open, by when they were opened": the tickets opened since the period began, to the minute. */
  openPeriod: (category, period, now) => queueHref({ status: 'OPEN,ACTIVE', category,
    from: periodStartDay(period, now), openedSince: periodStart(period, now).toISOString() }),
  // A month or a day of an answer is one in the desk's zone (the answer's `zone`), which the queue is told, so
  // that it lists what the figure counted wherever the browser is.
  /** A month of resolution time: the tickets opened then that are closed (the ones the figure is made of). */
  resolution: (month, choices, zone) => queueHref({ status: 'CLOSED', category: choices.category,
    ...monthDays(month), zone }),
  firstResponse: (month, choices, zone) => queueHref({ status: ALL_STATUSES, category: choices.category,
    priority: choices.priority, ...monthDays(month), zone }),
  /** A month of SLA attainment: what went wrong then, the tickets opened that month with a missed target. */
  sla: (month, choices, zone) => queueHref({ status: ALL_STATUSES, category: choices.category,
    priority: choices.priority, sla: 'BREACHED', ...monthDays(month), zone }),
  /** A day of the volume chart: the tickets opened that day. */
  day: (date, zone) => queueHref({ status: ALL_STATUSES, from: date, to: date, zone }),
  /** A workload row: what its figures count, the active tickets and those closed in the last 30 days. */
  assignee: (name, now = Date.now()) => queueHref({ status: 'ACTIVE,CLOSED', assignee: name,
    closedFrom: new Date(now - 30 * 86400e3).toISOString() }),
};

/**
 * The per-priority counts of one category, whatever form active-by-category gives them in: `byPriority` as an
 * object ({HIGH: 2}) or a list ([{priority: 'HIGH', active: 2}]), or flat fields (activeHigh). Missing → null.
 */
export function priorityCounts(entry) {
  const by = entry && (entry.byPriority || entry.priorities);
  const out = {};
  for (const p of PRIORITIES) {
    let v = null;
    if (Array.isArray(by)) {
      const row = by.find(r => r && r.priority === p);
      v = row ? (row.active ?? row.count ?? null) : null;
    } else if (by && typeof by === 'object') {
      const cell = by[p];
      v = cell && typeof cell === 'object' ? (cell.active ?? cell.count ?? null) : (cell ?? null);
    } else if (entry) {
      v = entry[`active${p[0]}${p.slice(1).toLowerCase()}`] ?? null;
    }
    out[p] = typeof v === 'number' ? v : null;
  }
  return Object.values(out).some(v => v !== null) ? out : null;
}

/** SLA attainment per month as a percentage (null where no target was met or missed yet). */
export function slaSeries(answer) {
  return (answer.months || []).map(m => ({
    month: m.month,
    percent: m.attainment === null || m.attainment === undefined ? null : Math.round(m.attainment * 1000) / 10,
    met: (m.firstResponseMet || 0) + (m.resolutionMet || 0),
    breached: (m.firstResponseBreached || 0) + (m.resolutionBreached || 0),
    tickets: m.tickets,
    row: m,
  }));
}

/** The volume chart's series: labels (days, oldest first) and opened, closed and backlog per day. */
export function volumeSeries(answer) {
  const days = (answer.days || []).slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    labels: days.map(d => d.date),
    opened: days.map(d => d.opened ?? 0),
    closed: days.map(d => d.closed ?? 0),
    backlog: days.map(d => d.backlog ?? null),
    totals: { opened: days.reduce((s, d) => s + (d.opened || 0), 0), closed: days.reduce((s, d) => s + (d.closed || 0), 0),
      backlog: days.length ? days[days.length - 1].backlog : null },
  };
}

/** The workload rows sorted by `sort` ("column,dir"); names by their letters, figures numerically, blanks last. */
export function sortWorkload(assignees, sort) {
  const [column, dir] = sort.split(',');
  const sign = dir === 'desc' ? -1 : 1;
  return (assignees || []).slice().sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || x === undefined) return y === null || y === undefined ? byName(a, b) : 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
    return c !== 0 ? sign * c : byName(a, b);
  });
}

function byName(a, b) {
  return String(a.assignee).localeCompare(String(b.assignee));
}

/**
 * The KPI's median first response: over the replies given in the last 30 days (whatever month the tickets were
 * opened in), with how many there were; an answer without `last30Days` (a service not yet upgraded) gives its
 * newest month instead.
 */
export function medianFirstResponse(answer) {
  if (!answer) return null;
  const last30 = answer.last30Days;
  if (last30) {
    return { hours: last30.medianHours,
      note: t('dashboard.kpi.firstResponse.last30', { count: last30.responded || 0 }) };
  }
  const months = answer.months || [];
  const newest = months[months.length - 1];
  return newest ? { hours: newest.medianHours, note: t('dashboard.kpi.openedIn', { month: formatMonth(newest.month) }) } : null;
}
