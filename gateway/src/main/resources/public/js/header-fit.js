// The desktop header on one row. Signed in as staff it holds the brand, four links, the live status, the name, two
// buttons and the language: at 1280 px that was wider than the window in every language, so the language switch (or
// the whole session) dropped to a second row. When the row does not fit, the header turns "tight": the brand keeps
// its mark (the name stays the link's name for screen readers) and the gaps close up. Which texts fit depends on the
// language and the name, so the header is measured, not sized by a breakpoint per language. The phone's layout
// (menu.js, up to 600 px) is one row already and is left alone.

const ROW_TOLERANCE = 20; // px: items of one row differ by a few pixels in their tops, a second row by its height

function wraps(header) {
  const tops = [...header.querySelectorAll('.brand, .live-status, .language-switch, .nav, .session')]
    .filter(e => !e.hidden && e.getClientRects().length > 0)
    .map(e => e.getBoundingClientRect().top);
  return tops.length > 1 && Math.max(...tops) - Math.min(...tops) > ROW_TOLERANCE;
}

export function fitHeader(header) {
  // Both measured in one go, before the browser paints: the roomy layout first, the tight one only if it wraps.
  header.classList.remove('tight');
  if (wraps(header)) header.classList.add('tight');
}

// Refitted when the header's size changes: a narrower window, or a longer live status that pushed an item to a
// second row. The class this sets changes the height once more, which refits to the same result and stops there.
// In the next frame, not inside the observer's callback: a size changed there is reported as a loop error.
export function keepHeaderFitted(header) {
  let pending = false;
  new ResizeObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fitHeader(header); });
  }).observe(header);
}
