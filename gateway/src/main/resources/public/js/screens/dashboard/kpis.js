// The KPI banner: figures of the whole desk, read from answers the panels show too while they show the same (the
// last 24 h, first response, targets missed and resolution time are fetched for the banner when the panels below
// have chosen months, a category or a priority).
import { h, hours, loading } from '../../dom.js';
import { t, formatMonth } from '../../i18n.js';
import { currentMonth, notCountedYet } from './state.js';
import { medianFirstResponse, queueHref } from './shape.js';
import { figure } from './format.js';

/**
 * `a` holds the settled answers by name (category, lastDay, workload, and the desk-wide firstResponseKpi, slaKpi and
 * resolutionKpi, whatever the panels below have chosen); with `canOpen` a figure leads to its tickets in the queue.
 */
export function kpis(a, canOpen) {
  if (Object.values(a).every(v => !v)) return loading(t('dashboard.kpi.loading'));
  const month = a.resolutionKpi && a.resolutionKpi.status === 'fulfilled' ? currentMonth(a.resolutionKpi.value)
    : null;
  const first = a.firstResponseKpi && a.firstResponseKpi.status === 'fulfilled'
    ? medianFirstResponse(a.firstResponseKpi.value) : null;
  // Staff may open the queue a figure speaks of; for others the figures are just figures.
  const to = href => (canOpen ? href : null);
  return [
    kpi('open-now', t('dashboard.kpi.openNow'), a.category, v => figure(v.openTotal), t('dashboard.kpi.openNowNote'),
      to(queueHref({ status: 'OPEN' }))),
    kpi('active-now', t('dashboard.kpi.activeNow'), a.category, v => figure(v.total), t('dashboard.kpi.activeNowNote'),
      to(queueHref({ status: 'ACTIVE' }))),
    kpi('unassigned', t('dashboard.kpi.unassigned'), a.workload, v => figure(v.unassigned),
      t('dashboard.kpi.unassignedNote'), to(queueHref({ status: 'OPEN', assignee: 'none' }))),
    kpi('breached-now', t('dashboard.kpi.breachedNow'), a.slaKpi, v => figure(v.breachedNow),
      t('dashboard.kpi.breachedNowNote'), to(queueHref({ status: 'OPEN,ACTIVE', sla: 'BREACHED' }))),
    kpi('median-first-response', t('dashboard.kpi.firstResponse'), a.firstResponseKpi,
      () => hours(first && first.hours), first ? first.note : t('dashboard.kpi.last30Days')),
    kpi('opened-24h', t('dashboard.kpi.opened24h'), a.lastDay, v => figure(v.unclosed),
      t('dashboard.kpi.opened24hNote')),
    kpi('avg-resolution', t('dashboard.kpi.avgResolution'), a.resolutionKpi, () => hours(month && month.averageHours),
      month ? t('dashboard.kpi.avgResolutionNote', { month: formatMonth(month.month), count: month.closed ?? 0 })
        : t('dashboard.kpi.thisMonth')),
  ];
}

function kpi(id, title, settled, value, note, href) {
  const answered = Boolean(settled) && settled.status === 'fulfilled';
  const ok = answered && !notCountedYet(settled.value);
  const v = ok ? value(settled.value) : '—';
  const why = answered ? (ok ? note : t('dashboard.kpi.notCountedYet')) : (settled ? settled.reason.message : note);
  const shown = String(v ?? '—');
  return h('div', { class: `kpi${ok && settled.value.stale ? ' kpi-stale' : ''}`, id: `kpi-${id}` },
    h('span', { class: 'kpi-title' }, title),
    h('strong', { class: 'kpi-value', dataset: { value: shown } },
      href && ok ? h('a', { href, class: 'kpi-link',
        'aria-label': t('dashboard.kpi.showInQueue', { title, value: shown }) }, shown) : shown),
    h('span', { class: 'kpi-note' }, ok && settled.value.stale ? t('dashboard.kpi.staleNote', { note }) : why));
}
