// The ticket list's state and what it asks the server, without the DOM: the filters and the view (kept in the
// address, so reload, back and a shared link keep them), the page shown and the counts. Staff and analysts (the
// queue) get one request for the page and one for the counts of every tab and every view under the same filters;
// students, who have no tabs, get the page only.
import { query } from '../../api.js';
import { t } from '../../i18n.js';
import { foldRows } from './incidents.js';

export const PAGE_SIZE = 20;
/** The page sizes a person may choose; 100 is the server's largest (ListQuery.MAX_SIZE). */
export const PAGE_SIZES = [20, 50, 100];
/** The server pages at most this many rows deep (ListQuery.MAX_OFFSET): page × size ≤ 10,000. */
export const MAX_OFFSET = 10_000;
export const TABS = ['OPEN', 'ACTIVE', 'CLOSED'];
const FILTERS = ['status', 'q', 'category', 'priority', 'from', 'to', 'sla', 'reportedBy'];

/**
 * Whose tickets a view shows, as the list's filters say it; the names are byView's keys, then each view's words in
 * the catalogue (a student's "mine" reads "My tickets", not staff's "Mine").
 */
const VIEWS = {
  STAFF: [['mine', 'mine', { assignee: 'me' }], ['unassigned', 'unassigned', { assignee: 'none' }],
    ['all', 'all', {}]],
  STUDENT: [['mine', 'myTickets', { reporter: 'me' }], ['all', 'all', {}]],
  // Analysts handle and report nothing: no "mine" (the server refuses them assignee=me).
  ANALYST: [['unassigned', 'unassigned', { assignee: 'none' }], ['all', 'all', {}]],
};

/**
 * Whether a view folds linked tickets under their incident (while the fold is on). The shared views do: there the
 * incident's own row stands for its linked tickets. Mine never does: a ticket someone handles is theirs to see,
 * whatever incident it is linked to (one handed over after it was linked vanished from its new owner's Mine).
 * Students' lists do not fold at all (folded).
 */
export function folds(view) {
  return view !== 'mine';
}

/** Whether this list folds linked tickets: the queue's folding views, while the fold is on. */
export function folded(state, view = viewOf(state)) {
  return state.queue && state.fold && folds(view);
}

/**
 * Where a person's ticket list is, as the navigation leads there and a ticket's way back returns: a student's own
 * tickets (All is one press away there), the queue for staff and analysts.
 */
export function listAddress(role) {
  return role === 'STUDENT' ? '#/tickets?reporter=me' : '#/tickets';
}

/** Where the queue lists one person's tickets, every status a tab of its own (a ticket page links there). */
export function reporterAddress(name) {
  return `#/tickets${query({ reporter: name })}`;
}

/** The views a person in this role can choose, as [name, label]. */
export function views(role) {
  return VIEWS[role].map(([name, words]) => [name, t(`tickets.view.${words}`)]);
}

/**
 * The view the filters amount to: mine, unassigned or all; `named` when staff or analysts look at one staff
 * member's tickets (assignee=NAME, e.g. a link from the dashboard's workload table).
 */
export function viewOf(state) {
  const match = VIEWS[state.role].find(([, , f]) =>
    (f.assignee || '') === state.assignee && (f.reporter || '') === state.reporter);
  return match ? match[0] : 'named';
}

