// A screen's heading as the place a keyboard or screen-reader user lands: the router puts the focus there after a
// navigation, and a screen replaced under the person (a ticket closed while they wrote) does the same.
import { t } from './i18n.js';

/** Names the tab after the screen's heading; the heading, if there is one. */
export function titleFrom(container) {
  const heading = container.querySelector('h1');
  if (heading) document.title = `${heading.textContent} · ${t('common.product')}`;
  return heading;
}

/** Only reachable by script (tabindex -1), so the stylesheet draws no ring around it. */
export function focusHeading(heading) {
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}
