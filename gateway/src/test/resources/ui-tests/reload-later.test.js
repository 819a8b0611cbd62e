// A list that could not be loaded because the desk was out of reach asks again by itself (reload-later.js), says so
// in words meant for a list, and offers Try again; a refusal is not asked again.
import { test, assert } from './runner.js';
import { manualClock } from './fakes.js';
import { onStage } from './stage.js';
import { until } from './wait.js';
import { ApiError } from '/js/api.js';
import { reloadLater, AGAIN_AFTER_MS } from '/js/reload-later.js';

const offline = new ApiError(0, {});

function rig() {
  const clock = manualClock();
  const events = new EventTarget();
  const loads = [];
  const again = reloadLater(() => loads.push(clock.now()), { clock, events });
  return { clock, events, loads, again };
}

test('out of reach, the list is asked again after 2, then 5, 15 and every 30 s; a success starts from 2 s again', () => {
  const { clock, loads, again } = rig();
  for (let i = 0; i < 5; i++) {
    again.failed(i === 2 ? new ApiError(503, {}) : offline);
    clock.advance(60_000);
  }
  const waits = loads.map((at, i) => at - (i * 60_000));
  assert.deepEqual(waits, [AGAIN_AFTER_MS[0], AGAIN_AFTER_MS[1], AGAIN_AFTER_MS[2], AGAIN_AFTER_MS[3], AGAIN_AFTER_MS[3]],
    `waits ${waits}`);
  assert.deepEqual(AGAIN_AFTER_MS, [2000, 5000, 15000, 30000]);
  again.loaded();
  loads.length = 0;
  const from = clock.now();
  again.failed(offline);
  clock.advance(60_000);
  assert.deepEqual(loads, [from + 2000], 'from the shortest wait again');
  again.stop();
});

test('a refusal is not asked again, and a success cancels a pending reload', () => {
  const { clock, loads, again } = rig();
  again.failed(new ApiError(400, {}));
  again.failed(new ApiError(403, {}));
  again.failed(new Error('a bug in a screen'));
  clock.advance(120_000);
  assert.deepEqual(loads, [], 'nothing asked again');
  again.failed(offline);
  again.loaded();
  clock.advance(120_000);
  assert.deepEqual(loads, [], 'the live event\'s reload came first');
  again.stop();
});

test('back online, a pending reload happens at once; without one, nothing; stopped, nothing more', () => {
  const { clock, events, loads, again } = rig();
  events.dispatchEvent(new Event('online'));
  assert.deepEqual(loads, [], 'nothing had failed');
  again.failed(offline);
  clock.advance(500);
  events.dispatchEvent(new Event('online'));
  assert.deepEqual(loads, [500], 'at once');
  clock.advance(60_000);
  assert.deepEqual(loads, [500], 'and not again when its timer would have run');
  again.failed(offline);
  again.stop();
  events.dispatchEvent(new Event('online'));
  clock.advance(60_000);
  assert.deepEqual(loads, [500], 'stopped');
});

test('a list the desk could not be reached for says so, not "your text is kept", and Try again loads it', () => {
  let down = true;
  return onStage('/js/screens/tickets.js', { session: { role: 'STUDENT' } }, async (stage, fake) => {
    await until(() => stage.querySelector('#list-retry'));
    const alert = stage.querySelector('.results [role="alert"]');
    assert.ok(alert.textContent.includes('The list could not be loaded'), alert.textContent);
    assert.ok(alert.textContent.includes('tries again by itself'), alert.textContent);
    assert.ok(!alert.textContent.includes('text is kept'), alert.textContent);
    down = false;
    fake.calls.length = 0;
    stage.querySelector('#list-retry').click();
    await until(() => stage.querySelector('.tickets tbody tr'));
    assert.ok(!stage.querySelector('.results [role="alert"]'), 'the error is gone');
    assert.deepEqual(fake.calls.filter(c => c.startsWith('GET /api/tickets?')).length, 1, fake.calls.join(' '));
  }, url => {
    if (down && url.startsWith('/api/tickets?')) throw new TypeError('Failed to fetch');
    return undefined;
  });
});

test('a refused list keeps the server\'s sentence and its Try again', () => onStage('/js/screens/tickets.js',
  { session: { role: 'STUDENT' } }, async stage => {
    await until(() => stage.querySelector('#list-retry'));
    assert.ok(stage.querySelector('#list-retry'), 'Try again');
    assert.ok(stage.querySelector('.results [role="alert"]').textContent.includes('The search is too long'),
      stage.querySelector('.results').textContent);
  }, url => (url.startsWith('/api/tickets?') ? new Response('{"status":400,"detail":"The search is too long: at most 200 characters."}',
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } }) : undefined)));

test('a list still out of reach keeps its one notice (a screen reader hears it once) and its Try again', () => onStage(
  '/js/screens/tickets.js', { session: { role: 'STUDENT' } }, async (stage, fake) => {
    await until(() => stage.querySelector('#list-retry'));
    const notice = stage.querySelector('.results [role="alert"]');
    fake.calls.length = 0;
    stage.querySelector('#list-retry').click();
    await until(() => fake.calls.length > 0 && !stage.querySelector('#list-retry').disabled);
    assert.ok(fake.calls.some(c => c.startsWith('GET /api/tickets?')), fake.calls.join(' '));
    assert.equal(stage.querySelector('.results [role="alert"]'), notice, 'the same notice, not a new one');
    assert.equal(stage.querySelector('#list-retry').disabled, false, 'Try again may be pressed again');
  }, url => {
    if (url.startsWith('/api/tickets?')) throw new TypeError('Failed to fetch');
    return undefined;
  }));
