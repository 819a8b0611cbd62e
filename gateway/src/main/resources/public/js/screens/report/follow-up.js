// "Still not fixed?": a report that names the ticket it follows up on (#/report?previous=1430). The server accepts
// only a ticket the reporter filed (staff: any); the title and location are prefilled from how the old one ended,
// where the reporter has not typed yet.
import { h, data, sentence } from '../../dom.js';
import { t } from '../../i18n.js';
import { closureOf } from '../ticket/solved.js';

/** The ticket number a report follows up on, from its address, or null. */
export function previousTicketOf(query) {
  const n = Number(query && query.get('previous'));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * The note above the form ("Follows up on #1430"), and the old title and location prefilled once known, each only
 * where the reporter has not typed yet; the typing handlers are told, so the category and the similar reports are
 * offered at once, as for typed text.
 */
export function followUpNote(previous, title, location) {
  if (!previous) return null;
  const note = h('p', { class: 'follows-up', id: 'report-follows-up' },
    t('report.followUp.note', { id: String(previous) }));
  closureOf(previous).then(closure => {
    if (!closure) return;
    note.replaceChildren(...sentence('report.followUp.noteWithTitle', { title: data('span', {}, closure.title) },
      { id: String(previous) }));
    prefill(title, t('report.followUp.titlePrefill', { title: closure.title }).slice(0, 200));
    if (location && closure.location) prefill(location, closure.location);
  });
  return note;
}

function prefill(input, value) {
  if (input.value) return;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
