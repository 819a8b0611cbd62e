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

/** The element `el` holds what `build(...shown)` returns, rebuilt when what it shows changed. */
export function region(el, build) {
  return whenChanged((...shown) => mount(el, build(...shown)));
}
