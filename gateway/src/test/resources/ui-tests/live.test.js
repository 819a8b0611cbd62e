import { test, assert } from './runner.js';
import { manualClock, withLive } from './fakes.js';
import * as live from '/js/live.js';

const change = ticketId => ({ cursor: `c${ticketId}`, type: 'STATUS_CHANGED', ticketId });

test('a burst of 50 live events refreshes a screen once', () => withLive(live, source => {
  const clock = manualClock();
  let refreshes = 0;
  const soon = live.refreshOnLive(() => { refreshes += 1; }, () => true, { clock });
  for (let i = 0; i < 50; i++) {
    clock.advance(5);
    source.emit('change', change(i));
  }
  clock.advance(live.BURST_WAIT_MS - 1);
  assert.equal(refreshes, 0, 'refreshes while the burst may go on');
  clock.advance(1);
  assert.equal(refreshes, 1, 'refreshes after the burst');
  clock.advance(10000);
  assert.equal(refreshes, 1, 'refreshes in all');
  soon.stop();
}));

test('a change stream that never pauses refreshes once per max wait', () => withLive(live, source => {
  const clock = manualClock();
  let refreshes = 0;
  const soon = live.refreshOnLive(() => { refreshes += 1; }, () => true, { clock });
  for (let t = 0; t < 3000; t += 50) {
    clock.advanceTo(t);
    source.emit('change', change(t));
  }
  assert.equal(refreshes, Math.floor(2950 / live.BURST_MAX_WAIT_MS), 'refreshes during 3 s of events');
  soon.stop();
}));

test('only the events a screen is concerned with refresh it; a reset always does', () => withLive(live, source => {
  const clock = manualClock();
  let refreshes = 0;
  const soon = live.refreshOnLive(() => { refreshes += 1; }, e => e.kind === 'reset' || e.ticketId === 7, { clock });
  source.emit('change', change(8));
  clock.advance(1000);
  assert.equal(refreshes, 0, 'refreshes after another ticket changed');
  source.emit('change', change(7));
  clock.advance(1000);
  assert.equal(refreshes, 1, 'refreshes after this ticket changed');
  source.emit('reset');
  clock.advance(live.RESET_SPREAD_MS + 1000);
  assert.equal(refreshes, 2, 'refreshes after a reset');
  soon.stop();
}));

test('the pages told of a reset at once reload at spread moments, each once', () => withLive(live, source => {
  const clock = manualClock();
  const at = [];
  const pages = [0, 0.5, 0.99].map(r => live.refreshOnLive(() => at.push(clock.now()), () => true,
    { clock, random: () => r }));
  source.emit('reset');
  source.emit('reset');
  clock.advance(live.RESET_SPREAD_MS + live.BURST_MAX_WAIT_MS);
  assert.deepEqual(at, [0, 0.5, 0.99].map(r => r * live.RESET_SPREAD_MS + live.BURST_WAIT_MS),
    'one reload per page, spread over the spread');
  pages.forEach(p => p.stop());
}));

test('after stop() no event refreshes, not even a pending one', () => withLive(live, source => {
  const clock = manualClock();
  let refreshes = 0;
  const soon = live.refreshOnLive(() => { refreshes += 1; }, () => true, { clock });
  source.emit('change', change(1));
  soon.stop();
  source.emit('change', change(2));
  clock.advance(5000);
  assert.equal(refreshes, 0, 'refreshes');
}));

test('a change event that is not JSON is ignored', () => withLive(live, source => {
  const clock = manualClock();
  let refreshes = 0;
  const soon = live.refreshOnLive(() => { refreshes += 1; }, () => true, { clock });
  source.listeners.change.forEach(fn => fn({ data: '{not json' }));
  clock.advance(5000);
  assert.equal(refreshes, 0, 'refreshes');
  soon.stop();
}));

test('the badge says updates are delayed while the gateway does not hear the desk, and Live once it does', () =>
  withLive(live, source => {
    const badge = document.getElementById('live-status');
    source.emit('ready', { role: 'STAFF' });
    assert.equal(badge.dataset.state, 'live');
    source.emit('feed', { following: false });
    assert.equal(badge.dataset.state, 'delayed');
    assert.equal(badge.textContent, 'Updates delayed');
    source.emit('change', change(3));
    assert.equal(badge.dataset.state, 'delayed', 'a change caught up late does not make it live');
    source.emit('feed', { following: true });
    assert.equal(badge.dataset.state, 'live');
  }));
