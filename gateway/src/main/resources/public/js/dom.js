// Small DOM helpers. Every piece of user text goes through textContent (h() children that are strings become
// text nodes), never through innerHTML, so a description like <img onerror=...> stays text.
import { violationText } from './words.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function mount(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

const STATUS_TEXT = { OPEN: 'Open', ACTIVE: 'Active', CLOSED: 'Closed' };
const PRIORITY_TEXT = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' };
const CATEGORY_TEXT = { FACILITY: 'Facility', IT: 'IT', SERVICES: 'Services' };
export const CATEGORIES = ['FACILITY', 'IT', 'SERVICES'];
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'];
export const STATUSES = ['OPEN', 'ACTIVE', 'CLOSED'];

export const label = {
  status: s => STATUS_TEXT[s] || s,
  priority: p => PRIORITY_TEXT[p] || p,
  category: c => CATEGORY_TEXT[c] || c,
};

// Badges always carry words (and an icon-like mark), so colour is never the only signal.
export function statusBadge(s) {
  const mark = { OPEN: '○', ACTIVE: '◐', CLOSED: '●' }[s] || '';
  return h('span', { class: `badge status-${String(s).toLowerCase()}`, title: `Status: ${label.status(s)}` },
    h('span', { 'aria-hidden': 'true' }, mark), ` ${label.status(s)}`);
}

export function priorityBadge(p) {
  const mark = { LOW: '↓', MEDIUM: '→', HIGH: '↑' }[p] || '';
  return h('span', { class: `badge priority-${String(p).toLowerCase()}`, title: `Priority: ${label.priority(p)}` },
    h('span', { 'aria-hidden': 'true' }, mark), ` ${label.priority(p)}`);
}

export function categoryBadge(c, extra) {
  return h('span', { class: `badge category-${String(c).toLowerCase()}`, title: `Category: ${label.category(c)}` },
    label.category(c), extra ? ` ${extra}` : '');
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function formatDate(iso) {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}

export function timeAgo(iso) {
  if (!iso) return '—';
  const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const hrs = Math.round(m / 60);
  if (hrs < 36) return `${hrs} h ago`;
  const d = Math.round(hrs / 24);
  if (d < 60) return `${d} days ago`;
  return formatDate(iso);
}

export function time(iso) {
  return h('time', { datetime: iso || '', title: formatDate(iso) }, timeAgo(iso));
}

export function hours(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value < 1) return `${Math.round(value * 60)} min`;
  if (value < 48) return `${value.toFixed(1)} h`;
  return `${(value / 24).toFixed(1)} days`;
}

export function errorBox(err) {
  return h('div', { class: 'alert alert-error', role: 'alert' },
    err && err.message ? err.message : String(err));
}

export function emptyState(title, text, action) {
  return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, title), text ? h('p', {}, text) : null,
    action || null);
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

export function toast(text, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = h('div', { class: `toast toast-${kind}` }, text);
  box.append(item);
  setTimeout(() => item.remove(), 4000);
}

/** A labelled form field; the error slot below it is filled by showFieldError. */
export function field(labelText, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const errId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
  return h('div', { class: 'field', dataset: { field: control.name || '' } },
    h('label', { for: id }, labelText),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errId, role: 'alert' }));
}

/**
 * Puts a refusal next to the form control it names: each of the problem's `violations`, else its `field` with the
 * whole message. True when every named input has its message beside it; otherwise the caller shows the message.
 */
export function showFieldError(form, err) {
  form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const named = err && err.violations && err.violations.length
    ? err.violations.map(v => [v.field, violationText(v)])
    : [[err && err.field, err && err.message]];
  const shown = named.map(([name, message]) => markField(form, name, message)).filter(Boolean);
  if (shown.length) shown[0].focus();
  return shown.length > 0 && shown.length === named.length;
}

function markField(form, name, message) {
  const control = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
  if (!control) return null;
  control.setAttribute('aria-invalid', 'true');
  const slot = form.querySelector(`#${CSS.escape(control.id)}-error`);
  if (slot) slot.textContent = message;
  return control;
}

export function select(name, options, value, attrs = {}) {
  return h('select', { name, ...attrs },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}
