// Staff's line about the reporter's email notifications: the address (students and analysts never get it) and
// whether a mail could not be delivered, so staff know the reporter was not told and reach them another way.
// Asked when opened, not with every load: a ticket page reads its ticket with three requests per refresh.
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';

/** A disclosure of its own; `refresh()` (with each load) asks again only while it is open. */
export function mailNote(id) {
  const line = h('p', { class: 'hint mail-note', id: 'mail-note' });
  const el = h('details', { class: 'mail' }, h('summary', {}, 'Email notifications'), line);
  async function ask() {
    try {
      mount(line, mailText(await api(`/api/tickets/${id}/notifications`)) || 'The reporter gave no email address.');
    } catch {
      mount(line, 'Not available right now.');
    }
  }
  el.addEventListener('toggle', () => { if (el.open) ask(); });
  return { el, refresh: () => (el.open ? ask() : null) };
}

/** What the line says, from `GET /api/tickets/{id}/notifications`. */
export function mailText(n) {
  if (!n || !n.email) return null;
  const sent = n.mails.filter(m => m.status === 'SENT').length;
  const parts = [`Reporter's email: ${n.email}`, `${sent} of ${n.mails.length} notifications sent`];
  if (n.failed > 0) {
    const last = n.mails.filter(m => m.status === 'FAILED').pop();
    return [parts.join(' · '), ' · ', h('strong', { class: 'mail-failed' },
      `${n.failed} could not be delivered${last && last.lastError ? ` (${last.lastError})` : ''}`)];
  }
  return parts.join(' · ');
}
