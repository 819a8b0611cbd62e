// The ticket list: for students every OPEN and ACTIVE ticket, for staff the queue with Open / Active / Closed
// tabs and their counts. Search, filters, sortable columns and paging are all server-side; the state lives in
// the address (#/tickets?status=...) so reload and back keep it. Live events reload the page that is shown.
import { api, query } from '../api.js';
import { h, mount, errorBox, emptyState, loading, debounce, label, select, time, statusBadge, priorityBadge,
  categoryBadge, CATEGORIES, PRIORITIES } from '../dom.js';
import { onLive } from '../live.js';

const SIZE = 20;
const COLUMNS = [
  ['id', '#'], ['title', 'Title'], ['category', 'Category'], ['priority', 'Priority'], ['status', 'Status'],
  ['openedAt', 'Opened'], ['updatedAt', 'Updated'],
];

export async function render(container, { session, query: initial }) {
  const staff = session.role === 'STAFF';
  const state = {
    status: initial.get('status') || (staff ? 'OPEN' : ''),
    q: initial.get('q') || '', category: initial.get('category') || '', priority: initial.get('priority') || '',
    from: initial.get('from') || '', to: initial.get('to') || '',
    sort: initial.get('sort') || 'openedAt,desc', page: Number(initial.get('page') || 0),
  };
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Ticket status' });
  const results = h('div', { class: 'results', 'aria-live': 'polite', 'aria-busy': 'false' });
  const filters = filterForm(state, staff, () => { state.page = 0; load(); });
  let controller = null;

  async function load() {
    history.replaceState(null, '', `#/tickets${query({ status: state.status, q: state.q, category: state.category,
      priority: state.priority, from: state.from, to: state.to, sort: state.sort, page: state.page || '' })}`);
    if (controller) controller.abort();
    controller = new AbortController();
    const signal = controller.signal;
    results.setAttribute('aria-busy', 'true');
    if (!results.firstChild) mount(results, loading('Loading tickets…'));
    const common = { q: state.q, category: state.category, priority: state.priority,
      openedFrom: dayStart(state.from), openedTo: dayEnd(state.to) };
    try {
      const [page, counts] = await Promise.all([
        api(`/api/tickets${query({ ...common, status: state.status || (staff ? '' : 'OPEN,ACTIVE'),
          sort: state.sort, page: state.page, size: SIZE })}`, { signal }),
        staff ? countAll(common, signal) : null,
      ]);
      if (staff) drawTabs(counts);
      drawResults(page);
    } catch (err) {
      if (err.name !== 'AbortError') mount(results, errorBox(err));
    } finally {
      results.setAttribute('aria-busy', 'false');
    }
  }

  function drawTabs(counts) {
    mount(tabs, ['OPEN', 'ACTIVE', 'CLOSED'].map(s => h('button', {
      type: 'button', role: 'tab', class: 'tab', 'aria-selected': String(state.status === s), dataset: { status: s },
      onclick: () => { state.status = s; state.page = 0; load(); },
    }, label.status(s), h('span', { class: 'count' }, String(counts[s])))));
  }

  function drawResults(page) {
    if (!page.items.length) {
      const filtered = state.q || state.category || state.priority || state.from || state.to;
      mount(results, emptyState(filtered ? 'No tickets match these filters.' : 'No tickets here yet.',
        filtered ? 'Try fewer filters or another search.' : (staff ? 'Nothing is waiting in this tab.' : 'Everything works — or nobody told us yet.'),
        staff ? null : h('a', { class: 'btn btn-primary', href: '#/report' }, 'Report a problem')));
      return;
    }
    const first = page.page * page.size + 1;
    const last = first + page.items.length - 1;
    mount(results,
      h('table', { class: 'table tickets' },
        h('caption', { class: 'sr-only' }, 'Tickets, sortable by column'),
        h('thead', {}, h('tr', {}, COLUMNS.map(([key, text]) => sortHeader(key, text)))),
        h('tbody', {}, page.items.map(row))),
      h('nav', { class: 'pager', 'aria-label': 'Pages' },
        h('button', { type: 'button', class: 'btn', disabled: page.page === 0,
          onclick: () => { state.page -= 1; load(); } }, '← Previous'),
        h('span', {}, `${first}–${last} of ${page.total}`),
        h('button', { type: 'button', class: 'btn', disabled: last >= page.total,
          onclick: () => { state.page += 1; load(); } }, 'Next →')));
  }

  function sortHeader(key, text) {
    const [field, dir] = state.sort.split(',');
    const active = field === key;
    const next = active && dir === 'asc' ? 'desc' : 'asc';
    return h('th', { scope: 'col', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', class: 'sort', onclick: () => { state.sort = `${key},${next}`; load(); } },
        text, h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕')));
  }

  const reload = debounce(load, 250);
  const unsubscribe = onLive(() => reload());
  // Closing a ticket sends students no event, so a list left in a background tab refreshes when looked at.
  const onVisible = () => { if (document.visibilityState === 'visible') reload(); };
  document.addEventListener('visibilitychange', onVisible);

  container.append(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', {}, staff ? 'Queue' : 'Tickets'),
      h('a', { class: 'btn btn-primary', href: '#/report' }, 'Report a problem')),
    staff ? tabs : null, filters, results));
  await load();
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisible);
    if (controller) controller.abort();
  };
}

