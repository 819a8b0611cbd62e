// The ticket page and the ticket list in other languages: drawn in German and in Italian against the fake server,
// they show none of the English words of the `ticket` and `tickets` catalogues; plural forms and due times go
// through the real catalogues; a new message arriving live is said once, without taking the focus. Every test
// returns to English, which the other test files read.
import { test, assert } from './runner.js';
import { onStage } from './stage.js';
import { until } from './wait.js';
import { t } from '/js/i18n.js';
import { inLanguage, catalogue, forms } from './languages.js';
import { relativeDue } from '/js/screens/tickets/due.js';
import { solvedNotice } from '/js/screens/ticket/solved.js';

const AREAS = ['ticket', 'tickets'];
// Words the shared helpers draw (dom.js's status, priority and category badges and names, the status tabs' names,
// its relative times) come from their own areas and are converted and checked there; this file checks the words of
// its two areas.
const SHARED = '.badge[class*="status-"], .badge[class*="priority-"], .badge[class*="category-"], time:not([class]), '
  + '[role=tab]';

/**
 * The English entries the language writes differently, each as a pattern of the whole text (placeholders match
 * anything): a text on a page drawn in that language must match none. An entry the language writes the same way
 * ("Tickets", "SLA" in German) says nothing about which language is shown.
 */
function englishOnly(english, other) {
  const patterns = [];
  for (const [key, value] of Object.entries(english)) {
    const theirs = forms(other[key]);
    // Only entries with a word of their own: "{field} {to}" would match any text with a space, and "in {duration}"
    // Italian's "in ritardo di 7 min" (the French due times are checked on their own below).
    const worded = text => /\p{L}{3}/u.test(text.replace(/\{\w+\}/g, ''));
    forms(value).filter(text => !theirs.includes(text) && worded(text)).forEach(text => {
      const literal = text.trim().split(/\{\w+\}/).map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      patterns.push({ key, text, re: new RegExp(`^${literal.join('.+')}$`, 'su') });
    });
  }
  return patterns;
}

/**
 * What a person reads on a screen in its own words, each text whole: every text node, every element's text (data,
 * translate="no", left out), and the labels a screen reader says or a pointer shows. Whole texts, not words in
 * them: "Take a photo" (another area's) is not this area's "Take".
 */
function shownTexts(root) {
  const skip = el => Boolean(el.closest('[translate="no"]') || el.closest(SHARED));
  const own = el => [...el.childNodes].map(n => (n.nodeType === Node.TEXT_NODE ? n.nodeValue
    : n.nodeType === Node.ELEMENT_NODE && !n.matches('[translate="no"]') ? own(n) : '\u0001')).join('');
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!skip(node.parentElement)) found.push(node.nodeValue);
  }
  [root, ...root.querySelectorAll('*')].filter(el => !skip(el)).forEach(el => {
    found.push(own(el));
    ['aria-label', 'title', 'placeholder'].forEach(a => { if (el.hasAttribute(a)) found.push(el.getAttribute(a)); });
  });
  return [...new Set(found.map(text => text.trim()).filter(Boolean))];
}

/** The English entries some text shows, as "key: text". */
function englishIn(shown, patterns) {
  return patterns.filter(({ re }) => shown.some(text => re.test(text))).map(({ key, text }) => `${key}: ${text}`);
}

const NOW = Date.now();
const MIN = 60000;
const at = minutes => new Date(NOW + minutes * MIN).toISOString();
// A ticket with everything the page can say about it: due times ahead and past, an SLA, a location, an assignee.
const TICKET = { id: 7, title: 'Lift stuck', description: 'Between floors', status: 'ACTIVE', priority: 'HIGH',
  category: 'FACILITY', categorySource: 'STAFF', version: 5, reporterName: 'Ann', location: 'Building C',
  assignee: 'Cy', needsReview: true, previousTicketId: 3, unread: true, openedAt: at(-1), updatedAt: at(-1),
  firstResponseDueAt: at(-30), resolutionDueAt: at(125), sla: { firstResponse: 'BREACHED', resolution: 'AT_RISK' } };
const MESSAGES = [
  { id: 1, author: 'Ann', authorRole: 'STUDENT', body: 'Still stuck', createdAt: at(-1), internal: false },
  { id: 2, author: 'Cy', authorRole: 'STAFF', body: 'On it', createdAt: at(-1), internal: true }];
