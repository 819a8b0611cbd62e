// The words people read when something is refused. The services write their problem `detail` (and each
// violation's message) as a sentence for the person at the form; this module shows it when it is one, and
// otherwise a sentence chosen by the problem's status (and the input it names), so that no field path
// ("title: ..."), enum name (CLOSED, AUTO) or header name ever reaches the screen. The machine-readable parts stay
// on the error object (status, field, violations) for the code that places the message.

const BY_STATUS = {
  0: 'The helpdesk cannot be reached. Check your connection; your text is kept, try again in a moment.',
  400: 'Something in the form is not right. Please check it and try again.',
  401: 'Your sign-in has expired. Please sign in again.',
  403: 'You are not allowed to do this.',
  404: 'This ticket was closed or removed, or it never existed.',
  409: 'The ticket changed meanwhile or can no longer be changed this way. The page shows it as it now stands.',
  412: 'The ticket changed meanwhile. The page shows it as it now stands; please try again.',
  413: 'That is too long to send. Please shorten it.',
  415: 'Your browser sent something the helpdesk cannot read. Please reload the page and try again.',
  422: 'This was already sent with different text. Please send it again.',
  428: 'The ticket changed meanwhile. The page shows it as it now stands; please try again.',
  429: 'Too many tries. Please wait a moment and try again.',
  503: 'The helpdesk is briefly unavailable: your text is kept, try again in a moment.',
  504: 'The helpdesk did not answer in time: your text is kept, try again in a moment.',
};
const SERVER_FAULT = 'Something went wrong on our side: your text is kept, try again in a moment.';
const CLIENT_FAULT = 'That did not work. Please check what you entered and try again.';

// What to say about an input a refusal names when its own message is not fit to show.
const BY_FIELD = {
  title: 'Please check the title. It is needed and can be at most 200 characters.',
  description: 'Please check the description. It is needed and can be at most 10,000 characters.',
  location: 'Please check the location. It can be at most 100 characters.',
  body: 'Please check your message. It is needed and can be at most 5,000 characters.',
  name: 'Please check your name.',
  staffCode: 'Please check the staff code.',
  assignee: 'Please check the name of the person to hand it to.',
  days: 'Please check the number of days.',
};

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
  if (isForPeople(detail)) return detail;
  const field = problem && typeof problem === 'object' ? problem.field : null;
  if (status === 400 && field && BY_FIELD[field]) return BY_FIELD[field];
  if (BY_STATUS[status]) return BY_STATUS[status];
  return status >= 500 ? SERVER_FAULT : CLIENT_FAULT;
}

/** The sentence shown beside one invalid input of a refusal's `violations`. */
export function violationText(violation) {
  if (violation && isForPeople(violation.message)) return violation.message;
  return (violation && BY_FIELD[violation.field]) || 'Please check this field.';
}

// Mass incidents: one outage reported by many. The sentences of the report form's "is it one of these?", the
// queue's linking and the ticket page's incident part, in one place so that they read alike everywhere.
const people = n => (n === 1 ? '1 person' : `${n} people`);
const tickets = n => (n === 1 ? '1 linked ticket' : `${n} linked tickets`);

export const incidentWords = {
  similarHeading: 'Is it one of these?',
  similarLead: 'Others reported something like it. Join one and you are told, like its reporter, when it is answered '
    + 'and solved; or send your own report below.',
  joined: n => (n ? `${people(n)} joined` : 'Nobody joined yet'),
  join: 'This is my problem too',
  joining: 'Joining…',
  joinedNotice: id => `You joined #${id}: you are told here when it is answered and when it is solved.`,
  following: 'You follow this ticket: you are told when it is answered and when it is solved.',
  partOf: 'Part of incident',
  unlink: 'Unlink',
  unlinked: id => `#${id} is no longer linked to this incident.`,
  incidentSize: (linked, followers) => `Incident: ${tickets(linked)}, ${people(followers)} joined`,
  incidentBadge: (linked, followers) => `Incident · ${linked} linked · ${followers} joined`,
  linkTo: 'Link to an incident…',
  linkToLabel: 'Incident number',
  linkToHint: 'The ticket that stands for the outage; pick a suggestion or type its number.',
  link: 'Link',
  linkedTo: id => `Linked to incident #${id}.`,
  suggestedHeading: 'Looks like an open incident',
  noSuggestion: 'No open incident looks like this ticket.',
  enterNumber: 'Which incident? Type its number.',
  selected: n => (n === 1 ? '1 ticket selected' : `${n} tickets selected`),
  selectRow: id => `Select #${id}`,
  chooseIncident: 'Incident',
  linkSelected: 'Link to incident',
  linkedSelected: (n, id) => `${n === 1 ? '1 ticket' : `${n} tickets`} linked to incident #${id}.`,
  otherIncident: 'Another incident (number)',
  fold: 'Fold linked tickets under their incident',
  foldedUnder: n => (n === 1 ? 'and 1 linked ticket on this page' : `and ${n} linked tickets on this page`),
  inIncident: id => `in incident #${id}`,
};

// Refusals of linking and unlinking whose own detail is not fit to show (it names statuses as the wire spells them).
const INCIDENT_REFUSALS = {
  404: 'That ticket is not linked to this incident (any more). The page shows how things stand now.',
  409: 'Only open and active tickets can be linked or unlinked, and an incident cannot be linked to another one.',
  422: 'A ticket cannot be linked to itself, and every ticket named must exist. Please check the numbers.',
};

const JOIN_REFUSALS = {
  404: 'This ticket was closed or removed meanwhile. You can still send your own report.',
  409: 'This ticket can no longer be joined. You can still send your own report.',
};

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
  if (isForPeople(detail)) return detail;
  return byStatus[err && err.status] || (err && err.message) || CLIENT_FAULT;
}
