// Counting an outage once: the toggle that asks every answer with incidents=collapse, and the incidents panel shown
// meanwhile (the incidents opened in the open-period panel's period, largest first, each with the tickets linked to
// it). An incident leads to its ticket page for those who may open tickets.
import { h, label, sentence, time } from '../../dom.js';
import { t } from '../../i18n.js';
import { table } from './panels.js';
import { figure } from './format.js';

export function collapseToggle(chosen) {
  const box = h('input', { type: 'checkbox', id: 'count-outage-once', name: 'incidents',
    onchange: () => chosen({ collapse: box.checked }) });
  const form = h('div', { class: 'collapse-toggle' }, box,
    h('label', { for: 'count-outage-once' }, ' ', t('dashboard.incidents.toggle')),
    h('span', { class: 'hint' }, ' ', t('dashboard.incidents.toggleHint')));
  function sync(choices) {
    box.checked = Boolean(choices.collapse);
  }
  return { form, sync };
}

/** The panel's headline, one sentence per unit of the period so that each language can bend "the last hour". */
function summary(period, count, linked) {
  return sentence(period.hours ? 'dashboard.incidents.summary.hours' : 'dashboard.incidents.summary.days',
    { incidents: h('strong', { id: 'incidents-count' }, figure(count)),
      linked: h('strong', { id: 'incidents-linked' }, figure(linked)) },
    { count: period.hours || period.days });
}

export function incidents(answer, period, canOpen) {
  const items = answer.incidents || [];
  const ticket = i => (canOpen ? h('a', { href: `#/tickets/${i.id}`, class: 'queue-link' }, `#${i.id}`) : `#${i.id}`);
  return [h('p', { class: 'big-number' }, summary(period, items.length, answer.linkedTotal ?? 0)),
    items.length
      ? table([t('dashboard.incidents.incident'), t('dashboard.column.category'), t('dashboard.incidents.status'),
        t('dashboard.incidents.opened'), t('dashboard.incidents.linked')], items.map(i => [ticket(i),
        label.category(i.category), label.status(i.status), time(i.openedAt), figure(i.linked)]),
      t('dashboard.incidents.caption'))
      : h('p', { class: 'muted' }, t('dashboard.incidents.none')),
    h('p', { class: 'hint' }, t('dashboard.incidents.followersHint'))];
}
