// The report and tokens screens against a fake server.
import { test, assert, sleep } from './runner.js';
import { onStage } from './stage.js';
import { until } from './wait.js';
import { mailText } from '/js/screens/ticket/mail.js';
import { testDelivery } from '/js/screens/tokens/integrations.js';
import { rememberFiled, filedConfirmation } from '/js/confirm.js';

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
    // It also asks once, on opening, whether the desk sends email (the email field below).
    assert.deepEqual(fake.calls.filter(c => !c.startsWith('GET /api/tickets/similar')
      && c !== 'GET /api/tickets/notifications'), ['POST /api/tickets/classify'],
      'requests');
    const line = stage.querySelector('#category-suggestion').textContent;
    assert.ok(line.includes('Looks like') && line.includes('very likely') && line.includes('sounds urgent'), line);
    // The category is said once, by its badge: not "Looks like IT: very likely IT".
    assert.equal(line.split('IT').length - 1, 1, line);
    assert.equal(stage.querySelector('#category-suggestion .certainty').title, "The classifier's estimate: 81 %");
  }));

test('the title box says how much room is left as it fills, and that a paste past its end was cut', () => onStage(
  '/js/screens/report.js', { session: { role: 'STUDENT' } }, async stage => {
    const title = stage.querySelector('[name=title]');
    const count = title.closest('.field').querySelector('.count');
    type(title, 'x'.repeat(100));
    assert.ok(count.hidden, 'quiet while there is room');
    type(title, 'x'.repeat(185));
    assert.ok(!count.hidden, 'said near the end');
    assert.equal(count.textContent, '185 of 200 characters');
    // A paste of 250 characters into the box: the browser keeps the first 200 and says nothing.
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', 'p'.repeat(250));
    title.value = '';
    title.dispatchEvent(new ClipboardEvent('paste', { clipboardData, cancelable: true }));
    title.value = 'p'.repeat(200);
    title.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    assert.equal(count.textContent, 'Only 200 characters fit: the end of what you pasted was left out.');
    title.value = 'p'.repeat(199);
    title.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    assert.equal(count.textContent, '199 of 200 characters', 'typing on: the count again');
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
    await until(() => stage.querySelector('#integrations-table'));
    assert.deepEqual(fake.calls.slice().sort(), ['GET /api/integrations', 'GET /api/tokens'], 'requests');
    assert.ok(stage.querySelector('tbody tr td').textContent === 'powerbi', 'the token row');
    assert.ok(stage.querySelector('tbody button.btn-danger'), 'the revoke button');
  }));

test('integrations are listed live or revoked, and only a live one can be revoked', () => onStage(
  '/js/screens/tokens.js', { session: { role: 'STAFF' } }, async stage => {
    await until(() => stage.querySelector('#integrations-table'));
    const row = name => stage.querySelector(`tr[data-integration="${name}"]`);
    assert.ok(row('bms').textContent.includes('live'), 'the live one');
    assert.ok(row('bms').querySelector('button.btn-danger'), 'its revoke button');
    assert.ok(row('old-bms').textContent.includes('revoked'), 'the revoked one');
    assert.ok(!row('old-bms').querySelector('button'), 'nothing to revoke');
  }));

