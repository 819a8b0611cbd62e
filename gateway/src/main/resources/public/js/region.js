// Parts of a screen drawn from state. A screen re-renders after every change of its state; each part redraws only
// when the values it shows are not the very same objects as last time, so an unrelated change keeps the focus,
// the scroll position and what the user is typing, and costs nothing.
import { mount } from './dom.js';

/** `draw(...shown)`, skipped when every value shown is identical (Object.is) to the last call's. */
export function whenChanged(draw) {
  let last = null;
  return (...shown) => {
    if (last && shown.length === last.length && shown.every((v, i) => Object.is(v, last[i]))) return;
    last = shown;
    draw(...shown);
  };
}

/**
 * The element `el` holds what `build(...shown)` returns, rebuilt when what it shows changed. A rebuild replaces the
 * element that had the keyboard's focus: its successor (the same `id`, or the same `data-focus` key) takes it, also
 * after a rebuild in between that lacked it (a list loading its next page), so Tab goes on from where the person was.
 */
export function region(el, build) {
  let lost = null;
  return whenChanged((...shown) => {
    const focused = document.activeElement;
    const key = focused && focused !== el && el.contains(focused) ? focusKey(focused) : null;
    mount(el, build(...shown));
    const wanted = key || (lost && (!document.activeElement || document.activeElement === document.body) ? lost : null);
    if (!wanted) return;
    const again = [...el.querySelectorAll('[id], [data-focus]')].find(e => focusKey(e) === wanted && !e.disabled);
    if (again) {
      again.focus();
      lost = null;
    } else {
      lost = wanted;
    }
  });
}

function focusKey(element) {
  return element.dataset && element.dataset.focus ? `focus:${element.dataset.focus}`
    : element.id ? `id:${element.id}` : null;
}
