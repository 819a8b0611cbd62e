// The ticket list: for students every OPEN and ACTIVE ticket (or only their own: My tickets), for staff the queue
// with Open / Active / Closed tabs and Mine / Unassigned / All views (analysts: the same queue to read, without Mine), all with their counts. Search, filters, sorting and paging are server-side. The state is one plain object
// (tickets/state.js); handlers turn events into actions, and every action re-renders from the new state. Live
// events reload the page shown, once per burst. Each choice (page, size, filters, sort, tab, view) is a new entry in
// the browser's history, so Back and Forward walk through the lists seen; the router draws the list again from
// the address then (app.js, on hashchange), as it does on a reload.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { refreshOnLive, LIST_WAIT_MS, LIST_MAX_WAIT_MS } from '../live.js';
import { region } from '../region.js';
import { initialState, update, requests, address, viewOf, viewCounts, selectable } from './tickets/state.js';
import { tabs as drawTabs, views as drawViews, results as drawResults, reportedBy as drawReportedBy, listSummary }
  from './tickets/view.js';
import { filterForm } from './tickets/filters.js';
import { recentlySolvedRegion, solvedNoticeRegion } from './tickets/solved-notice.js';
import { queueTools, linkBody } from './tickets/incidents.js';
import { incidentWords, incidentRefusalText } from '../words.js';
import { reloadLater, outOfReach } from '../reload-later.js';

