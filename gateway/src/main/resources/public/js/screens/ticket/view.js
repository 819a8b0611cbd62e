// One ticket drawn from its state: the heading with badges, the facts and description, the action buttons, the
// messages and the notice. `on` holds the handlers the buttons call.
import { h, errorBox, loading, label, select, time, formatDate, statusBadge, priorityBadge, categoryBadge,
  CATEGORIES } from '../../dom.js';
import { availableActions } from './state.js';
import { certaintyNote, certaintyOf, certaintyWordNote } from '../../certainty.js';
import { ticketSlaBadge, slaText, relativeDue } from '../tickets/due.js';
import { listAddress, reporterAddress } from '../tickets/state.js';
import { filesOf } from '../../attachments/files.js';
import { t } from '../../i18n.js';

/**
 * The heading with its badges; before the ticket came, "Loading…" while it is asked, and only the way back once
 * asking failed (the notice below says why): a spinner beside that error would say it is still coming. The way back
 * leads to the list the navigation does (a student's own tickets, not All).
 */
export function head(ticket, role, failed = null) {
  const back = h('p', { class: 'crumbs' }, h('a', { href: listAddress(role) }, role === 'STAFF'
    ? t('ticket.page.backToQueue') : t('ticket.page.backToTickets')));
  if (!ticket) return failed ? back : loading(t('ticket.page.loading'));
  return [
    back,
    h('h1', { tabindex: '-1' }, h('span', { class: 'muted' }, `#${ticket.id} `), h('span', { translate: 'no' }, ticket.title)),
    // The status line: where the focus goes after a status change, so the new status is what is read out next.
    h('div', { class: 'badges', id: 'ticket-status-line', tabindex: '-1' }, statusBadge(ticket.status),
      priorityBadge(ticket.priority),
      h('span', { id: 'ticket-category' }, categoryBadge(ticket.category), ' ', categoryNote(ticket)),
      ticket.needsReview ? h('span', { class: 'badge review' }, t('ticket.page.needsReview')) : null,
      h('span', { id: 'ticket-sla' }, ticketSlaBadge(ticket))),
  ];
}

/** Who chose the category, or how sure the classifier was of it: words, with the number on hover and focus. */
export function categoryNote(ticket) {
  if (ticket.categorySource === 'STAFF') return t('ticket.category.byStaff');
  if (ticket.categorySource === 'REPORTER') return t('ticket.category.byReporter');
  // The badge beside it names the category: "IT · very likely", not "IT · very likely IT". "Not sure" names none.
  const unsure = certaintyOf({ confidence: ticket.categoryConfidence, needsReview: ticket.needsReview }) === 'NOT_SURE';
  return h('span', {}, '· ', unsure ? certaintyNote(ticket) : certaintyWordNote(ticket));
}

/**
 * One response target in words: when it is (or was) due, how far that is while the target is still to meet, and
 * where the ticket stands, e.g. "3 Mar 2026, 11:00 (in 40 min) · At risk".
 */
export function dueText(dueAt, status, done, now = Date.now()) {
  if (!dueAt) return status ? slaText(status) : '—';
  const at = formatDate(dueAt);
  const due = done ? at : t('ticket.due.atIn', { at, distance: relativeDue(dueAt, now) });
  return status ? t('ticket.due.withStatus', { due, status: slaText(status) }) : due;
}

/** `queue`: the reader has the queue (staff, analysts), where the reporter's other tickets are one link away. */
export function facts(ticket, attachments, queue = false) {
  if (!ticket) return [];
  return [
    h('dl', { class: 'facts' },
      fact(t('ticket.facts.reportedBy'), queue ? reporter(ticket.reporterName) : data(ticket.reporterName)),
      fact(t('ticket.facts.location'), ticket.location ? data(ticket.location) : '—'),
      fact(t('ticket.facts.handledBy'), ticket.assignee ? data(ticket.assignee) : t('ticket.facts.nobody'),
        'ticket-assignee'),
      fact(t('ticket.facts.opened'), formatDate(ticket.openedAt)),
      fact(t('ticket.facts.lastChange'), formatDate(ticket.updatedAt)),
      // A ticket closed without a word has no first reply, yet its first-response target may read "Met": say why.
      fact(t('ticket.facts.firstReply'), ticket.firstResponseAt || !ticket.closedAt ? formatDate(ticket.firstResponseAt)
        : t('ticket.facts.closedWithoutReply'), 'ticket-first-reply'),
      ticket.closedAt ? fact(t('ticket.facts.closed'), formatDate(ticket.closedAt)) : null,
      dueFact(t('ticket.facts.firstReplyDue'), ticket.firstResponseDueAt, ticket.sla && ticket.sla.firstResponse,
        Boolean(ticket.firstResponseAt || ticket.closedAt), 'due-first-response'),
      dueFact(t('ticket.facts.resolutionDue'), ticket.resolutionDueAt, ticket.sla && ticket.sla.resolution,
        Boolean(ticket.closedAt), 'due-resolution')),
    h('h2', {}, t('ticket.facts.description')),
    h('p', { class: 'description', id: 'ticket-description', translate: 'no' }, ticket.description),
    filesOf(attachments, null),
  ];
}