/** The first state, from the role and the address's query (#/tickets?status=…). */
export function initialState(role, params) {
  const staff = role === 'STAFF';
  // The queue (tabs of every status with counts, due times, the sla and assignee filters) is staff's and, to read
  // only, analysts'; students get the list of what they may see.
  const queue = staff || role === 'ANALYST';
  return {
    role, staff, queue,
    // A value the server does not know (status=BOGUS, a hand-edited link) is left out: its 400 was a page whose
    // "Try again" could only ask the same, and nothing said which part of the address was wrong.
    status: known(params.get('status'), TABS) || (queue ? 'OPEN' : ''),
    q: params.get('q') || '', category: known(params.get('category'), CATEGORIES),
    priority: known(params.get('priority'), PRIORITIES),
    from: dayOrNone(params.get('from')), to: dayOrNone(params.get('to')), sla: known(params.get('sla'), SLA_STATES),
    // The zone the from/to days are days of: a dashboard's day or month is one in the desk's zone (HELPDESK_ZONE),
    // which a browser elsewhere does not share. None: the browser's own, as the date inputs give them.
    zone: knownZone(params.get('zone')),
    // closedFrom (an instant): the tickets closed before it are left out, the active ones stay: a workload row's
    // "active, and closed in the last 30 days" (the dashboard's link). Kept with the colleague's view it came with.
    closedFrom: queue ? instantOrNone(params.get('closedFrom')) : '',
    // openedSince (an instant): the dashboard's "opened in the last 24 hours" lists what its figure counts, not the
    // whole first day; gone as soon as the person picks days of their own.
    openedSince: queue ? instantOrNone(params.get('openedSince')) : '',
    // Only the queue filters by who handles a ticket. Who reported it is a student's view (reporter=me: My tickets)
    // and, in the queue, a filter beside the views: one person's tickets by name (a ticket page's link), which the
    // server refuses students.
    assignee: queue ? params.get('assignee') || '' : '', reporter: queue ? '' : params.get('reporter') || '',
    reportedBy: queue ? params.get('reporter') || '' : '',
    sort: knownSort(params.get('sort')), size: pageSize(params.get('size')),
    page: reachable(Number(params.get('page')), pageSize(params.get('size'))),
    list: null, counts: null, viewCounts: null, error: null, busy: false,
    // Incidents (tickets/incidents.js): linked tickets folded under their incident; staff's selection to link.
    // `cleared` counts the selections changed at once (emptied by a link, all of a page ticked or unticked), so the
    // table redraws its boxes.
    fold: params.get('fold') !== 'off', selected: [], linkNotice: '', cleared: 0,
  };
}

const CATEGORIES = ['FACILITY', 'IT', 'SERVICES'];
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'];
const SLA_STATES = ['PENDING', 'AT_RISK', 'MET', 'BREACHED'];
/** The columns the server sorts by (ListQuery.SORTS). */
const SORT_FIELDS = ['id', 'title', 'category', 'priority', 'status', 'due', 'openedAt', 'updatedAt'];
const DEFAULT_SORT = 'openedAt,desc';

/** A comma list of values the server knows (in any case, as it reads them), else none. */
function known(value, values) {
  return value && value.split(',').every(v => values.includes(v.trim().toUpperCase())) ? value : '';
}

/** A sort as the server reads it ("due" is "due,asc"; "title,DESC" is "title,desc"), else the default. */
function knownSort(value) {
  const [field, direction = 'asc', ...rest] = (value || '').split(',').map(part => part.trim());
  const way = direction.toLowerCase();
  return SORT_FIELDS.includes(field) && ['asc', 'desc'].includes(way) && rest.length === 0 ? `${field},${way}`
    : DEFAULT_SORT;
}

/** The next state after an action; never changes `state` itself. */
export function update(state, action) {
  switch (action.type) {
    case 'filters': {
      const next = { ...state, ...pick(action.filters), page: 0 };
      // Days the person picks are their own days, not the zone or the hour a dashboard's link came with.
      return next.from === state.from && next.to === state.to ? next : { ...next, zone: '', openedSince: '' };
    }
    case 'tab': return { ...state, status: action.status, page: 0 };
    case 'view': return { ...state, ...viewFilters(state.role, action.view), page: 0 };
    case 'sort': return { ...state, sort: nextSort(state.sort, action.column) };
    case 'sortBy': return { ...state, sort: action.sort };
    case 'page': return { ...state, page: Math.max(0, state.page + action.delta) };
    case 'goto': return { ...state, page: reachable(action.page, state.size) };
    case 'size': return { ...state, ...resized(state, pageSize(action.size)) };
    case 'loading': return { ...state, busy: true };
    case 'loaded': return { ...state, busy: false, error: null, list: action.list, counts: action.counts || state.counts,
      viewCounts: action.viewCounts || state.viewCounts, selected: stillShown(state.selected, action.list, folded(state)) };
    case 'select': return { ...state, linkNotice: '', selected: action.on
      ? [...state.selected.filter(id => id !== action.id), action.id] : state.selected.filter(id => id !== action.id) };
    case 'fold': return { ...state, fold: action.on, page: 0 };
    case 'selectAll': {
      const others = state.selected.filter(id => !action.ids.includes(id));
      return { ...state, linkNotice: '', selected: action.on ? [...others, ...action.ids] : others,
        cleared: state.cleared + 1 };
    }
    case 'linked': return { ...state, selected: [], linkNotice: action.notice, cleared: state.cleared + 1 };
    case 'failed': return { ...state, busy: false, error: action.error };
    default: throw new Error(`Unknown action ${action.type}`);
  }
}

