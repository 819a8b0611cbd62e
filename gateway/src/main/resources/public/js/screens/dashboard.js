// The analytics dashboard: a KPI banner and one panel per analytics answer, each with a CSV download and an
// "as of / stale" badge; every chart leads to the queue filtered to what was clicked. The state is the person's
// choices (in the address: a view can be shared, and survives a reload) and the answers (dashboard/state.js). A
// refresh fetches each answer once and re-renders from them; live events refresh once per burst, a timer keeps the
// badges honest. Staff also get the classifier's section.
import { api } from '../api.js';
import { h, mount, loading } from '../dom.js';
import { t } from '../i18n.js';
import { refreshOnLive, LIST_WAIT_MS, LIST_MAX_WAIT_MS } from '../live.js';
import { region, whenChanged } from '../region.js';
import { singleFlight } from '../schedule.js';
import { initialState, update, refreshPlan, urls, address } from './dashboard/state.js';
import { kpis } from './dashboard/kpis.js';
import * as panels from './dashboard/panels.js';
import * as trends from './dashboard/trends.js';
import { workload } from './dashboard/workload.js';
import { periodChooser } from './dashboard/period.js';
import { monthsChooser, daysChooser } from './dashboard/explore.js';
import { chartBoard } from './dashboard/charts.js';
import { classifierSection } from './dashboard/classifier.js';
import { collapseToggle, incidents } from './dashboard/incidents.js';
import { countOutagesOnce } from './dashboard/shape.js';

/** With no change arriving (e.g. while ticket-service is down) the badges must still turn stale. */
const BADGE_REFRESH_MS = 10000;

