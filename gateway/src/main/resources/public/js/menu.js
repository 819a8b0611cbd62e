// The header's menu when the header is folded (header-fit.js: always at phone width, and on a wider screen too narrow
// for one row). One row holds the brand, the live status and a Menu button; the navigation and the sign-out open
// below it. A disclosure (a button with aria-expanded), not an ARIA menu: its entries are plain links and buttons, so
// Tab walks through them as everywhere else. Unfolded, the stylesheet shows the navigation in the header and hides
// the button; header-fit.js closes the menu whenever the header folds or unfolds.

export function setUpMenu(button, panel) {
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  const setOpen = open => {
    button.setAttribute('aria-expanded', String(open));
    panel.classList.toggle('open', open);
  };
  button.addEventListener('click', () => setOpen(!isOpen()));
  document.addEventListener('keydown', e => {
    if (e.key !== 'Escape' || !isOpen()) return;
    setOpen(false);
    button.focus();
  });
  // A tap elsewhere or Tab past the last entry closes it: an open panel would otherwise cover the page.
  document.addEventListener('click', e => {
    if (isOpen() && !button.contains(e.target) && !panel.contains(e.target)) setOpen(false);
  });
  panel.addEventListener('focusout', e => {
    if (isOpen() && e.relatedTarget && !panel.contains(e.relatedTarget) && e.relatedTarget !== button) setOpen(false);
  });
  // A link chosen in it leads to another screen, which the panel must not hide.
  window.addEventListener('hashchange', () => setOpen(false));
}
