// The KPI banner: figures read from the answers the panels show too (the last 24 h and the desk-wide first
// response are fetched for the banner, and shared with their panels while those show the same).
import { h, loading, hours } from '../../dom.js';
import { currentMonth } from './state.js';
import { medianFirstResponse } from './shape.js';

/**
 * `a` holds the settled answers by name (category, lastDay, resolution, sla, workload, firstResponseKpi); with
 * `canOpen` a figure leads to its tickets in the queue.
 */
export function kpis(a, canOpen) {
  if (Object.values(a).every(v => !v)) return loading('Loading figures…');
  const month = a.resolution && a.resolution.status === 'fulfilled' ? currentMonth(a.resolution.value) : null;
  const first = a.firstResponseKpi && a.firstResponseKpi.status === 'fulfilled'
    ? medianFirstResponse(a.firstResponseKpi.value) : null;
  // Staff may open the queue a figure speaks of; for others the figures are just figures.
  const to = href => (canOpen ? href : null);
  return [
    kpi('open-now', 'Open now', a.category, v => v.openTotal, 'waiting to be taken', to('#/tickets?status=OPEN')),
    kpi('active-now', 'Active now', a.category, v => v.total, 'being handled', to('#/tickets?status=ACTIVE')),
    kpi('unassigned', 'Unassigned', a.workload, v => v.unassigned, 'open, nobody has taken them',
      to('#/tickets?status=OPEN&assignee=none')),
    kpi('breached-now', 'Target missed now', a.sla, v => v.breachedNow, 'open or active, past a target',
      to('#/tickets?status=OPEN,ACTIVE&sla=BREACHED')),
    kpi('median-first-response', 'Median first response', a.firstResponseKpi, () => hours(first && first.hours),
      first ? first.note : 'last 30 days'),
    kpi('opened-24h', 'Still open from the last 24 h', a.lastDay, v => v.unclosed, 'opened in the last 24 h, not closed'),
    kpi('avg-resolution', 'Average resolution time', a.resolution, () => hours(month && month.averageHours),
      month ? `tickets opened in ${month.month}, ${month.closed} closed` : 'this month'),
  ];
}

function kpi(id, title, settled, value, note, href) {
  const ok = Boolean(settled) && settled.status === 'fulfilled';
  const v = ok ? value(settled.value) : '—';
  const why = settled && !ok ? settled.reason.message : note;
  const shown = String(v ?? '—');
  return h('div', { class: `kpi${ok && settled.value.stale ? ' kpi-stale' : ''}`, id: `kpi-${id}` },
    h('span', { class: 'kpi-title' }, title),
    h('strong', { class: 'kpi-value', dataset: { value: shown } },
      href && ok ? h('a', { href, class: 'kpi-link', 'aria-label': `${title}: ${shown}, show them in the queue` }, shown)
        : shown),
    h('span', { class: 'kpi-note' }, ok && settled.value.stale ? `${note} · stale` : why));
}
