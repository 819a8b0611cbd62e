// The desktop header on one row. Signed in as staff it holds the brand, four links, the live status, the name, two
// buttons and the language: at 1280 px that was wider than the window in every language, so the language switch (or
// the whole session) dropped to a second row. When the row does not fit, the header turns "tight": the brand keeps
// its mark (the name stays the link's name for screen readers) and the gaps close up. When even that does not fit (a
// tablet; a small laptop in French), it turns "compact" instead: the links and the session fold behind the Menu
// button, as on a phone, and the brand shows its name again unless the folded row is too narrow for it. Which texts
// fit depends on the language and the name, so the header is measured, not sized by a breakpoint per language. At
// phone width (up to 600 px) it is always compact (phone.css).

const ROW_TOLERANCE = 20; // px: items of one row differ by a few pixels in their tops, a second row by its height
const PHONE = window.matchMedia('(max-width: 600px)');

function wraps(header) {
  const tops = [...header.querySelectorAll('.brand, .live-status, .language-switch, .nav, .session, .menu-button')]
    .filter(e => !e.hidden && e.getClientRects().length > 0)
    .map(e => e.getBoundingClientRect().top);
  return tops.length > 1 && Math.max(...tops) - Math.min(...tops) > ROW_TOLERANCE;
}

export function fitHeader(header) {
  const wasCompact = header.classList.contains('compact');
  fit(header);
  const compact = header.classList.contains('compact');
  if (compact === wasCompact) return;
  // An open menu left behind would show unasked the next time the header folds; and a link or button that had the
  // focus as it folded away hands it to the Menu button rather than to the page.
  const button = header.querySelector('.menu-button');
  const menu = header.querySelector('.menu');
  const focusFolded = compact && menu.contains(document.activeElement);
  button.setAttribute('aria-expanded', 'false');
  menu.classList.remove('open');
  if (focusFolded) button.focus();
}

function fit(header) {
  // Measured in one go, before the browser paints: the roomy layout first, then the tight one, then the folded one.
  header.classList.remove('tight', 'compact');
  const who = header.querySelector('.who');
  if (who) who.style.maxWidth = '';
  if (PHONE.matches) {
    header.classList.add('compact');
    return;
  }
  if (!wraps(header)) {
    roomForName(header, who);
    return;
  }
  header.classList.add('tight');
  // Signed out there is nothing to fold (and no Menu button).
  if (!wraps(header)) {
    roomForName(header, who);
    return;
  }
  if (header.querySelector('.menu-button').hidden) return;
  header.classList.add('compact');
  // Folded, the row is short again: on a tablet the brand has room for its name, and takes it back where it fits.
  header.classList.remove('tight');
  if (wraps(header)) header.classList.add('tight');
}

/**
 * A name cut short by the stylesheet's cap (9rem, 7rem when tight) takes the room the row has left, which lies at the
 * end of the links' own box: capped alone, "Maria Concetta Bianchi-Rossi" showed as "Maria Concett…" on a 1366 px
 * laptop with space to spare. Folded or on a phone, the cap stays.
 */
function roomForName(header, who) {
  const name = who && who.querySelector('.who-name');
  const last = header.querySelector('.nav > :last-child');
  if (!name || !last || name.scrollWidth <= name.clientWidth) return;
  const spare = Math.floor(last.parentElement.getBoundingClientRect().right - last.getBoundingClientRect().right);
  if (spare <= 0) return;
  who.style.maxWidth = `${who.getBoundingClientRect().width + Math.min(spare, name.scrollWidth - name.clientWidth)}px`;
  if (wraps(header)) who.style.maxWidth = '';
}

// Refitted when the header's size changes (a narrower window, a longer live status that pushed an item to a second
// row) and when the live status's own size does ("Connecting…" became "Live": a folded header may fit unfolded now,
// though its own size did not change). The classes this sets change the height once more, which refits to the same
// result and stops there. In the next frame, not inside the observer's callback: a size changed there is reported as
// a loop error.
export function keepHeaderFitted(header) {
  let pending = false;
  const observer = new ResizeObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fitHeader(header); });
  });
  observer.observe(header);
  observer.observe(header.querySelector('.live-status'));
}
