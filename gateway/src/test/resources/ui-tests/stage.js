// A fake server for whole screens and a stage to render them on, with a live connection the test can drive.
import { fakeFetch, withFetch, withLive } from './fakes.js';
import * as live from '/js/live.js';
import { forgetDrafts } from '/js/drafts.js';

const freshness = { asOf: new Date().toISOString(), lagMs: 3, stale: false };
const TICKET = { id: 7, title: 'Lift stuck', description: 'Between floors', status: 'OPEN', priority: 'HIGH',
  category: 'FACILITY', categorySource: 'AUTO', categoryConfidence: 0.9, version: 2, reporterName: 'Ann',
  openedAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z' };

function server(url, init) {
  const path = url.split('?')[0];
  if (path === '/api/tickets' && init.method === 'POST') {
    // Every new ticket is refused, naming a field, so the form stays for a retry.
    return new Response('{"detail":"title: too long","field":"title"}',
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
  }
  if (path === '/api/tickets/notifications') return { enabled: false };
  if (path === '/api/tickets/counts') {
    return { byStatus: { OPEN: 4, ACTIVE: 2, CLOSED: 9 }, byView: { mine: 1, unassigned: 3, all: 4 } };
  }
  if (path === '/api/tickets/7/read' || path === '/api/tickets/9/read') return new Response(null, { status: 204 });
  if (path === '/api/tickets/solved') {
    return [{ ticketId: 9, title: 'Radiator cold', closedBy: 'Bo', closedAt: '2026-03-01T14:21:00Z', lastAnswer: null }];
  }
  if (path === '/api/tickets/7/assignee') return { ...TICKET, status: 'ACTIVE', assignee: 'Bo', version: 3 };
  if (path === '/api/tickets') return { items: [TICKET], page: 0, size: 20, total: 1 };
  if (path === '/api/tickets/7') return TICKET;
  if (path.endsWith('/messages') || path.endsWith('/history') || path.endsWith('/attachments')) return [];
  if (path.endsWith('/status')) return { ...TICKET, status: 'ACTIVE', version: 3 };
  if (path === '/api/analytics/active-by-category') {
    return { categories: [{ category: 'IT', active: 2, open: 4 }], total: 2, openTotal: 4, ...freshness };
  }
  if (path === '/api/analytics/open-period') return { unclosed: 5, byCategory: { IT: 5 }, ...freshness };
  if (path === '/api/tickets/similar') return { items: [{ id: 41, title: 'Eduroam down in the library', followers: 12, score: 0.9 }] };
  if (path === '/api/tickets/classify') return { category: 'IT', confidence: 0.81, needsReview: false, suggestedPriority: 'HIGH' };
  if (path === '/api/tokens') {
    return [{ name: 'powerbi', role: 'ANALYST', owner: 'Sam', createdAt: '2026-03-01T10:00:00Z',
      expiresAt: '2026-06-01T10:00:00Z', active: true }];
  }
  if (path === '/api/integrations' && (init.method || 'GET') === 'GET') {
    return [{ name: 'bms', createdBy: 'Sam', createdAt: '2026-03-01T10:00:00Z', revokedAt: null, active: true,
      intakeUrl: '/api/intake/bms' }, { name: 'old-bms', createdBy: 'Sam', createdAt: '2026-02-01T10:00:00Z',
      revokedAt: '2026-02-20T10:00:00Z', active: false, intakeUrl: '/api/intake/old-bms' }];
  }
  if (path === '/api/analytics/resolution-time') return { months: [{ month: '2026-03', closed: 1, averageHours: 2 }], ...freshness };
  if (path === '/api/analytics/first-response') {
    return { months: [{ month: '2026-03', responded: 3, averageHours: 2, medianHours: 2.5, p90Hours: 4 }],
      last30Days: { responded: 4, medianHours: 1.5 }, ...freshness };
  }
  if (path === '/api/analytics/sla') {
    return { months: [{ month: '2026-03', tickets: 3, firstResponseMet: 2, firstResponseBreached: 1, resolutionMet: 1,
      resolutionBreached: 0, attainment: 0.75 }], breachedNow: 6, ...freshness };
  }
  if (path === '/api/analytics/volume') {
    return { days: [{ date: '2026-03-01', opened: 2, closed: 1, backlog: 5 }, { date: '2026-03-02', opened: 1, closed: 2, backlog: 4 }],
      ...freshness };
  }
  if (path === '/api/analytics/incidents') {
    return { incidents: [{ id: 41, category: 'IT', status: 'ACTIVE', openedAt: '2026-03-01T08:00:00Z', closedAt: null,
      linked: 57 }], linkedTotal: 57, ...freshness };
  }
  if (path === '/api/analytics/workload') {
    return { assignees: [{ assignee: 'Bea', active: 1, closedLast30Days: 7, medianFirstResponseHours: 2, medianResolutionHours: 9 },
      { assignee: 'Al', active: 3, closedLast30Days: 2, medianFirstResponseHours: null, medianResolutionHours: 4 }],
    unassigned: 5, ...freshness };
  }
  if (path === '/api/classifier' && (init.method || 'GET') === 'GET') {
    return { corrections: 12, shipped: false, modelCorrections: 9, trainedAt: '2026-03-01T10:00:00Z', heldBack: 3,
      accuracy: 2 / 3, correctionsNeeded: 6 };
  }
  if (path === '/api/classifier/retrain') {
    return new Response(JSON.stringify({ detail: 'Retrain refused: it would lower the accuracy.', before: 0.9, after: 0.5,
      heldBack: 10, used: 40, applied: false }), { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
  }
  return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Renders a screen into the stage with the fake server; `fn(stage, fake, source)` checks it; then cleans up.
 * `answer(url, init)` may answer a request differently (undefined: the fake server answers).
 */
export async function onStage(module, ctx, fn, answer = () => undefined) {
  const fake = fakeFetch((url, init) => answer(url, init) ?? server(url, init));
  const stage = document.getElementById('stage');
  const hash = location.hash;
  await withLive(live, source => withFetch(fake, async () => {
    const screen = await import(module);
    const cleanup = await screen.render(stage, { params: [], query: new URLSearchParams(), ...ctx });
    try {
      await fn(stage, fake, source);
    } finally {
      if (cleanup) cleanup();
      stage.replaceChildren();
      history.replaceState(null, '', hash || '#');
      // What one test typed is kept as a draft (drafts.js); the next test's form starts empty, as a new tab's would.
      forgetDrafts();
    }
  }));
}

export const burst = (source, n, ticketId = 7) => {
  for (let i = 0; i < n; i++) source.emit('change', { cursor: `c${i}`, type: 'EDITED', ticketId });
};
// Long enough that a second refresh, had a burst scheduled one (e.g. 1.5 s after it), would be counted.
export const AFTER_A_BURST_MS = 2000;
