// What ticket-service takes (its attachment/ feature decides; these only spare a doomed upload): the types it
// detects and keeps, 10 MB a file, 5 files under one message or under the report itself.
import { t, formatNumber } from '../i18n.js';

export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
/** For the file chooser: the types by their MIME names and, for systems that filter by name, their extensions. */
export const ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  '.jpg', '.jpeg', '.png', '.webp', '.pdf', '.txt', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp'].join(',');

/** "2.4 MB", "830 KB", "120 bytes": sizes as people read them (1 MB = 1024 KB, as the limit is meant). */
export function sizeText(bytes) {
  if (bytes < 1024) return t('common.files.bytes', { count: bytes });
  if (bytes < 1024 * 1024) return t('common.files.kilobytes', { value: Math.round(bytes / 1024) });
  return t('common.files.megabytes',
    { value: formatNumber(bytes / (1024 * 1024), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

// Kinds of file the desk refuses, by the first bytes its type detector knows them by (AttachmentTypes in
// ticket-service). It judges the bytes, never the name: "notes.exe" holding plain text is taken (as
// "notes.exe.txt"), so it passes here too. Any other kind is the desk's to judge.
const REFUSED_KINDS = [
  [0, 'MZ'], // Windows programs and libraries
  [0, '\x7fELF'], // Linux programs
  [0, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'], // legacy Office (.doc, .xls, .ppt) and installers (.msi)
  [0, 'GIF87a'], [0, 'GIF89a'],
  [4, 'ftypheic'], [4, 'ftypheix'], // HEIC photos
];

/** Why `file` cannot join the `chosen` ones, in plain words, or null. */
export function refusal(file, chosen) {
  if (chosen.length >= MAX_FILES) return t('common.files.tooMany', { name: file.name, max: MAX_FILES });
  if (file.size > MAX_BYTES) return t('common.files.tooBig', { name: file.name, size: sizeText(file.size) });
  if (file.size === 0) return t('common.files.empty', { name: file.name });
  return null;
}

/**
 * Why the desk would refuse `file` for its kind, in the words its refusal is shown with after an upload (upload.js),
 * or null when it may well take it.
 */
export async function kindRefusal(file) {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const starts = ([at, bytes]) => [...bytes].every((c, i) => head[at + i] === c.charCodeAt(0));
  return REFUSED_KINDS.some(starts)
    ? t('common.files.notAttached', { name: file.name, reason: t('common.files.refused.type') }) : null;
}
