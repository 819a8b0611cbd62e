// The shell: asks who is signed in, draws the navigation for that role and maps #/hash routes to screens, so
// reload and the back button work. Each screen module exports render(container, ctx) and may return a cleanup.
import { api, onUnauthorized, onForbidden, SESSION_ENDED } from './api.js';
import { h, mount, errorBox, loading, toast } from './dom.js';
import { connectLive, disconnectLive, onLiveRefused } from './live.js';
import { setUpMenu } from './menu.js';
import { fitHeader, keepHeaderFitted } from './header-fit.js';
import { forgetDrafts } from './drafts.js';
import { LANGUAGES, LANGUAGE_NAMES, currentLanguage, preferredLanguage, t, useLanguage } from './i18n.js';
import { keepFocusThroughDisabling } from './focus-keeper.js';
import { choosingLanguage, sameControl } from './language-picker.js';
import { titleFrom, focusHeading } from './heading.js';
import { listAddress } from './screens/tickets/state.js';

// The navigation of each role: where each entry leads and the catalogue key of its words.
const NAV = {
  // A student comes to the list for their own tickets (the report's confirmation says "under My tickets"); All is one
  // press away there.
  STUDENT: [['#/report', 'common.nav.report'], [listAddress('STUDENT'), 'common.nav.tickets']],
  STAFF: [[listAddress('STAFF'), 'common.nav.queue'], ['#/report', 'common.nav.report'],
    ['#/dashboard', 'common.nav.dashboard'], ['#/tokens', 'common.nav.tokens']],
  ANALYST: [['#/dashboard', 'common.nav.dashboard'], [listAddress('ANALYST'), 'common.nav.queue']],
};

/** A role in words (Student, Helpdesk staff, Analyst). */
export function roleText(role) {
  return t(`common.role.${role}`);
}
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
/** Who the screen shown was drawn for (whoIs), set as each screen is drawn. */
let drawnFor = null;
/** The address of the screen last routed to. */
let shownHash = '#/';
let sessionAskedAt = 0;
/** A signed-out page asks again before it sends anyone to sign in, unless it asked this recently. */
const SESSION_FRESH_MS = 2000;

export function currentSession() { return session; }

export async function refreshSession() {
  sessionAskedAt = Date.now();
  session = await api('/api/session');
  drawChrome();
  if (session.signedIn) connectLive(); else disconnectLive();
  return session;
}

export async function signOut() {
  forgetDrafts();
  await api('/api/session', { method: 'DELETE' }).catch(() => null);
  await refreshSession();
  location.hash = '#/signin';
}

function drawChrome() {
  drawStaticWords();
  const nav = document.getElementById('nav');
  const links = session.signedIn ? NAV[session.role] || [] : [];
  mount(nav, links.map(([href, key]) => h('a', { href, class: 'nav-link' }, t(key))));
  markCurrentNav();
  const area = document.getElementById('session-area');
  area.replaceChildren();
  document.getElementById('menu-button').hidden = !session.signedIn;
  if (session.signedIn) {
    area.append(...[h('span', { class: 'who' }, h('span', { class: 'who-name', translate: 'no', title: session.name }, session.name),
      h('span', { class: 'who-role' }, roleText(session.role))),
    // Staff find their own mail setting beside their name: it is theirs, not a screen of the desk.
    session.role === 'STAFF' ? h('a', { href: '#/mail-settings', class: 'btn btn-ghost', id: 'mail-settings-link' },
      t('common.myEmail')) : null,
    h('button', { type: 'button', class: 'btn btn-ghost', id: 'sign-out', onclick: signOut }, t('common.signOut'))]
      .filter(Boolean));
  }
  fitHeader(document.querySelector('.topbar'));
}

