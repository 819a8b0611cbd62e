// The words people read when something is refused. The services write their problem `detail` (and each
// violation's message) as a sentence for the person at the form; this module shows it when it is one, and
// otherwise a sentence chosen by the problem's status (and the input it names), so that no field path
// ("title: ..."), enum name (CLOSED, AUTO) or header name ever reaches the screen. The machine-readable parts stay
// on the error object (status, field, violations) for the code that places the message. The services speak English,
// so a person reading another language gets the catalogue's sentence wherever it knows the problem.
import { t, currentLanguage } from './i18n.js';

// The catalogue key (common.problem.*) of the sentence for each status a service answers with.
const BY_STATUS = {
  0: 'offline', 400: 'badInput', 401: 'signedOut', 403: 'forbidden', 404: 'notFound', 409: 'conflict', 412: 'stale',
  413: 'tooLarge', 415: 'unreadable', 422: 'replayMismatch', 428: 'stale', 429: 'tooMany', 503: 'unavailable',
  504: 'timeout',
};

// The inputs a refusal may name whose sentence the catalogue has (common.problem.field.*), said when the refusal's
// own message is not fit to show or not in the person's language.
const BY_FIELD = new Set(['title', 'description', 'location', 'body', 'name', 'staffCode', 'assignee', 'days', 'hours',
  'q', 'email']);

const statusText = status => t(`common.problem.${BY_STATUS[status]}`);
const fieldText = field => t(`common.problem.field.${field}`);
const faultText = status => t(status >= 500 ? 'common.problem.serverFault' : 'common.problem.clientFault');
// The services write their sentences in English: shown first only to people reading English; the others get the
// catalogue's sentence for every problem it knows, and the English one only where it knows nothing better.
const readsEnglish = () => currentLanguage() === 'en';

// Enum names of the contract as they travel on the wire. IT is left out: it is also the category's own word.
const ENUM_NAMES = ['OPEN', 'ACTIVE', 'CLOSED', 'LOW', 'MEDIUM', 'HIGH', 'FACILITY', 'SERVICES', 'AUTO', 'STAFF',
  'REPORTER', 'STUDENT', 'ANALYST', 'FEED', 'CREATED', 'EDITED', 'DELETED', 'PENDING', 'AT_RISK', 'MET', 'BREACHED'];
const ENUM = new RegExp(`\\b(${ENUM_NAMES.join('|')})\\b|\\b[A-Z]+_[A-Z_]+\\b`);
// "title: ...", "x.y: ...", "staffCode: ...", a camelCase or dotted name anywhere, a header, a path, a service's
// name or Java.
const FIELD_PATH = /^\s*[\w.[\]-]+:\s|\b[a-z]+[A-Z]\w*\b|\b\w+\.\w+(\.\w+)*:|\b(Idempotency-Key|If-Match)\b|\/api\/|\b(ticket-service|analytics-[a-z-]+)\b|\bjava\.|Exception\b/;

/**
 * Whether a text reads as a sentence for a person: it starts like one (a framework's "must not be blank" does
 * not), and has no field path, no enum name, no internals.
 */
