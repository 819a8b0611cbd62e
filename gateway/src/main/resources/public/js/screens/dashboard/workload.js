// The workload table: per assignee their active tickets, those closed in the last 30 days and their median
// response and resolution times. Sortable by every column with header buttons (aria-sort tells which); a name
// leads to that person's tickets in the queue.
import { h, hours, sentence } from '../../dom.js';
import { t } from '../../i18n.js';
import { link } from './panels.js';
import { links, queueHref, sortWorkload } from './shape.js';
import { figure } from './format.js';

// The sortable columns and the catalogue key of each heading.
const COLUMNS = [['assignee', 'dashboard.workload.assignee'], ['active', 'dashboard.workload.active'],
  ['closedLast30Days', 'dashboard.workload.closed30'], ['medianFirstResponseHours', 'dashboard.workload.firstResponse'],
  ['medianResolutionHours', 'dashboard.workload.resolution']];

export function workload(answer, sort, onSort, canOpen) {
  const [field, dir] = sort.split(',');
  const rows = sortWorkload(answer.assignees, sort);
  // The 30 days the figures count end when the answer was judged, not when this browser's clock says.
  const judgedAt = Date.parse(answer.judgedAt) || Date.now();
  const head = COLUMNS.map(([column, key]) => {
    const sorted = column === field ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
    return h('th', { scope: 'col', 'aria-sort': sorted },
      h('button', { type: 'button', class: 'sort', dataset: { column }, onclick: () => onSort(column) }, t(key),
        h('span', { 'aria-hidden': 'true' }, sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : '')));
  });
  return [h('p', { class: 'summary' }, sentence('dashboard.workload.unassigned',
    { unassigned: h('strong', { id: 'workload-unassigned' }, figure(answer.unassigned)) }, { count: answer.unassigned ?? 0 }), ' ',
  canOpen ? link(t('dashboard.workload.showThem'), queueHref({ status: 'OPEN', assignee: 'none' })) : null),
  h('div', { class: 'table-scroll' }, h('table', { class: 'table compact', id: 'workload-table' },
    h('caption', { class: 'sr-only' }, t('dashboard.workload.caption')),
    h('thead', {}, h('tr', {}, head)),
    h('tbody', {}, rows.map(r => h('tr', { dataset: { assignee: r.assignee } },
      h('td', { translate: 'no' }, link(r.assignee, canOpen ? links.assignee(r.assignee, judgedAt) : null)),
      h('td', {}, figure(r.active ?? 0)), h('td', {}, figure(r.closedLast30Days ?? 0)),
      h('td', {}, hours(r.medianFirstResponseHours)), h('td', {}, hours(r.medianResolutionHours))))))),
  rows.length ? null : h('p', { class: 'muted' }, t('dashboard.workload.none'))];
}