function markCurrentNav() {
  const hash = (location.hash || '#/').split('?')[0];
  document.querySelectorAll('#nav a').forEach(a => {
    const target = a.getAttribute('href').split('?')[0];
    const here = hash === target || hash.startsWith(`${target}/`);
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

async function route() {
  const seq = ++renderSeq;
  const hash = location.hash || '#/';
  shownHash = hash;
  drawnFor = whoIs(session);
  if (cleanup) { try { cleanup(); } catch { /* a screen failing to clean up must not block the next */ } }
  cleanup = null;
  const app = document.getElementById('app');
  if (!session.signedIn && hash !== '#/about' && Date.now() - sessionAskedAt > SESSION_FRESH_MS) {
    // Another tab may have signed in since this one last asked (the cookie is theirs in common): without asking,
    // every link of this tab led to the sign-in screen until it was reloaded.
    try { await refreshSession(); } catch { /* out of reach: the sign-in screen says so when it is used */ }
    if (seq !== renderSeq) return;
  }
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
    mount(app, h('section', { class: 'card' }, h('h1', {}, t('common.notFound.title')),
      h('p', {}, t('common.notFound.text')), h('a', { href: '#/' }, t('common.notFound.start'))));
    titleFrom(app);
    return;
  }
  const [m, load, roles] = match;
  if (roles && !roles.includes(session.role)) {
    mount(app, h('section', { class: 'card' }, h('h1', {}, t('common.notForRole.title')),
      h('p', {}, t('common.notForRole.text', { role: roleText(session.role) })),
      h('a', { href: HOME[session.role] }, t('common.notForRole.start'))));
    titleFrom(app);
    return;
  }
  mount(app, loading());
  // Until the screen has its heading, the tab says that it is loading rather than the name of the screen left.
  document.title = `${t('common.loading')} · ${t('common.product')}`;
  try {
    const screen = await load();
    if (seq !== renderSeq) return;
    app.replaceChildren();
    const done = await screen.render(app, { session, params: m.slice(1), query: new URLSearchParams(qs || ''),
      refreshSession }) || null;
    if (seq !== renderSeq) {
      // Left while its first load was awaited: the next route found no cleanup to run, so this screen's live
      // listeners (the list's refresh, its solved regions) are stopped here rather than outliving it.
      if (done) { try { done(); } catch { /* as above */ } }
      return;
    }
    cleanup = done;
    const heading = titleFrom(app);
    if (heading && document.activeElement === document.getElementById('main')) focusHeading(heading);
  } catch (e) {
    if (seq === renderSeq) mount(app, errorBox(e));
  }
}

/**
 * A 401 or a 403, or the live stream refused: if someone else signed in at this browser meanwhile, the page is drawn
 * again for them (drawAgainFor). If the session is gone (expired, signed out in another tab, the session secret
 * changed), the person is told so on the sign-in screen and comes back to this page after signing in. Otherwise
 * the desk is only unreachable for now: the live connection is tried again in a while.
 */
async function checkSession({ liveRefused = false } = {}) {
  const before = session;
  const retryLive = () => setTimeout(() => { if (session.signedIn) { disconnectLive(); connectLive(); } },
    LIVE_RETRY_MS);
  try {
    await refreshSession();
  } catch {
    if (liveRefused) retryLive();
    return;
  }
  if (session.signedIn) {
    // Against who the page was drawn for, not who was signed in before this check: three refusals at once (the
    // queue's list and counts) all began before the first redraw, and drew the page three times.
    if (before.signedIn && drawnFor && drawnFor !== whoIs(session)) {
      drawAgainFor(session);
      return;
    }
    if (liveRefused) retryLive();
    return;
  }
  if (!before.signedIn) return;
  try { sessionStorage.setItem(SESSION_ENDED, '1'); } catch { /* private mode: the server's `ended` still says it */ }
  const hash = location.hash || '#/';
  if (hash !== '#/signin') {
    sessionStorage.setItem('afterSignIn', hash);
    location.hash = '#/signin';
  }
}
/** How long an unreachable desk is left alone before the live connection is tried again. */
const LIVE_RETRY_MS = 15000;

/**
 * Someone else is signed in at this browser than the page was drawn for (another tab signed in as an analyst over a
 * staff page, which went on offering staff's buttons and answered each with "not allowed"): the live stream and the
 * screen start again as theirs.
 */
function drawAgainFor(now) {
  disconnectLive();
  connectLive();
  // From the top of the page, as after a navigation: the button pressed is gone, and the focus with it.
  document.getElementById('main').focus();
  route();
  toast(t('common.session.someoneElse', { name: now.name, role: roleText(now.role) }));
}

/** Who a page is drawn for: the person signed in, by role and name (none when nobody is). */
function whoIs(s) {
  return s && s.signedIn ? `${s.role}:${s.name}` : null;
}

onUnauthorized(() => checkSession());
// A refusal may be the first sign of another person's sign-in (checkSession draws the page again for them).
onForbidden(() => checkSession());
onLiveRefused(() => checkSession({ liveRefused: true }));

window.addEventListener('hashchange', () => {
  // Every screen's address starts with "#/"; anything else (a fragment link from a pasted text) is no navigation,
  // and the address goes back to the screen shown, so that a reload shows it again.
  if (location.hash && !location.hash.startsWith('#/')) {
    history.replaceState(null, '', shownHash);
    return;
  }
  route();
  document.getElementById('main').focus({ preventScroll: true });
});

/** The words of the page around the screens (index.html), in the current language. */
function drawStaticWords() {
  const text = (id, key) => { const el = document.getElementById(id); if (el) el.textContent = t(key); };
  text('skip-link', 'common.skipToContent');
  text('language-label', 'common.language');
  text('menu-text', 'common.menu');
  text('about-link', 'common.aboutLink');
  text('first-loading', 'common.loading');
  document.querySelector('.brand-name').textContent = t('common.product');
  document.getElementById('nav').setAttribute('aria-label', t('common.nav.label'));
  const picker = document.getElementById('language');
  if (!picker.options.length) {
    picker.append(...LANGUAGES.map(lang => h('option', { value: lang, lang }, LANGUAGE_NAMES[lang])));
  }
  picker.value = currentLanguage();
}

/**
 * Switching the language draws the page again in it: the screen is rendered anew as on a reload, and the focus
 * stays on the switch (or goes to the control the person moved to from it) so that a keyboard or screen-reader user
 * is where they were.
 */
async function switchLanguage(lang, { focusAfter = null } = {}) {
  const picker = document.getElementById('language');
  try {
    await useLanguage(lang, { remember: true });
  } catch {
    // Its words did not come (the desk out of reach for a moment): the switch goes back to the language the page
    // still speaks, and says so in it, rather than name a language the page is not in.
    picker.value = currentLanguage();
    toast(t('common.languageFailed', { language: LANGUAGE_NAMES[lang] ?? lang }), 'error');
    return;
  }
  drawChrome();
  await route();
  const next = focusAfter ? sameControl(focusAfter) : document.getElementById('language');
  if (next) next.focus({ preventScroll: true });
}

setUpMenu(document.getElementById('menu-button'), document.getElementById('menu'));
keepFocusThroughDisabling();
keepHeaderFitted(document.querySelector('.topbar'));
choosingLanguage(document.getElementById('language'), switchLanguage);
// The skip link moves the focus, not the address: "#main" is no screen of the router's.
document.getElementById('skip-link').addEventListener('click', e => {
  e.preventDefault();
  document.getElementById('main').focus();
});

useLanguage(preferredLanguage())
  .catch(() => useLanguage('en'))
  .catch(() => null)
  .then(() => { drawStaticWords(); return refreshSession(); })
  .catch(() => { session = { signedIn: false }; })
  .finally(route);
