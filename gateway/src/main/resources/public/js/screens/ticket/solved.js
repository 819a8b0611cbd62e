// The reporter's side of a close. A student never reads a CLOSED ticket again, but the one who reported it is told
// how it ended: live, when it is closed while their page is open (the stream's `solved` event), or from
// /api/tickets/{id}/closure when they open it later, and once in their list (/api/tickets/solved). Seeing it marks
// the ticket read, which is how the server knows the news was given and stops listing it.
import { api } from '../../api.js';
import { h, data, sentence } from '../../dom.js';
import { t, formatClock, formatDay } from '../../i18n.js';
import { listAddress } from '../tickets/state.js';

/** "Solved by Bob at 14:21" today, "Solved by Bob on 3 Mar 2026 at 14:21" on another day. */
export function solvedLine(closure, now = new Date()) {
  return solvedWords(closure, now).map(part => (typeof part === 'string' ? part : part.textContent)).join('');
}

/** The same line to draw: the name of who solved it is data, left untranslated. */
function solvedWords(closure, now = new Date()) {
  const at = new Date(closure.closedAt);
  const time = formatClock(closure.closedAt);
  return at.toDateString() === now.toDateString()
    ? sentence('ticket.solved.lineToday', { name: closure.closedBy }, { time })
    : sentence('ticket.solved.lineOn', { name: closure.closedBy }, { day: formatDay(closure.closedAt), time });
}

/** The "Still not fixed?" address: a new report that names the old ticket. */
export function followUpHref(ticketId) {
  return `#/report?previous=${ticketId}`;
}

/** How a closed ticket ended, or null when this person may not know (not theirs, not closed, gone). */
export async function closureOf(ticketId) {
  try {
    return await api(`/api/tickets/${ticketId}/closure`);
  } catch {
    return null;
  }
}

/** The news was given: the server stops listing the ticket as solved. A failure only means it is said again. */
export function acknowledge(ticketId) {
  return api(`/api/tickets/${ticketId}/read`, { method: 'POST' }).catch(() => null);
}

/**
 * The ticket page of a solved ticket, which only its reporter sees: read-only, with the last answer and a way to
 * report it again.
 */
export function solvedPage(closure, { unsent = '' } = {}) {
  const answer = closure.lastAnswer;
  return h('article', { class: 'page ticket solved', id: 'ticket-solved' },
    h('p', { class: 'crumbs' }, h('a', { href: listAddress('STUDENT') }, t('ticket.solved.back'))),
    h('h1', {}, h('span', { class: 'muted' }, `#${closure.ticketId} `), h('span', { translate: 'no' }, closure.title)),
    h('section', { class: 'card solved-card', role: 'status' },
      // The line says "Solved" itself: a status badge before it read "Solved Solved by Bob".
      h('p', { class: 'solved-line', id: 'solved-line' }, solvedWords(closure)),
      answer
        ? h('figure', { class: 'message from-staff solved-answer', id: 'solved-answer' },
          h('figcaption', { class: 'message-meta' }, sentence('ticket.solved.lastAnswer',
            { name: data('strong', {}, answer.author) })),
          h('blockquote', { class: 'message-body', translate: 'no' }, answer.body))
        : h('p', { class: 'hint', id: 'solved-answer' }, t('ticket.solved.noAnswer')),
      h('p', { class: 'hint' }, t('ticket.solved.closedHint')),
      h('p', {}, h('a', { class: 'btn', id: 'still-not-fixed', href: followUpHref(closure.ticketId) },
        t('ticket.solved.reportAgain')))),
    // A reply being written when the ticket closed: kept to copy (into a follow-up), as staff get it.
    unsent ? h('section', { class: 'card' }, h('label', { for: 'unsent-reply' }, t('ticket.handled.unsent')),
      data('textarea', { readonly: true, rows: 3, id: 'unsent-reply' }, unsent)) : null);
}

/** "1 of your tickets was solved", with a link to each (its solved view). */
export function solvedNotice(closures) {
  if (!closures || !closures.length) return null;
  const n = closures.length;
  return h('div', { class: 'alert solved-notice', id: 'solved-notice', role: 'status' },
    h('strong', {}, t('ticket.solved.notice', { count: n })), solvedLinks(closures));
}

/** A link to each closed ticket's solved view, with who solved it and when. */
function solvedLinks(closures) {
  return h('ul', { class: 'solved-list' }, closures.map(c => h('li', {},
    h('a', { href: `#/tickets/${c.ticketId}` }, `#${c.ticketId} `, h('span', { translate: 'no' }, c.title)), ' · ',
    solvedWords(c))));
}

/**
 * The reporter's tickets solved in the last 30 days, seen or not, folded under one line: the list shows no CLOSED
 * ticket, and the notice above says each close only once, so this is where a student finds the last answer again.
 */
export function recentlySolved(closures) {
  if (!closures || !closures.length) return null;
  return h('details', { class: 'recently-solved', id: 'recently-solved' },
    h('summary', {}, t('ticket.solved.recent', { count: closures.length })), solvedLinks(closures));
}

/** A ticket's follow-up link: staff open the earlier ticket; its reporter is reminded which one it continues. */
export function followsUp(ticket, staff) {
  if (!ticket || !ticket.previousTicketId) return null;
  const n = `#${ticket.previousTicketId}`;
  return h('p', { class: 'follows-up', id: 'follows-up' }, sentence('ticket.followsUp',
    { ticket: staff ? h('a', { href: `#/tickets/${ticket.previousTicketId}` }, n) : n }));
}
