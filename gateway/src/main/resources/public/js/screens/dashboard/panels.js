// The analytics panels' frame (title, freshness badge, controls, CSV link) and the three first panels: still open by
// when opened, active per category, resolution time. `charts` is the screen's chart board, `go(href)` opens a
// place: every bar leads to the queue filtered to it, and so does the first cell of its row in the table. Without
// `go` (people who may not open the queue) nothing leads anywhere.
import { h, hours, mount, errorBox, loading, label, sentence, CATEGORIES } from '../../dom.js';
import { t, formatList, formatNumber, formatMonth } from '../../i18n.js';
import { csvHref, describePeriod, freshnessText, notCountedYet } from './state.js';
import { links, priorityCounts } from './shape.js';
import { figure } from './format.js';

const COLORS = { FACILITY: '#b45309', IT: '#1d4ed8', SERVICES: '#047857' };
const PRIORITY_COLORS = { HIGH: '#1e3a8a', MEDIUM: '#3b82f6', LOW: '#bfdbfe' };
// A light fill (under 3:1 against the white page) is outlined in a darker shade of itself, so that its bar's edge can
// be seen (WCAG 1.4.11); the table under each chart says the same figures in words.
const OUTLINED = edge => ({ borderColor: edge, borderWidth: 1.5 });
const PRIORITY_EDGES = { HIGH: {}, MEDIUM: {}, LOW: OUTLINED('#2563eb') };

export function panelFrame(title, endpoint) {
  const badge = h('span', { class: 'freshness' });
  const controls = h('div', { class: 'panel-controls' });
  const content = h('div', { class: 'panel-content' }, loading(t('dashboard.loading')));
  const csv = h('a', { class: 'btn btn-small', href: `/api/analytics/${endpoint}?format=csv`, download: `${endpoint}.csv` },
    t('dashboard.panel.downloadCsv'));
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
  if (notCountedYet(settled.value)) {
    mount(frame.content, loading(t('dashboard.notCountedYet')));
    frame.badge.replaceChildren();
    return;
  }
  frame.csv.href = csvHref(url);
  mount(frame.content, draw(settled.value));
  frame.badge.className = `freshness badge ${settled.value.stale ? 'stale' : 'fresh'}`;
  frame.badge.textContent = freshnessText(settled.value);
}

/**
 * A chart's canvas, read as one image by screen readers: its label says what it shows (with the figures where they
 * are few), and the table of all its numbers (id `numbers`) describes it.
 */
export function chartCanvas(labelText, numbers) {
  return h('canvas', { role: 'img', 'aria-label': labelText, 'aria-describedby': numbers });
}

/** "Facility: 2, IT: 5 and Services: 0": a short series said in words, the language's way. */
export function spoken(pairs) {
  return formatList(pairs.map(([name, n]) => t('dashboard.chart.pair', { name, value: n ?? '—' })));
}

function unclosedSentence(period, unclosed) {
  return sentence(period.hours ? 'dashboard.openPeriod.summary.hours' : 'dashboard.openPeriod.summary.days',
    { unclosed: h('strong', { id: 'open-period-unclosed' }, figure(unclosed)) }, { count: period.hours || period.days });
}

export function openPeriod(answer, period, charts, go) {
  const rows = CATEGORIES.map(c => [c, (answer.byCategory || {})[c] ?? 0]);
  const hrefOf = c => (go ? links.openPeriod(c, period) : null);
  const canvas = chartCanvas(t('dashboard.openPeriod.chartLabel', { period: describePeriod(period),
    values: spoken(rows.map(([c, n]) => [label.category(c), n])) }), 'numbers-open-period');
  charts.draw('openPeriod', canvas, { type: 'bar', data: { labels: rows.map(r => label.category(r[0])),
    datasets: [{ label: t('dashboard.column.notClosed'), data: rows.map(r => r[1]),
      backgroundColor: CATEGORIES.map(c => COLORS[c]) }] },
  options: { plugins: { legend: { display: false } } } }, go && (i => go(hrefOf(rows[i][0]))));
  return [h('p', { class: 'big-number' }, unclosedSentence(period, answer.unclosed)),
    h('div', { class: 'chart chart-small' }, canvas),
    table([t('dashboard.column.category'), t('dashboard.column.notClosed')],
      rows.map(([c, n]) => [link(label.category(c), hrefOf(c)), figure(n)]), t('dashboard.openPeriod.caption'),
      'numbers-open-period')];
}

