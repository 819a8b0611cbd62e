// The three analytics panels: a frame per panel (title, freshness badge, controls, CSV link) and what each shows
// from its answer. `charts` is the screen's chart board.
import { h, mount, errorBox, loading, hours, label, CATEGORIES } from '../../dom.js';
import { csvHref, describePeriod, freshnessText } from './state.js';

const COLORS = { FACILITY: '#b45309', IT: '#1d4ed8', SERVICES: '#047857' };

export function panelFrame(title, endpoint) {
  const badge = h('span', { class: 'freshness' });
  const controls = h('div', { class: 'panel-controls' });
  const content = h('div', { class: 'panel-content' }, loading());
  const csv = h('a', { class: 'btn btn-small', href: `/api/analytics/${endpoint}?format=csv`, download: `${endpoint}.csv` },
    'Download CSV');
  const el = h('section', { class: 'card panel', id: `panel-${endpoint}` },
    h('div', { class: 'panel-head' }, h('h2', {}, title), badge), controls, content,
    h('div', { class: 'panel-foot' }, csv));
  return { el, badge, controls, content, csv };
}

/** Fills a frame from a settled answer (nothing yet: it keeps loading). */
export function fill(frame, url, settled, draw) {
  if (!settled) return;
  if (settled.status === 'rejected') {
    mount(frame.content, errorBox(settled.reason));
    frame.badge.replaceChildren();
    return;
  }
  frame.csv.href = csvHref(url);
  mount(frame.content, draw(settled.value));
  frame.badge.className = `freshness badge ${settled.value.stale ? 'stale' : 'fresh'}`;
  frame.badge.textContent = freshnessText(settled.value);
}

export function openPeriod(answer, period, charts) {
  const rows = CATEGORIES.map(c => [label.category(c), (answer.byCategory || {})[c] ?? 0]);
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Not closed per category' });
  charts.draw('openPeriod', canvas, { type: 'bar', data: { labels: rows.map(r => r[0]),
    datasets: [{ label: 'Not closed', data: rows.map(r => r[1]), backgroundColor: CATEGORIES.map(c => COLORS[c]) }] },
  options: { plugins: { legend: { display: false } } } });
  return [h('p', { class: 'big-number' }, h('strong', { id: 'open-period-unclosed' }, String(answer.unclosed)),
    ` tickets opened in the last ${describePeriod(period)} are not closed yet`),
  h('div', { class: 'chart chart-small' }, canvas), table(['Category', 'Not closed'], rows)];
}

export function resolution(answer, charts) {
  const months = answer.months || [];
  const rows = months.map(m => [m.month, m.closed, hours(m.averageHours), hours(m.medianHours), hours(m.p90Hours)]);
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Average, median and 90th percentile resolution hours by opening month' });
  charts.draw('resolution', canvas, {
    type: 'bar',
    data: { labels: months.map(m => m.month), datasets: [
      { label: 'Average hours', data: months.map(m => m.averageHours), backgroundColor: '#93c5fd' },
      { label: 'Median hours', data: months.map(m => m.medianHours), type: 'line', borderColor: '#1d4ed8' },
      { label: '90 % within hours', data: months.map(m => m.p90Hours), type: 'line', borderColor: '#b45309',
        borderDash: [6, 4] }] },
  });
  return [h('div', { class: 'chart' }, canvas),
    h('p', { class: 'hint' }, `Months are the month a ticket was opened (${answer.zone || 'UTC'}); only closed tickets count.`),
    table(['Opened in', 'Closed', 'Average', 'Median', '90 %'], rows)];
}

export function category(answer, charts) {
  const rows = (answer.categories || []).map(c => [label.category(c.category), c.active, c.open ?? '—']);
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Active and open tickets per category' });
  charts.draw('category', canvas, { type: 'bar', data: { labels: rows.map(r => r[0]), datasets: [
    { label: 'Active', data: rows.map(r => r[1]), backgroundColor: '#1d4ed8' },
    { label: 'Open', data: rows.map(r => (r[2] === '—' ? null : r[2])), backgroundColor: '#93c5fd' }] } });
  return [h('div', { class: 'chart chart-small' }, canvas),
    table(['Category', 'Active', 'Open'], rows),
    h('p', { class: 'total' }, `Total active: ${answer.total}`)];
}

function table(headers, rows) {
  return h('table', { class: 'table compact' }, h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, String(c ?? '—')))))));
}