/** The dashboard's own styles, added to the page once. */
function useStylesheet() {
  if (document.getElementById('dashboard-css')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/css/dashboard.css', id: 'dashboard-css' }));
}

export async function render(container, { session = {}, query: initial } = {}) {
  useStylesheet();
  let state = initialState(initial);
  const charts = chartBoard();
  // Staff and analysts (to read) open the queue: for them every chart, row and card leads to the tickets behind it.
  const staff = session.role === 'STAFF';
  const opensQueue = staff || session.role === 'ANALYST';
  const go = opensQueue ? href => { location.hash = href; } : null;
  const kpisEl = h('section', { class: 'kpis', 'aria-label': t('dashboard.kpi.label'), id: 'kpis' });
  const frames = {
    openPeriod: panels.panelFrame(t('dashboard.panel.openPeriod'), 'open-period'),
    category: panels.panelFrame(t('dashboard.panel.category'), 'active-by-category'),
    resolution: panels.panelFrame(t('dashboard.panel.resolution'), 'resolution-time'),
    firstResponse: panels.panelFrame(t('dashboard.panel.firstResponse'), 'first-response'),
    sla: panels.panelFrame(t('dashboard.panel.sla'), 'sla'),
    volume: panels.panelFrame(t('dashboard.panel.volume'), 'volume'),
    workload: panels.panelFrame(t('dashboard.panel.workload'), 'workload'),
    incidents: panels.panelFrame(t('dashboard.panel.incidents'), 'incidents'),
  };
  const collapse = collapseToggle(c => choose({ type: 'choose', choices: c }));
  const period = periodChooser(p => choose({ type: 'period', period: p }));
  frames.openPeriod.controls.append(period.form);
  const months = monthsChooser(c => choose({ type: 'choose', choices: c }));
  const days = daysChooser(c => choose({ type: 'choose', choices: c }));
  frames.volume.controls.append(days.form);
  frames.workload.el.classList.add('panel-wide');
  // Seven columns of figures by month do not fit half a row at 1366 px: the SLA table takes a row of its own, and
  // the daily volume beside nothing takes one too.
  frames.sla.el.classList.add('panel-wide');
  frames.volume.el.classList.add('panel-wide');
  const drawKpis = region(kpisEl, a => kpis(a, opensQueue));
  // Each panel redraws only when its answer (or a choice it shows) changed.
  const panel = (name, draw) => whenChanged((url, settled, ...shown) => panels.fill(frames[name], url, settled,
    answer => draw(answer, ...shown)));
  const fills = {
    openPeriod: panel('openPeriod', (a, p) => panels.openPeriod(a, p, charts, go)),
    category: panel('category', a => panels.category(a, charts, go)),
    resolution: panel('resolution', (a, c) => panels.resolution(a, charts, go, c)),
    firstResponse: panel('firstResponse', (a, c) => trends.firstResponse(a, charts, go, c)),
    sla: panel('sla', (a, c) => trends.sla(a, charts, go, c)),
    volume: panel('volume', a => trends.volume(a, charts, go)),
    workload: panel('workload', (a, sort) => workload(a, sort, column => choose({ type: 'sort', column }), opensQueue)),
    incidents: panel('incidents', (a, p) => incidents(a, p, opensQueue)),
  };

  function show(action) {
    state = update(state, action);
    const { answers, choices } = state;
    countOutagesOnce(choices.collapse);
    const u = urls(choices);
    const settled = Object.fromEntries(Object.entries(u).map(([name, url]) => [name, answers[url]]));
    drawKpis(settled);
    fills.openPeriod(u.openPeriod, settled.openPeriod, choices.open);
    fills.category(u.category, settled.category);
    fills.resolution(u.resolution, settled.resolution, trendChoices(choices));
    fills.firstResponse(u.firstResponse, settled.firstResponse, trendChoices(choices));
    fills.sla(u.sla, settled.sla, trendChoices(choices));
    fills.volume(u.volume, settled.volume);
    fills.workload(u.workload, settled.workload, choices.sort);
    showIncidents(Boolean(u.incidents));
    fills.incidents(u.incidents ?? null, settled.incidents, choices.open);
    collapse.sync(choices);
    period.sync(choices.open);
    months.sync(choices);
    days.sync(choices);
  }

  /**
   * The incidents panel asks its answer only while an outage counts once. Hidden, nothing of it is loading (a
   * "Loading…" kept there would say the dashboard never settles); shown again, it loads until its answer is in.
   */
  function showIncidents(shown) {
    const frame = frames.incidents;
    if (frame.el.hidden === !shown) return;
    frame.el.hidden = !shown;
    if (shown) mount(frame.content, loading(t('dashboard.loading')));
    else mount(frame.content);
  }

  // The trend panels' links carry the months and filters: one object per set of those, so a redraw happens only
  // when they change.
  let trendKey = null;
  let trendValue = null;
  function trendChoices(choices) {
    const key = [choices.from, choices.to, choices.category, choices.priority].join('|');
    if (key !== trendKey) {
      trendKey = key;
      trendValue = { from: choices.from, to: choices.to, category: choices.category, priority: choices.priority };
    }
    return trendValue;
  }

  async function fetchAnswers(plan) {
    const settled = await Promise.allSettled(plan.map(url => api(url)));
    show({ type: 'answers', answers: Object.fromEntries(plan.map((url, i) => [url, settled[i]])) });
  }

  const refresh = singleFlight(() => fetchAnswers(refreshPlan(state)));

  /** A choice: remembered in the address, then only the answers it needs that are not on the screen yet. */
  function choose(action) {
    show(action);
    history.replaceState(null, '', address(state.choices));
    const missing = refreshPlan(state).filter(url => !state.answers[url]);
    return missing.length ? fetchAnswers(missing) : Promise.resolve();
  }

  const live = refreshOnLive(refresh, undefined, { wait: LIST_WAIT_MS, maxWait: LIST_MAX_WAIT_MS });
  const timer = setInterval(refresh, BADGE_REFRESH_MS);
  const classifier = staff ? classifierSection() : null;
  if (classifier) classifier.el.classList.add('panel-wide');

  container.append(h('section', { class: 'page dashboard' },
    h('div', { class: 'page-head' }, h('h1', {}, t('dashboard.title')),
      h('p', { class: 'muted' }, t(opensQueue ? 'dashboard.leadOpensQueue' : 'dashboard.lead')),
      collapse.form),
    kpisEl,
    h('div', { class: 'panels' }, frames.openPeriod.el, frames.category.el, frames.incidents.el),
    h('section', { class: 'card explore-card', 'aria-label': t('dashboard.explore.label') }, months.form),
    h('div', { class: 'panels' }, frames.resolution.el, frames.firstResponse.el, frames.sla.el, frames.volume.el),
    h('div', { class: 'panels' }, frames.workload.el),
    classifier ? h('div', { class: 'panels' }, classifier.el) : null));
  show({ type: 'answers', answers: {} });
  if (classifier) classifier.load();
  await refresh();
  return () => {
    live.stop();
    clearInterval(timer);
    charts.destroyAll();
  };
}
