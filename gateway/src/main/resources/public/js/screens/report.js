// "Report a problem": the category is suggested live from /api/tickets/classify as the student types, and
// preselected in a choice the reporter may change; only a changed choice is sent, so the classifier's own guess
// stays its own (AUTO) and a reporter's differing one is stored as theirs (REPORTER). The ticket is filed with an
// Idempotency-Key so a double click or a retry never files it twice. The state is the key of this report, the
// suggestion, whether the reporter picked a category and whether it is being sent; what is typed stays in the form.
// Beside the fields, the open tickets that look like the same problem, to join instead (report/similar.js).
// Photos and files are chosen with the report and uploaded one by one once the ticket exists: the report is never
// lost to a refused file; a refusal keeps the form up, saying which file and why, with the filed ticket's link.
import { api, newIdempotencyKey } from '../api.js';
import { h, field, showFieldError, errorBox, label, categoryBadge, select, CATEGORIES, PRIORITIES } from '../dom.js';
import { region } from '../region.js';
import { debounce } from '../schedule.js';
import { certaintyNote, certaintyOf } from '../certainty.js';
import { previousTicketOf, followUpNote } from './report/follow-up.js';
import { similarPanel } from './report/similar.js';
import { emailField, emailRule } from './report/email.js';
import { validateAll, clearWhenValid, text } from '../validate.js';
import { rememberFiled } from '../confirm.js';
import { filePicker } from '../attachments/picker.js';
import { uploadAll, refusedText } from '../attachments/upload.js';

const NO_SUGGESTION = 'unavailable';
/** The contract's limits, said as its constraint messages say them. */
const RULES = {
  title: text('Please give a short title.', 200, 'The title can be at most 200 characters.'),
  description: text('Please describe the problem.', 10000, 'The description can be at most 10,000 characters.'),
  location: value => (value.length > 100 ? 'The location can be at most 100 characters.' : null),
  email: emailRule,
};

export async function render(container, { query } = {}) {
  const previousTicketId = previousTicketOf(query);
  let state = { key: newIdempotencyKey(), suggestion: null, picked: false, sending: false };
  const title = h('input', { name: 'title', type: 'text', required: true, maxlength: 200,
    placeholder: 'e.g. Lift in building B is stuck on floor 2' });
  const description = h('textarea', { name: 'description', required: true, maxlength: 10000, rows: 6,
    placeholder: 'What happened, since when, anything that helps us fix it' });
  const location = h('input', { name: 'location', type: 'text', maxlength: 100, placeholder: 'Building, room' });
  const priority = select('priority', [['', 'Let the helpdesk decide'],
    ...PRIORITIES.map(p => [p, label.priority(p)])], '');
  const category = select('category', [['', 'Suggested as you type'], ...CATEGORIES.map(c => [c, label.category(c)])],
    '', { id: 'report-category' });
  const suggestion = h('div', { class: 'suggestion', id: 'category-suggestion', 'aria-live': 'polite' });
  const errors = h('div', { class: 'form-errors' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Send report');
  const drawSuggestion = region(suggestion, c => suggestionText(c, priority.value));
  let classifyAbort = null;
  const similar = similarPanel({ title, description, location });
  const email = emailField();

  function show(change) {
    state = { ...state, ...change };
    drawSuggestion(state.suggestion);
    // Until the reporter picks one, the choice follows the suggestion.
    if (!state.picked) category.value = suggestedCategory(state.suggestion) || '';
    for (const option of category.options) {
      if (option.value) option.textContent = optionText(option.value, state.suggestion);
    }
    submit.disabled = state.sending;
    submit.textContent = state.sending ? 'Sending…' : 'Send report';
  }

  const classify = debounce(async () => {
    const text = `${title.value}\n${description.value}`.trim();
    if (text.length < 4) return;
    if (classifyAbort) classifyAbort.abort();
    classifyAbort = new AbortController();
    try {
      show({ suggestion: await api('/api/tickets/classify', { method: 'POST', body: { text }, signal: classifyAbort.signal }) });
    } catch (err) {
      if (err.name !== 'AbortError') show({ suggestion: NO_SUGGESTION });
    }
  }, 300);

  const form = h('form', { class: 'form', novalidate: true });
  const files = filePicker(form, { idPrefix: 'report' });
  const progress = h('p', { class: 'hint', role: 'status', id: 'report-upload-progress' });
  form.append(followUpNote(previousTicketId, title),
    field('Title', title, 'One line: what is wrong and where.'),
    field('Description', description),
    h('div', { class: 'row' }, field('Location (optional)', location), field('Priority', priority)),
    similar.el,
    field('Category', category, 'Change it if the suggestion is wrong.'), suggestion, email.el, files.el, errors,
    h('div', { class: 'actions' }, submit), progress);
  clearWhenValid(form, RULES);
  // Any change to the text is a new report as far as idempotency goes.
  form.addEventListener('input', e => {
    // Files are not the report's text: choosing them is no new report.
    if (e.target.type === 'file') return;
    state = { ...state, key: newIdempotencyKey() };
    if (e.target === title || e.target === description) classify();
    if (e.target === title || e.target === description || e.target === location) similar.changed();
  });
  // Choosing the empty entry again hands the choice back to the suggestion.
  category.addEventListener('change', () => show({ picked: category.value !== '', key: newIdempotencyKey() }));

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (state.sending) return;
    errors.replaceChildren();
    if (!validateAll(form, RULES)) return;
    show({ sending: true });
    try {
      const ticket = await api('/api/tickets', {
        method: 'POST', headers: { 'Idempotency-Key': state.key },
        body: { title: title.value.trim(), description: description.value, location: location.value.trim() || null,
          priority: priority.value || null, category: categoryToSend(category.value, state.suggestion),
          previousTicketId, email: email.value() },
      });
      rememberFiled(ticket.id);
      const refused = await uploadAll(ticket.id, files.files(), null, (file, i) => {
        progress.textContent = `Uploading ${file.name} (${i + 1} of ${files.files().length})…`;
      });
      progress.textContent = '';
      if (refused.length) {
        errors.replaceChildren(filedWithRefusals(ticket.id, refusedText(refused)));
        // The key stays: sending again (with other files) replays this ticket instead of filing a second one.
        files.clear();
        return;
      }
      window.location.hash = `#/tickets/${ticket.id}`;
    } catch (err) {
      if (!showFieldError(form, err)) errors.replaceChildren(errorBox(err));
    } finally {
      show({ sending: false });
    }
  });

  container.append(h('section', { class: 'card narrow' },
    h('h1', {}, 'Report a problem'),
    h('p', { class: 'lead' }, 'Broken facilities, IT faults, anything about campus services. We reply under your ticket.'),
    form));
  show({});
  title.focus();
  // A suggestion still waiting for its pause in typing must not be asked once the form is gone.
  return () => {
    classify.cancel();
    similar.stop();
    if (classifyAbort) classifyAbort.abort();
  };
}

