// The live connection: one EventSource per page. The server sets each event's id to the feed cursor, so the
// browser's automatic reconnect sends Last-Event-ID and gets what it missed; a "reset" means too much was missed
// and every screen reloads its data.
import { debounce, realClock } from './schedule.js';

import { t } from './i18n.js';

const listeners = new Set();
let source = null;
let refusedHandler = () => {};
/** Told when the server refuses the stream (the session ended, or the gateway answers with an error). */
export function onLiveRefused(handler) { refusedHandler = handler; }
let statusEl = null;
let shownState = null;

// The status says its state in the person's language; the state (not the words) is kept, so that switching the
// language (which sets <html lang>) says the same state again in the new one.
function setStatus(state) {
  shownState = state;
  statusEl = statusEl || document.getElementById('live-status');
  if (!statusEl) return;
  statusEl.hidden = false;
  statusEl.textContent = t(`common.live.${state}`);
  statusEl.dataset.state = state;
}

new MutationObserver(() => { if (source && shownState) setStatus(shownState); })
  .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

export function connectLive() {
  if (source) return;
  source = new EventSource('/api/live');
  setStatus('connecting');
  source.addEventListener('ready', () => setStatus('live'));
  // Whether the gateway itself hears the desk's changes in time: while ticket-service is away or hung, the stream
  // is up but brings nothing, and the badge says updates are delayed instead of "Live".
  source.addEventListener('feed', e => {
    let data;
    try { data = JSON.parse(e.data); } catch { return; }
    setStatus(data.following === false ? 'delayed' : 'live');
  });
  source.addEventListener('change', e => {
    if (shownState !== 'delayed') setStatus('live');
    let data;
    try { data = JSON.parse(e.data); } catch { return; }
    listeners.forEach(l => l({ kind: 'change', ...data }));
  });
  source.addEventListener('reset', () => listeners.forEach(l => l({ kind: 'reset' })));
  // One's own ticket was closed (sent to its reporter only): { ticketId, title, closedBy, closedAt, lastAnswer }.
  source.addEventListener('solved', e => {
    let data;
    try { data = JSON.parse(e.data); } catch { return; }
    listeners.forEach(l => l({ kind: 'solved', ...data }));
  });
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) {
      // The server refused: do not hammer it. The shell finds out whether the session ended (then it says so and
      // leads to the sign-in) or the desk is unreachable for now (then it tries again later).
      setStatus('offline');
      refusedHandler();
    } else {
      setStatus('reconnecting');
    }
  };
  // Seen by browser tests and by anyone curious: the connection is up.
  source.addEventListener('open', () => { document.documentElement.dataset.live = 'open'; });
}

export function disconnectLive() {
  if (source) source.close();
  source = null;
  if (statusEl) statusEl.hidden = true;
  delete document.documentElement.dataset.live;
}

/** Subscribe to live events; returns the unsubscribe function. Screens call it when they unmount. */
export function onLive(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A burst of changes (a bulk close, a busy desk) refreshes a screen once: this long after its last event… */
export const BURST_WAIT_MS = 250;
/** …and, while events keep coming, at least this often. */
export const BURST_MAX_WAIT_MS = 1000;
/**
 * The lists and the dashboard, open on many screens at once, wait longer: with 200 pages open and two reports a
 * second, reloading each page a quarter second after every change made ~100 requests a second and a quarter of them
 * timed out (504). A list shows a change within a second, and at least every 3 s while changes keep coming.
 */
export const LIST_WAIT_MS = 1000;
export const LIST_MAX_WAIT_MS = 3000;
/** After a gateway restart every open page is told `reset` at once: their reloads are spread over this long. */
export const RESET_SPREAD_MS = 3000;

/**
 * Calls `refresh` after live events that `concerns` accepts: once per burst, not once per event; after a `reset`,
 * at a random moment within RESET_SPREAD_MS. Returns the debounced refresh (a screen may call it itself, e.g. when
 * its tab becomes visible); its `stop()` unsubscribes.
 */
export function refreshOnLive(refresh, concerns = () => true,
  { wait = BURST_WAIT_MS, maxWait = BURST_MAX_WAIT_MS, clock = realClock, spread = RESET_SPREAD_MS,
    random = Math.random } = {}) {
  const soon = debounce(refresh, wait, { maxWait, clock });
  let spreading = null;
  const unsubscribe = onLive(e => {
    if (!concerns(e)) return;
    if (e.kind !== 'reset') {
      soon();
    } else if (spreading === null) {
      spreading = clock.setTimeout(() => { spreading = null; soon(); }, random() * spread);
    }
  });
  soon.stop = () => {
    unsubscribe();
    soon.cancel();
    if (spreading !== null) clock.clearTimeout(spreading);
    spreading = null;
  };
  return soon;
}
