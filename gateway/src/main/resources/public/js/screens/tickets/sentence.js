// A sentence of the catalogue with data in it ("Handled by {name}"): the words are the language's, the data is shown
// as it was typed, inside translate="no" so that neither a browser's translator nor the test that hunts for
// untranslated English touches it. t() alone gives a string, which cannot carry that mark.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';

// Never in a catalogue nor in typed data that reaches a placeholder: a safe seam to split the sentence at.
const SEAM = '\u0000';

/**
 * `data` holds the placeholders that are data (shown untranslated, in a `tag`), or elements placed as they are (a
 * link); `params` the others (counts, numbers, words of the catalogue).
 */
export function sentence(key, data, params = {}, tag = 'span') {
  const names = Object.keys(data);
  const marked = Object.fromEntries(names.map((name, i) => [name, `${SEAM}${i}${SEAM}`]));
  const parts = t(key, { ...params, ...marked }).split(SEAM);
  return parts.map((part, i) => (i % 2 ? dataPart(data[names[Number(part)]], tag) : part)).filter(part => part !== '');
}

function dataPart(value, tag) {
  return value instanceof Node ? value : h(tag, { translate: 'no' }, String(value));
}