/** The report is in; some files are not. Said before the reporter leaves, with the way to the ticket. */
function filedWithRefusals(id, sentences) {
  return h('div', { class: 'alert alert-error', role: 'alert', id: 'report-refused-files' },
    h('p', {}, `Your report was sent as ticket #${id}, but not every file could be attached:`),
    h('ul', {}, sentences.map(s => h('li', {}, s))),
    h('a', { href: `#/tickets/${id}` }, `Open ticket #${id}`), ' to attach other files under a message.');
}

/** The category offered to the reporter: none when the classifier is not sure (the desk will check instead). */
function suggestedCategory(suggestion) {
  return suggestion && suggestion !== NO_SUGGESTION && certaintyOf(suggestion) !== 'NOT_SURE'
    ? suggestion.category : null;
}

function optionText(category, suggestion) {
  return category === suggestedCategory(suggestion) ? `${label.category(category)} (suggested)` : label.category(category);
}

/**
 * The category the create body carries: the reporter's choice when it differs from the suggestion, else null so
 * the classifier decides (and the ticket says AUTO, with its confidence).
 */
export function categoryToSend(chosen, suggestion) {
  return chosen && chosen !== suggestedCategory(suggestion) ? chosen : null;
}

/** What the suggestion line says: a hint before the first suggestion, the category, or that there is none. */
function suggestionText(c, chosenPriority) {
  if (!c) return h('span', { class: 'hint' }, 'We suggest a category as you type.');
  if (c === NO_SUGGESTION) return h('span', { class: 'hint' }, 'No suggestion right now — the helpdesk will sort it.');
  const unsure = certaintyOf(c) === 'NOT_SURE';
  return [unsure ? null : h('span', {}, 'Looks like '), unsure ? null : categoryBadge(c.category), ' ', certaintyNote(c),
    certaintyOf(c) === 'PROBABLY' ? h('span', { class: 'hint' }, ' — the helpdesk will double-check it') : null,
    c.suggestedPriority === 'HIGH' && !chosenPriority
      ? h('span', { class: 'hint' }, ' · sounds urgent: we will treat it as high priority') : null];
}
