// One ticket drawn from its state: the heading with badges, the facts and description, the action buttons, the
// messages and the notice. `on` holds the handlers the buttons call.
import { h, errorBox, loading, label, select, time, formatDate, statusBadge, priorityBadge, categoryBadge,
  CATEGORIES } from '../../dom.js';
import { availableActions } from './state.js';
import { certaintyNote } from '../../certainty.js';
import { slaBadge, badgeStatus, slaSummary, slaText, relativeDue } from '../tickets/due.js';
import { filesOf } from '../../attachments/files.js';

export function head(ticket, staff) {
  if (!ticket) return loading('Loading ticket…');
  return [
    h('p', { class: 'crumbs' }, h('a', { href: '#/tickets' }, staff ? '← Queue' : '← Tickets')),
    h('h1', {}, h('span', { class: 'muted' }, `#${ticket.id} `), ticket.title),
    h('div', { class: 'badges' }, statusBadge(ticket.status), priorityBadge(ticket.priority),
      h('span', { id: 'ticket-category' }, categoryBadge(ticket.category), ' ', categoryNote(ticket)),
      ticket.needsReview ? h('span', { class: 'badge review' }, '? needs review') : null,
      h('span', { id: 'ticket-sla' }, slaBadge(badgeStatus(ticket.sla), slaSummary(ticket.sla)))),
  ];
}

/** Who chose the category, or how sure the classifier was of it: words, with the number on hover and focus. */
export function categoryNote(ticket) {
  if (ticket.categorySource === 'STAFF') return '· set by staff';
  if (ticket.categorySource === 'REPORTER') return '· chosen by the reporter';
  return h('span', {}, '· ', certaintyNote(ticket));
}

/**
 * One response target in words: when it is (or was) due, how far that is while the target is still to meet, and
 * where the ticket stands, e.g. "3 Mar 2026, 11:00 (in 40 min) · At risk".
 */
export function dueText(dueAt, status, done, now = Date.now()) {
  if (!dueAt) return status ? slaText(status) : '—';
  return `${formatDate(dueAt)}${done ? '' : ` (${relativeDue(dueAt, now)})`}${status ? ` · ${slaText(status)}` : ''}`;
}

export function facts(ticket, attachments) {
  if (!ticket) return [];
  return [
    h('dl', { class: 'facts' },
      fact('Reported by', ticket.reporterName), fact('Location', ticket.location || '—'),
      fact('Handled by', ticket.assignee || 'nobody yet', 'ticket-assignee'), fact('Opened', formatDate(ticket.openedAt)),
      fact('Last change', formatDate(ticket.updatedAt)), fact('First reply', formatDate(ticket.firstResponseAt)),
      ticket.closedAt ? fact('Closed', formatDate(ticket.closedAt)) : null,
      dueFact('First reply due', ticket.firstResponseDueAt, ticket.sla && ticket.sla.firstResponse,
        Boolean(ticket.firstResponseAt || ticket.closedAt), 'due-first-response'),
      dueFact('Resolution due', ticket.resolutionDueAt, ticket.sla && ticket.sla.resolution, Boolean(ticket.closedAt),
        'due-resolution')),
    h('h2', {}, 'Description'),
    h('p', { class: 'description', id: 'ticket-description' }, ticket.description),
    filesOf(attachments, null),
  ];
}

function fact(term, value, id) { return [h('dt', {}, term), h('dd', { id }, value)]; }

function dueFact(term, dueAt, status, done, id) {
  if (!dueAt && !status) return null;
  return [h('dt', {}, term), h('dd', { id, dataset: { sla: status || '' } }, dueText(dueAt, status, done))];
}

export function actions(state, on) {
  return availableActions(state).map(name => {
    switch (name) {
      case 'take': return button('Take', 'btn-primary', name, state.busy, () => on.move('ACTIVE', name));
      case 'close': return button('Close', 'btn-primary', name, state.busy, () => on.move('CLOSED', name));
      case 'edit': return button('Edit', '', name, state.busy, on.edit);
      case 'category': return categoryCorrection(state.ticket, on);
      case 'delete': return button('Delete as spam', 'btn-danger', name, state.busy, on.remove);
      default: return null;
    }
  });
}

function button(text, cls, name, busy, onclick) {
  return h('button', { type: 'button', class: `btn ${cls}`, dataset: { action: name }, disabled: busy === name,
    onclick }, text);
}

function categoryCorrection(ticket, on) {
  const choice = select('category', CATEGORIES.map(c => [c, label.category(c)]), ticket.category,
    { id: 'category-correction' });
  return h('form', { class: 'inline-form', onsubmit: e => {
    e.preventDefault();
    if (choice.value !== ticket.category) on.correct(choice.value);
  } }, h('label', { for: 'category-correction' }, 'Category'), choice,
  h('button', { type: 'submit', class: 'btn' }, 'Correct'));
}

export function messages(list, attachments) {
  if (!list) return [];
  if (!list.length) return h('li', { class: 'empty-inline' }, 'No messages yet.');
  return list.map(m => h('li', { class: `message${m.internal ? ' internal' : ''}${m.authorRole === 'STAFF' ? ' from-staff' : ''}` },
    h('div', { class: 'message-meta' }, h('strong', {}, m.author),
      h('span', { class: 'badge role' }, m.authorRole === 'STAFF' ? 'Helpdesk' : 'Student'),
      m.internal ? h('span', { class: 'badge internal-badge' }, 'Internal note') : null, time(m.createdAt)),
    h('p', { class: 'message-body' }, m.body), filesOf(attachments, m.id)));
}

export function notice(error, deleted) {
  if (deleted) return h('div', { class: 'alert', role: 'alert' }, 'This ticket was just deleted.');
  return error ? errorBox(error) : null;
}

/** Instead of the whole screen: the ticket does not exist for this person (a student's closed ticket included). */
export function notAvailable(staff) {
  return h('section', { class: 'card' }, h('h1', {}, 'Ticket not available'),
    h('p', {}, staff ? 'This ticket does not exist or was deleted.'
      : 'This ticket was closed or removed, or it never existed. Closed tickets are no longer listed.'),
    h('a', { href: '#/tickets' }, '← Back to the tickets'));
}
