// The panels of how the desk keeps its promises and how busy it is: first response by opening month, SLA
// attainment by opening month and the daily volume (opened and closed as bars, backlog as a line). Each bar leads
// to the queue filtered to it; the tables carry the same links for the keyboard (none without `go`).
import { h, hours } from '../../dom.js';
import { link, table } from './panels.js';
import { links, slaSeries, volumeSeries } from './shape.js';

export function firstResponse(answer, charts, go, choices) {
  const months = answer.months || [];
  const hrefOf = m => (go ? links.firstResponse(m, choices) : null);
  const canvas = h('canvas', { role: 'img',
    'aria-label': 'Average, median and 90th percentile first-response hours by opening month; the table below has the numbers' });
  charts.draw('firstResponse', canvas, { type: 'bar', data: { labels: months.map(m => m.month), datasets: [
    { label: 'Average hours', data: months.map(m => m.averageHours), backgroundColor: '#a7f3d0' },
    { label: 'Median hours', data: months.map(m => m.medianHours), type: 'line', borderColor: '#047857' },
    { label: '90 % within hours', data: months.map(m => m.p90Hours), type: 'line', borderColor: '#b45309',
      borderDash: [6, 4] }] } }, go && (i => go(hrefOf(months[i].month))));
  return [h('div', { class: 'chart' }, canvas),
    h('p', { class: 'hint' }, 'From opening to the first public staff answer; months are the month a ticket was opened.'),
    table(['Opened in', 'Answered', 'Average', 'Median', '90 %'], months.map(m => [link(m.month, hrefOf(m.month)),
      m.responded, hours(m.averageHours), hours(m.medianHours), hours(m.p90Hours)]))];
}

export function sla(answer, charts, go, choices) {
  const series = slaSeries(answer);
  const hrefOf = m => (go ? links.sla(m, choices) : null);
  const canvas = h('canvas', { role: 'img',
    'aria-label': 'Share of response targets met by opening month, in percent; the table below has the numbers' });
  charts.draw('sla', canvas, { type: 'bar', data: { labels: series.map(s => s.month), datasets: [
    { label: 'Targets met (%)', data: series.map(s => s.percent), backgroundColor: '#1d4ed8' }] },
  options: { plugins: { legend: { display: false } }, scales: { y: { max: 100, ticks: { precision: 0 } } } } },
  go && (i => go(hrefOf(series[i].month))));
  return [h('p', { class: 'big-number' }, h('strong', { id: 'sla-breached-now' }, String(answer.breachedNow ?? '—')),
    ' open or active tickets have missed a target right now'),
  h('div', { class: 'chart' }, canvas),
  h('p', { class: 'hint' }, 'Met ÷ (met + missed), first response and resolution together; tickets still within their '
    + 'targets count in neither.'),
  table(['Opened in', 'Tickets', 'First response met', 'missed', 'Resolution met', 'missed', 'Attainment'],
    series.map(s => [link(s.month, hrefOf(s.month)), s.tickets, s.row.firstResponseMet, s.row.firstResponseBreached,
      s.row.resolutionMet, s.row.resolutionBreached, s.percent === null ? '—' : `${s.percent} %`]))];
}

export function volume(answer, charts, go) {
  const v = volumeSeries(answer);
  const canvas = h('canvas', { role: 'img',
    'aria-label': 'Tickets opened and closed per day as bars, backlog as a line; the table below has the numbers' });
  charts.draw('volume', canvas, { type: 'bar', data: { labels: v.labels, datasets: [
    { label: 'Opened', data: v.opened, backgroundColor: '#1d4ed8' },
    { label: 'Closed', data: v.closed, backgroundColor: '#9ca3af' },
    { label: 'Backlog (not closed at the end of the day)', data: v.backlog, type: 'line', borderColor: '#b45309',
      pointRadius: 0 }] } }, go && (i => go(links.day(v.labels[i]))));
  const hrefOf = d => (go ? links.day(d) : null);
  return [h('p', { class: 'summary', id: 'volume-summary' },
    `${v.totals.opened} opened and ${v.totals.closed} closed in ${v.labels.length} days; `
      + `${v.totals.backlog ?? '—'} not closed at the end of the last day.`),
  h('div', { class: 'chart' }, canvas),
  h('details', { class: 'numbers' }, h('summary', {}, 'The numbers per day'),
    table(['Day', 'Opened', 'Closed', 'Backlog'], v.labels.map((d, i) => [link(d, hrefOf(d)), v.opened[i], v.closed[i],
      v.backlog[i]])))];
}