test('a new integration\'s secret takes the focus; a taken name is said in words beside the name', () => onStage(
  '/js/screens/tokens.js', { session: { role: 'STAFF' } }, async stage => {
    const form = stage.querySelector('#integration-form');
    const name = form.querySelector('[name=name]');
    const create = () => form.dispatchEvent(new Event('submit', { cancelable: true }));
    type(name, 'bms');
    create();
    await until(() => document.getElementById(`${name.id}-error`).textContent);
    assert.ok(document.getElementById(`${name.id}-error`).textContent.startsWith('An integration called "bms" exists'),
      'the 409 in words');
    type(name, 'chiller');
    create();
    await until(() => stage.querySelector('#integration-issued'));
    assert.equal(document.activeElement, stage.querySelector('#integration-issued .token-value'), 'focus on the secret');
    assert.equal(document.activeElement.value, 'hds_s3cret', 'the secret');
  }, (url, init) => {
    if (url !== '/api/integrations' || init.method !== 'POST') return undefined;
    const { name } = JSON.parse(init.body);
    if (name === 'bms') {
      return new Response(JSON.stringify({ detail: "an integration called 'bms' exists; revoke it first", status: 409 }),
        { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
    }
    return new Response(JSON.stringify({ secret: 'hds_s3cret', integration: { name, createdBy: 'Sam',
      createdAt: '2026-03-01T10:00:00Z', active: true, intakeUrl: `/api/intake/${name}` } }),
    { status: 201, headers: { 'Content-Type': 'application/json' } });
  }));

test('the test delivery signs with the secret and posts to the intake of the page\'s own address', () => {
  const lines = testDelivery('https://help.campus.example', { name: 'bms', intakeUrl: '/api/intake/bms' }, 'hds_x');
  assert.ok(lines.includes("SECRET='hds_x'"), 'the secret');
  assert.ok(lines.includes('openssl dgst -sha256 -hmac "$SECRET"'), 'an HMAC-SHA256 of the body');
  assert.ok(lines.includes('X-Helpdesk-Signature: sha256=$SIG') && lines.includes('X-Delivery-Id'), 'the headers');
  assert.ok(lines.trim().endsWith('--data-raw "$BODY" https://help.campus.example/api/intake/bms'), 'the address');
  assert.ok(JSON.parse(lines.match(/^BODY='(.*)'$/m)[1]).title, 'a body a ticket create accepts');
});

test('the report form says so when the desk sends no email, and sends no address', () => onStage('/js/screens/report.js',
  { session: { role: 'STUDENT' } }, async stage => {
    const email = stage.querySelector('[name=email]');
    await until(() => !stage.querySelector('[data-field=email] .hint').textContent.startsWith('Checking'));
    assert.ok(email.disabled, 'the field is off');
    assert.ok(stage.querySelector('[data-field=email] .hint').textContent.includes('Email notifications are off'),
      'the form says so');
  }));

test('with email on, a bad address is flagged before sending and a good one goes with the report', () => onStage(
  '/js/screens/report.js', { session: { role: 'STUDENT' } }, async (stage, fake) => {
    const email = stage.querySelector('[name=email]');
    await until(() => !email.disabled);
    type(stage.querySelector('[name=title]'), 'Lamp broken in A1');
    type(stage.querySelector('[name=description]'), 'The lamp in A1 flickers.');
    type(email, 'ada at campus');
    const send = () => stage.querySelector('form').dispatchEvent(new Event('submit', { cancelable: true }));
    send();
    await sleep(50);
    assert.ok(!fake.calls.includes('POST /api/tickets'), 'nothing sent');
    assert.equal(email.getAttribute('aria-invalid'), 'true', 'the address is flagged');
    type(email, ' ada@campus.example ');
    send();
    await until(() => fake.calls.includes('POST /api/tickets'));
    const body = fake.bodies[fake.calls.indexOf('POST /api/tickets')];
    assert.equal(body.email, 'ada@campus.example', 'the address, trimmed');
  }, url => (url === '/api/tickets/notifications' ? { enabled: true } : undefined)));

test("staff's mail line names the address and what could not be delivered", () => {
  assert.equal(mailText({ email: null, failed: 0, mails: [] }), null, 'nothing without an address');
  assert.equal(mailText({ email: 'a@b.example', failed: 0, mails: [{ status: 'SENT' }, { status: 'PENDING' }] }),
    "Reporter's email: a@b.example · 1 of 2 notifications sent");
  const failed = document.createElement('p');
  failed.append(...mailText({ email: 'a@b.example', failed: 1,
    mails: [{ status: 'SENT' }, { status: 'FAILED', lastError: '550 no such user' }] }));
  assert.equal(failed.textContent,
    "Reporter's email: a@b.example · 1 of 2 notifications sent · 1 could not be delivered (550 no such user)");
});

test("staff open the ticket's email notifications and see an undelivered one", () => onStage('/js/screens/ticket.js',
  { session: { role: 'STAFF' }, params: ['7'] }, async (stage, fake) => {
    assert.ok(!fake.calls.includes('GET /api/tickets/7/notifications'), 'not asked with the ticket');
    const details = stage.querySelector('details.mail');
    details.open = true;
    await until(() => stage.querySelector('#mail-note').textContent);
    assert.ok(stage.querySelector('#mail-note .mail-failed').textContent.includes('could not be delivered'),
      stage.querySelector('#mail-note').textContent);
  }, url => (url === '/api/tickets/7/notifications'
    ? { ticketId: 7, email: 'a@b.example', failed: 1, mails: [{ status: 'FAILED', lastError: '550 no such user' }] }
    : undefined)));

test('a filed report is confirmed once: a student is led to My tickets, staff told it waits in the queue', async () => {
  rememberFiled(7);
  const student = filedConfirmation(7, 'STUDENT');
  await until(() => student.textContent);
  assert.equal(student.textContent, 'Got it: #7. We will answer here; you can also find it under My tickets.');
  assert.equal(student.querySelector('a').getAttribute('href'), '#/tickets?reporter=me', 'a link to that view');
  assert.equal(filedConfirmation(7, 'STUDENT'), null, 'said once');
  rememberFiled(8);
  const staff = filedConfirmation(8, 'STAFF');
  await until(() => staff.textContent);
  assert.equal(staff.textContent, 'Got it: #8. It waits in the queue, under Open.', 'no view staff do not have');
  assert.equal(staff.querySelector('a'), null, 'nothing to follow');
});
