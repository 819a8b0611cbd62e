// Sign-in: a display name and a role; the staff access code field appears when the deployment requires it.
import { api } from '../api.js';
import { h, field, showFieldError, errorBox } from '../dom.js';
import { validateAll, clearWhenValid, text } from '../validate.js';

// The staff code rule only applies while its field is shown (validateAll skips hidden inputs).
const RULES = {
  name: text('Please enter your name.', 80, 'Your name can be at most 80 characters.'),
  staffCode: text('Please enter the staff code.'),
};

const ROLES = [
  ['STUDENT', 'Student', 'Report problems and follow them.'],
  ['STAFF', 'Helpdesk staff', 'Work the queue, answer and close tickets.'],
  ['ANALYST', 'Analyst', 'Read the analytics dashboard.'],
];

export async function render(container, { session, refreshSession }) {
  const name = h('input', { name: 'name', type: 'text', required: true, maxlength: 80, autocomplete: 'name',
  });
  const code = h('input', { name: 'staffCode', type: 'password', autocomplete: 'off' });
  const codeField = field('Staff access code', code, 'Ask the helpdesk lead for the code.');
  const errors = h('div', { class: 'form-errors' });
  const radios = ROLES.map(([value, text, hint], i) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'role', value, checked: i === 0 }),
    h('span', { class: 'choice-text' }, h('strong', {}, text), h('span', { class: 'hint' }, hint))));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in');
  const form = h('form', { class: 'form', novalidate: true },
    field('Your name', name, 'Shown to the helpdesk on your tickets and messages.'),
    h('fieldset', { class: 'field', dataset: { field: 'role' } }, h('legend', {}, 'I am'), radios,
      h('p', { class: 'field-error', role: 'alert' })),
    codeField, errors, submit);

  const updateCode = () => {
    const role = form.querySelector('input[name=role]:checked').value;
    codeField.hidden = !(session.staffCodeRequired && role !== 'STUDENT');
  };
  form.addEventListener('change', updateCode);
  clearWhenValid(form, RULES);
  updateCode();

  form.addEventListener('submit', async e => {
    e.preventDefault();
    errors.replaceChildren();
    const role = form.querySelector('input[name=role]:checked').value;
    if (!validateAll(form, RULES)) return;
    submit.disabled = true;
    try {
      await api('/api/session', { method: 'POST',
        body: { name: name.value.trim(), role, staffCode: codeField.hidden ? null : code.value } });
      const s = await refreshSession();
      // Back to the page that asked for sign-in (a shared ticket link), else the role's start page.
      const wanted = sessionStorage.getItem('afterSignIn');
      sessionStorage.removeItem('afterSignIn');
      location.hash = wanted && wanted !== '#/' ? wanted
        : { STUDENT: '#/report', STAFF: '#/tickets', ANALYST: '#/dashboard' }[s.role];
    } catch (err) {
      if (!showFieldError(form, err)) errors.replaceChildren(errorBox(err));
    } finally {
      submit.disabled = false;
    }
  });

  container.append(h('section', { class: 'card narrow' },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'lead' }, 'No account needed: tell us who you are and how you use the helpdesk.'),
    form));
  name.focus();
}
