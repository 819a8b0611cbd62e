// One ticket: its facts, staff actions (Take, Close, category correction, delete), editing, messages (and
// internal notes for staff) and the history timeline. Live events of this ticket reload it in place; what the
// user is typing is never thrown away.
import { api } from '../api.js';
import { h, mount, errorBox, loading, debounce, label, select, time, formatDate, statusBadge, priorityBadge,
  categoryBadge, field, showFieldError, toast, PRIORITIES, CATEGORIES } from '../dom.js';
import { onLive } from '../live.js';

export async function render(container, { session, params }) {
  const id = Number(params[0]);
  const staff = session.role === 'STAFF';
  const head = h('div', { class: 'ticket-head' });
  const body = h('div', { class: 'ticket-body' });
  const actions = h('div', { class: 'ticket-actions' });
  const editSlot = h('div', {});
  const messages = h('ol', { class: 'messages', 'aria-live': 'polite', id: 'messages' });
  const history = h('ol', { class: 'timeline' });
  const notice = h('div', { 'aria-live': 'assertive' });
  let ticket = null;

  async function load() {
    try {
      const [t, m, hist] = await Promise.all([
        api(`/api/tickets/${id}`), api(`/api/tickets/${id}/messages`), api(`/api/tickets/${id}/history`)]);
      ticket = t;
      drawTicket(t);
      drawMessages(m);
      drawHistory(hist);
      compose.hidden = t.status === 'CLOSED';
      closedNote.hidden = t.status !== 'CLOSED';
    } catch (err) {
      if (err.status === 404) {
        mount(container, h('section', { class: 'card' }, h('h1', {}, 'Ticket not available'),
          h('p', {}, staff ? 'This ticket does not exist or was deleted.'
            : 'This ticket was closed or removed, or it never existed. Closed tickets are no longer listed.'),
          h('a', { href: '#/tickets' }, '← Back to the tickets')));
        return;
      }
      notice.replaceChildren(errorBox(err));
    }
  }

  function drawTicket(t) {
    mount(head,
      h('p', { class: 'crumbs' }, h('a', { href: '#/tickets' }, staff ? '← Queue' : '← Tickets')),
      h('h1', {}, h('span', { class: 'muted' }, `#${t.id} `), t.title),
      h('div', { class: 'badges' }, statusBadge(t.status), priorityBadge(t.priority),
        h('span', { id: 'ticket-category' }, categoryBadge(t.category,
          t.categorySource === 'STAFF' ? '· set by staff' : `· ${Math.round(t.categoryConfidence * 100)} % sure`)),
        t.needsReview ? h('span', { class: 'badge review' }, '? needs review') : null));
    mount(body,
      h('dl', { class: 'facts' },
        fact('Reported by', t.reporterName), fact('Location', t.location || '—'),
        fact('Handled by', t.assignee || 'nobody yet'), fact('Opened', formatDate(t.openedAt)),
        fact('Last change', formatDate(t.updatedAt)), fact('First reply', formatDate(t.firstResponseAt)),
        t.closedAt ? fact('Closed', formatDate(t.closedAt)) : null),
      h('h2', {}, 'Description'),
      h('p', { class: 'description', id: 'ticket-description' }, t.description));
    drawActions(t);
  }

  function drawActions(t) {
    const buttons = [];
    if (staff && t.status === 'OPEN') buttons.push(button('Take', 'btn-primary', () => move('ACTIVE'), 'take'));
    if (staff && t.status === 'ACTIVE') buttons.push(button('Close', 'btn-primary', () => move('CLOSED'), 'close'));
    if (t.status !== 'CLOSED' && !editSlot.firstChild) buttons.push(button('Edit', '', openEditor, 'edit'));
    if (staff && t.status !== 'CLOSED') buttons.push(categoryCorrection(t));
    if (staff) buttons.push(button('Delete as spam', 'btn-danger', remove, 'delete'));
    mount(actions, buttons);
  }

  function button(text, cls, onclick, name) {
    return h('button', { type: 'button', class: `btn ${cls}`, dataset: { action: name }, onclick: async e => {
      e.currentTarget.disabled = true;
      try { await onclick(); } finally { if (e.target.isConnected) e.target.disabled = false; }
    } }, text);
  }

  function categoryCorrection(t) {
    const choice = select('category', CATEGORIES.map(c => [c, label.category(c)]), t.category,
      { id: 'category-correction' });
    return h('form', { class: 'inline-form', onsubmit: async e => {
      e.preventDefault();
      if (choice.value === ticket.category) return;
      await mutate(() => api(`/api/tickets/${id}`, { method: 'PATCH', headers: { 'If-Match': String(ticket.version) },
        body: { category: choice.value } }), `Category set to ${label.category(choice.value)}`);
    } }, h('label', { for: 'category-correction' }, 'Category'), choice,
    h('button', { type: 'submit', class: 'btn' }, 'Correct'));
  }

  async function move(status) {
    await mutate(() => api(`/api/tickets/${id}/status`, { method: 'POST', body: { status, version: ticket.version } }),
      status === 'ACTIVE' ? 'You took this ticket' : 'Ticket closed');
  }

  async function remove() {
    if (!confirm('Delete this ticket as spam? It disappears for everyone.')) return;
    try {
      await api(`/api/tickets/${id}`, { method: 'DELETE' });
      toast('Ticket deleted');
      location.hash = '#/tickets';
    } catch (err) { notice.replaceChildren(errorBox(err)); }
  }

  async function mutate(call, done) {
    notice.replaceChildren();
    try {
      await call();
      toast(done, 'success');
    } catch (err) {
      notice.replaceChildren(errorBox(err.status === 409 || err.status === 412
        ? new Error(`Someone else changed this ticket meanwhile; it now shows the latest version. ${err.message}`)
        : err));
    }
    await load();
  }

  function openEditor() {
    const title = h('input', { name: 'title', value: ticket.title, maxlength: 200, required: true });
    const description = h('textarea', { name: 'description', rows: 5, maxlength: 10000 });
    description.value = ticket.description;
    const location = h('input', { name: 'location', value: ticket.location || '', maxlength: 100 });
    const priority = select('priority', PRIORITIES.map(p => [p, label.priority(p)]), ticket.priority);
    const errors = h('div', {});
    const version = ticket.version;
    const form = h('form', { class: 'form card-inset', novalidate: true },
      h('h2', {}, 'Edit ticket'), field('Title', title), field('Description', description),
      h('div', { class: 'row' }, field('Location', location), field('Priority', priority)), errors,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save changes'),
        h('button', { type: 'button', class: 'btn btn-ghost', onclick: closeEditor }, 'Cancel')));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        await api(`/api/tickets/${id}`, { method: 'PATCH', headers: { 'If-Match': String(version) },
          body: { title: title.value.trim(), description: description.value, location: location.value.trim(),
            priority: priority.value } });
        toast('Changes saved', 'success');
        closeEditor();
        await load();
      } catch (err) {
        if (!showFieldError(form, err)) {
          errors.replaceChildren(errorBox(err.status === 409 || err.status === 412
            ? new Error('Someone else changed this ticket while you were editing. Cancel to see their version, then edit again.')
            : err));
        }
      }
    });
    mount(editSlot, form);
    drawActions(ticket);
    title.focus();
  }

  function closeEditor() {
    editSlot.replaceChildren();
    if (ticket) drawActions(ticket);
  }

  function drawMessages(list) {
    if (!list.length) {
      mount(messages, h('li', { class: 'empty-inline' }, 'No messages yet.'));
      return;
    }
    mount(messages, list.map(m => h('li', { class: `message${m.internal ? ' internal' : ''}${m.authorRole === 'STAFF' ? ' from-staff' : ''}` },
      h('div', { class: 'message-meta' }, h('strong', {}, m.author),
        h('span', { class: 'badge role' }, m.authorRole === 'STAFF' ? 'Helpdesk' : 'Student'),
        m.internal ? h('span', { class: 'badge internal-badge' }, 'Internal note') : null, time(m.createdAt)),
      h('p', { class: 'message-body' }, m.body))));
  }

  function drawHistory(entries) {
    mount(history, entries.map(e => h('li', {},
      h('div', { class: 'timeline-head' }, h('strong', {}, describe(e.type)), ` by ${e.actor} `, time(e.at)),
      changeList(e.changes))));
  }

  const text = h('textarea', { name: 'body', rows: 3, maxlength: 5000, required: true, id: 'message-text' });
  const internal = staff ? h('input', { type: 'checkbox', name: 'internal', id: 'message-internal' }) : null;
  const composeErrors = h('div', {});
  const compose = h('form', { class: 'form compose', novalidate: true },
    field(staff ? 'Reply or note' : 'Write a message', text),
    internal ? h('label', { class: 'check' }, internal, ' Internal note (only staff see it)') : null,
    composeErrors, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary', id: 'send-message' }, 'Send')));
  compose.addEventListener('submit', async e => {
    e.preventDefault();
    composeErrors.replaceChildren();
    if (!text.value.trim()) { showFieldError(compose, { field: 'body', message: 'Write something first.' }); return; }
    try {
      await api(`/api/tickets/${id}/messages`, { method: 'POST',
        body: { body: text.value, internal: internal ? internal.checked : false } });
      text.value = '';
      if (internal) internal.checked = false;
      await load();
    } catch (err) {
      if (!showFieldError(compose, err)) composeErrors.replaceChildren(errorBox(err));
    }
  });
  const closedNote = h('p', { class: 'hint', hidden: true }, 'This ticket is closed: it can no longer be changed or answered.');

  container.append(h('article', { class: 'page ticket' }, head, notice,
    h('div', { class: 'ticket-grid' },
      h('div', { class: 'card' }, actions, editSlot, body),
      h('aside', { class: 'card' }, h('h2', {}, 'History'), history)),
    h('section', { class: 'card' }, h('h2', {}, 'Messages'), messages, compose, closedNote)));
  mount(head, loading('Loading ticket…'));
  await load();

  const reload = debounce(load, 150);
  // Students get no live events once a ticket is closed, so a page left open in a background tab catches up
  // when it is looked at again.
  const onVisible = () => { if (document.visibilityState === 'visible') reload(); };
  document.addEventListener('visibilitychange', onVisible);
  const unsubscribe = onLive(e => {
    if (e.kind === 'reset' || e.ticketId === id) {
      if (e.type === 'DELETED') {
        notice.replaceChildren(h('div', { class: 'alert', role: 'alert' }, 'This ticket was just deleted.'));
        return;
      }
      reload();
    }
  });
  return () => { unsubscribe(); document.removeEventListener('visibilitychange', onVisible); };
}

