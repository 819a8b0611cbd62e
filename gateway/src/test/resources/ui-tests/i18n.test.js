// The person's language (i18n.js): its choice, its catalogues, plural forms and Intl formatting, with the real
// catalogue files. Every test returns to English, which the other test files read.
import { test, assert } from './runner.js';
import { inLanguage } from './languages.js';
import { t, useLanguage, preferredLanguage, currentLanguage, formatNumber, relativeTime, formatDate,
  formatCalendarDay, formatList, LANGUAGES } from '/js/i18n.js';

test('each language loads its own words and the page says which language it is in', async () => {
  const seen = {};
  for (const lang of LANGUAGES) {
    await inLanguage(lang, () => {
      assert.equal(document.documentElement.lang, lang, 'html lang');
      assert.equal(currentLanguage(), lang, 'current language');
      seen[lang] = t('common.signOut');
    });
  }
  assert.equal(seen.en, 'Sign out');
  assert.equal(new Set(Object.values(seen)).size, LANGUAGES.length, `five different words: ${JSON.stringify(seen)}`);
});

test('a language the desk does not speak falls back to English', async () => {
  assert.equal(await useLanguage('pt'), 'en');
  assert.equal(t('common.signOut'), 'Sign out');
});

test('placeholders are filled in, numbers written the language\'s way', async () => {
  assert.equal(t('common.notForRole.text', { role: 'Analyst' }), 'As Analyst you cannot open this page.');
  await inLanguage('de', () => {
    assert.equal(formatNumber(1234.5), '1.234,5');
    assert.ok(t('common.notForRole.text', { role: 'Analyse' }).includes('Analyse'), 'role in the German sentence');
  });
  await inLanguage('fr', () => assert.equal(formatNumber(1234.5).replace(/\s/g, ' '), '1 234,5'));
});

test('a key no catalogue has shows as itself, which the catalogue tests catch', () => {
  assert.equal(t('common.no.such.key'), 'common.no.such.key');
});

test('relative times are written in the language', async () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  assert.equal(relativeTime('2026-03-10T11:57:00Z', now), '3 minutes ago');
  assert.equal(relativeTime('2026-03-10T11:59:40Z', now), 'this minute');
  await inLanguage('de', () => {
    assert.equal(relativeTime('2026-03-10T09:00:00Z', now), 'vor 3 Stunden');
    assert.equal(relativeTime('2026-03-08T12:00:00Z', now), 'vorgestern');
  });
  await inLanguage('it', () => assert.equal(relativeTime('2026-03-13T12:00:00Z', now), 'tra 3 giorni'));
});

test('dates and lists are written in the language', async () => {
  await inLanguage('fr', () => {
    assert.ok(/mars/.test(formatDate('2026-03-10T12:00:00Z')), `French month name in ${formatDate('2026-03-10T12:00:00Z')}`);
    assert.equal(formatList(['a', 'b', 'c']), 'a, b et c');
  });
  assert.equal(formatDate(null), '—');
});

test('a calendar day of the analytics is that day in every time zone, written in the language', async () => {
  // Midnight UTC of the 7th is the 6th in the Americas: the day must not be read as an instant.
  assert.equal(formatCalendarDay('2026-12-07'), 'Dec 7, 2026');
  assert.equal(formatCalendarDay('2026-12-07', true), 'Dec 7');
  await inLanguage('de', () => assert.equal(formatCalendarDay('2026-01-31'), '31.01.2026'));
  assert.equal(formatCalendarDay(''), '—');
  assert.equal(formatCalendarDay('soon'), 'soon', 'what is not a day is shown as it came');
});

test('the language chosen before wins over the browser\'s, and only a language the desk speaks is taken', async () => {
  const saved = localStorage.getItem('helpdesk.language');
  try {
    await useLanguage('it', { remember: true });
    assert.equal(preferredLanguage(), 'it');
    localStorage.setItem('helpdesk.language', 'xx');
    assert.equal(preferredLanguage(), 'en', 'the test browser speaks en-GB');
  } finally {
    if (saved === null) localStorage.removeItem('helpdesk.language'); else localStorage.setItem('helpdesk.language', saved);
    await useLanguage('en');
  }
});
