// Sending chosen files after the ticket or the message they belong to exists: one at a time (a phone's upload is
// the slow part; parallel ones would only finish together, later), each refusal kept with its file so the person
// learns which one failed and why, while the ticket or message stays.
import { ApiError } from '../api.js';
import { problemText } from '../words.js';
import { t } from '../i18n.js';

/**
 * Uploads `files` under ticket `ticketId` (and message `messageId`, if any); `onEach(file, index)` is told before
 * each one. Resolves to the refused ones: [{file, reason}].
 */
export async function uploadAll(ticketId, files, messageId, onEach = () => {}) {
  const refused = [];
  for (const [index, file] of files.entries()) {
    onEach(file, index);
    try {
      await uploadOne(ticketId, file, messageId);
    } catch (err) {
      refused.push({ file, reason: refusalReason(err) });
    }
  }
  return refused;
}

async function uploadOne(ticketId, file, messageId) {
  const form = new FormData();
  form.append('file', file, file.name);
  const path = `/api/tickets/${ticketId}/attachments${messageId ? `?messageId=${messageId}` : ''}`;
  let res;
  try {
    res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin',
      headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, {});
  }
  if (!res.ok) {
    const problem = await res.json().catch(() => null);
    throw new ApiError(res.status, problem);
  }
  return res.json();
}

// Why the desk refused a file, in the words of the form, by the answer's status: the service's own sentence names
// the detected MIME type ("application/x-msdownload"), which means nothing to the person who chose the file.
const REFUSALS = { 413: 'common.files.refused.tooBig', 415: 'common.files.refused.type',
  // Too many files arriving at once, the person's own (another tab) or everyone's: the file may be sent again.
  429: 'common.files.refused.busy', 503: 'common.files.refused.busy' };

function refusalReason(err) {
  return REFUSALS[err.status] ? t(REFUSALS[err.status]) : err.message;
}

/** One sentence per refused file, e.g. "notes.exe was not attached: this kind of file is not accepted; …". */
export function refusedText(refused) {
  return refused.map(({ file, reason }) => t('common.files.notAttached',
    { name: file.name, reason: reason || problemText(0, null) }));
}
