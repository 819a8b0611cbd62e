// The ticket list drawn from its state: the status tabs and the views (whose tickets) with their counts, and the
// results table with the pager (pager.js). `on` holds the event handlers, which turn clicks into actions on the state.
import { h, emptyState, errorBox, loading, label, time, statusBadge, priorityBadge, categoryBadge } from '../../dom.js';
import { TABS, filtered, views as viewNames } from './state.js';
import { pager } from './pager.js';
import { reviewLegend } from '../../certainty.js';
import { nextDue, dueTime, badgeStatus, slaBadge, slaSummary } from './due.js';
import { foldRows, incidentNote, selectBox } from './incidents.js';

// [sort key or null when the server cannot sort by it, heading, the queue's only (staff, analysts)]
const COLUMNS = [
  ['id', '#'], ['title', 'Title'], ['category', 'Category'], ['priority', 'Priority'], ['status', 'Status'],
  [null, 'Assignee'], ['due', 'Due', true], ['openedAt', 'Opened'], ['updatedAt', 'Updated'],
];

export function tabs(status, counts, on) {
  if (!counts) return [];
  return TABS.map(s => h('button', {
    type: 'button', role: 'tab', class: 'tab', 'aria-selected': String(status === s), dataset: { status: s },
    onclick: () => on.tab(s),
  }, label.status(s), h('span', { class: 'count' }, String(counts[s] ?? '—'))));
}

/**
 * Mine / Unassigned / All (students: My tickets / All) as toggle buttons, each with its count when the server
 * gave one; a colleague's name (assignee=NAME) shows as a pressed button of its own.
 */
export function views(view, state, counts, on) {
  const buttons = viewNames(state.role).map(([name, text]) => h('button', {
    type: 'button', class: 'view', 'aria-pressed': String(view === name), dataset: { view: name },
    onclick: () => on.view(name),
  }, text, counts && counts[name] !== undefined ? h('span', { class: 'count' }, String(counts[name])) : null));
  if (view === 'named') {
    buttons.push(h('button', { type: 'button', class: 'view', 'aria-pressed': 'true', dataset: { view: 'named' } },
      `Handled by ${state.assignee}`));
  }
  return buttons;
}

export function results(state, on) {
  if (state.error) return errorBox(state.error);
  if (!state.list) return loading('Loading tickets…');
  const { list, queue } = state;
  if (!list.items.length) {
    const narrowed = filtered(state);
    return emptyState(narrowed ? 'No tickets match these filters.' : 'No tickets here yet.',
      narrowed ? 'Try fewer filters or another search.'
        : (queue ? 'Nothing is waiting in this tab.' : 'Everything works — or nobody told us yet.'),
      queue ? null : h('a', { class: 'btn btn-primary', href: '#/report' }, 'Report a problem'));
  }
  return [
    h('table', { class: 'table tickets' },
      h('caption', { class: 'sr-only' }, 'Tickets, sortable by column'),
      h('thead', {}, h('tr', {}, columns(queue).map(([key, text]) => sortHeader(state.sort, key, text, on)))),
      h('tbody', {}, foldRows(list.items, queue && state.fold).map(({ ticket, linkedHere }) =>
        row(ticket, queue, Date.now(), state.staff ? selectBox(ticket, state.selected, on) : null, linkedHere)))),
    list.items.some(t => t.needsReview) ? reviewLegend() : null,
    pager(list, on),
  ];
}

function columns(queue) {
  return COLUMNS.filter(([, , queueOnly]) => queue || !queueOnly);
}

function sortHeader(sort, key, text, on) {
  if (!key) return h('th', { scope: 'col' }, text);
  const [field, dir] = sort.split(',');
  const active = field === key;
  return h('th', { scope: 'col', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
    h('button', { type: 'button', class: 'sort', onclick: () => on.sort(key) },
      text, h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕')));
}

function row(t, queue, now, select, linkedHere) {
  return h('tr', { dataset: { ticketId: t.id }, class: t.unread ? 'unread' : null },
    h('td', { 'data-label': '#' }, String(t.id)),
    // One box for the title's parts, so at phone width (cells laid out as rows) they wrap as text, not as columns.
    // Staff's select box leads the title, so it is there at phone width too, where the number's column is not.
    h('td', { 'data-label': 'Title', class: 'title-cell' }, h('span', {}, select,
      h('a', { href: `#/tickets/${t.id}` }, t.title),
      t.unread ? unreadMarker() : null,
      t.location ? h('span', { class: 'muted' }, ` · ${t.location}`) : null, incidentNote(t, linkedHere))),
    h('td', { 'data-label': 'Category' }, categoryBadge(t.category),
      t.needsReview ? h('span', { class: 'flag', title: 'Category needs review' }, ' ?') : null),
    h('td', { 'data-label': 'Priority' }, priorityBadge(t.priority)),
    h('td', { 'data-label': 'Status' }, statusBadge(t.status)),
    h('td', { 'data-label': 'Assignee', class: 'assignee-cell' },
      t.assignee || h('span', { class: 'muted' }, 'Unassigned')),
    queue ? h('td', { 'data-label': 'Due' }, h('div', { class: 'due' }, dueTime(nextDue(t), now),
      slaBadge(badgeStatus(t.sla), slaSummary(t.sla)))) : null,
    h('td', { 'data-label': 'Opened' }, time(t.openedAt)),
    h('td', { 'data-label': 'Updated' }, time(t.updatedAt)));
}

/** A dot people see and the words a screen reader says; "New" beside it, so the dot is not the only sign. */
export function unreadMarker() {
  return h('span', { class: 'unread-marker', title: 'New messages since you last looked' },
    h('span', { class: 'unread-dot', 'aria-hidden': 'true' }), h('span', { 'aria-hidden': 'true' }, 'New'),
    h('span', { class: 'sr-only' }, 'New messages'));
}
