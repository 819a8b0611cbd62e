// The confirmation a reporter gets once a report is filed. The report form hands the new ticket's number over to
// the ticket's page (a navigation in between), which says it in a polite live region so that a screen reader
// announces it too.
import { h } from './dom.js';
import { t } from './i18n.js';

const KEY = 'helpdesk.filed';

/** Called by the report form just before it opens the new ticket. */
export function rememberFiled(id) {
  try { sessionStorage.setItem(KEY, String(id)); } catch { /* private mode: no confirmation, nothing else lost */ }
}

/**
 * The confirmation for ticket `id` if it was filed just now (once), else null. The region is put on the page
 * empty and filled a moment later: a live region announces changes, not what it held when it appeared.
 */
export function filedConfirmation(id) {
  let filed = null;
  try {
    filed = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch { return null; }
  if (filed !== String(id)) return null;
  const region = h('p', { class: 'alert alert-success confirmation', role: 'status', id: 'filed-confirmation' });
  setTimeout(() => {
    region.textContent = t('common.filed.confirmation', { id: String(id) });
  }, 100);
  return region;
}
