// One ticket's screen state, without the DOM: what the server said (ticket, messages, history), whether it is
// there at all, the notice at the top, the action running and the edit in progress.
import { t } from '../../i18n.js';

export function initialState(id, role) {
  return {
    id, staff: role === 'STAFF',
    // Analysts read tickets (public messages, history) to follow the dashboard's numbers, and change nothing.
    readOnly: role === 'ANALYST',
    ticket: null, messages: null, history: null, attachments: null,
    missing: false, deleted: false,
    notice: null, loadError: null, busy: null, editing: null,
  };
}

/** What the notice at the top says: a failed reload while there is one (it is retried), then an action's refusal. */
export function shownNotice(state) {
  return state.loadError || state.notice;
}

export function update(state, action) {
  switch (action.type) {
    // A failed reload is over once a reload succeeds; an action's refusal stays until the next action.
    case 'loaded': return { ...state, ticket: action.ticket, messages: action.messages, history: action.history,
      attachments: action.attachments, loadError: null };
    case 'missing': return { ...state, missing: true };
    // A change of another person, seen live: the ticket is gone, but what is on the screen stays readable.
    case 'deleted': return { ...state, deleted: true };
    case 'notice': return { ...state, notice: action.error || null };
    case 'loadFailed': return { ...state, loadError: action.error };
    case 'busy': return { ...state, busy: action.action || null };
    // An edit is based on the version shown when it began: saving it after someone else's change is a conflict.
    case 'editOpened': return state.ticket ? { ...state, editing: { version: state.ticket.version } } : state;
    case 'editClosed': return { ...state, editing: null };
    default: throw new Error(`Unknown action ${action.type}`);
  }
}

/** The staff actions a ticket offers now, in the order they are shown. */
export function availableActions(state) {
  const ticket = state.ticket;
  if (!ticket || state.readOnly) return [];
  const open = ticket.status !== 'CLOSED';
  return [
    state.staff && ticket.status === 'OPEN' ? 'take' : null,
    state.staff && ticket.status === 'ACTIVE' ? 'close' : null,
    open && !state.editing ? 'edit' : null,
    state.staff && open ? 'category' : null,
    // A closed ticket is read-only: ticket-service refuses its deletion too.
    state.staff && open ? 'delete' : null,
  ].filter(Boolean);
}

/** Staff hand over ACTIVE tickets only (the server answers 409 otherwise); a handover is a new assignee. */
export function canHandOver(state) {
  return Boolean(state.staff && state.ticket && state.ticket.status === 'ACTIVE' && !state.deleted);
}

/** What a failed change tells the person: a conflict means someone else was quicker. */
export function conflictMessage(err, whileEditing) {
  if (err.status !== 409 && err.status !== 412) return null;
  // Not the server's own detail beside it: it speaks of versions, in English, of a page that has reloaded since.
  return whileEditing ? t('ticket.conflict.whileEditing') : t('ticket.conflict.meanwhile');
}

/**
 * Whether a load brought someone else's message that was not on the screen before: then the person has now seen
 * it, and the ticket is marked read again. The first load (nothing shown before) is marked read by the screen
 * itself; one's own message is nothing new to oneself.
 */
export function brings(before, after, me) {
  return arrived(before, after, me).length > 0;
}

/** The messages of others a load brought that were not on the screen before (none on the first load). */
export function arrived(before, after, me) {
  if (!before || !after) return [];
  const shown = new Set(before.map(m => m.id));
  return after.filter(m => !shown.has(m.id) && m.author !== me);
}

/**
 * Who closed this ticket ({ closed: true, by }), or took it or handed it on ({ by, to }), while the page was open,
 * else null: staff writing a reply must know that a colleague now handles it, or ended it, before they send. One's
 * own take, handover or close is not news (its toast said it); the first load is not either.
 */
export function handledElsewhere(before, after, history, me) {
  if (!before || !after || before.id !== after.id) return null;
  if (before.status !== 'CLOSED' && after.status === 'CLOSED') {
    const closing = lastChange(history, 'status', 'CLOSED');
    return closing && closing.actor !== me ? { closed: true, by: closing.actor } : null;
  }
  if ((before.assignee || null) === (after.assignee || null)) return null;
  const last = lastChange(history, 'assignee', after.assignee || null);
  if (!last || last.actor === me || after.assignee === me) return null;
  return { by: last.actor, to: after.assignee || null };
}

/**
 * The newest history entry that changed `field`, if it changed it to `to`: the history is read beside the ticket,
 * and one that does not show this change yet names nobody.
 */
function lastChange(history, field, to) {
  const last = [...(history || [])].reverse().find(e => (e.changes || []).some(c => c.field === field));
  return last && last.changes.some(c => c.field === field && (c.to || null) === to) ? last : null;
}

/**
 * The staff names this page has seen, to suggest whom to hand over to: the staff who wrote or acted on the ticket.
 * Not a staff directory (there is none); anyone may still be typed in.
 */
export function knownStaff(messages, history) {
  // Only names that acted as staff: a name a handover merely gave (a typo, the reporter's, an analyst's) is nobody's
  // until its owner signs in as staff and acts, and suggesting it would spread the mistake.
  const names = new Set();
  (messages || []).filter(m => m.authorRole === 'STAFF').forEach(m => names.add(m.author));
  (history || []).filter(e => e.actorRole === 'STAFF').forEach(e => names.add(e.actor));
  return [...names].sort((a, b) => a.localeCompare(b));
}
