// Counting an outage once: the toggle that asks every answer with incidents=collapse, and the incidents panel shown
// meanwhile (the incidents opened in the open-period panel's period, largest first, each with the tickets linked to
// it). An incident leads to its ticket page for those who may open tickets.
import { h, label, time } from '../../dom.js';
import { describePeriod } from './state.js';
import { table } from './panels.js';

export function collapseToggle(chosen) {
  const box = h('input', { type: 'checkbox', id: 'count-outage-once', name: 'incidents',
    onchange: () => chosen({ collapse: box.checked }) });
  const form = h('div', { class: 'collapse-toggle' }, box,
    h('label', { for: 'count-outage-once' }, ' Count an outage once'),
    h('span', { class: 'hint' }, ' (an incident with its linked tickets counts as one ticket in every figure)'));
  function sync(choices) {
    box.checked = Boolean(choices.collapse);
  }
  return { form, sync };
}

export function incidents(answer, period, canOpen) {
  const items = answer.incidents || [];
  const ticket = i => (canOpen ? h('a', { href: `#/tickets/${i.id}`, class: 'queue-link' }, `#${i.id}`) : `#${i.id}`);
  return [h('p', { class: 'big-number' }, h('strong', { id: 'incidents-count' }, String(items.length)),
    ` incidents opened in the last ${describePeriod(period)} stand for `,
    h('strong', { id: 'incidents-linked' }, String(answer.linkedTotal ?? 0)), ' more reports'),
  items.length
    ? table(['Incident', 'Category', 'Status', 'Opened', 'Linked tickets'], items.map(i => [ticket(i),
      label.category(i.category), label.status(i.status), time(i.openedAt), i.linked]),
    'Incidents of the period and how many tickets are linked to each')
    : h('p', { class: 'muted' }, 'No incident in this period.'),
  h('p', { class: 'hint' }, 'Followers who joined an incident are not counted here; the incident\'s page shows them.')];
}
