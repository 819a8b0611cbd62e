// The common words in the person's language: problems from the services, badges, counted phrases, and the report
// form drawn in German with no English of its catalogue left. Each test returns to English, which the others read.
import { test, assert, sleep } from './runner.js';
import { onStage } from './stage.js';
import { until } from './wait.js';
import { inLanguage, englishPieces, readableText, assertNoEnglish } from './languages.js';
import { problemText, violationText, incidentWords, incidentRefusalText } from '/js/words.js';
import { ApiError } from '/js/api.js';
import { statusBadge, label, hours, sentence, h } from '/js/dom.js';
import { certaintyText } from '/js/certainty.js';

const type = (input, text) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

test('a known problem is said in the person\'s language, an unknown one in the service\'s English', async () => {
  const stale = { detail: 'The ticket changed meanwhile. The page shows it as it now stands; please try again.' };
  await inLanguage('de', () => {
    assert.equal(problemText(412, stale),
      'Das Ticket hat sich inzwischen geändert. Die Seite zeigt den aktuellen Stand; bitte versuchen Sie es erneut.');
    assert.equal(new ApiError(0, {}).message.startsWith('Der Helpdesk ist nicht erreichbar'), true, 'offline');
    assert.equal(problemText(400, { detail: 'The title can be at most 200 characters.', field: 'title' }),
      'Bitte prüfen Sie den Titel. Er ist erforderlich und darf höchstens 200 Zeichen lang sein.', 'a named field');
    assert.equal(problemText(400, { detail: "Parameter 'hours' must be a whole number from 1 to 8760, got '0'",
      field: 'hours' }), 'Bitte prüfen Sie die Anzahl der Stunden.', 'the service\'s English sentence about hours');
    assert.equal(problemText(418, { detail: 'The kettle is busy brewing tea.' }), 'The kettle is busy brewing tea.',
      'an unknown status: the English sentence');
    assert.equal(problemText(400, { detail: 'Only one reopening per day is allowed.', field: 'weekday' }),
      'Only one reopening per day is allowed.', 'a 400 naming no known field: the English sentence');
    assert.equal(problemText(418, { detail: 'kettle: BUSY' }),
      'Das hat nicht geklappt. Bitte prüfen Sie Ihre Eingaben und versuchen Sie es erneut.', 'developer text: generic');
    assert.equal(violationText({ field: 'body', message: 'Your message can be at most 5,000 characters.' }),
      'Bitte prüfen Sie Ihre Nachricht. Sie ist erforderlich und darf höchstens 5.000 Zeichen lang sein.');
    assert.equal(violationText({ field: 'email', message: 'Please give an email address like name@example.org, or none.' }),
      'Bitte prüfen Sie die E-Mail-Adresse: eine Adresse wie name@example.org, oder keine.', 'the mail settings');
  });
  await inLanguage('it', () => {
    assert.equal(problemText(404, { detail: 'This ticket was closed or removed, or it never existed.' }),
      'Questo ticket è stato chiuso o rimosso, oppure non è mai esistito.');
    assert.equal(problemText(599, null).startsWith('Qualcosa è andato storto'), true, 'any 5xx');
    assert.equal(incidentRefusalText(new ApiError(409, { detail: 'Only open and active tickets can be linked.' })),
      'Si possono collegare o scollegare solo ticket aperti o in lavorazione, e un guasto non può essere collegato a un altro.');
  });
  assert.equal(problemText(412, { detail: 'The ticket was edited by Bo a moment ago.' }),
    'The ticket was edited by Bo a moment ago.', 'English keeps the service\'s own sentence');
});

test('badges and wire values read in French; a value no catalogue knows stays itself', async () => {
  await inLanguage('fr', () => {
    const badge = statusBadge('ACTIVE');
    assert.equal(badge.textContent.trim(), '◐ En cours');
    assert.equal(badge.title, 'Statut : En cours');
    assert.equal(label.priority('HIGH'), 'Haute');
    assert.equal(label.sla('AT_RISK'), 'À risque');
    assert.equal(label.status('LOST'), 'LOST');
    assert.equal(certaintyText('VERY_LIKELY', 'SERVICES'), 'très probablement Services');
    assert.equal(hours(3.25).replace(/\s/g, ' '), '3,3 h');
  });
  await inLanguage('de', () => assert.equal(hours(72), '3,0 Tage'));
});

test('counted phrases take the language\'s plural form, with a sentence of their own for nobody', async () => {
  assert.deepEqual([0, 1, 12].map(incidentWords.joined), ['Nobody joined yet', '1 person joined', '12 people joined']);
  await inLanguage('it', () => assert.deepEqual([0, 1, 3].map(incidentWords.joined),
    ['Ancora nessuno si è unito', '1 persona si è unita', '3 persone si sono unite']));
  await inLanguage('fr', () => {
    assert.equal(incidentWords.selected(1), '1 ticket sélectionné');
    assert.equal(incidentWords.linkedSelected(2, 1430), '2 tickets liés à l\'incident #1430.', 'a number, not 1 430');
  });
  await inLanguage('de', () => assert.equal(incidentWords.similarHeading, 'Ist es eines davon?', 'read when used'));
  assert.equal(incidentWords.similarHeading, 'Is it one of these?', 'and English again');
});

