// The history timeline of a ticket: each event with who and when, and what it changed in plain words: field names
// and enum values of the wire (categorySource, AUTO, MEDIUM) never reach the page.
import { h, label, time, formatDate } from '../../dom.js';

// The message itself is shown under Messages; its id in the history says nothing to a person. Who chose the
// category (categorySource) is bookkeeping: the event's title and actor already say a person corrected it; so is
// the follower's name, who is the event's actor.
const HIDDEN_FIELDS = new Set(['message', 'messageId', 'version', 'categorySource', 'deleted', 'follower']);
const FIELD_TEXT = { firstResponseAt: 'first reply', closedAt: 'closed', assignee: 'handled by',
  firstResponseDueAt: 'first reply due', resolutionDueAt: 'resolution due', status: 'status', priority: 'priority',
  category: 'category', title: 'title', description: 'description', location: 'location', incidentId: 'incident' };
const EVENT_TEXT = { CREATED: 'Reported', EDITED: 'Edited', CATEGORY_CORRECTED: 'Category corrected',
  STATUS_CHANGED: 'Status changed', HANDED_OVER: 'Handed over', MESSAGE_ADDED: 'Message', DELETED: 'Deleted',
  LINKED: 'Linked to an incident', UNLINKED: 'Unlinked from its incident', FOLLOWED: 'Joined: their problem too' };
const VALUE_TEXT = Object.fromEntries([
  ...['OPEN', 'ACTIVE', 'CLOSED'].map(x => [x, label.status(x)]),
  ...['LOW', 'MEDIUM', 'HIGH'].map(x => [x, label.priority(x)]),
  ...['FACILITY', 'IT', 'SERVICES'].map(x => [x, label.category(x)])]);

export function describeEvent(type) {
  return EVENT_TEXT[type] || type;
}

/** The changes worth showing, as [field, from (or null), to] in words. */
export function changeLines(changes) {
  return (changes || []).filter(c => !HIDDEN_FIELDS.has(c.field)).map(c => [
    FIELD_TEXT[c.field] || 'details',
    c.from === null || c.from === undefined ? null : valueText(c.from),
    valueText(c.to ?? '—')]);
}

export function valueText(v) {
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return formatDate(s);
  return VALUE_TEXT[s] || clip(s);
}

function clip(s) { return s.length > 120 ? `${s.slice(0, 117)}…` : s; }

export function timeline(entries) {
  return (entries || []).map(e => h('li', {},
    h('div', { class: 'timeline-head' }, h('strong', {}, describeEvent(e.type)), ` by ${e.actor} `, time(e.at)),
    changeList(changeLines(e.changes))));
}

function changeList(lines) {
  if (!lines.length) return null;
  return h('ul', { class: 'changes' }, lines.map(line => h('li', {}, changeSentence(...line))));
}

/** One change as a phrase: "Priority changed from Medium to High", "Handed over from Sam to Carla", "Handled by Sam". */
export function changeSentence(field, from, to) {
  if (field === 'handled by') return from === null ? `Handled by ${to}` : `Handed over from ${from} to ${to}`;
  const name = field.charAt(0).toUpperCase() + field.slice(1);
  if (from === null) return `${name} ${to}`;
  return `${name} changed from ${from} to ${to}`;
}
