// The dashboard, the tokens and integrations screen and the mail setting in German and Spanish: no English text of
// their catalogues left (data such as names stays, inside translate="no"), every chart with its numbers beside it,
// and figures written the language's way. Each test returns to English, which the other test files read.
import { test, assert, sleep } from './runner.js';
import { onStage } from './stage.js';
import { until } from './wait.js';
import { t } from '/js/i18n.js';
import { inLanguage, englishPieces, readableText, assertNoEnglish } from './languages.js';

const AREAS = ['dashboard', 'admin'];
for (const lang of ['de', 'es']) {
  test(`the dashboard in ${lang} shows none of its English texts`, () => inLanguage(lang, async () => {
    const pieces = await englishPieces(AREAS, lang);
    assert.ok(pieces.length > 100, `English pieces to look for: ${pieces.length}`);
    await onStage('/js/screens/dashboard.js', { session: { role: 'STAFF' } }, async stage => {
      await sleep(50);
      assert.equal(stage.querySelector('.dashboard h1').textContent, t('dashboard.title'), 'heading');
      assertNoEnglish(readableText(stage), pieces, 'the dashboard');
      const toggle = stage.querySelector('#count-outage-once');
      toggle.checked = true;
      toggle.dispatchEvent(new Event('change'));
      await sleep(50);
      // Category, status and "opened … ago" of an incident are dom.js's words (the common area), not this screen's.
      const incidents = stage.querySelector('#panel-incidents').cloneNode(true);
      incidents.querySelectorAll('tbody td:nth-child(2), tbody td:nth-child(3), tbody td:nth-child(4)')
        .forEach(td => td.remove());
      assert.ok(incidents.querySelector('#incidents-linked'), 'the incidents panel is shown');
      assertNoEnglish(readableText(incidents), pieces, 'the incidents panel');
      stage.querySelector('#classifier-retrain').click();
      await sleep(100);
      assert.ok(stage.querySelector('#classifier-outcome').textContent.length > 0, 'a retrain\'s outcome');
      assertNoEnglish(readableText(stage.querySelector('#panel-classifier')), pieces, 'the classifier');
    });
  }));

  test(`the tokens and integrations screen in ${lang} shows none of its English texts, names kept as they are`,
    () => inLanguage(lang, async () => {
      const pieces = await englishPieces(AREAS, lang);
      await onStage('/js/screens/tokens.js', { session: { role: 'STAFF' } }, async stage => {
        await sleep(50);
        assert.ok(stage.querySelector('#integrations-table'), 'the integrations are listed');
        assertNoEnglish(readableText(stage), pieces, 'the tokens screen');
        const names = [...stage.querySelectorAll('[translate="no"]')].map(e => e.textContent);
        ['powerbi', 'bms', 'old-bms', '/api/intake/bms'].forEach(n => assert.ok(names.includes(n), `${n} kept as data`));
        assert.ok(stage.textContent.includes(t('admin.integrations.state.live')), 'the live state in the language');
      });
    }));

  test(`the mail setting in ${lang} shows none of its English texts`, () => inLanguage(lang, async () => {
    const pieces = await englishPieces(AREAS, lang);
    await onStage('/js/screens/mail-settings.js', { session: { role: 'STAFF' } }, async stage => {
      assert.equal(stage.querySelector('h1').textContent, t('admin.mail.title'), 'heading');
      assertNoEnglish(readableText(stage), pieces, 'the mail setting');
    }, url => (url.startsWith('/api/tickets/notifications/me') ? { email: 'mia@staff.campus.test', enabled: true }
      : undefined));
  }));
}

test('the mail setting says when the desk sends no email at all, and not when it does', async () => {
  await onStage('/js/screens/mail-settings.js', { session: { role: 'STAFF' } }, async stage => {
    await until(() => stage.querySelector('h1'));
    assert.equal(stage.querySelector('#mail-desk-off').textContent, t('admin.mail.deskOff'));
  }, url => (url.startsWith('/api/tickets/notifications/me') ? { email: null, enabled: true } : undefined));
  await onStage('/js/screens/mail-settings.js', { session: { role: 'STAFF' } }, async stage => {
    await until(() => stage.querySelector('h1'));
    assert.equal(stage.querySelector('#mail-desk-off'), null);
  }, url => (url.startsWith('/api/tickets/notifications/me') ? { email: null, enabled: true }
    : url.startsWith('/api/tickets/notifications') ? { enabled: true } : undefined));
});

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
    assert.equal(stage.querySelector('#numbers-volume tbody tr').textContent, '01.03.2026215',
      'the volume, per day, the day as Germans write it');
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
