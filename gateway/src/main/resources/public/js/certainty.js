// How sure the classifier is, in words ("very likely IT", "probably IT", "not sure: the desk will check"). The
// number stays available on hover and focus (and to screen readers as the description), never as the headline:
// "100 % sure" overclaimed and "57 % sure" of nonsense invited trust it did not deserve.
import { h, label } from './dom.js';
import { t, formatNumber } from './i18n.js';

/**
 * Below this calibrated confidence the category is little better than a coin toss (right 58 % of the time in
 * cross-validation). The server's rule is ticket-api `Certainty.of`, which classify answers carry as `certainty`;
 * stored tickets carry only their confidence and review flag, so this mirrors it for them.
 */
export const NOT_SURE_BELOW = 0.7;

/** VERY_LIKELY, PROBABLY or NOT_SURE for a classify answer or a ticket's stored confidence. */
export function certaintyOf({ certainty, confidence, needsReview }) {
  if (certainty) return certainty;
  if (confidence < NOT_SURE_BELOW) return 'NOT_SURE';
  return needsReview ? 'PROBABLY' : 'VERY_LIKELY';
}

/** The words for a category at a certainty, e.g. "probably IT". */
export function certaintyText(certainty, category) {
  if (certainty === 'NOT_SURE') return t('common.certainty.notSure');
  return t(certainty === 'VERY_LIKELY' ? 'common.certainty.veryLikely' : 'common.certainty.probably',
    { category: label.category(category) });
}

/** The classifier's estimate as a whole percentage, at most 99 (the classifier never reports certainty). */
export function percent(confidence) {
  return t('common.certainty.percent', { value: Math.min(99, Math.round(confidence * 100)) });
}

let described = 0;

/**
 * The words, focusable, with the estimate shown on hover and focus and given to screen readers as the description.
 * `c` is a classify answer or a ticket ({ category, confidence, needsReview }).
 */
export function certaintyNote(c, category = c.category) {
  return note(c, certainty => certaintyText(certainty, category));
}

/**
 * The same note without the category ("very likely", "probably"), for a sentence that names the category itself:
 * "Looks like IT, very likely", not "Looks like IT: very likely IT". Not for NOT_SURE, which names no category.
 */
export function certaintyWordNote(c) {
  return note(c, certainty => t(certainty === 'VERY_LIKELY' ? 'common.certainty.veryLikelyWord'
    : 'common.certainty.probablyWord'));
}

function note(c, words) {
  const id = `certainty-${++described}`;
  const certainty = certaintyOf({ certainty: c.certainty, confidence: c.confidence ?? c.categoryConfidence,
    needsReview: c.needsReview });
  const estimate = t('common.certainty.estimate', { percent: percent(c.confidence ?? c.categoryConfidence) });
  return h('span', { class: `certainty certainty-${certainty.toLowerCase().replace('_', '-')}`, tabindex: '0',
    title: estimate, 'aria-describedby': id },
  words(certainty), h('span', { class: 'certainty-number', id }, ` (${estimate})`));
}

/** What the list's review marker means, said once beside the list. */
export function reviewLegend() {
  return h('p', { class: 'legend hint', id: 'review-legend' }, h('span', { class: 'flag', 'aria-hidden': 'true' }, '?'),
    ' ', t('common.certainty.reviewLegend'));
}