/**
 * The tickets "Select all on this page" ticks: the rows drawn (not those folded away), open or active, and neither
 * an incident nor linked to one. A link is all or nothing, and the server refuses to link either: one such row
 * among thirty made the whole link fail. Either can still be ticked by hand (an incident's number is offered).
 */
export function selectable(state) {
  return foldRows(state.list && state.list.items || [], folded(state)).map(row => row.ticket)
    .filter(ticket => ticket.status !== 'CLOSED' && !ticket.linkedCount && !ticket.incidentId)
    .map(ticket => ticket.id);
}

/**
 * The selection as far as the new page still shows it, as rows drawn: a ticket linked by a colleague meanwhile and
 * folded away under its incident stayed selected where nobody could untick it, and every retry of the link was
 * refused for it. The same array when nothing left, so nothing redraws.
 */
function stillShown(selected, list, fold) {
  const ids = new Set(foldRows(list && list.items || [], fold).map(row => row.ticket.id));
  const kept = selected.filter(id => ids.has(id));
  return kept.length === selected.length ? selected : kept;
}

function pageSize(value) {
  const size = Number(value);
  return PAGE_SIZES.includes(size) ? size : PAGE_SIZE;
}

/** The deepest page the server serves at this size (0-based). */
export function lastReachablePage(size) {
  return Math.floor(MAX_OFFSET / size);
}

function reachable(page, size) {
  return Math.min(Math.max(0, Math.trunc(page) || 0), lastReachablePage(size));
}

/** Another page size, on the page that holds the first row shown before (row 41 of 20 a page: page 1 of 50). */
function resized(state, size) {
  return { size, page: reachable(Math.floor(state.page * state.size / size), size) };
}

function viewFilters(role, view) {
  const found = VIEWS[role].find(([name]) => name === view);
  if (!found) throw new Error(`Unknown view ${view}`);
  return { assignee: '', reporter: '', closedFrom: '', ...found[2] };
}

function pick(filters) {
  return Object.fromEntries(Object.entries(filters).filter(([k]) => FILTERS.includes(k)));
}

/** A click on a column sorts by it ascending, a second click descending. */
export function nextSort(sort, column) {
  const [field, dir] = sort.split(',');
  return `${column},${field === column && dir === 'asc' ? 'desc' : 'asc'}`;
}

export function filtered(state) {
  return Boolean(state.q || state.category || state.priority || state.from || state.to || state.sla
    || state.closedFrom || state.openedSince || state.reportedBy);
}

/**
 * The requests one load makes: `list` always, `counts` for the queue (null for students). The counts carry every
 * filter of the list: the server leaves out status for the tab counts and assignee for the view counts, so each
 * count says what a click on it would show. Folded, the queue leaves out every linked ticket (incident=none), also
 * those whose incident is in another tab or on another page; a text search still finds them, marked with their
 * incident (a ticket looked for by its words must not vanish into a fold). The server counts every view with the
 * one incident filter it is given, so while the views fold differently (Mine beside the folded ones) `otherCounts`
 * asks for the counts the other way too, for the views folded otherwise than the one shown (viewCounts); else null.
 */
export function requests(state) {
  // Days given the wrong way round mean the days between them, as a person reading "from 31 Dec to 1 Jan" would.
  const [from, to] = state.from && state.to && state.from > state.to ? [state.to, state.from] : [state.from, state.to];
  const filters = { q: state.q, category: state.category, priority: state.priority,
    openedFrom: state.openedSince || dayStart(from, state.zone), openedTo: dayEnd(to, state.zone),
    closedFrom: state.closedFrom,
    sla: state.sla, reporter: state.reportedBy,
    incident: incidentFilter(state, viewOf(state)) };
  const status = state.status || (state.queue ? '' : 'OPEN,ACTIVE');
  const whose = { assignee: state.assignee, reporter: state.reporter || state.reportedBy };
  const counts = incident => `/api/tickets/counts${query({ ...filters, incident, assignee: state.assignee, status })}`;
  const other = otherIncidentFilter(state);
  return {
    list: `/api/tickets${query({ ...filters, ...whose, status, sort: state.sort, page: state.page, size: state.size })}`,
    counts: state.queue ? counts(filters.incident) : null,
    otherCounts: state.queue && other !== null ? counts(other) : null,
  };
}

