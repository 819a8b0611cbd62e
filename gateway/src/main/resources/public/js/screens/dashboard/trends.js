// The panels of how the desk keeps its promises and how busy it is: first response by opening month, SLA
// attainment by opening month and the daily volume (opened and closed as bars, backlog as a line). Each bar leads
// to the queue filtered to it; the tables carry the same links for the keyboard (none without `go`).
import { h, hours, sentence } from '../../dom.js';
import { t, formatMonth, formatCalendarDay } from '../../i18n.js';
import { chartCanvas, link, spoken, table } from './panels.js';
import { links, slaSeries, volumeSeries } from './shape.js';
import { figure, percentValue } from './format.js';

export function firstResponse(answer, charts, go, choices) {
  const months = answer.months || [];
  const hrefOf = m => (go ? links.firstResponse(m, choices, answer.zone) : null);
  const canvas = chartCanvas(t('dashboard.firstResponse.chartLabel', { count: months.length }),
    'numbers-first-response');
  charts.draw('firstResponse', canvas, { type: 'bar', data: { labels: months.map(m => formatMonth(m.month)), datasets: [
    { label: t('dashboard.series.averageHours'), data: months.map(m => m.averageHours), backgroundColor: '#a7f3d0' },
    { label: t('dashboard.series.medianHours'), data: months.map(m => m.medianHours), type: 'line',
      borderColor: '#047857' },
    { label: t('dashboard.series.p90Hours'), data: months.map(m => m.p90Hours), type: 'line', borderColor: '#b45309',
      borderDash: [6, 4] }] } }, go && (i => go(hrefOf(months[i].month))));
  return [h('div', { class: 'chart' }, canvas),
    h('p', { class: 'hint' }, t('dashboard.firstResponse.hint')),
    table([t('dashboard.column.openedIn'), t('dashboard.column.answered'), t('dashboard.column.average'),
      t('dashboard.column.median'), t('dashboard.column.p90')], months.map(m => [link(formatMonth(m.month), hrefOf(m.month)),
      figure(m.responded), hours(m.averageHours), hours(m.medianHours), hours(m.p90Hours)]),
    t('dashboard.firstResponse.caption'), 'numbers-first-response')];
}

export function sla(answer, charts, go, choices) {
  const series = slaSeries(answer);
  const hrefOf = m => (go ? links.sla(m, choices, answer.zone) : null);
  const canvas = chartCanvas(t('dashboard.sla.chartLabel', { values: spoken(series.map(s => [formatMonth(s.month),
    percentValue(s.percent)])) }), 'numbers-sla');
  charts.draw('sla', canvas, { type: 'bar', data: { labels: series.map(s => formatMonth(s.month)), datasets: [
    { label: t('dashboard.sla.series'), data: series.map(s => s.percent), backgroundColor: '#1d4ed8' }] },
  options: { plugins: { legend: { display: false } }, scales: { y: { max: 100, ticks: { precision: 0 } } } } },
  go && (i => go(hrefOf(series[i].month))));
  return [h('p', { class: 'big-number' }, sentence('dashboard.sla.breachedNow',
    { breached: h('strong', { id: 'sla-breached-now' }, figure(answer.breachedNow)) }, { count: answer.breachedNow ?? 0 })),
  h('div', { class: 'chart' }, canvas),
  h('p', { class: 'hint' }, t('dashboard.sla.hint')),
  table([t('dashboard.column.openedIn'), t('dashboard.column.tickets'), t('dashboard.sla.firstResponseMet'),
    t('dashboard.sla.firstResponseMissed'), t('dashboard.sla.resolutionMet'), t('dashboard.sla.resolutionMissed'),
    t('dashboard.sla.attainment')],
  series.map(s => [link(formatMonth(s.month), hrefOf(s.month)), figure(s.tickets), figure(s.row.firstResponseMet),
    figure(s.row.firstResponseBreached), figure(s.row.resolutionMet), figure(s.row.resolutionBreached),
    percentValue(s.percent)]), t('dashboard.sla.caption'), 'numbers-sla')];
}

export function volume(answer, charts, go) {
  const v = volumeSeries(answer);
  const canvas = chartCanvas(t('dashboard.volume.chartLabel', { count: v.labels.length, opened: v.totals.opened,
    closed: v.totals.closed }), 'numbers-volume');
  charts.draw('volume', canvas, { type: 'bar', data: { labels: v.labels.map(d => formatCalendarDay(d, true)),
    datasets: [
    { label: t('dashboard.column.opened'), data: v.opened, backgroundColor: '#1d4ed8' },
    { label: t('dashboard.column.closed'), data: v.closed, backgroundColor: '#9ca3af' },
    { label: t('dashboard.volume.backlogSeries'), data: v.backlog, type: 'line', borderColor: '#b45309',
      pointRadius: 0 }] } }, go && (i => go(links.day(v.labels[i], answer.zone))));
  const hrefOf = d => (go ? links.day(d, answer.zone) : null);
  return [h('p', { class: 'summary', id: 'volume-summary' }, t('dashboard.volume.summary', { count: v.labels.length,
    opened: v.totals.opened, closed: v.totals.closed, backlog: v.totals.backlog ?? '—' })),
  h('div', { class: 'chart' }, canvas),
  h('details', { class: 'numbers' }, h('summary', {}, t('dashboard.volume.numbers')),
    table([t('dashboard.column.day'), t('dashboard.column.opened'), t('dashboard.column.closed'),
      t('dashboard.column.backlog')], v.labels.map((d, i) => [link(formatCalendarDay(d), hrefOf(d)), figure(v.opened[i]),
      figure(v.closed[i]), figure(v.backlog[i])]), t('dashboard.volume.caption'), 'numbers-volume'))];
}
