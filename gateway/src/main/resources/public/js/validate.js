// Checking a form before it is sent: every invalid input is flagged at once on submit, and a message goes away as
// soon as its input becomes valid while the person types (also a message the server wrote). `rules` maps an
// input's name to a function of its value that returns the sentence to show, or null when the value is fine.
import { h, showFieldError } from './dom.js';
import { t } from './i18n.js';

/** Flags every input that breaks its rule; true when the form may be sent. */
export function validateAll(form, rules) {
  const violations = Object.entries(rules)
    .map(([name, rule]) => [name, control(form, name)])
    .filter(([, c]) => c && !c.closest('[hidden]'))
    // In the person's language already: shown as they are (words.js would put a generic sentence in their place).
    .map(([name, c]) => ({ field: name, message: rules[name](c.value), localized: true }))
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

/**
 * The characters left in a box with a `maxlength`, said under it once nine tenths are used; and, when a paste did not
 * fit, that its end was left out. The browser cuts such a paste without a word, so a title ended mid-sentence and
 * nobody knew why. Only that is read out (a polite live region); the count is there to look at, and tied to the box.
 */
export function lengthCount(control) {
  const max = Number(control.getAttribute('maxlength'));
  const count = h('p', { class: 'hint count', id: `${control.id || control.name}-count`, hidden: true });
  let cut = false;
  const draw = () => {
    const used = control.value.length;
    count.hidden = used < max * 0.9 && !cut;
    // Tied to the box only while it is shown: a hidden count was still read out ("0 of 10,000 characters").
    describedBy(control, count.id, !count.hidden);
    count.setAttribute('aria-live', cut ? 'polite' : 'off');
    count.textContent = cut ? t('common.form.pasteCut', { max }) : t('common.form.count', { count: used, max });
  };
  control.addEventListener('paste', e => {
    let pasted = e.clipboardData ? e.clipboardData.getData('text') : '';
    // As the box will hold it: one character per line break, none in a one-line box.
    pasted = control.tagName === 'INPUT' ? pasted.replace(/[\r\n]/g, '') : pasted.replace(/\r\n/g, '\n');
    const replaced = (control.selectionEnd ?? 0) - (control.selectionStart ?? 0);
    cut = control.value.length - replaced + pasted.length > max;
    // A paste into a full box changes nothing, so no input event follows: said from here.
    setTimeout(draw, 0);
  });
  control.addEventListener('input', e => {
    if (e.inputType !== 'insertFromPaste') cut = false;
    draw();
  });
  // A box that opens with text already in it (the ticket editor) says its room at once.
  draw();
  return count;
}

/** A field (dom.js `field`) whose box says how much room is left as it fills, and when a paste did not fit. */
export function withCount(fieldEl, control) {
  fieldEl.append(lengthCount(control));
  return fieldEl;
}

/** Adds `id` to the control's description, or takes it out. */
function describedBy(control, id, tied) {
  const ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(x => x && x !== id);
  if (tied) ids.push(id);
  if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
}
