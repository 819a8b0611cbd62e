// Incidents in the queue: an incident's row says how many tickets are linked to it and how many people joined it;
// linked tickets can be folded under their incident; staff select tickets and link them to one incident
// (POST /api/tickets/{id}/links). Folding is on by default: in a wave, dozens of linked reports would push every
// other ticket off the page, and the incident's row already says how many there are. Only the shared views fold
// (state.js, folds): Mine lists every ticket of its owner. Folded, the server leaves every linked ticket out
// (state.js asks incident=none), wherever its incident is; a text search asks for them all, and then the page folds
// those whose incident it holds, the others stay rows marked with their incident's number.
import { h } from '../../dom.js';
import { incidentWords as words } from '../../words.js';

/** An incident is a ticket with linked tickets; followers alone do not make one (the server counts both). */
export function isIncident(t) {
  return Boolean(t.linkedCount);
}

/**
 * The rows the table shows, as { ticket, linkedHere }: folded, the linked tickets whose incident is on this page
 * are left out and counted on their incident's row.
 */
export function foldRows(items, fold) {
  const here = new Set(items.map(t => t.id));
  const linkedHere = new Map();
  items.filter(t => t.incidentId && here.has(t.incidentId))
    .forEach(t => linkedHere.set(t.incidentId, (linkedHere.get(t.incidentId) || 0) + 1));
  return items.filter(t => !(fold && t.incidentId && here.has(t.incidentId)))
    .map(t => ({ ticket: t, linkedHere: fold ? linkedHere.get(t.id) || 0 : 0 }));
}

/**
 * The incidents staff may link the selected tickets to, best guess first: an incident among them, else one on the
 * page, else the oldest selected ticket (the first report usually stands for the outage). [id, title] pairs. A
 * ticket selected alone is no choice for itself (linked to itself, nothing would be linked): its incident may be on
 * another tab or page, and is then typed as a number.
 */
export function incidentChoices(items, selected) {
  const chosen = items.filter(t => selected.includes(t.id) && !t.incidentId);
  const incidents = items.filter(isIncident);
  const others = selected.length > 1 ? chosen.filter(t => !isIncident(t)).sort((a, b) => a.id - b.id) : [];
  const first = [...(selected.length > 1 ? chosen.filter(isIncident) : []),
    ...incidents.filter(t => !(selected.length === 1 && selected.includes(t.id)) && !chosen.includes(t)), ...others];
  return first.filter((t, i) => first.indexOf(t) === i).map(t => [t.id, t.title]);
}

/** The body of the links request: every selected ticket but the incident itself. */
export function linkBody(selected, incidentId) {
  return { tickets: selected.filter(id => id !== incidentId).sort((a, b) => a - b) };
}

/** What an incident's row or a linked ticket's row says under its title. */
export function incidentNote(t, linkedHere) {
  if (isIncident(t)) {
    return [h('span', { class: 'incident-badge', dataset: { linked: t.linkedCount, followers: t.followerCount || 0 } },
      words.incidentBadge(t.linkedCount, t.followerCount || 0)),
    linkedHere ? h('span', { class: 'muted folded-here' }, ` ${words.foldedUnder(linkedHere)}`) : null];
  }
  if (t.incidentId) return h('span', { class: 'in-incident muted' }, ` · ${words.inIncident(t.incidentId)}`);
  return null;
}

/** The select box of a row (staff, open and active tickets only: closed ones cannot be linked). */
export function selectBox(t, selected, on) {
  const box = h('input', { type: 'checkbox', class: 'select-ticket', checked: selected.includes(t.id),
    'aria-label': words.selectRow(t.id), disabled: t.status === 'CLOSED', dataset: { select: t.id } });
  box.addEventListener('change', () => on.select(t.id, box.checked));
  return box;
}

/**
 * Above the table: the fold toggle (the queue) and, while staff have tickets selected, the choice of the incident
 * and "Link to incident". `on.link(incidentId)` sends and resolves with a sentence, or rejects with the refusal's.
 */
export function queueTools(state, on, selectable = []) {
  const fold = h('input', { type: 'checkbox', id: 'fold-linked', checked: state.fold });
  fold.addEventListener('change', () => on.fold(fold.checked));
  return [h('label', { class: 'fold-toggle' }, fold, ` ${words.fold}`),
    state.staff && selectable.length ? selectAll(state.selected, selectable, on) : null,
    state.staff ? linkBar(state, on) : null];
}

/**
 * Ticks or unticks every ticket staff may select on the page (`selectable`): a wave of 35 reports of one outage was 35
 * clicks before it could be linked. Half-ticked while only some are.
 */
function selectAll(selected, selectable, on) {
  const box = h('input', { type: 'checkbox', id: 'select-all', checked: selectable.every(id => selected.includes(id)) });
  box.indeterminate = !box.checked && selectable.some(id => selected.includes(id));
  box.addEventListener('change', () => on.selectAll(selectable, box.checked));
  return h('label', { class: 'fold-toggle select-all' }, box, ` ${words.selectAll}`);
}

function linkBar(state, on) {
  const result = h('p', { class: 'link-result', role: 'status', id: 'link-result' }, state.linkNotice || '');
  if (!state.selected.length) return result;
  const OTHER = 'other';
  const choices = incidentChoices(state.list ? state.list.items : [], state.selected);
  const choice = h('select', { id: 'link-incident', name: 'incident' },
    ...choices.map(([id, title]) => h('option', { value: id }, `#${id} ${title}`)),
    h('option', { value: OTHER }, words.otherIncident));
  const other = h('input', { type: 'number', min: 1, id: 'link-other', name: 'other', hidden: choices.length > 0,
    'aria-label': words.otherIncident });
  choice.addEventListener('change', () => { other.hidden = choice.value !== OTHER; });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'link-selected' }, words.linkSelected);
  const form = h('form', { class: 'link-bar inline-form', 'aria-label': words.linkSelected },
    h('span', { class: 'selected-count' }, words.selected(state.selected.length)),
    h('label', { for: 'link-incident' }, words.chooseIncident), choice, other, send, result);
  if (!choices.length) choice.value = OTHER;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const incident = Number(choice.value === OTHER ? other.value : choice.value);
    if (!Number.isInteger(incident) || incident < 1) {
      result.textContent = words.enterNumber;
      return;
    }
    send.disabled = true;
    try {
      await on.link(incident);
    } catch (err) {
      result.textContent = err.message;
      send.disabled = false;
    }
  });
  return form;
}
