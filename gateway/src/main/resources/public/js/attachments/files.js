// Files shown under the report and under each message: an image as its thumbnail, linking to the whole photo; any
// other file as a link with a mark of its kind, its name and its size. The files come from ticket-service, which
// serves each as its detected type, sandboxed, so opening one in a new tab is safe.
import { h, data } from '../dom.js';
import { t } from '../i18n.js';
import { sizeText } from './limits.js';

/** The files of one message (`messageId`), or of the report itself (null); nothing when there are none. */
export function filesOf(attachments, messageId) {
  const mine = (attachments || []).filter(a => (a.messageId ?? null) === messageId);
  if (!mine.length) return null;
  return h('ul', { class: 'attachments', 'aria-label': t(messageId === null ? 'common.files.ofReport' : 'common.files.list') },
    mine.map(a => h('li', {}, a.thumbnail ? thumbnail(a) : fileLink(a))));
}

function thumbnail(a) {
  return h('a', { href: `/api/attachments/${a.id}`, target: '_blank', rel: 'noopener', class: 'thumbnail',
    title: `${a.name} (${sizeText(a.size)})` },
  h('img', { src: `/api/attachments/${a.id}?thumbnail=true`, alt: t('common.files.photoAlt', { name: a.name }),
    loading: 'lazy' }));
}

function fileLink(a) {
  return h('a', { href: `/api/attachments/${a.id}`, target: '_blank', rel: 'noopener', class: 'file-link' },
    h('span', { class: 'file-icon', 'aria-hidden': 'true' }, iconOf(a.type)), ' ', data('span', {}, a.name), ' ',
    h('span', { class: 'muted' }, `(${sizeText(a.size)})`));
}

function iconOf(type) {
  if (type.startsWith('image/')) return '🖼';
  if (type === 'application/pdf') return '📕';
  if (type === 'text/plain') return '📄';
  return '📎';
}