export async function render(container, { session, query: initial }) {
  let state = initialState(session.role, initial);
  let controller = null;
  const tabsEl = h('div', { class: 'tabs', role: 'group', 'aria-label': t('tickets.page.tabsLabel') });
  const viewsEl = h('div', { class: 'views', role: 'group', 'aria-label': t('tickets.page.viewsLabel') });
  // Not a live region: the table is redrawn on every sort, page and live refresh, and a screen reader would read it
  // over whatever the person does. What their own choice found is said in one line instead (summaryEl).
  const resultsEl = h('div', { class: 'results', 'aria-busy': 'false' });
  const summaryEl = h('p', { class: 'sr-only', role: 'status' });
  const toolsEl = h('div', { class: 'queue-tools' });
  const whoseEl = h('div', {});
  // Students' own closed tickets are not in their list: it says once that they were solved.
  const solvedEl = h('div', {});
  const stopSolved = state.role === 'STUDENT' ? solvedNoticeRegion(solvedEl) : () => {};
  // ... and lists them, seen or not, for 30 days under the list.
  const recentEl = h('div', {});
  const stopRecent = state.role === 'STUDENT' ? recentlySolvedRegion(recentEl) : () => {};
  const on = {
    tab: status => ask({ type: 'tab', status }),
    view: view => ask({ type: 'view', view }),
    sort: column => ask({ type: 'sort', column }),
    sortBy: sort => ask({ type: 'sortBy', sort }),
    page: delta => ask({ type: 'page', delta }),
    goto: page => ask({ type: 'goto', page }),
    reload: () => load({ said: true }),
    size: size => ask({ type: 'size', size }),
    select: (id, on) => {
      show({ type: 'select', id, on });
      // The bar with the count and the link form appears above the table, out of the person's way: said here.
      summaryEl.textContent = state.selected.length ? incidentWords.selected(state.selected.length) : '';
    },
    selectAll: (ids, on) => {
      show({ type: 'selectAll', ids, on });
      summaryEl.textContent = state.selected.length ? incidentWords.selected(state.selected.length) : '';
    },
    fold: on => ask({ type: 'fold', on }),
    filters: filters => ask({ type: 'filters', filters }),
    link: async incident => {
      try {
        await api(`/api/tickets/${incident}/links`, { method: 'POST', body: linkBody(state.selected, incident) });
      } catch (err) {
        throw new Error(incidentRefusalText(err));
      }
      show({ type: 'linked', notice: incidentWords.linkedSelected(linkBody(state.selected, incident).tickets.length,
        incident) });
      await load();
    },
  };
  const tabsRegion = region(tabsEl, (status, counts) => drawTabs(status, counts, on));
  const viewsRegion = region(viewsEl, (view, counts) => drawViews(view, state, counts, on));
  const resultsRegion = region(resultsEl, () => drawResults(state, on));
  const whoseRegion = region(whoseEl, name => drawReportedBy(name, on));
  // The selection is left out of what redraws the table: a ticked box keeps its focus; only the bar above changes.
  const toolsRegion = region(toolsEl, () => queueTools(state, on, selectable(state)));

  function show(action) {
    state = update(state, action);
    tabsRegion(state.status, state.counts);
    viewsRegion(viewOf(state), state.viewCounts);
    whoseRegion(state.reportedBy);
    resultsRegion(state.list, state.error, state.sort, state.fold, state.cleared);
    // Redrawn for a new set of rows to select, not for every new list: a live refresh reset the incident chosen in
    // the link form (a link could then go to the wrong incident) and the number typed beside it.
    if (state.queue) toolsRegion(state.selected, state.fold, state.linkNotice, selectable(state).join(','));
    resultsEl.setAttribute('aria-busy', String(state.busy));
  }

  let typing = false;

  /**
   * An action that changes what is asked: show it, remember it in the history, then load what it asks. Typing a
   * search is one entry however often the typist pauses: Back returns to the list before the search, not to "wif".
   */
  function ask(action) {
    const before = state;
    show(action);
    const here = address(state);
    const searching = action.type === 'filters' && address({ ...before, q: state.q, page: state.page }) === here;
    if (here !== location.hash) {
      if (searching && typing) history.replaceState(null, '', here);
      else history.pushState(null, '', here);
    }
    typing = searching;
    return load({ said: true });
  }

  // The person asked for a list that has not come yet: said once a list comes, even if a live refresh took its place.
  let owed = false;

  /** `said`: the person asked for this list, so what it holds is said; a live refresh redraws it quietly. */
  async function load({ said = false } = {}) {
    owed = owed || said;
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    show({ type: 'loading' });
    try {
      const asked = state;
      const plan = requests(asked);
      const [list, counts, otherCounts] = await Promise.all([api(plan.list, { signal }),
        plan.counts ? api(plan.counts, { signal }) : null, plan.otherCounts ? api(plan.otherCounts, { signal }) : null]);
      show({ type: 'loaded', list, counts: counts && counts.byStatus,
        viewCounts: counts && viewCounts(asked, counts, otherCounts) });
      if (owed) summaryEl.textContent = listSummary(state);
      owed = false;
      reloader.loaded();
    } catch (err) {
      if (err.name === 'AbortError') return;
      // Out of reach again on a reload by itself: the same notice stays, rather than one redrawn (and read out by a
      // screen reader, role=alert) every few seconds while the desk is away.
      show({ type: 'failed', error: outOfReach(err) && outOfReach(state.error) ? state.error : err });
      reloader.failed(err);
    }
  }
  const reloader = reloadLater(load);

  const live = refreshOnLive(load, undefined, { wait: LIST_WAIT_MS, maxWait: LIST_MAX_WAIT_MS });
  // Closing a ticket sends students no event, so a list left in a background tab refreshes when looked at.
  const onVisible = () => { if (document.visibilityState === 'visible') live(); };
  document.addEventListener('visibilitychange', onVisible);

  container.append(h('section', { class: 'page tickets-page' },
    h('div', { class: 'page-head' }, h('h1', {}, state.queue ? t('tickets.page.queueTitle') : t('tickets.page.title')),
      // Analysts read the queue and report nothing (the gateway refuses them every write).
      state.role === 'ANALYST' ? null : h('a', { class: 'btn btn-primary', href: '#/report' }, t('tickets.page.report'))),
    solvedEl,
    viewsEl,
    state.queue ? tabsEl : null,
    state.queue ? whoseEl : null,
    filterForm(state, on.filters),
    state.queue ? toolsEl : null,
    summaryEl,
    resultsEl,
    recentEl));
  // The address as this list reads it (defaults filled in, a page beyond reach clamped), without a new entry.
  history.replaceState(null, '', address(state));
  await load();
  return () => {
    live.stop();
    reloader.stop();
    stopSolved();
    stopRecent();
    document.removeEventListener('visibilitychange', onVisible);
    if (controller) controller.abort();
  };
}