const HISTORY = [
  { type: 'CREATED', actor: 'Ann', actorRole: 'STUDENT', at: at(-1), changes: [] },
  { type: 'STATUS_CHANGED', actor: 'Cy', actorRole: 'STAFF', at: at(-1),
    changes: [{ field: 'status', from: 'OPEN', to: 'ACTIVE' }, { field: 'assignee', from: null, to: 'Cy' }] },
  { type: 'EDITED', actor: 'Cy', actorRole: 'STAFF', at: at(-1),
    changes: [{ field: 'priority', from: 'LOW', to: 'HIGH' }, { field: 'location', from: null, to: 'Building C' }] },
  { type: 'HANDED_OVER', actor: 'Cy', actorRole: 'STAFF', at: at(-1),
    changes: [{ field: 'assignee', from: 'Bo', to: 'Cy' }] },
];

function ticketAnswers(url) {
  const path = url.split('?')[0];
  if (path === '/api/tickets/7') return TICKET;
  if (path === '/api/tickets/7/messages') return MESSAGES;
  if (path === '/api/tickets/7/history') return HISTORY;
  if (path === '/api/tickets') {
    return { items: [TICKET, { ...TICKET, id: 8, assignee: null, unread: false }], page: 2, size: 20, total: 120 };
  }
  return undefined;
}

for (const lang of ['de', 'it']) {
  test(`the queue drawn in ${lang} shows none of the English words of the ticket list`, async () => {
    const patterns = englishOnly(await catalogue('en', AREAS), await catalogue(lang, AREAS));
    assert.ok(patterns.length > 100, `English texts to look for: ${patterns.length}`);
    await inLanguage(lang, () => onStage('/js/screens/tickets.js', { session: { role: 'STAFF', name: 'Bo' } },
      async stage => {
        await until(() => stage.querySelector('tr[data-ticket-id="8"]'));
        assert.ok(stage.querySelector('tr[data-ticket-id="8"]'), 'the rows are drawn');
        const found = englishIn(shownTexts(stage.querySelector('section.page')), patterns);
        assert.deepEqual(found, [], `English left in ${lang}`);
        assert.equal(stage.querySelector('section.page h1').textContent, t('tickets.page.queueTitle'), 'the heading');
      }, ticketAnswers));
  });

  test(`the ticket page drawn in ${lang} shows none of the English words of a ticket`, async () => {
    const patterns = englishOnly(await catalogue('en', AREAS), await catalogue(lang, AREAS));
    await inLanguage(lang, () => onStage('/js/screens/ticket.js',
      { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async stage => {
        await until(() => stage.querySelectorAll('.timeline > li').length === HISTORY.length);
        stage.querySelector('details.link-to').open = true;
        assert.equal(stage.querySelectorAll('#messages .message').length, 2, 'the messages are drawn');
        const found = englishIn(shownTexts(stage.querySelector('article.ticket')), patterns);
        assert.deepEqual(found, [], `English left in ${lang}`);
        assert.equal(stage.querySelector('#ticket-description').getAttribute('translate'), 'no', 'data untranslated');
      }, ticketAnswers));
  });
}

test('the German history says who changed what in whole German sentences, the data untouched', () =>
  inLanguage('de', () => onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] },
    async stage => {
      await until(() => stage.querySelectorAll('.timeline > li').length === HISTORY.length);
      const lines = [...stage.querySelectorAll('.timeline .changes li')].map(li => li.textContent);
      // The priorities' own words are common's (dom.js label), whichever language that draws them in.
      assert.ok(lines.some(l => /^Priorität: von .+ zu .+ geändert$/.test(l)), lines.join(' | '));
      assert.ok(lines.includes('Von Bo an Cy übergeben'), lines.join(' | '));
      assert.equal(stage.querySelector('.timeline .changes [translate="no"]').textContent, 'Cy', 'a name is data');
    }, ticketAnswers)));

