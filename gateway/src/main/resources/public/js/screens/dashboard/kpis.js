// The KPI banner: five figures read from the answers the panels show too (nothing is fetched for it alone but the
// last 24 h, which the period panel shares while it shows 24 h).
import { h, loading, hours } from '../../dom.js';
import { ANSWERS, currentMonth } from './state.js';

export function kpis(category, lastDay, resolution) {
  if (!category && !lastDay && !resolution) return loading('Loading figures…');
  const month = resolution && resolution.status === 'fulfilled' ? currentMonth(resolution.value) : null;
  return [
    kpi('open-now', 'Open now', category, v => v.openTotal, 'waiting to be taken'),
    kpi('active-now', 'Active now', category, v => v.total, 'being handled'),
    kpi('opened-24h', 'Still open from the last 24 h', lastDay, v => v.unclosed, 'opened in the last 24 h, not closed'),
    kpi('avg-resolution', 'Average resolution time', resolution, () => hours(month && month.averageHours),
      month ? `tickets opened in ${month.month}, ${month.closed} closed` : 'this month'),
    kpi('median-first-response', 'Median first response', resolution,
      () => hours(month && month.medianFirstResponseHours), month ? `tickets opened in ${month.month}` : 'this month'),
  ];
}

/** The answers the banner reads, in the order kpis() takes them. */
export function kpiAnswers(answers) {
  return [answers[ANSWERS.category], answers[ANSWERS.lastDay], answers[ANSWERS.resolution]];
}

function kpi(id, title, settled, value, note) {
  const ok = Boolean(settled) && settled.status === 'fulfilled';
  const v = ok ? value(settled.value) : '—';
  const why = settled && !ok ? settled.reason.message : note;
  return h('div', { class: `kpi${ok && settled.value.stale ? ' kpi-stale' : ''}`, id: `kpi-${id}` },
    h('span', { class: 'kpi-title' }, title),
    h('strong', { class: 'kpi-value', dataset: { value: String(v) } }, String(v ?? '—')),
    h('span', { class: 'kpi-note' }, ok && settled.value.stale ? `${note} · stale` : why));
}
