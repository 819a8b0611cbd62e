// The workload table: per assignee their active tickets, those closed in the last 30 days and their median
// response and resolution times. Sortable by every column with header buttons (aria-sort tells which); a name
// leads to that person's tickets in the queue.
import { h, hours } from '../../dom.js';
import { link } from './panels.js';
import { links, sortWorkload } from './shape.js';

const HEADERS = [['assignee', 'Assignee'], ['active', 'Active'], ['closedLast30Days', 'Closed, 30 days'],
  ['medianFirstResponseHours', 'Median first response'], ['medianResolutionHours', 'Median resolution']];

export function workload(answer, sort, onSort, canOpen) {
  const [field, dir] = sort.split(',');
  const rows = sortWorkload(answer.assignees, sort);
  const head = HEADERS.map(([key, text]) => {
    const sorted = key === field ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
    return h('th', { scope: 'col', 'aria-sort': sorted },
      h('button', { type: 'button', class: 'sort', dataset: { column: key }, onclick: () => onSort(key) }, text,
        h('span', { 'aria-hidden': 'true' }, sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : '')));
  });
  return [h('p', { class: 'summary' }, h('strong', { id: 'workload-unassigned' }, String(answer.unassigned ?? '—')),
    ' open tickets nobody has taken. ', canOpen ? link('Show them', '#/tickets?status=OPEN&assignee=none') : null),
  h('div', { class: 'table-scroll' }, h('table', { class: 'table compact', id: 'workload-table' },
    h('caption', { class: 'sr-only' }, 'Work per assignee; the column buttons sort it'),
    h('thead', {}, h('tr', {}, head)),
    h('tbody', {}, rows.map(r => h('tr', { dataset: { assignee: r.assignee } },
      h('td', {}, link(r.assignee, canOpen ? links.assignee(r.assignee) : null)), h('td', {}, String(r.active ?? 0)),
      h('td', {}, String(r.closedLast30Days ?? 0)), h('td', {}, hours(r.medianFirstResponseHours)),
      h('td', {}, hours(r.medianResolutionHours))))))),
  rows.length ? null : h('p', { class: 'muted' }, 'Nobody has taken a ticket yet.')];
}
