// Response targets as people read them: the nearest target still to meet, how far away it is, and one badge for
// where the ticket stands. The time and the badge may speak of different targets (a reply sent late, the resolution
// still hours away), so each says which one it is about. The server decides the statuses (ticket-api's SlaStatus);
// this only chooses the words.
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
  return distance('tickets.due', at, now);
}

/**
 * The same distance said with the target it is about ("reply in 40 min", "resolution 2 h overdue"): in the queue the
 * time stands beside a badge that may speak of the other target, so each names its own.
 */
export function relativeDueOf(target, at, now = Date.now()) {
  return distance(`tickets.due.${target === 'firstResponse' ? 'reply' : 'resolve'}`, at, now);
}

/** The words of `keys` (its `now`, `in`, `justOverdue` and `overdue`) for `at` against `now`. */
function distance(keys, at, now) {
  const ms = new Date(at).getTime() - now;
  const minutes = Math.round(Math.abs(ms) / 60000);
  if (ms >= 0) return minutes === 0 ? t(`${keys}.now`) : t(`${keys}.in`, { duration: duration(minutes) });
  return minutes === 0 ? t(`${keys}.justOverdue`) : t(`${keys}.overdue`, { duration: duration(minutes) });
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

/**
 * The target a badge of At risk or Breached speaks of, `{ target, status, done }`: of the targets in that status, an
 * unmet one before one done late (it still asks for something), then the one due first. Null for On track and Met,
 * which speak of both targets.
 */
export function badgeTarget(ticket) {
  const status = badgeStatus(ticket.sla);
  if (status !== 'BREACHED' && status !== 'AT_RISK') return null;
  const done = { firstResponse: Boolean(ticket.firstResponseAt || ticket.closedAt),
    resolution: Boolean(ticket.closedAt) };
  const due = { firstResponse: ticket.firstResponseDueAt, resolution: ticket.resolutionDueAt };
  const [target] = TARGETS.filter(k => ticket.sla[k] === status)
    .sort((a, b) => Number(done[a]) - Number(done[b]) || new Date(due[a] || 0) - new Date(due[b] || 0));
  return { target, status, done: done[target] };
}

// The words of a badge that speaks of one target, by target and how it stands.
const TARGET_WORDS = {
  firstResponse: { AT_RISK: 'replyAtRisk', BREACHED: 'replyOverdue', BREACHED_DONE: 'replyLate' },
  resolution: { AT_RISK: 'resolutionAtRisk', BREACHED: 'resolutionOverdue', BREACHED_DONE: 'resolvedLate' },
};

/** A ticket's badge: where it stands, in words that name the target when one target is behind ("Reply late"). */
export function ticketSlaBadge(ticket) {
  const status = badgeStatus(ticket.sla);
  const about = badgeTarget(ticket);
  const words = about ? t(`tickets.sla.badge.${TARGET_WORDS[about.target][about.done && status === 'BREACHED'
    ? 'BREACHED_DONE' : status]}`) : null;
  const badge = slaBadge(status, slaSummary(ticket.sla), words);
  if (badge && about) badge.dataset.target = about.target;
  return badge;
}

/** A badge with a shape and words; the screen reader hears "SLA: At risk" and the details in its title. */
export function slaBadge(status, detail, words = null) {
  if (!status) return null;
  return h('span', { class: `badge sla sla-${status.toLowerCase().replace('_', '-')}`, title: detail || null,
    dataset: { sla: status } },
  h('span', { 'aria-hidden': 'true', class: 'sla-mark' }, STATUS_MARK[status] || ''),
  h('span', { class: 'sr-only' }, t('tickets.sla.srPrefix')), words || slaText(status));
}

/** The nearest target to meet as a <time>: relative words naming the target, the absolute time in its title. */
export function dueTime(due, now = Date.now()) {
  if (!due) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: due.at, title: t('tickets.due.title', { target: targetText(due.target), at: formatDate(due.at) }),
    class: new Date(due.at).getTime() < now ? 'overdue' : null, dataset: { target: due.target } },
  relativeDueOf(due.target, due.at, now));
}
