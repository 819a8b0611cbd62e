// A read that failed because the desk was out of reach (a restart, a dropped network, the gateway's 502-504) asks
// again by itself: a list has nothing typed into it to lose, and a person who left it open on a second screen
// should not find it dead when the desk is back. Soon at first, then less often, and at once when the browser says
// it is online again. A refusal (4xx) is not asked again: it would be refused again.
import { ApiError } from './api.js';

export const AGAIN_AFTER_MS = [2000, 5000, 15000, 30000];
const OUT_OF_REACH = new Set([0, 502, 503, 504]);

/** Whether asking again later can succeed where this failed. */
export function outOfReach(err) {
  return err instanceof ApiError && OUT_OF_REACH.has(err.status);
}

/**
 * Calls `load` again after each failure that was out of reach; `loaded()` after a success starts the delays from
 * the shortest again; `stop()` when the screen goes. `clock` and `events` stand in for the window in tests.
 */
export function reloadLater(load, { clock = window, events = window } = {}) {
  let timer = null;
  let tries = 0;
  const cancel = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  const backOnline = () => {
    if (timer === null) return;
    cancel();
    load();
  };
  events.addEventListener('online', backOnline);
  return {
    failed(err) {
      cancel();
      if (!outOfReach(err)) return;
      const wait = AGAIN_AFTER_MS[Math.min(tries, AGAIN_AFTER_MS.length - 1)];
      tries += 1;
      timer = clock.setTimeout(() => {
        timer = null;
        load();
      }, wait);
    },
    loaded() {
      cancel();
      tries = 0;
    },
    stop() {
      cancel();
      events.removeEventListener('online', backOnline);
    },
  };
}