export function isForPeople(text) {
  return typeof text === 'string' && /^[A-Z0-9"“]/.test(text.trim()) && text.length <= 300
    && !FIELD_PATH.test(text) && !ENUM.test(text);
}

/** The sentence shown for a refusal with this status and problem document. */
export function problemText(status, problem) {
  const detail = problem && typeof problem === 'object' ? problem.detail : null;
  const field = problem && typeof problem === 'object' ? problem.field : null;
  if (readsEnglish() && isForPeople(detail)) return detail;
  if (status === 400 && BY_FIELD.has(field)) return fieldText(field);
  const known = status !== 400 && Object.hasOwn(BY_STATUS, status);
  if (known) return statusText(status);
  if (isForPeople(detail)) return detail;
  return Object.hasOwn(BY_STATUS, status) ? statusText(status) : faultText(status);
}

/** The sentence shown beside one invalid input of a refusal's `violations`. */
export function violationText(violation) {
  const message = violation && violation.message;
  const field = violation && violation.field;
  if (violation && violation.localized) return message;
  if (readsEnglish() && isForPeople(message)) return message;
  if (BY_FIELD.has(field)) return fieldText(field);
  if (isForPeople(message)) return message;
  return t('common.problem.checkField');
}

// Mass incidents: one outage reported by many. The sentences of the report form's "is it one of these?", the
// queue's linking and the ticket page's incident part, in one place so that they read alike everywhere.
// A ticket's number is its name, written without a thousands separator in every language (#1430, not #1.430).
const ticketNumber = id => String(id);

// Each entry reads the catalogue when used, so a screen drawn again after the language changed speaks the new one.
export const incidentWords = {
  get similarHeading() { return t('common.incident.similarHeading'); },
  get similarLead() { return t('common.incident.similarLead'); },
  joined: n => t('common.incident.joined', { count: n || 0 }),
  get join() { return t('common.incident.join'); },
  get joining() { return t('common.incident.joining'); },
  joinedNotice: id => t('common.incident.joinedNotice', { id: ticketNumber(id) }),
  get following() { return t('common.incident.following'); },
  get partOf() { return t('common.incident.partOf'); },
  get unlink() { return t('common.incident.unlink'); },
  unlinked: id => t('common.incident.unlinked', { id: ticketNumber(id) }),
  incidentSize: (linked, followers) => t('common.incident.size', {
    tickets: incidentWords.linkedTickets(linked),
    people: t('common.incident.people', { count: followers }) }),
  // Each count with its own word, in the form its number takes ("1 vinculado", "2 vinculados").
  incidentBadge: (linked, followers) => t('common.incident.badge', {
    linked: t('common.incident.badgeLinked', { count: linked }),
    followers: t('common.incident.badgeJoined', { count: followers }) }),
  get linkTo() { return t('common.incident.linkTo'); },
  get linkToLabel() { return t('common.incident.linkToLabel'); },
  get linkToHint() { return t('common.incident.linkToHint'); },
  get link() { return t('common.incident.link'); },
  linkedTo: id => t('common.incident.linkedTo', { id: ticketNumber(id) }),
  get suggestedHeading() { return t('common.incident.suggestedHeading'); },
  get noSuggestion() { return t('common.incident.noSuggestion'); },
  get enterNumber() { return t('common.incident.enterNumber'); },
  selected: n => t('common.incident.selected', { count: n }),
  selectRow: id => t('common.incident.selectRow', { id: ticketNumber(id) }),
  get selectAll() { return t('common.incident.selectAll'); },
  get chooseIncident() { return t('common.incident.chooseIncident'); },
  get linkSelected() { return t('common.incident.linkSelected'); },
  linkedSelected: (n, id) => t('common.incident.linkedSelected', { count: n, id: ticketNumber(id) }),
  get otherIncident() { return t('common.incident.otherIncident'); },
  get fold() { return t('common.incident.fold'); },
  foldedUnder: n => t('common.incident.foldedUnder', { count: n }),
  inIncident: id => t('common.incident.inIncident', { id: ticketNumber(id) }),
  linkedTickets: n => t('common.incident.linkedTickets', { count: n }),
  linkedMore: (shown, total) => t('common.incident.linkedMore', { shown, total }),
  get linkedUnavailable() { return t('common.incident.linkedUnavailable'); },
};

// Refusals of linking and unlinking whose own detail is not fit to show (it names statuses as the wire spells them):
// the catalogue key by status.
const INCIDENT_REFUSALS = { 404: 'common.incident.refused.notLinked', 409: 'common.incident.refused.notLinkable',
  422: 'common.incident.refused.badNumbers' };

const JOIN_REFUSALS = { 404: 'common.incident.joinRefused.gone', 409: 'common.incident.joinRefused.closed' };

/** The sentence shown for a refused link or unlink: the service's own when it is one, else by status. */
export function incidentRefusalText(err) {
  return refusal(err, INCIDENT_REFUSALS);
}

/** The sentence shown when "This is my problem too" is refused. */
export function joinRefusalText(err) {
  return refusal(err, JOIN_REFUSALS);
}

function refusal(err, byStatus) {
  const detail = err && err.problem ? err.problem.detail : null;
  if (readsEnglish() && isForPeople(detail)) return detail;
  const key = byStatus[err && err.status];
  if (key) return t(key);
  return (err && err.message) || t('common.problem.clientFault');
}
