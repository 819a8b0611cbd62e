// The search and filter form of the ticket list. Built once from the state and never redrawn, so typing is never
// interrupted; each change reports the form's values, which the screen turns into a 'filters' action.
import { h, label, select, CATEGORIES, PRIORITIES } from '../../dom.js';
import { debounce } from '../../schedule.js';
import { formatList, t } from '../../i18n.js';
import { slaFilters, slaText } from './due.js';

export function filterForm(state, changed) {
  // The service reads at most 200 characters of a search (a longer one was a 400 the list could only call "the form").
  const q = h('input', { type: 'search', name: 'q', value: state.q, maxlength: 200,
    placeholder: t('tickets.filters.searchPlaceholder') });
  const category = select('category', [['', t('tickets.filters.allCategories')], ...CATEGORIES.map(c => [c, label.category(c)])],
    state.category);
  const priority = select('priority', [['', t('tickets.filters.allPriorities')], ...PRIORITIES.map(p => [p, label.priority(p)])],
    state.priority);
  const from = h('input', { type: 'date', name: 'from', value: state.from });
  const to = h('input', { type: 'date', name: 'to', value: state.to });
  const status = state.queue ? null : select('status', [['', t('tickets.filters.allStatuses')], ['OPEN', label.status('OPEN')],
    ['ACTIVE', label.status('ACTIVE')]],
    state.status);
  const sla = state.queue ? select('sla', slaOptions(state.sla), state.sla) : null;
  const labelled = (text, control) => h('label', { class: 'filter' }, h('span', {}, text), control);
  const form = h('form', { class: 'filters', role: 'search', onsubmit: e => e.preventDefault() },
    labelled(t('tickets.filters.search'), q), status ? labelled(t('tickets.filters.status'), status) : null,
    labelled(t('tickets.filters.category'), category), labelled(t('tickets.filters.priority'), priority),
    sla ? labelled(t('tickets.filters.sla'), sla) : null, labelled(t('tickets.filters.openedFrom'), from),
    labelled(t('tickets.filters.openedTo'), to));
  // At phone width the filters fold away behind one line; wider screens show them open.
  const box = h('details', { class: 'filters-box', open: window.matchMedia('(min-width: 601px)').matches
    || Boolean(state.q || state.category || state.priority || state.sla || state.from || state.to) },
  h('summary', {}, t('tickets.filters.summary')), form);
  const read = () => changed({ q: q.value.trim(), category: category.value, priority: priority.value,
    from: from.value, to: to.value, ...(status ? { status: status.value } : {}), ...(sla ? { sla: sla.value } : {}) });
  q.addEventListener('input', debounce(read, 300));
  form.addEventListener('change', e => { if (e.target !== q) read(); });
  return box;
}

/** The SLA choices, plus the one a shared address asks for when it is none of them (e.g. sla=BREACHED,MET). */
export function slaOptions(current) {
  const offered = slaFilters();
  if (!current || offered.some(([value]) => value === current)) return offered;
  return [...offered, [current, formatList(current.split(',').map(slaText), 'disjunction')]];
}
