// The dashboard, the tokens and integrations screen and the mail setting in German and Spanish: no English text of
// their catalogues left (data such as names stays, inside translate="no"), every chart with its numbers beside it,
// and figures written the language's way. Each test returns to English, which the other test files read.
import { test, assert, sleep } from './runner.js';
import { onStage } from './stage.js';
import { t, useLanguage } from '/js/i18n.js';

const AREAS = ['dashboard', 'admin'];

async function inLanguage(lang, fn) {
  await useLanguage(lang);
  try { return await fn(); } finally { await useLanguage('en'); }
}

async function catalogue(lang) {
  const parts = await Promise.all(AREAS.map(area => fetch(`/i18n/${lang}/${area}.json`).then(r => r.json())));
  return Object.assign({}, ...parts);
}

const forms = value => (typeof value === 'object' ? Object.values(value) : [value]);

/**
 * The English pieces a screen in `lang` must not show: of every key whose English differs from the language's, the
 * text between its placeholders (pieces of four letters or more, as whole words: "Tage" must not match "days").
 */
async function englishLeftovers(lang) {
  const [english, own] = await Promise.all([catalogue('en'), catalogue(lang)]);
  const pieces = new Set();
  for (const [key, value] of Object.entries(english)) {
    const theirs = new Set(forms(own[key]));
    for (const text of forms(value).filter(v => !theirs.has(v))) {
      text.split(/\{\w+\}/).map(p => p.trim()).filter(p => (p.match(/\p{L}/gu) || []).length >= 4)
        .forEach(p => pieces.add(p));
    }
  }
  return [...pieces];
}

/** What a person reads on the stage, data (translate="no") left out: text, labels, titles, placeholders. */
function shownText(root) {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (el.closest('[translate="no"]')) continue;
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent);
    else ['aria-label', 'title', 'placeholder'].forEach(a => node.hasAttribute(a) && out.push(node.getAttribute(a)));
  }
  return out.join('\n');
}

function assertNoEnglish(text, pieces, what) {
  const escape = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const left = pieces.filter(p => new RegExp(`(^|[^\\p{L}])${escape(p)}($|[^\\p{L}])`, 'u').test(text));
  assert.deepEqual(left, [], `English left on ${what}`);
}

for (const lang of ['de', 'es']) {
  test(`the dashboard in ${lang} shows none of its English texts`, () => inLanguage(lang, async () => {
    const pieces = await englishLeftovers(lang);
    assert.ok(pieces.length > 100, `English pieces to look for: ${pieces.length}`);
    await onStage('/js/screens/dashboard.js', { session: { role: 'STAFF' } }, async stage => {
      await sleep(50);
      assert.equal(stage.querySelector('.dashboard h1').textContent, t('dashboard.title'), 'heading');
      assertNoEnglish(shownText(stage), pieces, 'the dashboard');
      const toggle = stage.querySelector('#count-outage-once');
      toggle.checked = true;
      toggle.dispatchEvent(new Event('change'));
      await sleep(50);
      // Category, status and "opened … ago" of an incident are dom.js's words (the common area), not this screen's.
      const incidents = stage.querySelector('#panel-incidents').cloneNode(true);
      incidents.querySelectorAll('tbody td:nth-child(2), tbody td:nth-child(3), tbody td:nth-child(4)')
        .forEach(td => td.remove());
      assert.ok(incidents.querySelector('#incidents-linked'), 'the incidents panel is shown');
      assertNoEnglish(shownText(incidents), pieces, 'the incidents panel');
      stage.querySelector('#classifier-retrain').click();
      await sleep(100);
      assert.ok(stage.querySelector('#classifier-outcome').textContent.length > 0, 'a retrain\'s outcome');
      assertNoEnglish(shownText(stage.querySelector('#panel-classifier')), pieces, 'the classifier');
    });
  }));

  test(`the tokens and integrations screen in ${lang} shows none of its English texts, names kept as they are`,
    () => inLanguage(lang, async () => {
      const pieces = await englishLeftovers(lang);
      await onStage('/js/screens/tokens.js', { session: { role: 'STAFF' } }, async stage => {
        await sleep(50);
        assert.ok(stage.querySelector('#integrations-table'), 'the integrations are listed');
        assertNoEnglish(shownText(stage), pieces, 'the tokens screen');
        const names = [...stage.querySelectorAll('[translate="no"]')].map(e => e.textContent);
        ['powerbi', 'bms', 'old-bms', '/api/intake/bms'].forEach(n => assert.ok(names.includes(n), `${n} kept as data`));
        assert.ok(stage.textContent.includes(t('admin.integrations.state.live')), 'the live state in the language');
      });
    }));

  test(`the mail setting in ${lang} shows none of its English texts`, () => inLanguage(lang, async () => {
    const pieces = await englishLeftovers(lang);
    await onStage('/js/screens/mail-settings.js', { session: { role: 'STAFF' } }, async stage => {
      assert.equal(stage.querySelector('h1').textContent, t('admin.mail.title'), 'heading');
      assertNoEnglish(shownText(stage), pieces, 'the mail setting');
    }, url => (url.startsWith('/api/tickets/notifications/me') ? { email: 'mia@staff.campus.test', enabled: true }
      : undefined));
  }));
}