test('counts choose the plural form of the language through the real keys', async () => {
  const closure = id => ({ ticketId: id, title: `Radiator ${id}`, closedBy: 'Bo', closedAt: new Date().toISOString() });
  await inLanguage('it', () => {
    assert.ok(solvedNotice([closure(1)]).textContent.startsWith('1 dei tuoi ticket è stato risolto'),
      solvedNotice([closure(1)]).textContent);
    assert.ok(solvedNotice([closure(1), closure(2)]).textContent.startsWith('2 dei tuoi ticket sono stati risolti'),
      solvedNotice([closure(1), closure(2)]).textContent);
  });
  await inLanguage('de', () => {
    assert.equal(t('ticket.news.many', { count: 1 }), '1 neue Nachricht');
    assert.equal(t('ticket.news.many', { count: 3 }), '3 neue Nachrichten');
    assert.equal(t('tickets.due.days', { count: 1 }), '1 Tag');
    assert.equal(t('tickets.due.days', { count: 1200 }), '1.200 Tagen', 'a number written the German way');
  });
});

test('a due time in French: ahead, overdue, in hours and minutes and in days', async () => {
  const now = Date.parse('2026-03-02T12:00:00Z');
  const due = minutes => new Date(now + minutes * MIN).toISOString();
  await inLanguage('fr', () => {
    assert.equal(relativeDue(due(40), now), 'dans 40 min');
    assert.equal(relativeDue(due(125), now), 'dans 2 h 5 min');
    assert.equal(relativeDue(due(-7), now), 'en retard de 7 min');
    assert.equal(relativeDue(due(3 * 1440), now), 'dans 3 jours');
    assert.equal(relativeDue(due(0.2), now), 'à échéance maintenant');
  });
  assert.equal(relativeDue(due(3 * 1440), now), 'in 3 days', 'and English again');
});

test('a new message arriving live is said once in a polite region, and the focus stays where it was', () => {
  let messages = MESSAGES.slice(0, 1);
  return onStage('/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] },
    async (stage, fake, source) => {
      const news = stage.querySelector('#message-news');
      assert.equal(news.getAttribute('aria-live'), 'polite', 'a polite live region');
      assert.equal(news.textContent, '', 'nothing said on opening');
      assert.equal(stage.querySelector('#messages').getAttribute('aria-live'), null,
        'the list itself is not read out again on every redraw');
      const typing = stage.querySelector('#message-text');
      typing.focus();
      messages = [...messages, { id: 3, author: 'Cy', authorRole: 'STAFF', body: 'Fixed?', createdAt: at(0) }];
      source.emit('change', { cursor: 'c1', type: 'MESSAGE_ADDED', ticketId: 7 });
      await until(() => stage.querySelectorAll('#messages .message').length === 2);
      assert.equal(news.textContent, 'New message from Cy', 'said');
      assert.equal(document.activeElement, typing, 'the focus stays in the message box');
      source.emit('change', { cursor: 'c2', type: 'EDITED', ticketId: 7 });
      await until(() => fake.calls.filter(c => c === 'GET /api/tickets/7/messages').length === 3);
      assert.equal(news.textContent, 'New message from Cy', 'nothing new, nothing said again');
    }, url => (url.split('?')[0] === '/api/tickets/7/messages' ? messages : ticketAnswers(url)));
});

test('taking a ticket moves the focus to the status line, which says the new status', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async stage => {
    stage.querySelector('[data-action="take"]').click();
    await until(() => document.activeElement && document.activeElement.id === 'ticket-status-line');
    assert.equal(document.activeElement.id, 'ticket-status-line', 'focus on the status line');
  }));

test('a new message arriving below the screen shows a toast too, which screen readers skip', () => {
  let messages = MESSAGES.slice(0, 1);
  return onStage('/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] },
    async (stage, fake, source) => {
      // As on a phone: the conversation lies screens below the top of the ticket.
      stage.querySelector('.ticket-grid').style.minHeight = `${window.innerHeight * 3}px`;
      messages = [...messages, { id: 3, author: 'Cy', authorRole: 'STAFF', body: 'Fixed?', createdAt: at(0) }];
      source.emit('change', { cursor: 'c1', type: 'MESSAGE_ADDED', ticketId: 7 });
      await until(() => [...document.querySelectorAll('#toasts .toast')].some(e => e.textContent === 'New message from Cy'));
      const shown = [...document.querySelectorAll('#toasts .toast')].find(e => e.textContent === 'New message from Cy');
      assert.ok(shown, 'a toast');
      assert.equal(shown.getAttribute('aria-hidden'), 'true', 'the polite region says it already');
    }, url => (url.split('?')[0] === '/api/tickets/7/messages' ? messages : ticketAnswers(url)));
});
