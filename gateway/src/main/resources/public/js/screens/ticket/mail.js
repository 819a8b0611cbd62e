// Staff's line about the reporter's email notifications: the address (students and analysts never get it) and
// whether a mail could not be delivered, so staff know the reporter was not told and reach them another way.
// Asked when opened, not with every load: a ticket page reads its ticket with three requests per refresh.
import { api } from '../../api.js';
import { h, mount, sentence } from '../../dom.js';
import { t } from '../../i18n.js';

/** A disclosure of its own; `refresh()` (with each load) asks again only while it is open. */
export function mailNote(id) {
  const line = h('p', { class: 'hint mail-note', id: 'mail-note' });
  const el = h('details', { class: 'mail' }, h('summary', {}, t('ticket.mail.summary')), line);
  async function ask() {
    try {
      mount(line, mailParts(await api(`/api/tickets/${id}/notifications`)) || t('ticket.mail.noAddress'));
    } catch {
      mount(line, t('ticket.mail.unavailable'));
    }
  }
  el.addEventListener('toggle', () => { if (el.open) ask(); });
  return { el, refresh: () => (el.open ? ask() : null) };
}

/** What the line says, from `GET /api/tickets/{id}/notifications`: text, or its parts when a mail failed. */
export function mailText(n) {
  const parts = mailParts(n);
  if (!parts || n.failed > 0) return parts;
  return parts.map(part => (typeof part === 'string' ? part : part.textContent)).join('');
}

/** The line's parts to draw: the address and the mail server's reason are data, left untranslated. */
function mailParts(n) {
  if (!n || !n.email) return null;
  const sent = n.mails.filter(m => m.status === 'SENT').length;
  const parts = [...sentence('ticket.mail.address', { email: n.email }), ' · ',
    t('ticket.mail.sent', { sent, count: n.mails.length })];
  if (n.failed > 0) {
    const last = n.mails.filter(m => m.status === 'FAILED').pop();
    // The mail server's own reason is its words, not ours: shown as it came.
    return [...parts, ' · ', h('strong', { class: 'mail-failed' }, last && last.lastError
      ? sentence('ticket.mail.failedWhy', { reason: last.lastError }, { count: n.failed })
      : t('ticket.mail.failed', { count: n.failed }))];
  }
  return parts;
}
