// One ticket: its facts and response targets, staff actions (Take, Close, Hand over, category correction, delete),
// editing, messages (and internal notes for staff) with their photos and files, its place in a mass incident (ticket/incident.js) and the history
// timeline. Opening it, and seeing a new message
// arrive while it is open and looked at, marks it read for this person (the queue's "new" marker clears). Analysts
// get it to read: no actions, no message form, no read marks. The state
// is one plain object (ticket/state.js); handlers turn events into actions and every action re-renders from the new
// state, region by region, so what the user is typing is never thrown away. Live events of this ticket reload it
// in place.
import { api } from '../api.js';
import { h, mount, label, toast, sentence, field } from '../dom.js';
import { onLive, refreshOnLive } from '../live.js';
import { region } from '../region.js';
import { singleFlight } from '../schedule.js';
import { initialState, update, conflictMessage, canHandOver, brings, arrived, knownStaff, shownNotice,
  handledElsewhere, availableActions }
  from './ticket/state.js';
import * as view from './ticket/view.js';
import { timeline } from './ticket/history.js';
import { editor, handover } from './ticket/forms.js';
import { composer, closeButton } from './ticket/compose.js';
import { filedConfirmation } from '../confirm.js';
import { acknowledge, closureOf, followsUp, solvedPage } from './ticket/solved.js';
import { incidentInfo, linkForm, canLink, incidentActions, linkedTickets, closeQuestion,
  deleteQuestion } from './ticket/incident.js';
import { incidentRefusalText } from '../words.js';
import { mailNote } from './ticket/mail.js';
import { uploadAll } from '../attachments/upload.js';
import { t } from '../i18n.js';
import { draftOwner } from '../drafts.js';
import { titleFrom, focusHeading } from '../heading.js';

/** A reply should show up as soon as possible; bursts on one ticket are rare, so its refresh waits less. */
const LIVE_WAIT_MS = 150;
/** Staff names seen on any ticket opened in this tab, suggested for a handover (there is no staff directory). */
const staffSeen = new Set();
let deskStaffAsked = false;

/**
 * Once per tab, the names the desk's workload counts (who holds tickets, or closed some lately) join the
 * suggestions: before, only the names on tickets opened in this tab were known, and a colleague's was not.
 */
function learnDeskStaff(then) {
  if (deskStaffAsked) return;
  deskStaffAsked = true;
  api('/api/analytics/workload').then(answer => {
    (answer.assignees || []).forEach(row => { if (row.assignee) staffSeen.add(row.assignee); });
    then();
  }).catch(() => { /* only fewer suggestions, and the question for a name not seen */ });
}

/**
 * The spelling of a name someone has worked under, however it was typed ("anna keller": "Anna Keller"), or null. Sent
 * as found: the service takes up another case only of a spelling its owner acted under, and a colleague who so far
 * only received tickets would get one under the typed spelling, out of their Mine view.
 */
function workedUnder(name) {
  const wanted = name.toLowerCase();
  return [...staffSeen].find(seen => seen.toLowerCase() === wanted) ?? null;
}

