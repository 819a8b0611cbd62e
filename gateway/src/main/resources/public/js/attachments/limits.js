// What ticket-service takes (its attachment/ feature decides; these only spare a doomed upload): the types it
// detects and keeps, 10 MB a file, 5 files under one message or under the report itself.
export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
/** For the file chooser: the types by their MIME names and, for systems that filter by name, their extensions. */
export const ACCEPT = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain',
  '.jpg', '.jpeg', '.png', '.webp', '.pdf', '.txt', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp'].join(',');

/** "2.4 MB", "830 KB", "120 bytes": sizes as people read them (1 MB = 1024 KB, as the limit is meant). */
export function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why `file` cannot join the `chosen` ones, in plain words, or null. */
export function refusal(file, chosen) {
  if (chosen.length >= MAX_FILES) return `${file.name} was not added: at most ${MAX_FILES} files can be attached.`;
  if (file.size > MAX_BYTES) return `${file.name} is too big (${sizeText(file.size)}): at most 10 MB a file.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}
