// Response targets as people read them: the nearest target still to meet, how far away it is, and one badge for
// where the ticket stands. The server decides the statuses (ticket-api's SlaStatus); this only chooses the words.
import { h, formatDate, label } from '../../dom.js';
import { t } from '../../i18n.js';

// A shape as well as a colour, so the badge reads in greyscale and to people who do not tell red from green.
const STATUS_MARK = { PENDING: '○', AT_RISK: '▲', MET: '✓', BREACHED: '✖' };
const TARGETS = ['firstResponse', 'resolution'];
const WORST_FIRST = ['BREACHED', 'AT_RISK', 'PENDING', 'MET'];

/** The SLA filter's choices as [value, words]; the values are what the address and the server read. */
export function slaFilters() {
  return [['', t('tickets.sla.any')], ['AT_RISK,BREACHED', t('tickets.sla.atRiskOrBreached')],
    ['AT_RISK', slaText('AT_RISK')], ['BREACHED', slaText('BREACHED')]];
}

/** Where a ticket stands against its targets, in words (the wire's value itself when the catalogue lacks it). */
export function slaText(status) {
  return label.sla(status);
}

/**
 * The target still to meet that falls due first, `{ target, at }` (`target`: firstResponse or resolution), or null
 * when both are met or the ticket has none. A target past due and still unmet counts: it is the most urgent one.
 */
export function nextDue(ticket) {
  const open = [
    !ticket.firstResponseAt && !ticket.closedAt && ticket.firstResponseDueAt
      ? { target: 'firstResponse', at: ticket.firstResponseDueAt } : null,
    !ticket.closedAt && ticket.resolutionDueAt ? { target: 'resolution', at: ticket.resolutionDueAt } : null,
  ].filter(Boolean);
  open.sort((a, b) => new Date(a.at) - new Date(b.at));
  return open[0] || null;
}

/**
 * "in 40 min", "in 2 h 5 min", "3 days overdue": `at` against `now` (ms), rounded to whole minutes. A time just
 * past is "just overdue", never "due now": the badge beside it already says Breached, and the two must agree.
 */
export function relativeDue(at, now = Date.now()) {
  const ms = new Date(at).getTime() - now;
  const minutes = Math.round(Math.abs(ms) / 60000);
  if (ms >= 0) return minutes === 0 ? t('tickets.due.now') : t('tickets.due.in', { duration: duration(minutes) });
  return minutes === 0 ? t('tickets.due.justOverdue') : t('tickets.due.overdue', { duration: duration(minutes) });
}

// Not Intl.NumberFormat's units: "2 h 5 min" is one compound duration, which it cannot write.
function duration(minutes) {
  if (minutes < 60) return t('tickets.due.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 10) {
    return rest ? t('tickets.due.hoursMinutes', { hours, minutes: rest }) : t('tickets.due.hours', { count: hours });
  }
  if (hours < 48) return t('tickets.due.hours', { count: Math.round(minutes / 60) });
  return t('tickets.due.days', { count: Math.round(minutes / 1440) });
}

/**
 * The one status a ticket's badge shows: the worse of its two targets (a breach anywhere is a breach), MET only
 * when both are met. Null when the ticket has no SLA.
 */
export function badgeStatus(sla) {
  if (!sla) return null;
  const both = [sla.firstResponse, sla.resolution].filter(Boolean);
  if (!both.length) return null;
  return WORST_FIRST.find(s => both.includes(s));
}

/** "First response: Met · Resolution: At risk", the whole story in words for a title or a screen reader. */
export function slaSummary(sla) {
  if (!sla) return t('tickets.sla.none');
  return TARGETS.filter(k => sla[k])
    .map(k => t('tickets.sla.targetStatus', { target: targetText(k), status: slaText(sla[k]) })).join(' · ');
}

export function targetText(target) {
  return TARGETS.includes(target) ? t(`tickets.sla.target.${target}`) : target;
}

/** A badge with a shape and words; the screen reader hears "SLA: At risk" and the details in its title. */
export function slaBadge(status, detail) {
  if (!status) return null;
  return h('span', { class: `badge sla sla-${status.toLowerCase().replace('_', '-')}`, title: detail || null,
    dataset: { sla: status } },
  h('span', { 'aria-hidden': 'true', class: 'sla-mark' }, STATUS_MARK[status] || ''),
  h('span', { class: 'sr-only' }, t('tickets.sla.srPrefix')), slaText(status));
}

/** The nearest target to meet as a <time>: relative words, the absolute time in its title. */
export function dueTime(due, now = Date.now()) {
  if (!due) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: due.at, title: t('tickets.due.title', { target: targetText(due.target), at: formatDate(due.at) }),
    class: new Date(due.at).getTime() < now ? 'overdue' : null }, relativeDue(due.at, now));
}
