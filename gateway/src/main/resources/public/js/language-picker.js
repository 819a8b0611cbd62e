// The header's language switch. A closed select changes its value on every arrow key, and each change drew the whole
// page again in another language on the way to the one wanted (Deutsch, Español, Français...). So a value reached by
// keys on the closed select is taken on Enter or when the focus leaves; one picked from the open list (the mouse, a
// touch, or the keyboard inside the list, whose keys the page does not see) at once.
import { currentLanguage } from './i18n.js';

const STEP_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'];
/** A change this soon after a key on the select is that key's step; a pick in the open list comes later, or alone. */
const STEP_MS = 100;

/** `choose(lang, { focusAfter })`: draws the page in `lang`, then focuses `focusAfter` (null: the picker). */
export function choosingLanguage(picker, choose) {
  let steppedAt = -Infinity;
  let stepping = false;
  let taking = null;
  const take = async (focusAfter = null) => {
    stepping = false;
    const lang = picker.value;
    // Firefox may send Enter's keydown and then the change: one switch.
    if (lang === currentLanguage() || lang === taking) return;
    taking = lang;
    try { await choose(lang, { focusAfter }); } finally { taking = null; }
  };
  picker.addEventListener('keydown', e => {
    if (STEP_KEYS.includes(e.key) || (e.key.length === 1 && e.key !== ' ')) steppedAt = e.timeStamp;
    if (e.key === 'Enter' && stepping) take();
  });
  picker.addEventListener('change', e => {
    if (e.timeStamp - steppedAt < STEP_MS) {
      stepping = true;
      return;
    }
    take();
  });
  // Left for another control: the page is drawn in the language chosen and the focus goes where the person went.
  picker.addEventListener('blur', e => { if (stepping) take(e.relatedTarget || document.body); });
}

/**
 * After the page was drawn anew, the control that stands where `before` stood: the same element if it survived,
 * else one with its id, else the navigation link to the same place; null when there is none.
 */
export function sameControl(before) {
  if (!before || before === document.body) return null;
  if (before.isConnected) return before;
  if (before.id) return document.getElementById(before.id);
  const href = before.getAttribute && before.getAttribute('href');
  return href ? document.querySelector(`a[href="${CSS.escape(href)}"]`) : null;
}
