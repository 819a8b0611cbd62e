// The history timeline of a ticket: each event with who and when, and what it changed in plain words: field names
// and enum values of the wire (categorySource, AUTO, MEDIUM) never reach the page. Values people typed (a title, a
// location, a name) are shown as they are, marked not to be translated; values of the wire are the language's words.
import { h, label, sentence, time, formatDate, STATUSES, PRIORITIES, CATEGORIES } from '../../dom.js';
import { t, currentLanguage } from '../../i18n.js';

// The message itself is shown under Messages; its id in the history says nothing to a person. Who chose the
// category (categorySource) is bookkeeping: the event's title and actor already say a person corrected it; so is
// the follower's name, who is the event's actor.
const HIDDEN_FIELDS = new Set(['message', 'messageId', 'version', 'categorySource', 'deleted', 'follower']);
// The fields with a name in the catalogue; any other change reads as "details".
const NAMED_FIELDS = new Set(['firstResponseAt', 'closedAt', 'assignee', 'firstResponseDueAt', 'resolutionDueAt',
  'status', 'priority', 'category', 'title', 'description', 'location', 'incidentId', 'incident']);
const EVENTS = new Set(['CREATED', 'EDITED', 'CATEGORY_CORRECTED', 'STATUS_CHANGED', 'HANDED_OVER', 'MESSAGE_ADDED',
  'DELETED', 'LINKED', 'UNLINKED', 'FOLLOWED']);

// Events whose words say what their actor did ("joined: same problem"): the actor leads ("Student B joined: same
// problem"), where the others' words say what happened to the ticket ("Edited by Bob").
const ACTOR_FIRST = new Set(['FOLLOWED']);

export function describeEvent(type) {
  return EVENTS.has(type) ? t(`ticket.history.event.${type}`) : type;
}

/** The changes worth showing, as { field (its catalogue name), from (undefined for none), to } of the wire. */
function shownChanges(changes) {
  return (changes || []).filter(c => !HIDDEN_FIELDS.has(c.field)).map(c => ({
    field: NAMED_FIELDS.has(c.field) ? c.field : 'details',
    from: c.from === null || c.from === undefined ? undefined : c.from,
    // 'incident' says which incident an answer or a close came from: its number, as the ticket list shows it.
    to: c.field === 'incident' && c.to ? `#${c.to}` : c.to ?? '—' }));
}

/** The changes worth showing, as [field, from (or null), to] in words. */
export function changeLines(changes) {
  return shownChanges(changes).map(c => [fieldName(c.field), c.from === undefined ? null : valueText(c.from),
    valueText(c.to)]);
}

function fieldName(field) { return t(`ticket.history.field.${field}`); }

export function valueText(v) {
  return word(v) ?? clip(String(v));
}

/** The words for a value of the wire (a date, a status, a priority, a category), or null for typed data. */
function word(v) {
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return formatDate(s);
  if (STATUSES.includes(s)) return label.status(s);
  if (PRIORITIES.includes(s)) return label.priority(s);
  if (CATEGORIES.includes(s)) return label.category(s);
  if (s === '—') return s;
  return null;
}

/** A value as a part of a sentence: the language's words as text, typed data marked not to be translated. */
function valuePart(v) {
  const w = word(v);
  return w === null ? h('span', { translate: 'no' }, clip(String(v))) : document.createTextNode(w);
}

function clip(s) { return s.length > 120 ? `${s.slice(0, 117)}…` : s; }

export function timeline(entries) {
  return (entries || []).map(e => h('li', {},
    h('div', { class: 'timeline-head' },
      sentence(ACTOR_FIRST.has(e.type) ? 'ticket.history.actorFirst' : 'ticket.history.by',
        { event: h('strong', {}, describeEvent(e.type)), actor: e.actor }), ' ',
      time(e.at)),
    changeList(shownChanges(e.changes))));
}

function changeList(changes) {
  if (!changes.length) return null;
  return h('ul', { class: 'changes' }, changes.map(c => h('li', {}, changeSentence(c))));
}

/** One change as a sentence: "Priority changed from Medium to High", "Handed over from Sam to Carla", "Handled by Sam". */
function changeSentence({ field, from, to }) {
  const values = from === undefined ? { to: valuePart(to) } : { from: valuePart(from), to: valuePart(to) };
  if (field === 'assignee') {
    return sentence(from === undefined ? 'ticket.history.handledBy' : 'ticket.history.handedOver', values);
  }
  return capitalised(sentence(from === undefined ? 'ticket.history.set' : 'ticket.history.changed', values,
    { field: fieldName(field) }));
}

/** A sentence that begins with a field's name begins with a capital, whichever field it is. */
function capitalised(parts) {
  const [first, ...rest] = parts;
  if (typeof first !== 'string' || !first) return parts;
  return [first.charAt(0).toLocaleUpperCase(currentLanguage()) + first.slice(1), ...rest];
}
