// The period chooser of the open-period panel: presets and a custom amount. Built once; `sync(period)` shows the
// state's period (which preset is pressed, the amount and unit), `chosen(period)` reports a choice.
import { h, showFieldError } from '../../dom.js';
import { validateAll, clearWhenValid } from '../../validate.js';
import { t, formatNumber } from '../../i18n.js';
import { PRESETS, PERIOD_MAX } from './state.js';

/** A preset's button text ("24 h", "7 days"). */
export function presetText(period) {
  return period.hours ? t('dashboard.period.preset.hours', { count: period.hours })
    : t('dashboard.period.preset.days', { count: period.days });
}

export function periodChooser(chosen) {
  const amount = h('input', { type: 'number', min: 1, max: PERIOD_MAX.hours, value: 24, name: 'amount',
    id: 'period-amount', 'aria-describedby': 'period-amount-error' });
  const unit = h('select', { name: 'unit', id: 'period-unit' },
    h('option', { value: 'hours' }, t('dashboard.period.unit.hours')),
    h('option', { value: 'days' }, t('dashboard.period.unit.days')));
  const presets = PRESETS.map(value => h('button', { type: 'button', class: 'btn btn-small chip',
    'aria-pressed': 'false', onclick: () => chosen(value) }, presetText(value)));
  // Checked here, in the person's language: the browser's own bubble spoke the browser's language, and an empty
  // box went through as 0 and came back as the service's English sentence.
  const rules = { amount: value => amountProblem(value, unit.value) };
  const form = h('form', { class: 'period', novalidate: true, onsubmit: e => {
    e.preventDefault();
    if (validateAll(form, rules)) chosen({ [unit.value]: Number(amount.value) });
  } }, h('span', { class: 'period-label' }, t('dashboard.period.openedInTheLast')), presets,
  h('label', { for: 'period-amount', class: 'sr-only' }, t('dashboard.period.amount')), amount,
  h('label', { for: 'period-unit', class: 'sr-only' }, t('dashboard.period.unit')), unit,
  h('button', { type: 'submit', class: 'btn btn-small' }, t('dashboard.period.apply')),
  h('span', { class: 'field-error', id: 'period-amount-error', role: 'alert' }));
  clearWhenValid(form, rules);
  unit.addEventListener('change', () => {
    amount.max = PERIOD_MAX[unit.value];
    showFieldError(form, null); // it spoke of the other unit
  });

  function sync(period) {
    const [k, n] = Object.entries(period)[0];
    unit.value = k;
    amount.value = n;
    amount.max = PERIOD_MAX[k];
    showFieldError(form, null); // a preset chosen after a refused amount: the box holds a good one now
    presets.forEach((b, i) => b.setAttribute('aria-pressed', String(samePeriod(PRESETS[i], period))));
  }
  return { form, sync };
}

export function samePeriod(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The sentence for a custom amount the service would refuse, or null: a whole number from 1 to the unit's most. */
export function amountProblem(value, unit) {
  const n = Number(value);
  if (String(value).trim() !== '' && Number.isInteger(n) && n >= 1 && n <= PERIOD_MAX[unit]) return null;
  return t(`dashboard.period.invalid.${unit}`, { max: formatNumber(PERIOD_MAX[unit]) });
}
