// The analytics panels' frame (title, freshness badge, controls, CSV link) and the three first panels: still open by
// when opened, active per category, resolution time. `charts` is the screen's chart board, `go(href)` opens a
// place: every bar leads to the queue filtered to it, and so does the first cell of its row in the table. Without
// `go` (people who may not open the queue) nothing leads anywhere.
import { h, mount, errorBox, loading, hours, label, CATEGORIES } from '../../dom.js';
import { csvHref, describePeriod, freshnessText } from './state.js';
import { links, priorityCounts } from './shape.js';

const COLORS = { FACILITY: '#b45309', IT: '#1d4ed8', SERVICES: '#047857' };
const PRIORITY_COLORS = { HIGH: '#1e3a8a', MEDIUM: '#3b82f6', LOW: '#bfdbfe' };

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

export function openPeriod(answer, period, charts, go) {
  const rows = CATEGORIES.map(c => [c, (answer.byCategory || {})[c] ?? 0]);
  const hrefOf = c => (go ? links.openPeriod(c, period) : null);
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Not closed per category; the table below has the numbers' });
  charts.draw('openPeriod', canvas, { type: 'bar', data: { labels: rows.map(r => label.category(r[0])),
    datasets: [{ label: 'Not closed', data: rows.map(r => r[1]), backgroundColor: CATEGORIES.map(c => COLORS[c]) }] },
  options: { plugins: { legend: { display: false } } } }, go && (i => go(hrefOf(rows[i][0]))));
  return [h('p', { class: 'big-number' }, h('strong', { id: 'open-period-unclosed' }, String(answer.unclosed)),
    ` tickets opened in the last ${describePeriod(period)} are not closed yet`),
  h('div', { class: 'chart chart-small' }, canvas),
  table(['Category', 'Not closed'], rows.map(([c, n]) => [link(label.category(c), hrefOf(c)), n]))];
}

export function resolution(answer, charts, go, choices) {
  const months = answer.months || [];
  const hrefOf = m => (go ? links.resolution(m, choices) : null);
  const rows = months.map(m => [link(m.month, hrefOf(m.month)), m.closed, hours(m.averageHours), hours(m.medianHours),
    hours(m.p90Hours)]);
  const canvas = h('canvas', { role: 'img',
    'aria-label': 'Average, median and 90th percentile resolution hours by opening month; the table below has the numbers' });
  charts.draw('resolution', canvas, {
    type: 'bar',
    data: { labels: months.map(m => m.month), datasets: [
      { label: 'Average hours', data: months.map(m => m.averageHours), backgroundColor: '#93c5fd' },
      { label: 'Median hours', data: months.map(m => m.medianHours), type: 'line', borderColor: '#1d4ed8' },
      { label: '90 % within hours', data: months.map(m => m.p90Hours), type: 'line', borderColor: '#b45309',
        borderDash: [6, 4] }] },
  }, go && (i => go(hrefOf(months[i].month))));
  return [h('div', { class: 'chart' }, canvas),
    h('p', { class: 'hint' }, `Months are the month a ticket was opened (${answer.zone || 'UTC'}); only closed tickets count.`),
    table(['Opened in', 'Closed', 'Average', 'Median', '90 %'], rows)];
}

export function category(answer, charts, go) {
  const entries = answer.categories || [];
  const byPriority = entries.map(priorityCounts);
  const split = byPriority.some(Boolean);
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Active and open tickets per category; the table below has the numbers' });
  const labels = entries.map(c => label.category(c.category));
  // With per-priority counts the active bar is stacked by priority; the open bar stands beside it.
  const active = split
    ? ['HIGH', 'MEDIUM', 'LOW'].map(p => ({ label: `Active, ${label.priority(p)}`, stack: 'active', priority: p,
      data: byPriority.map(b => (b ? b[p] : null)), backgroundColor: PRIORITY_COLORS[p] }))
    : [{ label: 'Active', stack: 'active', data: entries.map(c => c.active), backgroundColor: '#1d4ed8' }];
  const datasets = [...active, { label: 'Open', stack: 'open', data: entries.map(c => c.open ?? null),
    backgroundColor: '#fcd34d' }];
  charts.draw('category', canvas, { type: 'bar', data: { labels, datasets },
    options: { scales: { x: { stacked: true }, y: { stacked: true } } } }, go && ((i, d) => {
    const set = datasets[d];
    go(set.stack === 'open' ? links.category(entries[i].category, 'OPEN')
      : links.category(entries[i].category, 'ACTIVE', set.priority));
  }));
  const hrefOf = (c, status) => (go ? links.category(c, status) : null);
  const headers = ['Category', 'Active', ...(split ? ['High', 'Medium', 'Low'] : []), 'Open'];
  const rows = entries.map((c, i) => [link(label.category(c.category), hrefOf(c.category)), c.active,
    ...(split ? ['HIGH', 'MEDIUM', 'LOW'].map(p => (byPriority[i] ? byPriority[i][p] : null)) : []),
    c.open === null || c.open === undefined ? '—' : link(String(c.open), hrefOf(c.category, 'OPEN'))]);
  return [h('div', { class: 'chart chart-small' }, canvas), table(headers, rows),
    h('p', { class: 'total' }, `Total active: ${answer.total}`)];
}

/** A link to the queue; only text where there is nowhere to go. */
export function link(text, href) {
  return href ? h('a', { href, class: 'queue-link' }, text) : text;
}

/** A table of the chart's numbers; a cell may be a node (a link), anything else is shown as text. */
export function table(headers, rows, caption) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'table compact' },
    caption ? h('caption', { class: 'sr-only' }, caption) : null,
    h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {},
      c instanceof Node ? c : String(c ?? '—'))))))));
}