/** The reporter's name, and the link to every ticket they reported: whether this is their first or their tenth. */
function reporter(name) {
  return h('span', {}, data(name), ' · ', h('a', { href: reporterAddress(name), id: 'reporter-tickets' },
    t('ticket.facts.reporterTickets')));
}

function fact(term, value, id) { return [h('dt', {}, term), h('dd', { id }, value)]; }

/** What someone typed or is called, shown as it is. */
function data(text) { return h('span', { translate: 'no' }, text); }

function dueFact(term, dueAt, status, done, id) {
  if (!dueAt && !status) return null;
  return [h('dt', {}, term), h('dd', { id, dataset: { sla: status || '' } }, dueText(dueAt, status, done))];
}

export function actions(state, on) {
  return availableActions(state).map(name => {
    switch (name) {
      case 'take': return button(t('ticket.actions.take'), 'btn-primary', name, state.busy,
        () => on.move('ACTIVE', name));
      case 'close': return button(t('ticket.actions.close'), 'btn-primary', name, state.busy,
        () => on.move('CLOSED', name));
      case 'edit': return button(t('ticket.actions.edit'), '', name, state.busy, on.edit);
      case 'category': return categoryCorrection(state.ticket, on);
      case 'delete': return button(t('ticket.actions.delete'), 'btn-danger', name, state.busy, on.remove);
      default: return null;
    }
  });
}

function button(text, cls, name, busy, onclick) {
  // Buttons are drawn anew with each change, and Close takes Take's place: the second click of a double click, or
  // a press that began on a button since replaced, must not act on what appeared under the pointer. A pointer's
  // click counts only when it was pressed down on this very button and is not the second of a double click; a
  // keyboard's (detail 0) always counts.
  let pressedHere = false;
  // data-focus: a redraw (the reload after a change) hands the keyboard's focus to the button that replaces this one.
  return h('button', { type: 'button', class: `btn ${cls}`, dataset: { action: name, focus: `action-${name}` },
    disabled: Boolean(busy),
    onpointerdown: () => { pressedHere = true; },
    onclick: e => {
      const fromPointer = e.detail > 0;
      const deliberate = !fromPointer || (pressedHere && e.detail === 1);
      pressedHere = false;
      if (deliberate) onclick(e);
    } }, text);
}

function categoryCorrection(ticket, on) {
  const choice = select('category', CATEGORIES.map(c => [c, label.category(c)]), ticket.category,
    { id: 'category-correction' });
  return h('form', { class: 'inline-form', onsubmit: e => {
    e.preventDefault();
    if (choice.value !== ticket.category) on.correct(choice.value);
  } }, h('label', { for: 'category-correction' }, t('ticket.actions.category')), choice,
  h('button', { type: 'submit', class: 'btn' }, t('ticket.actions.correct')));
}

export function messages(list, attachments) {
  if (!list) return [];
  if (!list.length) return h('li', { class: 'empty-inline' }, t('ticket.messages.none'));
  return list.map(m => h('li', { class: `message${m.internal ? ' internal' : ''}${m.authorRole === 'STAFF' ? ' from-staff' : ''}` },
    h('div', { class: 'message-meta' }, h('strong', { translate: 'no' }, m.author),
      h('span', { class: 'badge role' }, m.authorRole === 'STAFF' ? t('ticket.messages.staff') : t('ticket.messages.student')),
      m.internal ? h('span', { class: 'badge internal-badge' }, t('ticket.messages.internal')) : null,
      time(m.createdAt)),
    h('p', { class: 'message-body', translate: 'no' }, m.body), filesOf(attachments, m.id)));
}

export function notice(error, deleted, retry = null) {
  if (deleted) return h('div', { class: 'alert', role: 'alert' }, t('ticket.page.deleted'));
  if (!error) return null;
  const box = errorBox(error);
  // A read that failed after its own repeats (a longer stall): the person decides when to ask again.
  if (retry) {
    box.append(' ', h('button', { type: 'button', class: 'btn btn-small', id: 'ticket-retry',
      onclick: e => { e.currentTarget.disabled = true; retry(); } }, t('ticket.page.tryAgain')));
  }
  return box;
}

/** Instead of the whole screen: the ticket does not exist for this person (a student's closed ticket included). */
export function notAvailable(role) {
  return h('section', { class: 'card' }, h('h1', {}, t('ticket.missing.title')),
    h('p', {}, role === 'STAFF' ? t('ticket.missing.staff') : t('ticket.missing.student')),
    h('a', { href: listAddress(role) }, t('ticket.missing.back')));
}
