// Waiting for what a screen does after a click, instead of a fixed sleep that a busy machine may outlast.
import { sleep } from './runner.js';

/** Resolves once `done()` is true, or after `ms` (the assertions that follow then say what is missing). */
export async function until(done, ms = 2000) {
  for (let waited = 0; !done() && waited < ms; waited += 20) await sleep(20);
}
