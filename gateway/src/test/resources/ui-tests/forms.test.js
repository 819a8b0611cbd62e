// The report and tokens screens against a fake server.
import { test, assert, sleep } from './runner.js';
import { onStage } from './stage.js';

const type = (input, text) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

test('the report form asks for one suggestion per pause in typing and shows it', () => onStage('/js/screens/report.js',
  { session: { role: 'STUDENT' } }, async (stage, fake) => {
    const title = stage.querySelector('[name=title]');
    for (const text of ['Wi', 'Wi-Fi', 'Wi-Fi drops', 'Wi-Fi drops in the library']) type(title, text);
    await sleep(500);
    // The form also asks for similar open tickets (incidents.test.js); the category is asked once per pause.
    assert.deepEqual(fake.calls.filter(c => !c.startsWith('GET /api/tickets/similar')), ['POST /api/tickets/classify'],
      'requests');
    const line = stage.querySelector('#category-suggestion').textContent;
    assert.ok(line.includes('Looks like') && line.includes('very likely IT') && line.includes('sounds urgent'), line);
    assert.equal(stage.querySelector('#category-suggestion .certainty').title, "The classifier's estimate: 81 %");
  }));

test('a retried report sends the same idempotency key; changed text gets a new one', () => onStage('/js/screens/report.js',
  { session: { role: 'STUDENT' } }, async (stage, fake) => {
    type(stage.querySelector('[name=title]'), 'x'.repeat(10));
    type(stage.querySelector('[name=description]'), 'A description');
    const send = () => stage.querySelector('form').dispatchEvent(new Event('submit', { cancelable: true }));
    const keys = () => fake.calls.map((c, i) => [c, fake.headers[i]['Idempotency-Key']])
      .filter(([c]) => c === 'POST /api/tickets').map(([, k]) => k);
    send();
    await sleep(50);
    send();
    await sleep(50);
    type(stage.querySelector('[name=title]'), 'y'.repeat(10));
    send();
    await sleep(50);
    const [first, retry, changed] = keys();
    assert.ok(first && first === retry, 'the retry sends the first key');
    assert.ok(changed && changed !== first, 'changed text sends a new key');
    assert.ok(stage.querySelector('[name=title]').getAttribute('aria-invalid'), 'the field the server named is marked');
    assert.equal(stage.querySelector('button[type=submit]').disabled, false, 'the button after the answer');
  }));

test('the tokens page lists tokens with a revoke button for active ones', () => onStage('/js/screens/tokens.js',
  { session: { role: 'STAFF' } }, async (stage, fake) => {
    assert.deepEqual(fake.calls, ['GET /api/tokens'], 'requests');
    assert.ok(stage.querySelector('tbody tr td').textContent === 'powerbi', 'the token row');
    assert.ok(stage.querySelector('tbody button.btn-danger'), 'the revoke button');
  }));
