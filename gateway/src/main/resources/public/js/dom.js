// Small DOM helpers. Every piece of user text goes through textContent (h() children that are strings become
// text nodes), never through innerHTML, so a description like <img onerror=...> stays text.
import { violationText } from './words.js';
import { t, hasText, formatDate as i18nFormatDate, formatNumber, relativeTime } from './i18n.js';

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

/**
 * Adds children to `el`, leaving out null, undefined and false (a part a screen does not show): the DOM's own append
 * would write them as the words "null" or "false".
 */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function mount(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

export const CATEGORIES = ['FACILITY', 'IT', 'SERVICES'];
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'];
export const STATUSES = ['OPEN', 'ACTIVE', 'CLOSED'];

// A wire value (OPEN, HIGH, FACILITY, STAFF, AT_RISK) in the person's language; a value the catalogue does not know
// (a newer service's) shows as itself rather than as a key.
const valueText = kind => value => (hasText(`common.${kind}.${value}`) ? t(`common.${kind}.${value}`) : value);

export const label = {
  status: valueText('status'),
  priority: valueText('priority'),
  category: valueText('category'),
  role: valueText('role'),
  sla: valueText('sla'),
};

// Badges always carry words (and an icon-like mark), so colour is never the only signal.
export function statusBadge(s) {
  const mark = { OPEN: '○', ACTIVE: '◐', CLOSED: '●' }[s] || '';
  return h('span', { class: `badge status-${String(s).toLowerCase()}`,
    title: t('common.badge.status', { value: label.status(s) }) },
  h('span', { 'aria-hidden': 'true' }, mark), ` ${label.status(s)}`);
}

export function priorityBadge(p) {
  const mark = { LOW: '↓', MEDIUM: '→', HIGH: '↑' }[p] || '';
  return h('span', { class: `badge priority-${String(p).toLowerCase()}`,
    title: t('common.badge.priority', { value: label.priority(p) }) },
  h('span', { 'aria-hidden': 'true' }, mark), ` ${label.priority(p)}`);
}

export function categoryBadge(c, extra) {
  return h('span', { class: `badge category-${String(c).toLowerCase()}`,
    title: t('common.badge.category', { value: label.category(c) }) },
  label.category(c), extra ? ` ${extra}` : '');
}

/** Date and time in the person's language (medium date, short time); '—' when there is none. */
export const formatDate = i18nFormatDate;

/** How long ago, in the person's language ("3 minutes ago", "vor 3 Minuten"); beyond two months the date. */
export function timeAgo(iso) {
  return relativeTime(iso);
}

export function time(iso) {
  return h('time', { datetime: iso || '', title: formatDate(iso) }, timeAgo(iso));
}

/**
 * A duration in hours with one decimal ("3.3 h", "3,3 Std.", "3.0 days"), on every screen: the tables line their
 * figures up by it, so it keeps the decimal Intl's own units drop.
 */
export function hours(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value < 1) return t('common.duration.minutes', { value: Math.round(value * 60) });
  const oneDecimal = v => formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (value < 48) return t('common.duration.hours', { value: oneDecimal(value) });
  const days = Math.round((value / 24) * 10) / 10;
  return t('common.duration.days', { value: oneDecimal(days), count: days });
}

export function errorBox(err) {
  return h('div', { class: 'alert alert-error', role: 'alert' },
    err && err.message ? err.message : String(err));
}

export function emptyState(title, text, action) {
  return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, title), text ? h('p', {}, text) : null,
    action || null);
}

export function loading(text = t('common.loading')) {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** Long enough to read at 200 % zoom or with a magnifier, which 4 s was not. */
const TOAST_MS = 7000;

export function toast(text, kind = 'info', { spoken = true } = {}) {
  const box = document.getElementById('toasts');
  // Not spoken when a live region of the screen says the same already: a screen reader would read it twice.
  const item = h('div', { class: `toast toast-${kind}`, 'aria-hidden': spoken ? null : 'true' }, text);
  box.append(item);
  setTimeout(() => item.remove(), TOAST_MS);
}

// Never in a catalogue nor in typed data that reaches a placeholder: a safe seam to split a sentence at.
const SEAM = '\u0000';

/**
 * A whole sentence of the catalogue with elements in its placeholders (a link, a badge), so that the order of the
 * parts is the language's and not the code's: `sentence('x.y', { link: a }, { id: 5 })`. A text among `elements` is
 * data (a name, a title people typed): shown as it is, in a `translate="no"` span, as t() alone gives a string, which
 * cannot carry that mark. `params` holds the rest (counts, numbers, words of the catalogue).
 */
export function sentence(key, elements = {}, params = {}) {
  const names = Object.keys(elements);
  const marked = Object.fromEntries(names.map((name, i) => [name, `${SEAM}${i}${SEAM}`]));
  return t(key, { ...params, ...marked }).split(SEAM)
    .map((part, i) => (i % 2 ? placed(elements[names[Number(part)]]) : part)).filter(part => part !== '');
}

function placed(value) {
  return value instanceof Node ? value : data('span', {}, String(value ?? ''));
}

/** Data people typed or a service named (titles, names, file names), which no translator may touch. */
export function data(tag, attrs, ...children) {
  return h(tag, { ...attrs, translate: 'no' }, ...children);
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
    // No alert: the first refused input takes the focus and reads its message as its description; alerts in every
    // slot read each message once more, all at once.
    h('p', { class: 'field-error', id: errId }));
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
