// What the tests of the UI in another language share: running a test in a language (and back to English, which the
// other test files read), the catalogues of some areas, the English a screen drawn in another language must not
// show, and what a person reads on a screen (data, marked translate="no", left out).
import { assert } from './runner.js';
import { useLanguage } from '/js/i18n.js';

/** Runs `fn` with the UI in `lang`, and returns to English whatever happens. */
export async function inLanguage(lang, fn) {
  await useLanguage(lang);
  try { return await fn(); } finally { await useLanguage('en'); }
}

/** The entries of some areas' catalogues in a language (read before a stage replaces fetch with its fake). */
export async function catalogue(lang, areas) {
  const parts = await Promise.all(areas.map(area => fetch(`/i18n/${lang}/${area}.json`).then(r => r.json())));
  return Object.assign({}, ...parts);
}

/** A catalogue value's texts: the value itself, or each of its plural forms. */
export const forms = value => (typeof value === 'object' ? Object.values(value) : [value]);

/**
 * The English pieces a screen in `lang` must not show: of every key whose English differs from the language's, the
 * text between its placeholders (pieces of four letters or more, looked for as whole words: "Tage" must not match
 * "days", the French "Analyste" is no English "Analyst").
 */
export async function englishPieces(areas, lang) {
  const [english, own] = await Promise.all([catalogue('en', areas), catalogue(lang, areas)]);
  const pieces = new Set();
  for (const [key, value] of Object.entries(english)) {
    const theirs = new Set(forms(own[key]));
    for (const text of forms(value).filter(v => !theirs.has(v))) {
      text.split(/\{\w+\}/).map(p => p.trim()).filter(p => (p.match(/\p{L}/gu) || []).length >= 4)
        .forEach(p => pieces.add(p));
    }
  }
  return [...pieces];
}

/** What a person reads in `root`, data (translate="no") left out: text, labels, titles, placeholders, alt texts. */
export function readableText(root) {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (el.closest('[translate="no"]')) continue;
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent);
    else {
      ['aria-label', 'title', 'placeholder', 'alt'].filter(a => node.hasAttribute(a))
        .forEach(a => out.push(node.getAttribute(a)));
    }
  }
  return out.join('\n');
}

/** The pieces found in `text` as whole words. */
export function englishLeft(text, pieces) {
  const escape = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return pieces.filter(p => new RegExp(`(^|[^\\p{L}])${escape(p)}($|[^\\p{L}])`, 'u').test(text));
}

/** Fails naming the English pieces left in `text`. */
export function assertNoEnglish(text, pieces, what) {
  assert.deepEqual(englishLeft(text, pieces), [], `English left on ${what}`);
}
