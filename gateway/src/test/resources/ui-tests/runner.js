// A tiny test runner for the UI's modules, in the browser that runs them. Test files register tests with test();
// runAll() imports each file, runs every test in order and publishes the outcome as window.uiTests, which the JUnit
// test reads (and lists in the page, for a person looking).

const tests = [];
const measurements = {};
let file = '';

export function test(name, fn) {
  tests.push({ name: `${file}: ${name}`, fn });
}

/** A figure worth reporting (e.g. requests per load); the JUnit test prints them. */
export function measure(name, value) {
  measurements[name] = value;
}

const show = v => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

export const assert = {
  equal(actual, expected, what = 'value') {
    if (!Object.is(actual, expected)) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  },
  deepEqual(actual, expected, what = 'value') {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  ok(value, what) {
    if (!value) throw new Error(`expected ${what}`);
  },
  throws(fn, what) {
    try { fn(); } catch { return; }
    throw new Error(`expected ${what} to throw`);
  },
};

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const TEST_TIMEOUT_MS = 10000;

export async function runAll(files) {
  const results = [];
  const started = performance.now();
  window.uiTests = { done: false, results, measurements };
  for (const f of files) {
    file = f;
    try {
      await import(`./${f}`);
    } catch (e) {
      results.push({ name: `${f}: (does not load)`, ok: false, message: String(e && e.stack ? e.stack : e) });
    }
  }
  for (const t of tests) {
    window.uiTests.running = t.name;
    const began = performance.now();
    try {
      await Promise.race([t.fn(), sleep(TEST_TIMEOUT_MS).then(() => {
        throw new Error(`no result after ${TEST_TIMEOUT_MS} ms`);
      })]);
      results.push({ name: t.name, ok: true, ms: Math.round(performance.now() - began) });
    } catch (e) {
      results.push({ name: t.name, ok: false, message: e && e.message ? e.message : String(e),
        ms: Math.round(performance.now() - began) });
    }
  }
  window.uiTests.ms = Math.round(performance.now() - started);
  window.uiTests.done = true;
  const list = document.getElementById('results');
  results.forEach(r => {
    const item = document.createElement('li');
    item.textContent = `${r.ok ? 'ok' : 'FAILED'} ${r.name}${r.ok ? '' : ` — ${r.message}`}`;
    list.append(item);
  });
}
