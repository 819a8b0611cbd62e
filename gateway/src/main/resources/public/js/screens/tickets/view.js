// The ticket list drawn from its state: the status tabs and the views (whose tickets) with their counts, and the
// results table with the pager (pager.js). `on` holds the event handlers, which turn clicks into actions on the state.
import { h, emptyState, errorBox, loading, label, select, sentence, time, statusBadge, priorityBadge,
  categoryBadge } from '../../dom.js';
import { t, formatDay, formatDate } from '../../i18n.js';
import { TABS, filtered, folded, views as viewNames, rowRange } from './state.js';
import { pager, pageCount } from './pager.js';
import { reviewLegend } from '../../certainty.js';
import { nextDue, dueTime, ticketSlaBadge } from './due.js';
import { foldRows, incidentNote, selectBox } from './incidents.js';
import { outOfReach } from '../../reload-later.js';

// [sort key or null when the server cannot sort by it, the heading's name in the catalogue, the queue's only (staff,
// analysts)]
const COLUMNS = [
  ['id', 'number'], ['title', 'title'], ['category', 'category'], ['priority', 'priority'], ['status', 'status'],
  [null, 'assignee'], ['due', 'due', true], ['openedAt', 'opened'], ['updatedAt', 'updated'],
];

export function tabs(status, counts, on) {
  if (!counts) return [];
  return TABS.map(s => h('button', {
    type: 'button', class: 'tab', 'aria-pressed': String(status === s), dataset: { status: s, focus: `tab-${s}` },
    onclick: () => on.tab(s),
  }, label.status(s), h('span', { class: 'count' }, String(counts[s] ?? '—'))));
}

/**
 * Mine / Unassigned / All (students: My tickets / All) as toggle buttons, each with its count when the server
 * gave one; a colleague's name (assignee=NAME) shows as a pressed button of its own.
 */
export function views(view, state, counts, on) {
  const buttons = viewNames(state.role).map(([name, text]) => h('button', {
    type: 'button', class: 'view', 'aria-pressed': String(view === name),
    dataset: { view: name, focus: `view-${name}` },
    onclick: () => on.view(name),
  }, text, counts && counts[name] !== undefined ? h('span', { class: 'count' }, String(counts[name])) : null));
  if (view === 'named') {
    buttons.push(h('button', { type: 'button', class: 'view', 'aria-pressed': 'true', dataset: { view: 'named' } },
      // One box for the sentence: the button lays its children out with a gap, which stood before the comma.
      h('span', {}, ...(state.closedFrom ? sentence('tickets.view.handledBySince', { name: state.assignee,
        date: formatDay(state.closedFrom) })
        : sentence('tickets.view.handledBy', { name: state.assignee })))));
  }
  return buttons;
}

/**
 * One person's tickets (reporter=NAME, a ticket page's link): the queue says whose, with the way back to everyone's.
 * Nothing while the queue shows everyone's.
 */
export function reportedBy(name, on) {
  if (!name) return [];
  return h('p', { class: 'reported-by', id: 'reported-by' },
    h('span', {}, ...sentence('tickets.view.reportedBy', { name })), ' ',
    h('button', { type: 'button', class: 'btn btn-small', id: 'reported-by-clear',
      onclick: () => on.filters({ reportedBy: '' }) }, t('tickets.view.everyonesTickets')));
}

export function results(state, on) {
  if (state.error) return loadFailed(state.error, on);
  if (!state.list) return loading(t('tickets.list.loading'));
  const since = state.openedSince
    ? h('p', { class: 'hint', id: 'opened-since' }, t('tickets.list.openedSince', { time: formatDate(state.openedSince) }))
    : null;
  return since ? [since, listOrEmpty(state, on)].flat() : listOrEmpty(state, on);
}

/**
 * Why the list is not shown, with a way to ask again. Out of reach, it says that the list asks again by itself
 * (tickets.js): the sentence for a form ("your text is kept") meant nothing here.
 */
function loadFailed(error, on) {
  const box = errorBox(outOfReach(error) ? t('tickets.list.unreachable') : error);
  box.append(' ', h('button', { type: 'button', class: 'btn btn-small', id: 'list-retry',
    onclick: async e => {
      const button = e.currentTarget;
      button.disabled = true;
      await on.reload();
      // Failed once more, the same notice stays (not redrawn): its button may be pressed again.
      button.disabled = false;
    } }, t('tickets.list.tryAgain')));
  return box;
}

/** What the list shows, in one line for a screen reader: the same words as the empty states below. */
export function listSummary(state) {
  const { list, queue } = state;
  if (!list) return '';
  if (pastTheEnd(list)) return t('tickets.list.pastLastPage', { page: list.page + 1, last: pageCount(list) });
  if (!list.items.length) return emptyTitle(state, queue);
  const { first, last, total } = rowRange(list);
  return t('tickets.list.shown', { first, last, count: total });
}

const pastTheEnd = list => !list.items.length && list.page > 0 && list.total > 0;

function emptyTitle(state, queue) {
  // A student's list holds open and active tickets only: "no tickets" above their list of solved ones misled.
  return filtered(state) ? t('tickets.list.noMatch') : queue ? t('tickets.list.empty') : t('tickets.list.noneOpen');
}