export function resolution(answer, charts, go, choices) {
  const months = answer.months || [];
  const hrefOf = m => (go ? links.resolution(m, choices, answer.zone) : null);
  const rows = months.map(m => [link(formatMonth(m.month), hrefOf(m.month)), figure(m.closed), hours(m.averageHours),
    hours(m.medianHours), hours(m.p90Hours)]);
  const canvas = chartCanvas(t('dashboard.resolution.chartLabel', { count: months.length }), 'numbers-resolution');
  charts.draw('resolution', canvas, {
    type: 'bar',
    data: { labels: months.map(m => formatMonth(m.month)), datasets: [
      { label: t('dashboard.series.averageHours'), data: months.map(m => m.averageHours), backgroundColor: '#93c5fd',
        ...OUTLINED('#2563eb') },
      { label: t('dashboard.series.medianHours'), data: months.map(m => m.medianHours), type: 'line',
        borderColor: '#1d4ed8' },
      { label: t('dashboard.series.p90Hours'), data: months.map(m => m.p90Hours), type: 'line', borderColor: '#b45309',
        borderDash: [6, 4] }] },
  }, go && (i => go(hrefOf(months[i].month))));
  return [h('div', { class: 'chart' }, canvas),
    h('p', { class: 'hint' }, t('dashboard.resolution.hint', { zone: answer.zone || 'UTC' })),
    table([t('dashboard.column.openedIn'), t('dashboard.column.closed'), t('dashboard.column.average'),
      t('dashboard.column.median'), t('dashboard.column.p90')], rows, t('dashboard.resolution.caption'),
    'numbers-resolution')];
}

export function category(answer, charts, go) {
  const entries = answer.categories || [];
  const byPriority = entries.map(priorityCounts);
  const split = byPriority.some(Boolean);
  const labels = entries.map(c => label.category(c.category));
  const canvas = chartCanvas(t('dashboard.category.chartLabel', {
    values: spoken(entries.map((c, i) => [labels[i], t('dashboard.category.activeAndOpen',
      { active: c.active ?? 0, open: c.open ?? '—' })])) }), 'numbers-active-by-category');
  // With per-priority counts the active bar is stacked by priority; the open bar stands beside it.
  const active = split
    ? ['HIGH', 'MEDIUM', 'LOW'].map(p => ({ label: t('dashboard.category.activeWithPriority',
      { priority: label.priority(p) }), stack: 'active', priority: p,
    data: byPriority.map(b => (b ? b[p] : null)), backgroundColor: PRIORITY_COLORS[p], ...PRIORITY_EDGES[p] }))
    : [{ label: t('dashboard.column.active'), stack: 'active', data: entries.map(c => c.active),
      backgroundColor: '#1d4ed8' }];
  const datasets = [...active, { label: t('dashboard.column.open'), stack: 'open',
    data: entries.map(c => c.open ?? null), backgroundColor: '#fcd34d', ...OUTLINED('#b45309') }];
  charts.draw('category', canvas, { type: 'bar', data: { labels, datasets },
    options: { scales: { x: { stacked: true }, y: { stacked: true } } } }, go && ((i, d) => {
    const set = datasets[d];
    go(set.stack === 'open' ? links.category(entries[i].category, 'OPEN')
      : links.category(entries[i].category, 'ACTIVE', set.priority));
  }));
  const hrefOf = (c, status) => (go ? links.category(c, status) : null);
  const headers = [t('dashboard.column.category'), t('dashboard.column.active'),
    ...(split ? ['HIGH', 'MEDIUM', 'LOW'].map(p => label.priority(p)) : []), t('dashboard.column.open')];
  const rows = entries.map((c, i) => [link(label.category(c.category), hrefOf(c.category)), figure(c.active),
    ...(split ? ['HIGH', 'MEDIUM', 'LOW'].map(p => figure(byPriority[i] ? byPriority[i][p] : null)) : []),
    c.open === null || c.open === undefined ? '—' : link(formatNumber(c.open), hrefOf(c.category, 'OPEN'))]);
  return [h('div', { class: 'chart chart-small' }, canvas),
    table(headers, rows, t('dashboard.category.caption'), 'numbers-active-by-category'),
    h('p', { class: 'total' }, t('dashboard.category.total', { total: answer.total ?? '—' }))];
}

/** A link to the queue; only text where there is nowhere to go. */
export function link(text, href) {
  return href ? h('a', { href, class: 'queue-link' }, text) : text;
}

/** A table of the chart's numbers; a cell may be a node (a link), anything else is shown as text. */
export function table(headers, rows, caption, id) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'table compact', id },
    caption ? h('caption', { class: 'sr-only' }, caption) : null,
    h('thead', {}, h('tr', {}, headers.map(text => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {},
      c instanceof Node ? c : String(c ?? '—'))))))));
}
