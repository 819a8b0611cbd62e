// Sign-in: a display name and a role; the staff access code field appears when the deployment requires it.
import { api, SESSION_ENDED } from '../api.js';
import { h, field, showFieldError, errorBox, label } from '../dom.js';
import { t } from '../i18n.js';
import { validateAll, clearWhenValid, text } from '../validate.js';

/** Whether this browser's session ended (seen by the server on this load, or by a page open when it happened). */
function sessionEnded(session) {
  if (session.ended) return true;
  try { return sessionStorage.getItem(SESSION_ENDED) === '1'; } catch { return false; }
}

// The staff code rule only applies while its field is shown (validateAll skips hidden inputs). Made when the form is
// drawn, so its sentences are in the language of the moment.
const rules = () => ({
  name: text(t('signin.name.missing'), 80, t('signin.name.tooLong')),
  staffCode: text(t('signin.staffCode.missing')),
});

// Each role in words (common.role.*) with what it does (signin.role.*).
const ROLES = ['STUDENT', 'STAFF', 'ANALYST'];

export async function render(container, { session, refreshSession }) {
  const checks = rules();
  const name = h('input', { name: 'name', type: 'text', required: true, maxlength: 80, autocomplete: 'name',
  });
  const code = h('input', { name: 'staffCode', type: 'password', autocomplete: 'off' });
  const codeField = field(t('signin.staffCode.label'), code, t('signin.staffCode.hint'));
  const errors = h('div', { class: 'form-errors' });
  const radios = ROLES.map((value, i) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'role', value, checked: i === 0 }),
    h('span', { class: 'choice-text' }, h('strong', {}, label.role(value)),
      h('span', { class: 'hint' }, t(`signin.role.${value}`)))));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('signin.submit'));
  const form = h('form', { class: 'form', novalidate: true },
    field(t('signin.name.label'), name, t('signin.name.hint')),
    h('fieldset', { class: 'field', dataset: { field: 'role' } }, h('legend', {}, t('signin.role.legend')), radios,
      h('p', { class: 'field-error', role: 'alert' })),
    codeField, errors, submit);

  const updateCode = () => {
    const role = form.querySelector('input[name=role]:checked').value;
    codeField.hidden = !(session.staffCodeRequired && role !== 'STUDENT');
  };
  form.addEventListener('change', updateCode);
  clearWhenValid(form, checks);
  updateCode();

  form.addEventListener('submit', async e => {
    e.preventDefault();
    errors.replaceChildren();
    const role = form.querySelector('input[name=role]:checked').value;
    if (!validateAll(form, checks)) return;
    submit.disabled = true;
    try {
      await api('/api/session', { method: 'POST',
        body: { name: name.value.trim(), role, staffCode: codeField.hidden ? null : code.value } });
      const s = await refreshSession();
      try { sessionStorage.removeItem(SESSION_ENDED); } catch { /* nothing was kept */ }
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
    h('h1', {}, t('signin.title')),
    sessionEnded(session) ? h('p', { class: 'alert', role: 'status', id: 'session-ended' }, t('signin.ended')) : null,
    h('p', { class: 'lead' }, t('signin.lead')),
    form));
  name.focus();
}
