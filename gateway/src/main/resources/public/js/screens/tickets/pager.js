// The list's pages: Previous and Next, the page numbers around the one shown (with the first and the last), a
// jump to any page and the page size. Every choice is an action on the list's state, which the address keeps, so
// Back and Forward walk through the pages seen (tickets.js).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { PAGE_SIZES, MAX_OFFSET, lastReachablePage, rowRange } from './state.js';

/** How many pages a list has, and the last one the server serves (it pages at most 10,000 rows deep). */
export function pageCount(list) {
  return Math.max(1, Math.min(Math.ceil(list.total / list.size), lastReachablePage(list.size) + 1));
}

/**
 * The page numbers to offer (1-based) with null for a gap: the first, the last, and two either side of the
 * current one, e.g. 1 … 4 5 [6] 7 8 … 280. A gap of one page shows that page instead of "…".
 */
export function pageNumbers(current, pages) {
  const wanted = new Set([1, pages]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= pages) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out = [];
  sorted.forEach((p, i) => {
    const before = sorted[i - 1];
    if (before !== undefined && p - before === 2) out.push(p - 1);
    else if (before !== undefined && p - before > 2) out.push(null);
    out.push(p);
  });
  return out;
}

/** `on.goto(page)` (0-based) and `on.size(size)` turn choices into actions. */
export function pager(list, on) {
  const { first, last, total } = rowRange(list);
  const pages = pageCount(list);
  const current = list.page + 1;
  const jump = h('input', { type: 'number', name: 'page', min: 1, max: pages, value: current, inputmode: 'numeric',
    'aria-label': t('tickets.pager.jumpLabel', { pages }) });
  const size = h('select', { name: 'size', 'aria-label': t('tickets.pager.sizeLabel'),
    onchange: () => on.size(Number(size.value)) },
  PAGE_SIZES.map(n => h('option', { value: n, selected: n === list.size }, t('tickets.pager.perPage', { count: n }))));
  return h('nav', { class: 'pager', 'aria-label': t('tickets.pager.label') },
    h('button', { type: 'button', class: 'btn', disabled: list.page === 0, dataset: { focus: 'page-previous' },
      onclick: () => on.goto(list.page - 1) },
      t('tickets.pager.previous')),
    h('span', { class: 'pages' }, pageNumbers(current, pages).map(p => (p === null
      ? h('span', { 'aria-hidden': 'true' }, '…')
      : h('button', { type: 'button', class: 'btn btn-ghost page-number', 'aria-current': p === current ? 'page' : null,
        dataset: { focus: `page-${p}` },
        'aria-label': t('tickets.pager.page', { page: p }), onclick: () => on.goto(p - 1) }, String(p))))),
    h('button', { type: 'button', class: 'btn', disabled: current >= pages, dataset: { focus: 'page-next' },
      onclick: () => on.goto(list.page + 1) },
      t('tickets.pager.next')),
    h('span', { class: 'range' }, t('tickets.pager.range', { first, last, count: total })),
    pages > 1 ? h('form', { class: 'jump',
      onsubmit: e => { e.preventDefault(); on.goto(Math.min(Number(jump.value), pages) - 1); } },
    h('label', {}, t('tickets.pager.jump'), ' ', jump), h('button', { type: 'submit', class: 'btn' }, t('tickets.pager.go')))
      : null,
    size,
    total > (lastReachablePage(list.size) + 1) * list.size
      ? h('p', { class: 'hint' }, t('tickets.pager.deepLimit', { count: MAX_OFFSET }))
      : null);
}
