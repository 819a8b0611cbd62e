// The live connection: one EventSource per page. The server sets each event's id to the feed cursor, so the
// browser's automatic reconnect sends Last-Event-ID and gets what it missed; a "reset" means too much was missed
// and every screen reloads its data.
import { debounce } from './schedule.js';

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
  source.addEventListener('change', e => {
    setStatus('live');
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
 * Calls `refresh` after live events that `concerns` accepts: once per burst, not once per event. Returns the
 * debounced refresh (a screen may call it itself, e.g. when its tab becomes visible); its `stop()` unsubscribes.
 */
export function refreshOnLive(refresh, concerns = () => true,
  { wait = BURST_WAIT_MS, maxWait = BURST_MAX_WAIT_MS, clock } = {}) {
  const soon = debounce(refresh, wait, { maxWait, clock });
  const unsubscribe = onLive(e => { if (concerns(e)) soon(); });
  soon.stop = () => {
    unsubscribe();
    soon.cancel();
  };
  return soon;
}
