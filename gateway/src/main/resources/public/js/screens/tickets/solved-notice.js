// The reporter's list says "1 of your tickets was solved" once: what /api/tickets/solved lists is shown and then
// acknowledged (marked read), so the next visit does not say it again. A close seen live while the list is open
// joins the notice. Staff see no notice here: their queue lists closed tickets itself.
import { api } from '../../api.js';
import { onLive } from '../../live.js';
import { mount } from '../../dom.js';
import { acknowledge, recentlySolved, solvedNotice } from '../ticket/solved.js';

export function solvedNoticeRegion(el) {
  const shown = new Map();
  const draw = () => mount(el, solvedNotice([...shown.values()].sort((a, b) => b.closedAt.localeCompare(a.closedAt))));
  const add = closures => {
    closures.filter(c => !shown.has(c.ticketId)).forEach(c => {
      shown.set(c.ticketId, c);
      acknowledge(c.ticketId);
    });
    draw();
  };
  api('/api/tickets/solved').then(add, () => null);
  const stop = onLive(e => { if (e.kind === 'solved') add([e]); });
  return stop;
}

/**
 * The reporter's tickets solved in the last 30 days, below their list; drawn again when one is solved live or the
 * tab is looked at again, still open if it was open, the latest answer winning.
 */
export function recentlySolvedRegion(el) {
  let asked = 0;
  const load = () => {
    const mine = ++asked;
    api('/api/tickets/solved?recent=true').then(closures => {
      if (mine !== asked) return;
      const wasOpen = Boolean(el.querySelector('details[open]'));
      const drawn = recentlySolved(closures);
      if (drawn && wasOpen) drawn.open = true;
      mount(el, drawn);
    }, () => null);
  };
  load();
  const stopLive = onLive(e => { if (e.kind === 'solved') load(); });
  const onVisible = () => { if (document.visibilityState === 'visible') load(); };
  document.addEventListener('visibilitychange', onVisible);
  return () => { stopLive(); document.removeEventListener('visibilitychange', onVisible); };
}
