// The live connection: one EventSource per page. The server sets each event's id to the feed cursor, so the
// browser's automatic reconnect sends Last-Event-ID and gets what it missed; a "reset" means too much was missed
// and every screen reloads its data.

const listeners = new Set();
let source = null;
let statusEl = null;

function setStatus(text, state) {
  statusEl = statusEl || document.getElementById('live-status');
  if (!statusEl) return;
  statusEl.hidden = false;
  statusEl.textContent = text;
  statusEl.dataset.state = state;
}

export function connectLive() {
  if (source) return;
  source = new EventSource('/api/live');
  setStatus('Connecting…', 'connecting');
  source.addEventListener('ready', () => setStatus('Live', 'live'));
  source.addEventListener('change', e => {
    setStatus('Live', 'live');
    let data;
    try { data = JSON.parse(e.data); } catch { return; }
    listeners.forEach(l => l({ kind: 'change', ...data }));
  });
  source.addEventListener('reset', () => listeners.forEach(l => l({ kind: 'reset' })));
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) {
      // The server refused (e.g. the session ended): do not hammer it.
      setStatus('Offline', 'offline');
    } else {
      setStatus('Reconnecting…', 'reconnecting');
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
