// The ticket list drawn from its state: the status tabs with their counts, and the results table with paging.
// `on` holds the event handlers, which turn clicks into actions on the state.
import { h, emptyState, errorBox, loading, label, time, statusBadge, priorityBadge, categoryBadge } from '../../dom.js';
import { TABS, filtered, rowRange } from './state.js';

const COLUMNS = [
  ['id', '#'], ['title', 'Title'], ['category', 'Category'], ['priority', 'Priority'], ['status', 'Status'],
  ['openedAt', 'Opened'], ['updatedAt', 'Updated'],
];

export function tabs(status, counts, on) {
  if (!counts) return [];
  return TABS.map(s => h('button', {
    type: 'button', role: 'tab', class: 'tab', 'aria-selected': String(status === s), dataset: { status: s },
    onclick: () => on.tab(s),
  }, label.status(s), h('span', { class: 'count' }, String(counts[s] ?? '—'))));
}

export function results(state, on) {
  if (state.error) return errorBox(state.error);
  if (!state.list) return loading('Loading tickets…');
  const { list, staff } = state;
  if (!list.items.length) {
    const narrowed = filtered(state);
    return emptyState(narrowed ? 'No tickets match these filters.' : 'No tickets here yet.',
      narrowed ? 'Try fewer filters or another search.'
        : (staff ? 'Nothing is waiting in this tab.' : 'Everything works — or nobody told us yet.'),
      staff ? null : h('a', { class: 'btn btn-primary', href: '#/report' }, 'Report a problem'));
  }
  const { first, last, total } = rowRange(list);
  return [
    h('table', { class: 'table tickets' },
      h('caption', { class: 'sr-only' }, 'Tickets, sortable by column'),
      h('thead', {}, h('tr', {}, COLUMNS.map(([key, text]) => sortHeader(state.sort, key, text, on)))),
      h('tbody', {}, list.items.map(row))),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', class: 'btn', disabled: list.page === 0, onclick: () => on.page(-1) },
        '← Previous'),
      h('span', {}, `${first}–${last} of ${total}`),
      h('button', { type: 'button', class: 'btn', disabled: last >= total, onclick: () => on.page(1) }, 'Next →')),
  ];
}

function sortHeader(sort, key, text, on) {
  const [field, dir] = sort.split(',');
  const active = field === key;
  return h('th', { scope: 'col', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
    h('button', { type: 'button', class: 'sort', onclick: () => on.sort(key) },
      text, h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕')));
}

function row(t) {
  return h('tr', { dataset: { ticketId: t.id } },
    h('td', { 'data-label': '#' }, String(t.id)),
    h('td', { 'data-label': 'Title', class: 'title-cell' }, h('a', { href: `#/tickets/${t.id}` }, t.title),
      t.location ? h('span', { class: 'muted' }, ` · ${t.location}`) : null),
    h('td', { 'data-label': 'Category' }, categoryBadge(t.category),
      t.needsReview ? h('span', { class: 'flag', title: 'Category needs review' }, ' ?') : null),
    h('td', { 'data-label': 'Priority' }, priorityBadge(t.priority)),
    h('td', { 'data-label': 'Status' }, statusBadge(t.status)),
    h('td', { 'data-label': 'Opened' }, time(t.openedAt)),
    h('td', { 'data-label': 'Updated' }, time(t.updatedAt)));
}
