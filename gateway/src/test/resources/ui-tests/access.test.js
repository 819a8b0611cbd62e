// What a keyboard or screen-reader user meets beyond the screens' own tests: a focus that survives a disabled
// button, a count that is read only while shown, a list that says what a choice found without reading itself out,
// a form's own words kept in every language, and a ticket closed while its reporter writes.
import { test, assert, sleep } from './runner.js';
import { onStage } from './stage.js';
import { until } from './wait.js';
import { inLanguage } from './languages.js';
import { h, field } from '/js/dom.js';
import { validateAll, text, lengthCount } from '/js/validate.js';
import { t } from '/js/i18n.js';
import { keepFocusThroughDisabling } from '/js/focus-keeper.js';
import { choosingLanguage } from '/js/language-picker.js';

const nextFrame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));

test('a button disabled while it has the focus gets it back when enabled, unless the focus went elsewhere', async () => {
  const stage = document.getElementById('stage');
  const send = h('button', { type: 'button' }, 'Send');
  const other = h('input', { name: 'other' });
  stage.append(send, other);
  keepFocusThroughDisabling(stage);
  try {
    send.focus();
    send.disabled = true;
    await nextFrame();
    assert.ok(document.activeElement !== send, 'a disabled button cannot hold the focus');
    send.disabled = false;
    await until(() => document.activeElement === send);
    assert.equal(document.activeElement, send, 'back on the button');

    send.disabled = true;
    await nextFrame();
    other.focus();
    send.disabled = false;
    await sleep(20);
    assert.equal(document.activeElement, other, 'left where the person put it');
  } finally {
    stage.replaceChildren();
  }
});

test('a box\'s character count is part of its description only while it is shown', () => {
  const box = h('input', { name: 'title', maxlength: 20 });
  const stage = document.getElementById('stage');
  stage.append(field('Title', box, 'One line'));
  try {
    const count = lengthCount(box);
    box.closest('.field').append(count);
    const described = () => (box.getAttribute('aria-describedby') || '').split(' ');
    assert.ok(!described().includes(count.id), 'hidden: not read');
    assert.ok(described().includes(`${box.id}-hint`), 'the hint stays');
    box.value = 'x'.repeat(19);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    assert.ok(!count.hidden && described().includes(count.id), 'shown: read');
    box.value = 'x';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    assert.ok(!described().includes(count.id), 'hidden again');
    assert.equal(described().filter(id => id === `${box.id}-error`).length, 1, 'the error slot once');
  } finally {
    stage.replaceChildren();
  }
});

test('a form\'s own message stays in the person\'s language instead of a general one', () => inLanguage('de', async () => {
  const title = h('input', { name: 'title' });
  const form = h('form', {}, field('Titel', title));
  document.getElementById('stage').append(form);
  try {
    const own = t('report.rule.titleMissing');
    assert.ok(own && !own.startsWith('report.'), `a German sentence of the report form: ${own}`);
    validateAll(form, { title: text(own) });
    assert.equal(document.getElementById(`${title.id}-error`).textContent, own);
    assert.equal(document.getElementById(`${title.id}-error`).getAttribute('role'), null,
      'no alert: the focus reads it as the field\'s description');
  } finally {
    document.getElementById('stage').replaceChildren();
  }
}));

test('the list says what a person\'s choice found in one status line; the table itself is no live region', () => onStage(
  '/js/screens/tickets.js', { session: { role: 'STAFF' } }, async stage => {
    const results = stage.querySelector('.results');
    assert.equal(results.getAttribute('aria-live'), null, 'the table is not read out on every redraw');
    const status = stage.querySelector('p.sr-only[role=status]');
    assert.equal(status.textContent, '', 'nothing said on opening');
    stage.querySelector('.tab[data-status="ACTIVE"]').click();
    await until(() => status.textContent !== '');
    assert.equal(status.textContent, 'Tickets 1–1 of 1');
    assert.equal(stage.querySelector('.tab[data-status="ACTIVE"]').getAttribute('aria-pressed'), 'true',
      'a pressed button, not a tab without the tab keys');
    const unassigned = stage.querySelector('.view[data-view="unassigned"]');
    unassigned.focus();
    unassigned.click();
    await until(() => stage.querySelector('.view[data-view="unassigned"]').getAttribute('aria-pressed') === 'true');
    await until(() => document.activeElement && document.activeElement.dataset.view === 'unassigned');
    assert.equal(document.activeElement.dataset.view, 'unassigned', 'the pressed view keeps the focus as it redraws');
  }));

test('a ticket closed while its reporter writes: the solved view takes the focus and keeps the unsent reply', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] }, async (stage, fake, source) => {
    const box = stage.querySelector('#message-text');
    box.value = 'It is still stuck on the second floor';
    box.focus();
    source.emit('solved', { ticketId: 7, title: 'Lift stuck', closedBy: 'Bo', closedAt: new Date().toISOString(),
      lastAnswer: null });
    await until(() => stage.querySelector('#ticket-solved'));
    assert.equal(document.activeElement, stage.querySelector('#ticket-solved h1'), 'the focus on its heading');
    assert.ok(document.title.includes('Lift stuck'), document.title);
    assert.equal(stage.querySelector('#unsent-reply').value, 'It is still stuck on the second floor');
  }));

test('a token name the service refuses is answered with the rule for names, in the person\'s language', () => inLanguage(
  'it', () => onStage('/js/screens/tokens.js', { session: { role: 'STAFF', name: 'Sam' } }, async stage => {
    const form = stage.querySelector('form');
    const name = form.querySelector('[name=name]');
    name.value = 'Moodle bridge';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    const error = () => document.getElementById(`${name.id}-error`).textContent;
    await until(() => error() !== '');
    assert.equal(error(), t('admin.tokens.nameHint'), 'the rule, not "check your name"');
  }, (url, init) => (url.split('?')[0] === '/api/tokens' && init.method === 'POST'
    ? new Response('{"detail":"name: must match \\"[A-Za-z0-9][A-Za-z0-9._-]*\\"","field":"name"}',
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } })
    : undefined))));

test('the language switch steps through languages by arrow keys without drawing each, and takes the one left on', async () => {
  const picker = h('select', {}, ['en', 'de', 'fr'].map(lang => h('option', { value: lang }, lang)));
  const stage = document.getElementById('stage');
  stage.append(picker);
  const chosen = [];
  choosingLanguage(picker, async lang => { chosen.push(lang); });
  const key = name => picker.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  try {
    picker.focus();
    for (const lang of ['de', 'fr']) {
      key('ArrowDown');
      picker.value = lang;
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    }
    assert.deepEqual(chosen, [], 'stepping: nothing drawn on the way');
    key('Enter');
    await sleep(0);
    assert.deepEqual(chosen, ['fr'], 'Enter takes the language stepped to');

    await sleep(150);
    picker.value = 'de';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await sleep(0);
    assert.deepEqual(chosen, ['fr', 'de'], 'a pick from the open list is taken at once');
  } finally {
    stage.replaceChildren();
  }
});

test('a list still loading has its level-one heading already', async () => {
  const shownWhileAsked = [];
  await onStage('/js/screens/tickets.js', { session: { role: 'STUDENT', name: 'Cy' } }, () => {}, url => {
    if (url.split('?')[0] !== '/api/tickets') return undefined;
    const stage = document.getElementById('stage');
    shownWhileAsked.push([stage.querySelector('.results').getAttribute('aria-busy'),
      stage.querySelector('h1')?.textContent]);
    return undefined;
  });
  assert.deepEqual(shownWhileAsked, [['true', t('tickets.page.title')]], 'the heading drawn before the list came');
});
