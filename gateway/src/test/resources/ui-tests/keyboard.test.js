// The ticket screen by keyboard against a fake server: after a change, the focus stays on the ticket where a
// keyboard or screen-reader user can go on, never back at the top of the page.
import { test, assert } from './runner.js';
import { onStage } from './stage.js';
import { until } from './wait.js';

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

test('Escape closes the editor as Cancel does, and the focus returns to Edit', () => onStage('/js/screens/ticket.js',
  { session: { role: 'STUDENT', name: 'Ann' }, params: ['7'] }, async (stage, fake) => {
    stage.querySelector('button[data-action=edit]').click();
    const title = stage.querySelector('form [name=title]');
    assert.equal(document.activeElement, title, 'the editor opened on the title');
    title.value = 'Lift stuck again';
    fake.calls.length = 0;
    title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    assert.equal(stage.querySelector('form [name=title]'), null, 'the editor is closed');
    assert.equal(document.activeElement, stage.querySelector('button[data-action=edit]'), 'back on Edit');
    assert.deepEqual(fake.calls.filter(c => c.startsWith('PATCH')), [], 'nothing sent');
  }));
