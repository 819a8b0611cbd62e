// The words people read for a refusal (words.js) and the forms' checks (validate.js).
import { test, assert } from './runner.js';
import { isForPeople, problemText, violationText } from '/js/words.js';
import { ApiError } from '/js/api.js';
import { h, field } from '/js/dom.js';
import { validateAll, clearWhenValid, text } from '/js/validate.js';

test('a sentence from the server is shown as it is', () => {
  assert.equal(problemText(403, { detail: 'That staff code is not right.', field: 'staffCode' }),
    'That staff code is not right.');
  assert.equal(new ApiError(503, { detail: 'The helpdesk is briefly unavailable: your text is kept, try again in a moment.' }).message,
    'The helpdesk is briefly unavailable: your text is kept, try again in a moment.');
});

test('developer text never reaches the page: a field path, an enum name or a header is replaced', () => {
  for (const detail of ['staffCode: the staff role needs the staff access code', 'title: size must be between 0 and 200',
    'Ticket 5 is CLOSED and cannot be changed', 'categorySource: AUTO → STAFF', 'x.y: must not be null',
    'Idempotency-Key must be 1-200 characters', 'The student role may not use /api/tokens',
    'The ticket-service service is not available right now']) {
    assert.ok(!isForPeople(detail), `"${detail}" refused`);
    const shown = new ApiError(400, { detail, field: 'title' }).message;
    assert.ok(isForPeople(shown), `"${shown}" for people`);
  }
  assert.equal(problemText(400, { detail: 'title: size must be between 0 and 200', field: 'title' }),
    'Please check the title. It is needed and can be at most 200 characters.');
  assert.equal(problemText(400, { detail: 'q: must be at most 200 characters', field: 'q' }),
    'Please check the search. It can be at most 200 characters.', 'a search too long names the search');
  assert.equal(problemText(404, { detail: 'ticketId: bad' }), 'This ticket was closed or removed, or it never existed.');
  assert.equal(new ApiError(0, {}).message.startsWith('The helpdesk cannot be reached'), true, 'offline');
  assert.equal(problemText(599, null).startsWith('Something went wrong on our side'), true, 'any 5xx');
});

test('each invalid input of a refusal gets a sentence', () => {
  assert.equal(violationText({ field: 'title', message: 'The title can be at most 200 characters.' }),
    'The title can be at most 200 characters.');
  assert.equal(violationText({ field: 'body', message: 'must not be blank' }),
    'Please check your message. It is needed and can be at most 5,000 characters.');
  assert.equal(violationText({ field: 'somethingNew', message: 'size must be between 1 and 2' }), 'Please check this field.');
});

test('a form flags every invalid input at once and clears each as soon as it is valid', () => {
  const rules = { title: text('Please give a short title.', 5, 'At most 5.'), description: text('Please describe it.') };
  const title = h('input', { name: 'title' });
  const description = h('textarea', { name: 'description' });
  const form = h('form', {}, field('Title', title), field('Description', description));
  document.getElementById('stage').append(form);
  clearWhenValid(form, rules);
  const error = c => document.getElementById(`${c.id}-error`).textContent;
  try {
    assert.equal(validateAll(form, rules), false, 'empty form');
    assert.deepEqual([error(title), error(description)], ['Please give a short title.', 'Please describe it.'], 'both');
    title.value = 'too long';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    assert.equal(error(title), 'Please give a short title.', 'still invalid: kept until the next check');
    title.value = 'Lift';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    assert.deepEqual([error(title), title.getAttribute('aria-invalid')], ['', null], 'valid title cleared');
    assert.equal(error(description), 'Please describe it.', 'the other one stays');
    description.value = 'Stuck';
    assert.equal(validateAll(form, rules), true, 'valid form');
  } finally {
    form.remove();
  }
});