/** The view counts to show from the answers to `counts` and `otherCounts`: each view's from the one asked its way. */
export function viewCounts(state, counts, otherCounts) {
  if (!otherCounts) return counts.byView;
  const shown = incidentFilter(state, viewOf(state));
  return Object.fromEntries(Object.entries(counts.byView).map(([view, count]) =>
    [view, incidentFilter(state, view) === shown ? count : otherCounts.byView[view]]));
}

/**
 * What a view asks the server of linked tickets: none while it folds them, unless a text search looks for them or
 * the list is one person's tickets (their history shows every ticket they reported, linked or not).
 */
function incidentFilter(state, view) {
  return folded(state, view) && !state.q && !state.reportedBy ? 'none' : '';
}

/** The incident filter of the person's views that fold otherwise than the one shown, or null when none do. */
function otherIncidentFilter(state) {
  const shown = incidentFilter(state, viewOf(state));
  const other = VIEWS[state.role].map(([view]) => incidentFilter(state, view)).find(filter => filter !== shown);
  return other === undefined ? null : other;
}

/** The address that reopens this list as it is. */
export function address(state) {
  return `#/tickets${query({ status: state.status, assignee: state.assignee,
    reporter: state.reporter || state.reportedBy, q: state.q, category: state.category, priority: state.priority, sla: state.sla, from: state.from, to: state.to,
    zone: state.from || state.to ? state.zone : '', closedFrom: state.closedFrom, openedSince: state.openedSince,
    sort: state.sort, page: state.page || '', size: state.size === PAGE_SIZE ? '' : state.size,
    fold: state.queue && !state.fold ? 'off' : '' })}`;
}

/** The first and last row shown, e.g. 21–40 of 57. */
export function rowRange(list) {
  const first = list.page * list.size + 1;
  return { first, last: first + list.items.length - 1, total: list.total };
}

// The date inputs give days; the server filters on instants. A day is the browser's unless a zone is given.
export function dayStart(day, zone) {
  if (!dayOrNone(day)) return '';
  return (zone ? new Date(zoneDayStart(day, zone)) : new Date(`${day}T00:00:00`)).toISOString();
}
export function dayEnd(day, zone) {
  if (!dayOrNone(day)) return '';
  return (zone ? new Date(zoneDayStart(nextDay(day), zone) - 1) : new Date(`${day}T23:59:59.999`)).toISOString();
}

/** `text` if it is a day (2026-11-23) of the calendar, else ''. */
export function dayOrNone(text) {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return '';
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text) ? text : '';
}

/** `text` if it is an instant (2026-11-06T09:00:00.000Z), else ''. */
function instantOrNone(text) {
  return text && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text) && !Number.isNaN(Date.parse(text)) ? text : '';
}

/** `zone` if the browser knows it as a time zone (Europe/Rome, UTC), else ''. */
export function knownZone(zone) {
  if (!zone) return '';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return '';
  }
}

function nextDay(day) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86400e3).toISOString().slice(0, 10);
}

/**
 * The first instant (ms) whose date in `zone` is `day`: that day's midnight, or where the clocks jump over midnight
 * (America/Santiago in September), the first moment after. Found minute by minute between the two furthest offsets
 * a zone has from UTC; a zone's date only moves forward.
 */
function zoneDayStart(day, zone) {
  const dates = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const wall = Date.parse(`${day}T00:00:00Z`);
  let before = wall - 15 * 3600e3; // a date before `day` in every zone
  let from = wall + 15 * 3600e3; // `day` or later in every zone
  while (from - before > 60e3) {
    const middle = before + Math.floor((from - before) / 120e3) * 60e3;
    if (dates.format(new Date(middle)) >= day) from = middle;
    else before = middle;
  }
  return from;
}
