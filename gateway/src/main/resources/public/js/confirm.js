// The confirmation a reporter gets once a report is filed. The report form hands the new ticket's number over to
// the ticket's page (a navigation in between), which says it in a polite live region so that a screen reader
// announces it too.
import { h, sentence } from './dom.js';
import { t } from './i18n.js';

const KEY = 'helpdesk.filed';
const REFUSED_KEY = 'helpdesk.filed.refused';

/**
 * Called by the report form just before it opens the new ticket, with a sentence for each chosen file that was not
 * attached (none: every file is there).
 */
export function rememberFiled(id, refused = []) {
  try {
    sessionStorage.setItem(KEY, String(id));
    if (refused.length) sessionStorage.setItem(REFUSED_KEY, JSON.stringify(refused));
    else sessionStorage.removeItem(REFUSED_KEY);
  } catch { /* private mode: no confirmation, nothing else lost */ }
}

/**
 * The files of ticket `id`'s report that were not attached, said once on its page as a warning (the ticket itself
 * is filed): which file and why, and that they can be added under a message. Null when all were attached.
 */
export function refusedFiles(id, filed) {
  let refused = [];
  try {
    refused = JSON.parse(sessionStorage.getItem(REFUSED_KEY) || '[]');
    sessionStorage.removeItem(REFUSED_KEY);
  } catch { return null; }
  if (filed !== String(id) || !Array.isArray(refused) || !refused.length) return null;
  return h('div', { class: 'alert', role: 'alert', id: 'filed-refused-files' },
    h('p', {}, t('report.refused.lead', { id: String(id) })),
    h('ul', {}, refused.map(s => h('li', {}, String(s)))),
    h('p', {}, t('report.refused.addUnderMessage')));
}

/**
 * The confirmation for ticket `id` if it was filed just now (once), else null. The region is put on the page
 * empty and filled a moment later: a live region announces changes, not what it held when it appeared.
 */
export function filedConfirmation(id, role = 'STUDENT') {
  let filed = null;
  try {
    filed = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch { return null; }
  const refused = refusedFiles(id, filed);
  if (filed !== String(id)) return null;
  const region = h('p', { class: 'alert alert-success confirmation', role: 'status', id: 'filed-confirmation' });
  // "My tickets" leads there: the list a student opens from the menu shows every open ticket (All) first. Staff's
  // queue has no such view (its Mine is what they handle): they are told where it waits instead.
  const mine = h('a', { href: '#/tickets?reporter=me', id: 'filed-my-tickets' }, t('tickets.view.myTickets'));
  setTimeout(() => {
    region.replaceChildren(...(role === 'STUDENT'
      ? sentence('common.filed.confirmation', { myTickets: mine }, { id: String(id) })
      : [t('common.filed.confirmationQueue', { id: String(id) })]));
  }, 100);
  return refused ? [region, refused] : region;
}
