// "Report a problem": the category is suggested live from /api/tickets/classify as the student types, and
// preselected in a choice the reporter may change; only a changed choice is sent, so the classifier's own guess
// stays its own (AUTO) and a reporter's differing one is stored as theirs (REPORTER). The ticket is filed with an
// Idempotency-Key so a double click or a retry never files it twice. The state is the key of this report, the
// suggestion, whether the reporter picked a category and whether it is being sent; what is typed stays in the form.
// Beside the fields, the open tickets that look like the same problem, to join instead (report/similar.js).
// Photos and files are chosen with the report and uploaded one by one once the ticket exists: the report is never
// lost to a refused file; the new ticket's page then says which file was not attached and why.
import { api, newIdempotencyKey } from '../api.js';
import { h, append, field, showFieldError, errorBox, label, categoryBadge, select, sentence, CATEGORIES, PRIORITIES }
  from '../dom.js';
import { t } from '../i18n.js';
import { region } from '../region.js';
import { debounce } from '../schedule.js';
import { certaintyNote, certaintyOf, certaintyText, certaintyWordNote } from '../certainty.js';
import { previousTicketOf, followUpNote } from './report/follow-up.js';
import { similarPanel } from './report/similar.js';
import { emailField, emailRule } from './report/email.js';
import { validateAll, clearWhenValid, text, withCount } from '../validate.js';
import { rememberFiled } from '../confirm.js';
import { filePicker } from '../attachments/picker.js';
import { uploadAll, refusedText } from '../attachments/upload.js';
import { keepDraft, draftOwner } from '../drafts.js';

const NO_SUGGESTION = 'unavailable';
/** The contract's limits, said as its constraint messages say them; made when the form is drawn, in its language. */
const rules = () => ({
  title: text(t('report.rule.titleMissing'), 200, t('report.rule.titleTooLong')),
  description: text(t('report.rule.descriptionMissing'), 10000, t('report.rule.descriptionTooLong')),
  location: value => (value.length > 100 ? t('report.rule.locationTooLong') : null),
  email: emailRule,
});