export async function render(container, { session, params }) {
  let state = initialState(Number(params[0]), session.role);
  const { id } = state;
  const el = {
    head: h('div', { class: 'ticket-head' }), followsUp: h('div', {}), incident: h('div', {}),
    notice: h('div', { 'aria-live': 'assertive' }),
    actions: h('div', { class: 'ticket-actions' }), edit: h('div', {}), body: h('div', { class: 'ticket-body' }),
    // Not a live region itself: redrawn whole, it would read out every message again; `news` says what is new.
    history: h('ol', { class: 'timeline' }), messages: h('ol', { class: 'messages', id: 'messages' }),
    news: h('p', { class: 'sr-only', 'aria-live': 'polite', id: 'message-news' }),
    // Stays until the page is left: a colleague took the ticket while this person was reading or writing. The
    // region is there from the start and its content changes, so that a screen reader says it.
    handled: h('div', { role: 'status', id: 'ticket-handled-elsewhere' }),
  };
  const on = {
    move: async (status, name) => {
      // The version the person saw when pressing: a live reload while the question is asked must not stand in.
      const { version } = state.ticket;
      // Closing ends the ticket for its reporter (they no longer see it): asked first, as deleting and revoking are.
      // The buttons wait meanwhile: on an incident the question first asks how many linked tickets close with it.
      if (status === 'CLOSED') {
        show({ type: 'busy', action: name });
        const sure = confirm(await closeQuestion(state.ticket));
        if (!sure) {
          show({ type: 'busy', action: null });
          // Redrawn while it waited: the focus goes back to the Close button, where the person left it.
          const again = el.actions.querySelector('[data-action="close"]');
          if (again) again.focus();
          return;
        }
      }
      await mutate(name, () => api(`/api/tickets/${id}/status`, { method: 'POST', body: { status, version } }),
      status === 'ACTIVE' ? t('ticket.toast.taken') : t('ticket.toast.closed'));
      // The button pressed is gone with the old status: the focus goes to the line that says the new one.
      const line = el.head.querySelector('#ticket-status-line');
      if (line) line.focus();
    },
    correct: async category => {
      await mutate('category', () => api(`/api/tickets/${id}`, { method: 'PATCH',
        headers: { 'If-Match': String(state.ticket.version) }, body: { category } }),
      t('ticket.toast.category', { category: label.category(category) }));
      // The form pressed was drawn anew with the ticket: the focus goes to the line that names the category now.
      const line = el.head.querySelector('#ticket-status-line');
      if (line) line.focus();
    },
    edit: () => {
      show({ type: 'editOpened' });
      const title = el.edit.querySelector('[name=title]');
      if (title) title.focus();
    },
    remove,
    save: async (values, { onTop = false } = {}) => {
      // On top: over the version there is now, which the person has been told of and can see above the editor.
      if (onTop) await load();
      const version = onTop ? state.ticket.version : state.editing.version;
      await api(`/api/tickets/${id}`, { method: 'PATCH', headers: { 'If-Match': String(version) }, body: values });
      toast(t('ticket.toast.saved'), 'success');
      show({ type: 'editClosed' });
      backToEdit();
      await load();
    },
    cancel: () => {
      show({ type: 'editClosed' });
      backToEdit();
    },
    send: async (message, key, files, onEach) => {
      let posted;
      try {
        posted = await api(`/api/tickets/${id}/messages`, { method: 'POST', headers: { 'Idempotency-Key': key },
          body: message });
      } catch (err) {
        // Closed meanwhile (the live news missed): the reporter is shown how it ended, not "does not exist".
        if (err.status === 404 && await showSolvedIfClosed()) return [];
        // Refused for the ticket's state (closed meanwhile): the page shows how it stands now, the text stays.
        if (err.status === 409) load();
        throw err;
      }
      const refused = await uploadAll(id, files, posted.id, onEach);
      load();
      return refused;
    },
    // The question Close asks, asked before anything is sent; then the answer, then the close over the version
    // that answer left (a message moves the ticket's version on). A close refused after the answer went out is
    // said as Close's own refusal is, and the answer stays sent.
    sendAndClose: async (message, key, files, onEach) => {
      if (!confirm(await closeQuestion(state.ticket))) return null;
      const refused = await on.send(message, key, files, onEach);
      await load();
      if (!state.ticket || state.ticket.status !== 'ACTIVE') return refused;
      const { version } = state.ticket;
      await mutate('close', () => api(`/api/tickets/${id}/status`, { method: 'POST',
        body: { status: 'CLOSED', version } }), t('ticket.toast.sentAndClosed'));
      return refused;
    },
    handOver: async assignee => {
      // No staff directory: a name nobody has worked under is most likely a typo, and the ticket would drop out of
      // every Mine view without a word.
      const known = workedUnder(assignee);
      if (!known && !confirm(t('ticket.handover.unknown', { name: assignee }))) return false;
      assignee = known ?? assignee;
      try {
        await api(`/api/tickets/${id}/assignee`, { method: 'POST',
          headers: { 'If-Match': String(state.ticket.version) }, body: { assignee } });
      } catch (err) {
        // A refusal is shown under the field; the page shows the ticket as it now stands.
        await load();
        throw err;
      }
      toast(t('ticket.toast.handedOver', { name: assignee }), 'success');
      await load();
    },
  };
  const incidents = incidentActions(id, () => state.ticket, () => load());
  on.unlink = async () => {
    show({ type: 'notice', error: null });
    try {
      await incidents.unlink();
    } catch (err) {
      show({ type: 'notice', error: new Error(incidentRefusalText(err)) });
      await load();
    }
  };
  const linkTo = linkForm(() => state.ticket, incidents);
  const compose = composer(state.staff, on, { place: `ticket.${id}.reply`, owner: draftOwner(session),
    // Staff's public answer on an incident is posted under its open linked tickets too (README, POST …/links).
    sentText: () => (state.staff && state.ticket && state.ticket.linkedCount && state.ticket.status !== 'CLOSED'
      ? t('ticket.compose.sentToLinked') : null) });
  const handoverForm = handover(on);
  // Staff only (GET /api/tickets/{id}/notifications answers students and analysts 403): the reporter's address
  // and undelivered notifications (ticket/mail.js).
  const mail = mailNote(id);
  // Staff and analysts only, who handle and follow the outage; a reporter reads its answer on their own ticket.
  const linked = linkedTickets(id);
  const closedNote = h('p', { class: 'hint', hidden: true }, t('ticket.page.closedHint'));
  const regions = [
    [region(el.head, (ticket, failed) => view.head(ticket, session.role, failed)),
      s => [s.ticket, s.ticket ? null : s.loadError]],
    [region(el.followsUp, ticket => followsUp(ticket, state.staff || state.readOnly)),
      s => [s.ticket]],
    [region(el.incident, (ticket, history) => incidentInfo(ticket, history, state, session.name, on)),
      s => [s.ticket, s.history]],
    [region(el.notice, (error, deleted, failedRead) => view.notice(error, deleted, failedRead ? tryAgain : null)),
      s => [shownNotice(s), s.deleted, Boolean(s.loadError)]],
    [region(el.actions, () => view.actions(state, on)), s => [s.ticket, s.busy, s.editing]],
    [region(el.edit, editing => (editing ? editor(state.ticket, on) : null)), s => [s.editing]],
    [region(el.body, (ticket, attachments) => view.facts(ticket, attachments, state.staff || state.readOnly)),
      s => [s.ticket, s.attachments]],
    [region(el.messages, view.messages), s => [s.messages, s.attachments]],
    [region(el.history, timeline), s => [s.history]],
  ];

  // Set once the reporter was shown how the ticket ended: the page stays that way (nothing of it can change).
  let solved = null;
  // Set when the person has gone to another screen: a load still under way (after a change, a live event) must not
  // put "Ticket not available" or a closure over the screen that now fills the container.
  let left = false;
  const replacePage = node => { if (!left) mount(container, node); };

  function showSolved(closure) {
    if (left) return;
    solved = closure;
    const box = compose.querySelector('textarea');
    const unsent = box ? box.value.trim() : '';
    const wasHere = container.contains(document.activeElement) || document.activeElement === document.body;
    replacePage(solvedPage(closure, { unsent }));
    // The page the person was on is gone: the focus (and a screen reader) goes to what took its place, and the tab
    // is named after it.
    const heading = titleFrom(container);
    if (heading && wasHere) focusHeading(heading);
    acknowledge(id);
  }

  /** For a student, a ticket that vanished may be their own, closed: then they see how it ended. */
  async function showSolvedIfClosed() {
    if (state.staff || state.readOnly) return false;
    const closure = await closureOf(id);
    if (closure && !solved) showSolved(closure);
    return Boolean(closure);
  }

  function show(action) {
    if (solved) return;
    state = update(state, action);
    if (state.missing) {
      replacePage(view.notAvailable(session.role));
      return;
    }
    regions.forEach(([draw, shown]) => draw(...shown(state)));
    compose.hidden = state.readOnly || !state.ticket || state.ticket.status === 'CLOSED';
    if (closeButton(compose)) closeButton(compose).hidden = !availableActions(state).includes('close');
    handoverForm.hidden = !canHandOver(state);
    linkTo.hidden = !canLink(state);
    if (state.staff) {
      if (session.name) staffSeen.add(session.name);
      knownStaff(state.messages, state.history).forEach(n => staffSeen.add(n));
      handoverForm.suggest([...staffSeen].sort((a, b) => a.localeCompare(b)));
      learnDeskStaff(() => handoverForm.suggest([...staffSeen].sort((a, b) => a.localeCompare(b))));
    }
    closedNote.hidden = !state.ticket || state.ticket.status !== 'CLOSED';
    // Empty cards under a failed first read looked like a ticket with nothing in it.
    sections.forEach(section => { section.hidden = !state.ticket; });
  }

  // Marking read never stands in the way of reading: a failure only leaves the marker for the next visit.
  const markRead = () => (state.readOnly ? null
    : api(`/api/tickets/${id}/read`, { method: 'POST' }).catch(() => null));
  let readPending = false;

  /**
   * A student loses sight of a ticket once it is closed, so for them the ticket is asked first and its parts only
   * while it is there: a closed one of theirs is then one refusal and its closure, not four refusals. Staff and
   * analysts read every status, so they ask all four at once.
   */
  async function read() {
    // Asked again by themselves after a 504, 502, 503 or a lost connection (api.js): a stall of a few seconds must
    // not leave the page on an error with nothing under it.
    const get = path => api(path, { retry: true });
    const parts = () => [get(`/api/tickets/${id}/messages`), get(`/api/tickets/${id}/history`),
      // The files are an addition to the ticket: without them it still reads.
      get(`/api/tickets/${id}/attachments`).catch(() => [])];
    if (state.staff || state.readOnly) return Promise.all([get(`/api/tickets/${id}`), ...parts()]);
    const ticket = await get(`/api/tickets/${id}`);
    return [ticket, ...await Promise.all(parts())];
  }

  const load = singleFlight(async () => {
    // Shown how it ended, the page asks nothing more: the ticket is no longer there for this person.
    if (solved) return;
    try {
      const [ticket, messages, history, attachments] = await read();
      const shownBefore = state.messages;
      const handled = state.staff ? handledElsewhere(state.ticket, ticket, history, session.name) : null;
      // Read before the box is hidden with the closed ticket: what was typed there is shown to be copied.
      const unsent = handled && handled.closed ? compose.querySelector('textarea').value.trim() : '';
      show({ type: 'loaded', ticket, messages, history, attachments });
      if (handled) tellHandled(handled, unsent);
      else if (ticket.assignee === session.name) el.handled.replaceChildren();
      announce(arrived(shownBefore, messages, session.name));
      if (state.staff) mail.refresh();
      if (state.staff || state.readOnly) linked.refresh(ticket);
      if (brings(shownBefore, messages, session.name)) {
        if (document.visibilityState === 'visible') markRead(); else readPending = true;
      }
    } catch (err) {
      if (err.status === 404 && await showSolvedIfClosed()) return;
      show(err.status === 404 ? { type: 'missing' } : { type: 'loadFailed', error: err });
    }
  });

  function tellHandled({ closed, by, to }, unsent) {
    const said = closed ? sentence('ticket.handled.closed', { name: by })
      : to === by ? sentence('ticket.handled.took', { name: by })
        : to ? sentence('ticket.handled.handedOver', { name: by, to }) : sentence('ticket.handled.released', { name: by });
    el.handled.replaceChildren(h('div', { class: 'alert alert-info' }, h('p', {}, ...said),
      unsent ? field(t('ticket.handled.unsent'), h('textarea', { readonly: true, rows: 3, id: 'unsent-reply',
        translate: 'no' }, unsent)) : null));
  }

  /**
   * "Try again" goes with the notice it is in, so the focus moves on to what came instead: the ticket's title, or the
   * next "Try again" when the read failed once more.
   */
  async function tryAgain() {
    await load();
    const next = state.loadError ? el.notice.querySelector('#ticket-retry') : el.head.querySelector('h1');
    if (next) next.focus();
  }

  /**
   * Someone else's new messages, said once in the polite region; the focus stays where the person is. A live
   * region must exist before its text changes, so the text is set, not the element added.
   */
  function announce(newcomers) {
    if (!newcomers.length) return;
    el.news.textContent = newcomers.length === 1 ? t('ticket.news.one', { name: newcomers[0].author })
      : t('ticket.news.many', { count: newcomers.length });
    // On a phone the new message is often screens below where the person reads: a sighted cue too.
    if (el.messages.getBoundingClientRect().bottom > window.innerHeight) {
      toast(el.news.textContent, 'info', { spoken: false });
    }
  }

  /** The editor gone, the focus goes back to the Edit button that opened it, not to the top of the page. */
  function backToEdit() {
    const edit = el.actions.querySelector('[data-action="edit"]');
    if (edit) edit.focus();
  }

  async function mutate(name, call, done) {
    show({ type: 'notice', error: null });
    show({ type: 'busy', action: name });
    try {
      await call();
      toast(done, 'success');
    } catch (err) {
      const conflict = conflictMessage(err, false);
      show({ type: 'notice', error: conflict ? new Error(conflict) : err });
    }
    await load();
    show({ type: 'busy', action: null });
  }

  async function remove() {
    if (!confirm(await deleteQuestion(state.ticket))) return;
    show({ type: 'busy', action: 'delete' });
    try {
      await api(`/api/tickets/${id}`, { method: 'DELETE' });
      toast(t('ticket.toast.deleted'));
      location.hash = '#/tickets';
    } catch (err) {
      show({ type: 'notice', error: err });
    }
    show({ type: 'busy', action: null });
  }

  const sections = [
    h('div', { class: 'ticket-grid' },
      h('div', { class: 'card' }, el.actions, handoverForm, linkTo, el.edit, el.body, state.staff ? mail.el : null),
      h('aside', { class: 'card' }, h('h2', {}, t('ticket.page.history')), el.history)),
    h('section', { class: 'card' }, h('h2', {}, t('ticket.page.messages')), el.messages, el.news, el.handled, compose,
      closedNote)];
  container.append(h('article', { class: 'page ticket' }, el.head, filedConfirmation(id, session.role), el.followsUp,
    el.incident, state.staff || state.readOnly ? linked.el : null, el.notice, ...sections));
  show({ type: 'notice', error: null });
  await load();
  if (state.ticket && !solved) markRead();

  const live = refreshOnLive(load, e => e.kind === 'reset'
    || (e.kind === 'change' && e.ticketId === id && e.type !== 'DELETED'), { wait: LIVE_WAIT_MS });
  // Staff who filed a ticket themselves keep reading it as staff do: the solved view is for students.
  const stopSolved = onLive(e => {
    if (e.kind === 'solved' && e.ticketId === id && !solved && !state.staff && !state.readOnly) showSolved(e);
  });
  const stopDeleted = onLive(e => { if (e.ticketId === id && e.type === 'DELETED') show({ type: 'deleted' }); });
  // Students get no live events once a ticket is closed, so a page left open in a background tab catches up
  // when it is looked at again.
  const onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    if (readPending) {
      readPending = false;
      markRead();
    }
    live();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    left = true;
    live.stop();
    stopDeleted();
    stopSolved();
    document.removeEventListener('visibilitychange', onVisible);
  };
}
