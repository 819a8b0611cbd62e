// The analytics dashboard: a KPI banner and one panel per analytics service, each with a CSV download and an
// "as of / stale" badge. The state is the chosen period and the answers (dashboard/state.js). A refresh fetches
// each answer once and re-renders from them; live events refresh once per burst, a timer keeps the badges honest.
import { api } from '../api.js';
import { h } from '../dom.js';
import { refreshOnLive } from '../live.js';
import { region, whenChanged } from '../region.js';
import { singleFlight } from '../schedule.js';
import { ANSWERS, initialState, update, refreshPlan, openPeriodUrl } from './dashboard/state.js';
import { kpis, kpiAnswers } from './dashboard/kpis.js';
import * as panels from './dashboard/panels.js';
import { periodChooser } from './dashboard/period.js';
import { chartBoard } from './dashboard/charts.js';

/** With no change arriving (e.g. while ticket-service is down) the badges must still turn stale. */
const BADGE_REFRESH_MS = 10000;

export async function render(container) {
  let state = initialState();
  const charts = chartBoard();
  const kpisEl = h('section', { class: 'kpis', 'aria-label': 'Key figures', id: 'kpis' });
  const frames = {
    openPeriod: panels.panelFrame('Still open, by when they were opened', 'open-period'),
    resolution: panels.panelFrame('Resolution time by opening month', 'resolution-time'),
    category: panels.panelFrame('Active tickets per category', 'active-by-category'),
  };
  const chooser = periodChooser(period => choosePeriod(period));
  frames.openPeriod.controls.append(chooser.form);
  const drawKpis = region(kpisEl, kpis);
  const fills = {
    openPeriod: whenChanged((url, settled, period) => panels.fill(frames.openPeriod, url, settled,
      answer => panels.openPeriod(answer, period, charts))),
    resolution: whenChanged(settled => panels.fill(frames.resolution, ANSWERS.resolution, settled,
      answer => panels.resolution(answer, charts))),
    category: whenChanged(settled => panels.fill(frames.category, ANSWERS.category, settled,
      answer => panels.category(answer, charts))),
  };

  function show(action) {
    state = update(state, action);
    const { answers, period } = state;
    drawKpis(...kpiAnswers(answers));
    const openUrl = openPeriodUrl(period);
    fills.openPeriod(openUrl, answers[openUrl], period);
    fills.resolution(answers[ANSWERS.resolution]);
    fills.category(answers[ANSWERS.category]);
    chooser.sync(period);
  }

  async function fetchAnswers(urls) {
    const settled = await Promise.allSettled(urls.map(url => api(url)));
    show({ type: 'answers', answers: Object.fromEntries(urls.map((url, i) => [url, settled[i]])) });
  }

  const refresh = singleFlight(() => fetchAnswers(refreshPlan(state)));

  function choosePeriod(period) {
    show({ type: 'period', period });
    return fetchAnswers([openPeriodUrl(period)]);
  }

  const live = refreshOnLive(refresh);
  const timer = setInterval(refresh, BADGE_REFRESH_MS);

  container.append(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', {}, 'Dashboard'),
      h('p', { class: 'muted' }, 'Live: figures refresh when a ticket changes.')),
    kpisEl,
    h('div', { class: 'panels' }, frames.openPeriod.el, frames.category.el, frames.resolution.el)));
  show({ type: 'answers', answers: {} });
  await refresh();
  return () => {
    live.stop();
    clearInterval(timer);
    charts.destroyAll();
  };
}
