// Stand-ins for what the UI's modules use from the browser and the network: a clock driven by hand, fetch with
// canned answers (recording every request), and an EventSource the test makes emit.

export function manualClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map();
  const clock = {
    now: () => now,
    setTimeout(fn, ms) {
      nextId += 1;
      timers.set(nextId, { at: now + ms, fn });
      return nextId;
    },
    clearTimeout(id) { timers.delete(id); },
    /** Moves time to `target`, running every timer due on the way, in time order. */
    advanceTo(target) {
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = target;
    },
    advance(ms) { clock.advanceTo(now + ms); },
  };
  return clock;
}

/**
 * `answer(url, init)` gives the JSON body of each request (or a Response); `calls` lists "METHOD url", `bodies`
 * the JSON each request sent (undefined for none), `headers` its headers.
 */
export function fakeFetch(answer) {
  const calls = [];
  const bodies = [];
  const headers = [];
  const fetch = async (url, init = {}) => {
    calls.push(`${init.method || 'GET'} ${url}`);
    bodies.push(init.body === undefined || typeof init.body !== 'string' ? init.body : JSON.parse(init.body));
    headers.push(init.headers || {});
    const body = await answer(String(url), init);
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, calls, bodies, headers };
}

/** Runs `fn` with `fake` as the page's fetch. */
export async function withFetch(fake, fn) {
  const real = globalThis.fetch;
  globalThis.fetch = fake.fetch;
  try {
    return await fn();
  } finally {
    globalThis.fetch = real;
  }
}

export class FakeEventSource {
  constructor(url) {
    this.url = url;
    this.listeners = {};
    this.readyState = 0;
    FakeEventSource.last = this;
  }

  addEventListener(type, fn) {
    (this.listeners[type] = this.listeners[type] || []).push(fn);
  }

  close() { this.readyState = FakeEventSource.CLOSED; }

  emit(type, data = {}) {
    (this.listeners[type] || []).forEach(fn => fn({ data: JSON.stringify(data) }));
  }
}
FakeEventSource.CLOSED = 2;

/** Runs `fn(source)` with a live connection over a FakeEventSource. */
export async function withLive(live, fn) {
  const real = globalThis.EventSource;
  globalThis.EventSource = FakeEventSource;
  live.connectLive();
  try {
    return await fn(FakeEventSource.last);
  } finally {
    live.disconnectLive();
    globalThis.EventSource = real;
  }
}
