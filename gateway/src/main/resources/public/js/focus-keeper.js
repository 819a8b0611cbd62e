// A button disabled while it has the focus (a form's submit while its request runs, so that it is sent once) loses
// the focus to the page's body: a keyboard user's next Tab starts again at the top of the page, and a screen reader
// says nothing of where they are. Every form disables its submit that way, so this is done once for the page: the
// focus goes back to that button when it is enabled again, unless the person (or the screen) has put it elsewhere
// meanwhile.

/** Watches `root` for the rest of the page's life. */
export function keepFocusThroughDisabling(root = document.body) {
  let lastFocused = null;
  let parked = null;
  document.addEventListener('focusin', e => {
    lastFocused = e.target;
    parked = null;
  });
  // The focus left for nowhere (a click on the page's background) without a button being disabled: nothing of the
  // person's is remembered, so a button they pressed long ago never pulls the focus back later.
  document.addEventListener('focusout', e => {
    if (!e.relatedTarget && !e.target.disabled) lastFocused = null;
  });
  const focusIsNowhere = () => !document.activeElement || document.activeElement === document.body;
  new MutationObserver(records => {
    for (const { target } of records) {
      if (target.disabled) {
        // The browser may move the focus away now or only at its next frame: the button is remembered either way.
        if (target === lastFocused || target === document.activeElement) parked = target;
      } else if (target === parked) {
        parked = null;
        if (focusIsNowhere() && target.isConnected) target.focus({ preventScroll: true });
      }
    }
  }).observe(root, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
}
