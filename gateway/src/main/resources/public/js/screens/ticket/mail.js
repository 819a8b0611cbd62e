// Staff's line about the reporter's email notifications: the address (students and analysts never get it) and
// whether a mail could not be delivered, so staff know the reporter was not told and reach them another way.
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';

/** The line as a region of its own, refreshed with the ticket; nothing at all when no address was given. */
export function mailNote(id) {
  const el = h('p', { class: 'hint mail-note', id: 'mail-note' });
  async function refresh() {
    try {
      mount(el, mailText(await api(`/api/tickets/${id}/notifications`)));
    } catch {
      // The ticket page works without it; the next refresh tries again.
    }
  }
  return { el, refresh };
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
