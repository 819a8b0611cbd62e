// The analytics dashboard: a KPI banner and one panel per analytics service, each with a CSV download and an
// "as of / stale" badge. Live events refresh everything (twice: the analytics services apply the same change
// a moment after the gateway sees it).
import { api, query } from '../api.js';
import { h, mount, errorBox, loading, debounce, hours, label, CATEGORIES } from '../dom.js';
import { onLive } from '../live.js';

const PRESETS = [['24 h', { hours: 24 }], ['7 days', { days: 7 }], ['30 days', { days: 30 }]];
const COLORS = { FACILITY: '#b45309', IT: '#1d4ed8', SERVICES: '#047857' };

export async function render(container) {
  const kpis = h('section', { class: 'kpis', 'aria-label': 'Key figures', id: 'kpis' });
  const period = { value: { hours: 24 } };
  const panels = {
    openPeriod: panel('Still open, by when they were opened', 'open-period'),
    resolution: panel('Resolution time by opening month', 'resolution-time'),
    category: panel('Active tickets per category', 'active-by-category'),
  };
  const charts = {};
  const periodChooser = chooser(period, () => loadOpenPeriod());
  panels.openPeriod.controls.append(periodChooser);

  async function loadKpis() {
    const [cat, day, res] = await Promise.allSettled([
      api('/api/analytics/active-by-category'), api('/api/analytics/open-period?hours=24'),
      api('/api/analytics/resolution-time')]);
    const month = res.status === 'fulfilled' ? currentMonth(res.value.months) : null;
    mount(kpis,
      kpi('open-now', 'Open now', cat, v => v.openTotal, 'waiting to be taken'),
      kpi('active-now', 'Active now', cat, v => v.total, 'being handled'),
      kpi('opened-24h', 'Still open from the last 24 h', day, v => v.unclosed, 'opened in the last 24 h, not closed'),
      kpi('avg-resolution', 'Average resolution time', res, () => hours(month && month.averageHours),
        month ? `tickets opened in ${month.month}, ${month.closed} closed` : 'this month'),
      kpi('median-first-response', 'Median first response', res,
        () => hours(month && month.medianFirstResponseHours), month ? `tickets opened in ${month.month}` : 'this month'));
  }

  async function loadOpenPeriod() {
    await into(panels.openPeriod, `/api/analytics/open-period${query(period.value)}`, answer => {
      const rows = CATEGORIES.map(c => [label.category(c), (answer.byCategory || {})[c] ?? 0]);
      return [h('p', { class: 'big-number' }, h('strong', { id: 'open-period-unclosed' }, String(answer.unclosed)),
        ` tickets opened in the last ${describe(period.value)} are not closed yet`),
      bars('openPeriod', rows, 'Not closed'), table(['Category', 'Not closed'], rows)];
    });
  }

  async function loadResolution() {
    await into(panels.resolution, '/api/analytics/resolution-time', answer => {
      const months = answer.months || [];
      const rows = months.map(m => [m.month, m.closed, hours(m.averageHours), hours(m.medianHours), hours(m.p90Hours)]);
      const canvas = h('canvas', { role: 'img', 'aria-label': 'Average, median and 90th percentile resolution hours by opening month' });
      const out = [h('div', { class: 'chart' }, canvas),
        h('p', { class: 'hint' }, `Months are the month a ticket was opened (${answer.zone || 'UTC'}); only closed tickets count.`),
        table(['Opened in', 'Closed', 'Average', 'Median', '90 %'], rows)];
      draw('resolution', canvas, {
        type: 'bar',
        data: { labels: months.map(m => m.month), datasets: [
          { label: 'Average hours', data: months.map(m => m.averageHours), backgroundColor: '#93c5fd' },
          { label: 'Median hours', data: months.map(m => m.medianHours), type: 'line', borderColor: '#1d4ed8' },
          { label: '90 % within hours', data: months.map(m => m.p90Hours), type: 'line', borderColor: '#b45309',
            borderDash: [6, 4] }] },
      });
      return out;
    });
  }

  async function loadCategory() {
    await into(panels.category, '/api/analytics/active-by-category', answer => {
      const rows = (answer.categories || []).map(c => [label.category(c.category), c.active, c.open ?? '—']);
      const canvas = h('canvas', { role: 'img', 'aria-label': 'Active and open tickets per category' });
      draw('category', canvas, { type: 'bar', data: { labels: rows.map(r => r[0]), datasets: [
        { label: 'Active', data: rows.map(r => r[1]), backgroundColor: '#1d4ed8' },
        { label: 'Open', data: rows.map(r => (r[2] === '—' ? null : r[2])), backgroundColor: '#93c5fd' }] } });
      return [h('div', { class: 'chart chart-small' }, canvas),
        table(['Category', 'Active', 'Open'], rows),
        h('p', { class: 'total' }, `Total active: ${answer.total}`)];
    });
  }

  function bars(name, rows, what, colors) {
    const canvas = h('canvas', { role: 'img', 'aria-label': `${what} per category` });
    draw(name, canvas, { type: 'bar', data: { labels: rows.map(r => r[0]),
      datasets: [{ label: what, data: rows.map(r => r[1]), backgroundColor: colors || CATEGORIES.map(c => COLORS[c]) }] },
    options: { plugins: { legend: { display: false } } } });
    return h('div', { class: 'chart chart-small' }, canvas);
  }

  function draw(name, canvas, config) {
    if (charts[name]) charts[name].destroy();
    if (!window.Chart) return;
    config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...(config.options || {}),
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
    charts[name] = new window.Chart(canvas, config);
  }

  const refreshAll = () => Promise.allSettled([loadKpis(), loadOpenPeriod(), loadResolution(), loadCategory()]);
  const soon = debounce(refreshAll, 300);
  const later = debounce(refreshAll, 1500);
  const unsubscribe = onLive(() => { soon(); later(); });
  // Keeps the "as of / stale" badges honest when no change arrives (e.g. while ticket-service is down).
  const timer = setInterval(refreshAll, 10000);

  container.append(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', {}, 'Dashboard'),
      h('p', { class: 'muted' }, 'Live: figures refresh when a ticket changes.')),
    kpis,
    h('div', { class: 'panels' }, panels.openPeriod.el, panels.category.el, panels.resolution.el)));
  mount(kpis, loading('Loading figures…'));
  await refreshAll();
  return () => { unsubscribe(); clearInterval(timer); Object.values(charts).forEach(c => c.destroy()); };
}

