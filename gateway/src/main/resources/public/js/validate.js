// Checking a form before it is sent: every invalid input is flagged at once on submit, and a message goes away as
// soon as its input becomes valid while the person types (also a message the server wrote). `rules` maps an
// input's name to a function of its value that returns the sentence to show, or null when the value is fine.
import { showFieldError } from './dom.js';

/** Flags every input that breaks its rule; true when the form may be sent. */
export function validateAll(form, rules) {
  const violations = Object.entries(rules)
    .map(([name, rule]) => [name, control(form, name)])
    .filter(([, c]) => c && !c.closest('[hidden]'))
    .map(([name, c]) => ({ field: name, message: rules[name](c.value) }))
    .filter(v => v.message);
  showFieldError(form, violations.length ? { violations } : null);
  return violations.length === 0;
}

/** Clears an input's message on input once it satisfies its rule (an input without a rule: on any input). */
export function clearWhenValid(form, rules) {
  form.addEventListener('input', e => {
    const c = e.target;
    if (!c.name || c.getAttribute('aria-invalid') !== 'true') return;
    const rule = rules[c.name];
    if (rule && rule(c.value)) return;
    c.removeAttribute('aria-invalid');
    const slot = form.querySelector(`#${CSS.escape(c.id)}-error`);
    if (slot) slot.textContent = '';
  });
}

/** A rule: required (with its sentence) and at most `max` characters (with its sentence). */
export function text(missing, max, tooLong) {
  return value => {
    if (!value.trim()) return missing;
    if (max && value.length > max) return tooLong;
    return null;
  };
}

function control(form, name) {
  return form.querySelector(`[name="${CSS.escape(name)}"]`);
}
