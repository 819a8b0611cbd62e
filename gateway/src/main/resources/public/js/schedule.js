// When screens run their work: a debounce that still fires while events keep coming, and a guard that keeps one
// load of a screen in flight. No DOM here; both take a clock, so unit tests drive time by hand.

export const realClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: id => clearTimeout(id),
};

/**
 * Trailing debounce: `fn` runs once, `wait` ms after the last call of a burst, with the last call's arguments.
 * With `maxWait` it also runs at the latest that long after the burst's first call, so a steady stream of calls
 * cannot postpone it for ever. `cancel()` drops a pending run.
 */
export function debounce(fn, wait, { maxWait = Infinity, clock = realClock } = {}) {
  let timer = null;
  let burstStart = 0;
  let lastArgs = [];
  const fire = () => {
    timer = null;
    fn(...lastArgs);
  };
  const debounced = (...args) => {
    lastArgs = args;
    const now = clock.now();
    if (timer === null) burstStart = now;
    else clock.clearTimeout(timer);
    timer = clock.setTimeout(fire, Math.max(0, Math.min(wait, burstStart + maxWait - now)));
  };
  debounced.cancel = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  return debounced;
}

/**
 * At most one run of `load` at a time. A call while it runs asks for exactly one more run after it (however many
 * calls came meanwhile), so the newest change is always loaded, answers never arrive out of order and a slow
 * service never piles requests up. The returned promise settles when the runs it joined are done.
 */
export function singleFlight(load) {
  let running = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await load();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