function row(t) {
  return h('tr', { dataset: { ticketId: t.id } },
    h('td', { 'data-label': '#' }, String(t.id)),
    h('td', { 'data-label': 'Title', class: 'title-cell' }, h('a', { href: `#/tickets/${t.id}` }, t.title),
      t.location ? h('span', { class: 'muted' }, ` · ${t.location}`) : null),
    h('td', { 'data-label': 'Category' }, categoryBadge(t.category), t.needsReview ? h('span', { class: 'flag', title: 'Category needs review' }, ' ?') : null),
    h('td', { 'data-label': 'Priority' }, priorityBadge(t.priority)),
    h('td', { 'data-label': 'Status' }, statusBadge(t.status)),
    h('td', { 'data-label': 'Opened' }, time(t.openedAt)),
    h('td', { 'data-label': 'Updated' }, time(t.updatedAt)));
}

async function countAll(common, signal) {
  const totals = await Promise.all(['OPEN', 'ACTIVE', 'CLOSED'].map(status =>
    api(`/api/tickets${query({ ...common, status, page: 0, size: 1 })}`, { signal }).then(p => p.total)));
  return { OPEN: totals[0], ACTIVE: totals[1], CLOSED: totals[2] };
}

function filterForm(state, staff, changed) {
  const q = h('input', { type: 'search', name: 'q', value: state.q, placeholder: 'Search title and description' });
  const category = select('category', [['', 'All categories'], ...CATEGORIES.map(c => [c, label.category(c)])],
    state.category);
  const priority = select('priority', [['', 'All priorities'], ...PRIORITIES.map(p => [p, label.priority(p)])],
    state.priority);
  const from = h('input', { type: 'date', name: 'from', value: state.from });
  const to = h('input', { type: 'date', name: 'to', value: state.to });
  const status = staff ? null : select('status', [['', 'All'], ['OPEN', 'Open'], ['ACTIVE', 'Active']],
    state.status);
  const labelled = (text, control) => h('label', { class: 'filter' }, h('span', {}, text), control);
  const form = h('form', { class: 'filters', role: 'search', onsubmit: e => e.preventDefault() },
    labelled('Search', q), status ? labelled('Status', status) : null, labelled('Category', category),
    labelled('Priority', priority), labelled('Opened from', from), labelled('Opened to', to));
  // At phone width the filters fold away behind one line; wider screens show them open.
  const box = h('details', { class: 'filters-box', open: window.matchMedia('(min-width: 601px)').matches
    || Boolean(state.q || state.category || state.priority || state.from || state.to) },
  h('summary', {}, 'Search and filters'), form);
  const read = () => {
    Object.assign(state, { q: q.value.trim(), category: category.value, priority: priority.value,
      from: from.value, to: to.value });
    if (status) state.status = status.value;
    changed();
  };
  q.addEventListener('input', debounce(read, 300));
  form.addEventListener('change', e => { if (e.target !== q) read(); });
  return box;
}

function dayStart(day) { return day ? new Date(`${day}T00:00:00`).toISOString() : ''; }
function dayEnd(day) { return day ? new Date(`${day}T23:59:59.999`).toISOString() : ''; }
