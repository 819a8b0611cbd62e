// The person's language: which one (the browser's Accept-Language, or the one they chose in the header, kept in
// this browser), its words (message catalogues under /i18n/<language>/<area>.json) and its way of writing dates,
// numbers and relative times (Intl; durations are dom.js `hours`). Screens call t() when they draw, never when a
// module loads, so that switching the language and drawing again is enough.

export const LANGUAGES = ['en', 'it', 'es', 'de', 'fr'];
// Each language named in itself: a person looking for their own language reads it in that language.
export const LANGUAGE_NAMES = { en: 'English', it: 'Italiano', es: 'Español', de: 'Deutsch', fr: 'Français' };
// One catalogue file per area of the UI, so that the words of one screen can be changed without touching another's.
export const AREAS = ['common', 'signin', 'about', 'report', 'ticket', 'tickets', 'dashboard', 'admin'];
const FALLBACK = 'en';
const STORE = 'helpdesk.language';

let language = FALLBACK;
let words = {};
let fallbackWords = {};
const formats = new Map();

/** The language the UI speaks now. */
export function currentLanguage() { return language; }

/** The language chosen in the header before, else the first of the browser's languages the desk speaks. */
export function preferredLanguage() {
  let saved = null;
  try { saved = localStorage.getItem(STORE); } catch { /* storage refused: fall back to the browser's */ }
  if (LANGUAGES.includes(saved)) return saved;
  for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language || '']) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return FALLBACK;
}

/** Loads the language's catalogues and makes it the current one; remembered when the person chose it. */
export async function useLanguage(lang, { remember = false } = {}) {
  const wanted = LANGUAGES.includes(lang) ? lang : FALLBACK;
  const [own, fallback] = await Promise.all([loadCatalogue(wanted),
    wanted === FALLBACK ? null : loadCatalogue(FALLBACK)]);
  words = own;
  fallbackWords = fallback || own;
  language = wanted;
  formats.clear();
  document.documentElement.lang = wanted;
  if (remember) {
    try { localStorage.setItem(STORE, wanted); } catch { /* not remembered, still used */ }
  }
  return wanted;
}

async function loadCatalogue(lang) {
  const parts = await Promise.all(AREAS.map(async area => {
    const res = await fetch(`/i18n/${lang}/${area}.json`, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`The ${lang} words for ${area} could not be loaded (${res.status})`);
    return res.json();
  }));
  return Object.assign({}, ...parts);
}

/**
 * The text for a key in the current language, with {name} replaced by params.name (numbers written the language's
 * way). An entry may be a set of plural forms ({"one": ..., "other": ...}, optionally "=0" for the exact count 0)
 * chosen by params.count through Intl.PluralRules. A key missing from the language falls back to English, and a
 * key missing from English shows as itself, which the catalogue tests catch.
 */
export function t(key, params = {}) {
  let entry = Object.hasOwn(words, key) ? words[key] : fallbackWords[key];
  if (entry === undefined) return key;
  if (typeof entry === 'object' && entry !== null) entry = pluralForm(entry, params.count);
  return String(entry).replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? shown(params[name]) : whole));
}

/** Whether the catalogue has this key (for texts chosen by a value from the wire, e.g. a status). */
export function hasText(key) {
  return Object.hasOwn(words, key) || Object.hasOwn(fallbackWords, key);
}

function pluralForm(forms, count) {
  const n = Number(count);
  if (Number.isFinite(n) && Object.hasOwn(forms, `=${n}`)) return forms[`=${n}`];
  const category = Number.isFinite(n) ? format('plural', () => new Intl.PluralRules(language)).select(n) : 'other';
  return forms[category] ?? forms.other;
}

function shown(value) {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function format(name, make) {
  if (!formats.has(name)) formats.set(name, make());
  return formats.get(name);
}

/** A number as the language writes it (1,234.5 / 1.234,5 / 1 234,5). */
export function formatNumber(n, options) {
  if (options) return new Intl.NumberFormat(language, options).format(n);
  return format('number', () => new Intl.NumberFormat(language)).format(n);
}

/** Date and time of an ISO instant, medium date and short time in the language; '—' when there is none. */
export function formatDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return format('datetime', () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }))
    .format(d);
}

/** The day of an ISO instant or date, medium style. */
export function formatDay(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '—';
  return format('day', () => new Intl.DateTimeFormat(language, { dateStyle: 'medium' })).format(d);
}

/**
 * A calendar day the analytics name as YYYY-MM-DD, in the language: "Dec 7, 2026", "07.12.2026". Read as a date,
 * not an instant: new Date('2026-12-07') is midnight UTC, which a browser west of Greenwich shows as the 6th.
 * `short` leaves the year out, for a chart's axis.
 */
export function formatCalendarDay(day, short = false) {
  const [y, m, d] = String(day || '').split('-').map(Number);
  if (!y || !m || !d) return day || '—';
  const name = short ? 'calendarDayShort' : 'calendarDay';
  return format(name, () => new Intl.DateTimeFormat(language, short ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The time of day of an ISO instant, as formatDate writes it (one time style in every place of the UI). */
export function formatClock(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '—';
  return format('clock', () => new Intl.DateTimeFormat(language, { timeStyle: 'short' })).format(d);
}

/** A month the analytics name as YYYY-MM, in the language: "Dec 2026", "Dez. 2026", "dic 2026". */
export function formatMonth(month) {
  const [y, m] = String(month || '').split('-').map(Number);
  if (!y || !m) return month || '—';
  return format('month', () => new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }))
    .format(new Date(Date.UTC(y, m - 1, 1)));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or until) an instant is, in the language ("3 minutes ago", "vor 3 Stunden", "dans 2 jours"); beyond two
 * months the date itself.
 */
export function relativeTime(iso, now = Date.now()) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '—';
  const diff = d.getTime() - now;
  const abs = Math.abs(diff);
  const rtf = format('relative', () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  if (abs < MINUTE) return rtf.format(0, 'minute');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < 36 * HOUR) return rtf.format(Math.round(diff / HOUR), 'hour');
  if (abs < 60 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
  return formatDate(iso);
}

/** Items joined as the language joins a list ("a, b and c", "a, b e c"). */
export function formatList(items, type = 'conjunction') {
  return format(`list-${type}`, () => new Intl.ListFormat(language, { style: 'long', type })).format(items);
}