test('every chart is an image with a label in the language, described by a table of its numbers', () => inLanguage('de',
  () => onStage('/js/screens/dashboard.js', { session: { role: 'ANALYST' } }, async stage => {
    const canvases = [...stage.querySelectorAll('canvas')];
    assert.equal(canvases.length, 6, 'charts');
    for (const canvas of canvases) {
      const name = canvas.closest('.panel').id;
      assert.equal(canvas.getAttribute('role'), 'img', `${name}: role`);
      assert.ok(canvas.getAttribute('aria-label').length > 20, `${name}: a label`);
      const numbers = stage.querySelector(`#${canvas.getAttribute('aria-describedby')}`);
      assert.ok(numbers && numbers.tagName === 'TABLE', `${name}: a table of its numbers`);
      const rows = [...numbers.querySelectorAll('tbody tr')];
      assert.ok(rows.length > 0 && rows.every(r => /\d/.test(r.textContent)), `${name}: numbers in every row`);
      assert.ok(numbers.querySelector('caption').textContent.length > 0, `${name}: a caption`);
    }
    const open = stage.querySelector('#panel-open-period canvas').getAttribute('aria-label');
    assert.ok(open.includes('Zeitraum: 24 Stunden') && open.includes('IT: 5'), open);
    assert.equal(stage.querySelector('#numbers-volume tbody tr').textContent, '2026-03-01215', 'the volume, per day');
  })));

test('figures and durations are written the German way', () => inLanguage('de', () => onStage(
  '/js/screens/dashboard.js', { session: { role: 'ANALYST' } }, async stage => {
    assert.equal(stage.querySelector('#kpi-open-now .kpi-value').textContent, '1.234', 'a number');
    assert.equal(stage.querySelector('#kpi-median-first-response .kpi-value').textContent, '1,5 Std.', 'a duration');
    assert.equal(stage.querySelector('#kpi-median-first-response .kpi-note').textContent, 'letzte 30 Tage, 4 beantwortet',
      'its note');
    const sla = stage.querySelector('#numbers-sla tbody tr').lastElementChild.textContent;
    assert.equal(sla, '75 %', 'a share');
    const workload = [...stage.querySelectorAll('#workload-table tbody tr')].find(r => r.dataset.assignee === 'Bea');
    assert.equal(workload.children[4].textContent, '9,0 Std.', 'a median resolution');
  }, url => (url.startsWith('/api/analytics/active-by-category')
    ? { categories: [{ category: 'IT', active: 2, open: 1234 }], total: 2, openTotal: 1234,
      asOf: new Date().toISOString(), lagMs: 3, stale: false } : undefined))));

test('counts choose their plural form through the catalogue', () => inLanguage('de', () => {
  assert.equal(t('dashboard.workload.unassigned', { count: 1 }), '{unassigned} offenes Ticket, das niemand übernommen hat.');
  assert.equal(t('dashboard.workload.unassigned', { count: 3 }), '{unassigned} offene Tickets, die niemand übernommen hat.');
  assert.equal(t('dashboard.kpi.firstResponse.last30', { count: 0 }), 'letzte 30 Tage, keine beantwortet');
  assert.equal(t('dashboard.period.days', { count: 1 }), 'Tag');
  assert.equal(t('dashboard.period.days', { count: 30 }), '30 Tage');
}));
