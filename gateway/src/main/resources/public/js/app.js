// The shell: asks who is signed in, draws the navigation for that role and maps #/hash routes to screens, so
// reload and the back button work. Each screen module exports render(container, ctx) and may return a cleanup.
import { api, onUnauthorized } from './api.js';
import { h, mount, errorBox, loading } from './dom.js';
import { connectLive, disconnectLive } from './live.js';
import { setUpMenu } from './menu.js';

const ROLE_TEXT = { STUDENT: 'Student', STAFF: 'Helpdesk staff', ANALYST: 'Analyst' };
const NAV = {
  STUDENT: [['#/report', 'Report a problem'], ['#/tickets', 'Tickets']],
  STAFF: [['#/tickets', 'Queue'], ['#/report', 'Report a problem'], ['#/dashboard', 'Dashboard'], ['#/tokens', 'Tokens & integrations']],
  ANALYST: [['#/dashboard', 'Dashboard'], ['#/tickets', 'Tickets']],
};
const HOME = { STUDENT: '#/report', STAFF: '#/tickets', ANALYST: '#/dashboard' };

const ROUTES = [
  [/^#\/signin$/, () => import('./screens/signin.js'), null],
  [/^#\/about$/, () => import('./screens/about.js'), null],
  [/^#\/report$/, () => import('./screens/report.js'), ['STUDENT', 'STAFF']],
  // Analysts read the queue and tickets (the dashboard's click-through); the screens offer them no change.
  [/^#\/tickets$/, () => import('./screens/tickets.js'), ['STUDENT', 'STAFF', 'ANALYST']],
  [/^#\/tickets\/(\d+)$/, () => import('./screens/ticket.js'), ['STUDENT', 'STAFF', 'ANALYST']],
  [/^#\/dashboard$/, () => import('./screens/dashboard.js'), ['STAFF', 'ANALYST']],
  [/^#\/tokens$/, () => import('./screens/tokens.js'), ['STAFF']],
  [/^#\/mail-settings$/, () => import('./screens/mail-settings.js'), ['STAFF']],
];

let session = { signedIn: false };
let cleanup = null;
let renderSeq = 0;

export function currentSession() { return session; }

export async function refreshSession() {
  session = await api('/api/session');
  drawChrome();
  if (session.signedIn) connectLive(); else disconnectLive();
  return session;
}

export async function signOut() {
  await api('/api/session', { method: 'DELETE' }).catch(() => null);
  await refreshSession();
  location.hash = '#/signin';
}

function drawChrome() {
  const nav = document.getElementById('nav');
  const links = session.signedIn ? NAV[session.role] || [] : [];
  mount(nav, links.map(([href, text]) => h('a', { href, class: 'nav-link' }, text)));
  markCurrentNav();
  const area = document.getElementById('session-area');
  area.replaceChildren();
  document.getElementById('menu-button').hidden = !session.signedIn;
  if (session.signedIn) {
    area.append(...[h('span', { class: 'who' }, h('span', { class: 'who-name' }, session.name),
      h('span', { class: 'who-role' }, ROLE_TEXT[session.role] || session.role)),
    // Staff find their own mail setting beside their name: it is theirs, not a screen of the desk.
    session.role === 'STAFF' ? h('a', { href: '#/mail-settings', class: 'btn btn-ghost', id: 'mail-settings-link' },
      'My email') : null,
    h('button', { type: 'button', class: 'btn btn-ghost', id: 'sign-out', onclick: signOut }, 'Sign out')]
      .filter(Boolean));
  }
}

function markCurrentNav() {
  const hash = (location.hash || '#/').split('?')[0];
  document.querySelectorAll('#nav a').forEach(a => {
    const here = hash === a.getAttribute('href') || hash.startsWith(`${a.getAttribute('href')}/`);
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

async function route() {
  const seq = ++renderSeq;
  const hash = location.hash || '#/';
  if (cleanup) { try { cleanup(); } catch { /* a screen failing to clean up must not block the next */ } }
  cleanup = null;
  const app = document.getElementById('app');
  if (!session.signedIn && hash !== '#/signin' && hash !== '#/about') {
    sessionStorage.setItem('afterSignIn', hash);
    location.replace('#/signin');
    return;
  }
  if (hash === '#/' || (hash === '#/signin' && session.signedIn)) {
    location.replace(session.signedIn ? HOME[session.role] : '#/signin');
    return;
  }
  const [path, qs] = hash.split('?');
  const match = ROUTES.map(([re, load, roles]) => [re.exec(path), load, roles]).find(([m]) => m);
  markCurrentNav();
  if (!match) {
    mount(app, h('section', { class: 'card' }, h('h1', {}, 'Page not found'),
      h('p', {}, 'There is nothing at this address. '), h('a', { href: '#/' }, 'Go to the start page')));
    return;
  }
  const [m, load, roles] = match;
  if (roles && !roles.includes(session.role)) {
    mount(app, h('section', { class: 'card' }, h('h1', {}, 'Not available for your role'),
      h('p', {}, `As ${ROLE_TEXT[session.role]} you cannot open this page.`), h('a', { href: HOME[session.role] }, 'Go to your start page')));
    return;
  }
  mount(app, loading());
  try {
    const screen = await load();
    if (seq !== renderSeq) return;
    app.replaceChildren();
    cleanup = await screen.render(app, { session, params: m.slice(1), query: new URLSearchParams(qs || ''), refreshSession }) || null;
    const heading = app.querySelector('h1');
    if (heading) document.title = `${heading.textContent} · Campus Helpdesk`;
    if (heading && document.activeElement === document.getElementById('main')) focusHeading(heading);
  } catch (e) {
    if (seq === renderSeq) mount(app, errorBox(e));
  }
}

/**
 * After a navigation a screen reader starts at the new screen's heading, unless the screen put the focus on a field.
 * Only reachable by script (tabindex -1), so the stylesheet draws no ring around it.
 */
function focusHeading(heading) {
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

onUnauthorized(async () => {
  await refreshSession().catch(() => null);
  if (!session.signedIn) location.hash = '#/signin';
});

window.addEventListener('hashchange', () => {
  route();
  document.getElementById('main').focus({ preventScroll: true });
});

setUpMenu(document.getElementById('menu-button'), document.getElementById('menu'));

refreshSession()
  .catch(() => { session = { signedIn: false }; })
  .finally(route);
