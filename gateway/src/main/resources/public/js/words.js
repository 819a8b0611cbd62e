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