function panel(title, endpoint) {
  const badge = h('span', { class: 'freshness' });
  const controls = h('div', { class: 'panel-controls' });
  const content = h('div', { class: 'panel-content' }, loading());
  const csv = h('a', { class: 'btn btn-small', href: `/api/analytics/${endpoint}?format=csv`, download: `${endpoint}.csv` },
    'Download CSV');
  const el = h('section', { class: 'card panel', id: `panel-${endpoint}` },
    h('div', { class: 'panel-head' }, h('h2', {}, title), badge), controls, content,
    h('div', { class: 'panel-foot' }, csv));
  return { el, badge, controls, content, csv, endpoint };
}

async function into(p, url, draw) {
  try {
    const answer = await api(url);
    const csvUrl = new URL(url, location.origin);
    csvUrl.searchParams.set('format', 'csv');
    p.csv.href = csvUrl.pathname + csvUrl.search;
    mount(p.content, draw(answer));
    freshness(p.badge, answer);
  } catch (err) {
    mount(p.content, errorBox(err));
    p.badge.replaceChildren();
  }
}

function freshness(badge, answer) {
  const asOf = answer.asOf ? new Date(answer.asOf).toLocaleTimeString() : 'unknown';
  badge.className = `freshness badge ${answer.stale ? 'stale' : 'fresh'}`;
  badge.textContent = answer.stale
    ? `⚠ stale · as of ${asOf} (${Math.round((answer.lagMs || 0) / 1000)} s behind)`
    : `✓ as of ${asOf}`;
}

function kpi(id, title, settled, value, note) {
  const ok = settled.status === 'fulfilled';
  const v = ok ? value(settled.value) : '—';
  return h('div', { class: `kpi${ok && settled.value.stale ? ' kpi-stale' : ''}`, id: `kpi-${id}` },
    h('span', { class: 'kpi-title' }, title),
    h('strong', { class: 'kpi-value', dataset: { value: String(v) } }, String(v ?? '—')),
    h('span', { class: 'kpi-note' }, ok ? (settled.value.stale ? `${note} · stale` : note) : settled.reason.message));
}

function table(headers, rows) {
  return h('table', { class: 'table compact' }, h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, String(c ?? '—')))))));
}

function currentMonth(months) {
  if (!months || !months.length) return null;
  return months[months.length - 1];
}

function describe(v) {
  if (v.hours) return v.hours === 1 ? 'hour' : `${v.hours} hours`;
  return v.days === 1 ? 'day' : `${v.days} days`;
}

function chooser(period, changed) {
  const amount = h('input', { type: 'number', min: 1, max: 8760, value: 24, name: 'amount', id: 'period-amount' });
  const unit = h('select', { name: 'unit', id: 'period-unit' }, h('option', { value: 'hours' }, 'hours'),
    h('option', { value: 'days' }, 'days'));
  const presetButtons = PRESETS.map(([text, value]) => h('button', { type: 'button', class: 'btn btn-small chip',
    'aria-pressed': String(JSON.stringify(value) === JSON.stringify(period.value)), onclick: e => {
      period.value = value;
      const [k, n] = Object.entries(value)[0];
      unit.value = k; amount.value = n;
      presetButtons.forEach(b => b.setAttribute('aria-pressed', String(b === e.currentTarget)));
      changed();
    } }, text));
  const form = h('form', { class: 'period', onsubmit: e => {
    e.preventDefault();
    const n = Math.floor(Number(amount.value));
    period.value = { [unit.value]: n };
    presetButtons.forEach(b => b.setAttribute('aria-pressed', 'false'));
    changed();
  } }, h('span', { class: 'period-label' }, 'Opened in the last'), presetButtons,
  h('label', { for: 'period-amount', class: 'sr-only' }, 'Custom amount'), amount,
  h('label', { for: 'period-unit', class: 'sr-only' }, 'Unit'), unit,
  h('button', { type: 'submit', class: 'btn btn-small' }, 'Apply'));
  return form;
}