test('a sentence keeps its elements where the language puts them', async () => {
  await inLanguage('de', () => {
    const parts = sentence('admin.revokeNamed', { name: h('code', {}, 'bi-tool') });
    assert.ok(parts[0] instanceof Node && parts[0].textContent === 'bi-tool', 'the name comes first');
    assert.equal(parts[1], ' widerrufen');
  });
});

test('the report form drawn in German holds no English of its catalogue, and says its suggestion once', async () => {
  const english = await englishPieces(['report', 'common'], 'de');
  await inLanguage('de', () => onStage('/js/screens/report.js', { session: { role: 'STUDENT' } }, async stage => {
    const email = stage.querySelector('[name=email]');
    await until(() => !stage.querySelector('[data-field=email] .hint').textContent.startsWith('Es wird geprüft'));
    type(stage.querySelector('[name=title]'), 'WLAN in der Bibliothek fällt dauernd aus');
    await until(() => stage.querySelector('#category-suggestion .certainty'));
    const said = stage.querySelector('#category-announcement');
    await until(() => said.textContent);
    const text = readableText(stage);
    const line = stage.querySelector('#category-suggestion').textContent;
    assert.ok(text.includes('Problem melden') && line.includes('Sieht nach') && line.includes(' aus, sehr wahrscheinlich')
      && !line.includes('sehr wahrscheinlich IT'), line);
    assertNoEnglish(text, english, 'the German report form');
    assert.ok(email.disabled, 'the email field as in English');
    assert.equal(said.textContent, 'Vorgeschlagene Kategorie: sehr wahrscheinlich IT.');
    const announced = [];
    new MutationObserver(() => announced.push(said.textContent)).observe(said, { childList: true, characterData: true,
      subtree: true });
    type(stage.querySelector('[name=description]'), 'Seit heute Morgen, im Lesesaal und im Foyer.');
    await sleep(500);
    assert.deepEqual(announced, [], 'the same suggestion again is not announced again');
  }));
});

test('sign-in drawn in French and About drawn in Italian hold no English of their catalogues', async () => {
    await inLanguage('fr', () => onStage('/js/screens/signin.js', { session: { staffCodeRequired: true } },
    async stage => {
      const text = readableText(stage);
      assert.ok(text.includes('Se connecter') && text.includes('Je suis'), text);
      assertNoEnglish(text, await englishPieces(['signin', 'common'], 'fr'), 'French sign-in');
    }));
  const services = [{ name: 'ticket-service', prefix: '/api/tickets', health: 'DOWN', swaggerUi: '/s', healthUrl: '/h',
    supervision: { state: 'RESTARTING', restarts: 2, since: '2026-03-01T10:00:00Z' } }];
  await inLanguage('it', () => onStage('/js/screens/about.js', {}, async stage => {
    await until(() => stage.querySelector('tbody'));
    const text = readableText(stage);
    assert.ok(text.includes('in riavvio') && text.includes('2 riavvii') && text.includes('NON ATTIVO'), text);
    assert.ok(!text.includes('ticket-service'), 'service names are data, marked translate="no"');
    assertNoEnglish(text, await englishPieces(['about', 'common'], 'it'), 'Italian About');
  }, url => (url.startsWith('/api/services') ? services : undefined)));
});

test('an incident\'s counts agree with their numbers in every language', async () => {
  await inLanguage('es', () => {
    assert.equal(incidentWords.incidentBadge(1, 1), 'Incidencia · 1 vinculado · 1 unida');
    assert.equal(incidentWords.incidentBadge(3, 2), 'Incidencia · 3 vinculados · 2 unidas');
  });
  await inLanguage('it', () => assert.equal(incidentWords.incidentBadge(1, 0), 'Guasto · 1 collegato · 0 unite'));
  await inLanguage('fr', () => {
    assert.equal(incidentWords.incidentBadge(1, 0), 'Incident · 1 lié · 0 inscrit');
    assert.ok(incidentWords.incidentSize(1, 0).endsWith('0 personne inscrite'), incidentWords.incidentSize(1, 0));
    assert.ok(incidentWords.incidentSize(2, 5).endsWith('5 personnes inscrites'), incidentWords.incidentSize(2, 5));
  });
  assert.equal(incidentWords.incidentBadge(35, 1), 'Incident · 35 linked · 1 joined');
  assert.ok(incidentWords.incidentSize(2, 1).endsWith(', 1 person joined'), incidentWords.incidentSize(2, 1));
});