// The message itself is shown under Messages; its id in the history says nothing to a person.
const HIDDEN_FIELDS = new Set(['message', 'messageId', 'version']);
const FIELD_TEXT = { firstResponseAt: 'first reply', closedAt: 'closed', assignee: 'handled by' };

function changeList(changes) {
  const shown = (changes || []).filter(c => !HIDDEN_FIELDS.has(c.field));
  if (!shown.length) return null;
  return h('ul', { class: 'changes' }, shown.map(c => h('li', {},
    h('span', { class: 'muted' }, `${FIELD_TEXT[c.field] || c.field}: `),
    c.from === null || c.from === undefined ? '' : `${value(c.from)} → `, value(c.to ?? '—'))));
}

function value(v) {
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return formatDate(s);
  const known = { ...Object.fromEntries(['OPEN', 'ACTIVE', 'CLOSED'].map(x => [x, label.status(x)])),
    ...Object.fromEntries(['LOW', 'MEDIUM', 'HIGH'].map(x => [x, label.priority(x)])),
    ...Object.fromEntries(['FACILITY', 'IT', 'SERVICES'].map(x => [x, label.category(x)])) };
  return known[s] || clip(s);
}

function fact(term, value) { return [h('dt', {}, term), h('dd', {}, value)]; }

function clip(s) { s = String(s); return s.length > 120 ? `${s.slice(0, 117)}…` : s; }

function describe(type) {
  return { CREATED: 'Reported', EDITED: 'Edited', CATEGORY_CORRECTED: 'Category corrected',
    STATUS_CHANGED: 'Status changed', MESSAGE_ADDED: 'Message', DELETED: 'Deleted' }[type] || type;
}