function listOrEmpty(state, on) {
  const { list, queue } = state;
  if (pastTheEnd(list)) {
    // A shared link or a list that shrank since: the pager leads back to the pages there are.
    const last = pageCount(list);
    return emptyState(t('tickets.list.pastLastPage', { page: list.page + 1, last }), '',
      h('button', { type: 'button', class: 'btn btn-primary', id: 'last-page', onclick: () => on.goto(last - 1) },
        t('tickets.pager.page', { page: last })));
  }
  if (!list.items.length) {
    const narrowed = filtered(state);
    return emptyState(emptyTitle(state, queue),
      narrowed ? t('tickets.list.noMatchHint')
        : (queue ? t(folded(state) ? 'tickets.list.emptyFoldedHint' : 'tickets.list.emptyQueueHint')
          : t('tickets.list.emptyHint')),
      queue ? null : h('a', { class: 'btn btn-primary', href: '#/report' }, t('tickets.page.report')));
  }
  return [
    sortChoice(state, on),
    // What a narrow window cannot show scrolls inside the list's own box, not the whole page sideways.
    h('div', { class: 'table-scroll' }, h('table', { class: 'table tickets' },
      h('caption', { class: 'sr-only' }, t('tickets.list.caption')),
      h('thead', {}, h('tr', {}, columns(queue).map(([key, name]) =>
        sortHeader(state.sort, key, name, t(`tickets.column.${name}`), on)))),
      h('tbody', {}, foldRows(list.items, folded(state)).map(({ ticket, linkedHere }) =>
        row(ticket, queue, Date.now(), state.staff ? selectBox(ticket, state.selected, on) : null, linkedHere))))),
    list.items.some(item => item.needsReview) ? reviewLegend() : null,
    pager(list, on),
  ];
}

/**
 * At phone width the column headings are hidden (each ticket is two lines, not a row of cells), so a touch screen
 * sorts with this choice above the list; wider screens sort by the headings and do not show it (phone.css).
 */
function sortChoice(state, on) {
  const options = columns(state.queue).filter(([key]) => key).flatMap(([key, name]) => {
    const column = name === 'number' ? t('tickets.sort.number') : t(`tickets.column.${name}`);
    return ['asc', 'desc'].map(dir => [`${key},${dir}`, t(`tickets.sort.${dir}`, { column })]);
  });
  // An address may sort in a way the choice does not offer: it is shown as it is rather than as another order.
  if (!options.some(([value]) => value === state.sort)) options.push([state.sort, state.sort]);
  const choice = select('sort', options, state.sort, { id: 'sort-choice' });
  choice.addEventListener('change', () => on.sortBy(choice.value));
  return h('label', { class: 'sort-choice' }, h('span', {}, t('tickets.sort.label')), choice);
}

function columns(queue) {
  return COLUMNS.filter(([, , queueOnly]) => queue || !queueOnly);
}

function sortHeader(sort, key, column, text, on) {
  if (!key) return h('th', { scope: 'col', dataset: { column } }, text);
  const [field, dir] = sort.split(',');
  const active = field === key;
  return h('th', { scope: 'col', dataset: { column },
    'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
    h('button', { type: 'button', class: 'sort', dataset: { focus: `sort-${key}` }, onclick: () => on.sort(key) },
      text, h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕')));
}

function row(ticket, queue, now, select, linkedHere) {
  return h('tr', { dataset: { ticketId: ticket.id }, class: ticket.unread ? 'unread' : null },
    h('td', { 'data-label': '#' }, String(ticket.id)),
    // One box for the title's parts, so at phone width (cells laid out as rows) they wrap as text, not as columns.
    // Staff's select box leads the title, so it is there at phone width too, where the number's column is not.
    h('td', { 'data-label': 'Title', class: 'title-cell' }, h('span', {}, select,
      h('a', { href: `#/tickets/${ticket.id}`, translate: 'no' }, ticket.title),
      ticket.unread ? unreadMarker() : null,
      ticket.location ? h('span', { class: 'muted' }, ' · ', h('span', { translate: 'no' }, ticket.location)) : null,
      incidentNote(ticket, linkedHere))),
    h('td', { 'data-label': 'Category' }, categoryBadge(ticket.category),
      ticket.needsReview ? h('span', { class: 'flag', title: t('tickets.list.needsReview') }, ' ?') : null),
    h('td', { 'data-label': 'Priority' }, priorityBadge(ticket.priority)),
    h('td', { 'data-label': 'Status' }, statusBadge(ticket.status)),
    h('td', { 'data-label': 'Assignee', class: 'assignee-cell' },
      ticket.assignee ? h('span', { translate: 'no' }, ticket.assignee)
        : h('span', { class: 'muted' }, t('tickets.list.unassigned'))),
    queue ? h('td', { 'data-label': 'Due' }, h('div', { class: 'due' }, dueTime(nextDue(ticket), now),
      ticketSlaBadge(ticket))) : null,
    h('td', { 'data-label': 'Opened' }, time(ticket.openedAt)),
    h('td', { 'data-label': 'Updated' }, time(ticket.updatedAt)));
}

/** A dot people see and the words a screen reader says; "New" beside it, so the dot is not the only sign. */
export function unreadMarker() {
  return h('span', { class: 'unread-marker', title: t('tickets.unread.title') },
    h('span', { class: 'unread-dot', 'aria-hidden': 'true' }),
    h('span', { 'aria-hidden': 'true' }, t('tickets.unread.short')),
    h('span', { class: 'sr-only' }, t('tickets.unread.long')));
}
