// The period chooser of the open-period panel: presets and a custom amount. Built once; `sync(period)` shows the
// state's period (which preset is pressed, the amount and unit), `chosen(period)` reports a choice.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { PRESETS } from './state.js';

/** A preset's button text ("24 h", "7 days"). */
export function presetText(period) {
  return period.hours ? t('dashboard.period.preset.hours', { count: period.hours })
    : t('dashboard.period.preset.days', { count: period.days });
}

export function periodChooser(chosen) {
  const amount = h('input', { type: 'number', min: 1, max: 8760, value: 24, name: 'amount', id: 'period-amount' });
  const unit = h('select', { name: 'unit', id: 'period-unit' },
    h('option', { value: 'hours' }, t('dashboard.period.unit.hours')),
    h('option', { value: 'days' }, t('dashboard.period.unit.days')));
  const presets = PRESETS.map(value => h('button', { type: 'button', class: 'btn btn-small chip',
    'aria-pressed': 'false', onclick: () => chosen(value) }, presetText(value)));
  const form = h('form', { class: 'period', onsubmit: e => {
    e.preventDefault();
    chosen({ [unit.value]: Math.floor(Number(amount.value)) });
  } }, h('span', { class: 'period-label' }, t('dashboard.period.openedInTheLast')), presets,
  h('label', { for: 'period-amount', class: 'sr-only' }, t('dashboard.period.amount')), amount,
  h('label', { for: 'period-unit', class: 'sr-only' }, t('dashboard.period.unit')), unit,
  h('button', { type: 'submit', class: 'btn btn-small' }, t('dashboard.period.apply')));

  function sync(period) {
    const [k, n] = Object.entries(period)[0];
    unit.value = k;
    amount.value = n;
    presets.forEach((b, i) => b.setAttribute('aria-pressed', String(samePeriod(PRESETS[i], period))));
  }
  return { form, sync };
}

export function samePeriod(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
