// The choosers built once: the months and filters of the trend panels, and the volume chart's span. `sync(choices)`
// shows the state's choices, `chosen(partial choices)` reports a choice.
import { h, label, CATEGORIES, PRIORITIES } from '../../dom.js';
import { t } from '../../i18n.js';
import { VOLUME_DAYS } from './state.js';
import { presetText } from './period.js';

export function monthsChooser(chosen) {
  const from = h('input', { type: 'month', name: 'from', id: 'explore-from', max: '9999-12' });
  const to = h('input', { type: 'month', name: 'to', id: 'explore-to', max: '9999-12' });
  const category = h('select', { name: 'category', id: 'explore-category' },
    h('option', { value: '' }, t('dashboard.explore.all')),
    CATEGORIES.map(c => h('option', { value: c }, label.category(c))));
  const priority = h('select', { name: 'priority', id: 'explore-priority' },
    h('option', { value: '' }, t('dashboard.explore.all')),
    PRIORITIES.map(p => h('option', { value: p }, label.priority(p))));
  const pick = () => chosen({ from: from.value, to: to.value, category: category.value, priority: priority.value });
  [from, to, category, priority].forEach(c => c.addEventListener('change', pick));
  const form = h('form', { class: 'explore', 'aria-label': t('dashboard.explore.formLabel'),
    onsubmit: e => { e.preventDefault(); pick(); } },
  field(t('dashboard.explore.from'), from), field(t('dashboard.explore.to'), to),
  field(t('dashboard.explore.category'), category), field(t('dashboard.explore.priority'), priority),
  h('button', { type: 'button', class: 'btn btn-small btn-ghost', onclick: () => chosen({ from: '', to: '',
    category: '', priority: '' }) }, t('dashboard.explore.allMonths')),
  h('p', { class: 'hint' }, t('dashboard.explore.hint')));

  function sync(choices) {
    from.value = choices.from;
    to.value = choices.to;
    category.value = choices.category;
    priority.value = choices.priority;
  }
  return { form, sync };
}

export function daysChooser(chosen) {
  const buttons = VOLUME_DAYS.map(days => h('button', { type: 'button', class: 'btn btn-small chip days-chip',
    'aria-pressed': 'false', dataset: { days: String(days) }, onclick: () => chosen({ days }) }, presetText({ days })));
  const form = h('div', { class: 'period', role: 'group', 'aria-label': t('dashboard.volume.daysShown') },
    h('span', { class: 'period-label' }, t('dashboard.volume.last')), buttons);
  function sync(choices) {
    buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(VOLUME_DAYS[i] === choices.days)));
  }
  return { form, sync };
}

function field(text, control) {
  return h('label', { class: 'explore-field', for: control.id }, h('span', {}, text), control);
}