export async function render(container, { query, session = {} } = {}) {
  const previousTicketId = previousTicketOf(query);
  const checks = rules();
  let state = { key: newIdempotencyKey(), suggestion: null, picked: false, sending: false };
  const title = h('input', { name: 'title', type: 'text', required: true, maxlength: 200,
    placeholder: t('report.form.titlePlaceholder') });
  const description = h('textarea', { name: 'description', required: true, maxlength: 10000, rows: 6,
    placeholder: t('report.form.descriptionPlaceholder') });
  const location = h('input', { name: 'location', type: 'text', maxlength: 100,
    placeholder: t('report.form.locationPlaceholder') });
  const priority = select('priority', [['', t('report.form.priorityAuto')],
    ...PRIORITIES.map(p => [p, label.priority(p)])], '');
  const category = select('category', [['', t('report.form.categoryAuto')],
    ...CATEGORIES.map(c => [c, label.category(c)])], '', { id: 'report-category' });
  // The line people see is redrawn with every answer; screen readers hear the suggestion from a separate polite
  // region that changes only when what it says changes, so typing on with the same suggestion stays quiet.
  const suggestion = h('div', { class: 'suggestion', id: 'category-suggestion' });
  const announcement = h('p', { class: 'sr-only', id: 'category-announcement', role: 'status', 'aria-live': 'polite' });
  const errors = h('div', { class: 'form-errors' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('report.form.submit'));
  const drawSuggestion = region(suggestion, c => suggestionText(c, priority.value));
  let classifyAbort = null;
  // Joining a ticket is instead of filing this report: its draft goes, or the next report would start from it.
  const similar = similarPanel({ title, description, location }, { onJoined: () => draft.clear() });
  const email = emailField();

  function show(change) {
    state = { ...state, ...change };
    drawSuggestion(state.suggestion);
    const said = announcementText(state.suggestion);
    if (announcement.textContent !== said) announcement.textContent = said;
    // Until the reporter picks one, the choice follows the suggestion.
    if (!state.picked) category.value = suggestedCategory(state.suggestion) || '';
    for (const option of category.options) {
      if (option.value) option.textContent = optionText(option.value, state.suggestion);
    }
    submit.disabled = state.sending;
    submit.textContent = t(state.sending ? 'report.form.sending' : 'report.form.submit');
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
  append(form, [followUpNote(previousTicketId, title, location),
    withCount(field(t('report.form.titleLabel'), title, t('report.form.titleHint')), title),
    withCount(field(t('report.form.descriptionLabel'), description), description),
    h('div', { class: 'row' }, field(t('report.form.locationLabel'), location),
      field(t('report.form.priorityLabel'), priority)),
    similar.el,
    field(t('report.form.categoryLabel'), category, t('report.form.categoryHint')), suggestion, announcement, email.el,
    files.el, errors,
    h('div', { class: 'actions' }, submit), progress]);
  clearWhenValid(form, checks);
  // A follow-up is a report of its own: its draft is kept apart from a plain report's.
  const draft = keepDraft(form, previousTicketId ? `report.${previousTicketId}` : 'report', draftOwner(session));
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
    if (!validateAll(form, checks)) return;
    show({ sending: true });
    try {
      const ticket = await api('/api/tickets', {
        method: 'POST', headers: { 'Idempotency-Key': state.key },
        body: { title: title.value.trim(), description: description.value, location: location.value.trim() || null,
          priority: priority.value || null, category: categoryToSend(category.value, state.suggestion),
          previousTicketId, email: email.value() },
      });
      const refused = await uploadAll(ticket.id, files.files(), null, (file, i) => {
        progress.textContent = t('report.upload.progress',
          { name: file.name, index: i + 1, total: files.files().length });
      });
      progress.textContent = '';
      draft.clear();
      // The report is filed even when a file is not: its page says which file was left out, and why.
      rememberFiled(ticket.id, refusedText(refused));
      // Sending may have taken seconds (api.js tries again after a stall): someone who went elsewhere meanwhile is
      // not pulled back; their report is in their list.
      if (form.isConnected) window.location.hash = `#/tickets/${ticket.id}`;
    } catch (err) {
      if (!showFieldError(form, err)) errors.replaceChildren(errorBox(err));
    } finally {
      show({ sending: false });
    }
  });

  container.append(h('section', { class: 'card narrow' },
    h('h1', {}, t('report.title')),
    h('p', { class: 'lead' }, t('report.lead')),
    form));
  show({});
  draft.restore();
  title.focus();
  // A suggestion still waiting for its pause in typing must not be asked once the form is gone.
  return () => {
    classify.cancel();
    similar.stop();
    if (classifyAbort) classifyAbort.abort();
  };
}

/** The category offered to the reporter: none when the classifier is not sure (the desk will check instead). */
function suggestedCategory(suggestion) {
  return suggestion && suggestion !== NO_SUGGESTION && certaintyOf(suggestion) !== 'NOT_SURE'
    ? suggestion.category : null;
}

function optionText(category, suggestion) {
  return category === suggestedCategory(suggestion)
    ? t('report.form.categorySuggested', { category: label.category(category) }) : label.category(category);
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
  if (!c) return h('span', { class: 'hint' }, t('report.suggestion.before'));
  if (c === NO_SUGGESTION) return h('span', { class: 'hint' }, t('report.suggestion.none'));
  const unsure = certaintyOf(c) === 'NOT_SURE';
  const headline = unsure ? certaintyNote(c) : sentence('report.suggestion.looksLike', { category: categoryBadge(c.category), certainty: certaintyWordNote(c) });
  return [h('span', {}, headline),
    certaintyOf(c) === 'PROBABLY' ? h('span', { class: 'hint' }, ` — ${t('report.suggestion.doubleCheck')}`) : null,
    c.suggestedPriority === 'HIGH' && !chosenPriority
      ? h('span', { class: 'hint' }, ` · ${t('report.suggestion.urgent')}`) : null];
}

/** What screen readers are told of the suggestion: its category and certainty in words, nothing while there is none. */
function announcementText(c) {
  if (!c || c === NO_SUGGESTION) return '';
  const certainty = certaintyOf(c);
  if (certainty === 'NOT_SURE') return t('report.suggestion.announceNotSure');
  return t('report.suggestion.announce', { certainty: certaintyText(certainty, c.category) });
}

