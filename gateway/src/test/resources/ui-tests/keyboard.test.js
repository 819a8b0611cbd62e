// The ticket screen by keyboard against a fake server: after a change, the focus stays on the ticket where a
// keyboard or screen-reader user can go on, never back at the top of the page.
import { test, assert } from './runner.js';
import { onStage } from './stage.js';
import { until } from './wait.js';
import { sendsMessage } from '/js/screens/ticket/compose.js';

test('after Correct the focus goes to the line that names the category, not to the top of the page', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STAFF' }, params: ['7'] }, async (stage, fake) => {
    const choice = stage.querySelector('#category-correction');
    choice.value = 'IT';
    choice.focus();
    fake.calls.length = 0;
    choice.form.requestSubmit();
    await until(() => document.activeElement && document.activeElement.id === 'ticket-status-line');
    assert.equal(document.activeElement.id, 'ticket-status-line', 'the focus');
    assert.equal(fake.calls[0], 'PATCH /api/tickets/7', fake.calls.join(' '));
    assert.ok(document.activeElement.querySelector('#ticket-category'), 'the line holds the category');
  }));

test('Escape closes an unchanged editor as Cancel does, and the focus returns to Edit', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] }, async (stage, fake) => {
    stage.querySelector('button[data-action=edit]').click();
    const title = stage.querySelector('form [name=title]');
    assert.equal(document.activeElement, title, 'the editor opened on the title');
    fake.calls.length = 0;
    title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    assert.equal(stage.querySelector('form [name=title]'), null, 'the editor is closed');
    assert.equal(document.activeElement, stage.querySelector('button[data-action=edit]'), 'back on Edit');
    assert.deepEqual(fake.calls.filter(c => c.startsWith('PATCH')), [], 'nothing sent');
  }));

test('Escape in a changed editor asks before it drops the changes; mid-composition it does nothing', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] }, async stage => {
    const realConfirm = window.confirm;
    const asked = [];
    let answer = false;
    window.confirm = text => { asked.push(text); return answer; };
    try {
      stage.querySelector('button[data-action=edit]').click();
      const title = stage.querySelector('form [name=title]');
      title.value = 'Lift stuck again';
      const escape = extra => title.dispatchEvent(new KeyboardEvent('keydown',
        { key: 'Escape', bubbles: true, cancelable: true, ...extra }));
      escape({ isComposing: true });
      assert.deepEqual(asked, [], 'an input method\'s Escape is not asked about');
      escape();
      assert.deepEqual(asked, ['Drop your changes to this ticket?']);
      assert.equal(stage.querySelector('form [name=title]').value, 'Lift stuck again', 'kept when the answer is no');
      answer = true;
      escape();
      assert.equal(stage.querySelector('form [name=title]'), null, 'dropped when the answer is yes');
    } finally {
      window.confirm = realConfirm;
    }
  }));

test('after Save the focus is on Edit again, also once the reload redrew the buttons', () => onStage(
  '/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] }, async (stage, fake) => {
    stage.querySelector('button[data-action=edit]').click();
    const form = stage.querySelector('form [name=title]').form;
    stage.querySelector('form [name=title]').value = 'Lift stuck on floor 3';
    fake.calls.length = 0;
    form.requestSubmit();
    await until(() => fake.calls.filter(c => c.startsWith('GET /api/tickets/7')).length > 0
      && stage.querySelector('button[data-action=edit]'));
    await until(() => false, 300);
    assert.ok(fake.calls.some(c => c === 'PATCH /api/tickets/7'), fake.calls.join(' '));
    assert.equal(document.activeElement, stage.querySelector('button[data-action=edit]'), 'on Edit');
  }));

test('Ctrl+Enter or Cmd+Enter sends a message; Enter alone, other keys held or an input method\'s Enter do not', () => {
  const key = extra => new KeyboardEvent('keydown', { key: 'Enter', ...extra });
  assert.ok(sendsMessage(key({ ctrlKey: true })), 'Ctrl+Enter');
  assert.ok(sendsMessage(key({ metaKey: true })), 'Cmd+Enter');
  assert.ok(!sendsMessage(key()), 'Enter alone is a new line');
  assert.ok(!sendsMessage(key({ ctrlKey: true, shiftKey: true })), 'Ctrl+Shift+Enter');
  assert.ok(!sendsMessage(key({ ctrlKey: true, altKey: true })), 'Ctrl+Alt+Enter');
  assert.ok(!sendsMessage(key({ ctrlKey: true, isComposing: true })), 'while composing');
  assert.ok(!sendsMessage(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true })), 'Ctrl+A');
});

test('Ctrl+Enter in the message box sends as Send does: checked first, and once however often it is pressed',
  () => onStage('/js/screens/ticket.js', { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] },
    async (stage, fake) => {
      const box = stage.querySelector('#message-text');
      assert.equal(box.getAttribute('aria-keyshortcuts'), 'Control+Enter Meta+Enter', 'said to assistive technology');
      assert.equal(stage.querySelector('#send-shortcut').textContent, 'Ctrl+Enter sends', 'the hint beside Send');
      const press = () => box.dispatchEvent(new KeyboardEvent('keydown',
        { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
      const posts = () => fake.calls.filter(c => c === 'POST /api/tickets/7/messages');
      press();
      assert.ok(box.closest('form').textContent.includes('Please write a message first.'), 'an empty box is refused');
      assert.equal(posts().length, 0, 'nothing sent');
      box.value = 'Still stuck on floor 3';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      press();
      press();
      await until(() => stage.querySelector('#message-confirmation').textContent);
      assert.equal(posts().length, 1, fake.calls.join(' '));
      assert.equal(box.value, '', 'the box is emptied, as after Send');
    }, (url, init) => (url === '/api/tickets/7/messages' && init.method === 'POST'
    ? { id: 70, body: 'Still stuck on floor 3', author: 'Ann', authorRole: 'STUDENT', internal: false,
      createdAt: '2026-03-01T10:05:00Z' } : undefined)));
