import { test, assert, sleep } from './runner.js';
import { manualClock } from './fakes.js';
import { debounce, singleFlight } from '/js/schedule.js';

test('a burst of calls runs once, after the last call, with its arguments', () => {
  const clock = manualClock();
  const runs = [];
  const d = debounce(x => runs.push([clock.now(), x]), 250, { maxWait: 1000, clock });
  d(1);
  clock.advanceTo(100);
  d(2);
  clock.advanceTo(200);
  d(3);
  clock.advanceTo(449);
  assert.deepEqual(runs, [], 'runs before the quiet period ends');
  clock.advanceTo(450);
  assert.deepEqual(runs, [[450, 3]], 'runs');
  clock.advanceTo(5000);
  assert.equal(runs.length, 1, 'runs in all');
});

test('a steady stream of calls still runs it once per maxWait', () => {
  const clock = manualClock();
  const runs = [];
  const d = debounce(() => runs.push(clock.now()), 250, { maxWait: 1000, clock });
  for (let t = 0; t < 3000; t += 100) {
    clock.advanceTo(t);
    d();
  }
  clock.advance(1000);
  assert.deepEqual(runs, [1000, 2000, 3000], 'run times');
});

test('without maxWait a steady stream postpones it', () => {
  const clock = manualClock();
  let runs = 0;
  const d = debounce(() => { runs += 1; }, 250, { clock });
  for (let t = 0; t < 3000; t += 100) {
    clock.advanceTo(t);
    d();
  }
  assert.equal(runs, 0, 'runs during the stream');
  clock.advance(250);
  assert.equal(runs, 1, 'runs after it');
});

test('cancel drops a pending run', () => {
  const clock = manualClock();
  let runs = 0;
  const d = debounce(() => { runs += 1; }, 250, { clock });
  d();
  d.cancel();
  clock.advance(1000);
  assert.equal(runs, 0, 'runs');
  d();
  clock.advance(250);
  assert.equal(runs, 1, 'runs after a new call');
});

test('single flight: calls during a run make exactly one more run, never two at once', async () => {
  let running = 0;
  let most = 0;
  let runs = 0;
  const load = singleFlight(async () => {
    running += 1;
    most = Math.max(most, running);
    runs += 1;
    await sleep(20);
    running -= 1;
  });
  const first = load();
  load();
  load();
  load();
  await first;
  assert.equal(runs, 2, 'runs');
  assert.equal(most, 1, 'runs at once');
  await load();
  assert.equal(runs, 3, 'runs after a later call');
});
