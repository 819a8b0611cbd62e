// Drafts: what is typed in a form is kept per place and field for the person typing, put back into empty fields,
// and dropped once sent; a password, a hidden field and a file are never kept. A check box comes back with its text.
import { test, assert } from './runner.js';
import { h } from '/js/dom.js';
import { keepDraft, draftOwner, forgetDrafts } from '/js/drafts.js';
import { t } from '/js/i18n.js';
import { onStage } from './stage.js';
import { until } from './wait.js';

function form() {
  return h('form', {}, h('input', { name: 'title', type: 'text' }), h('textarea', { name: 'body' }),
    h('input', { name: 'staffCode', type: 'password' }), h('input', { name: 'key', type: 'hidden' }),
    h('input', { name: 'files', type: 'file' }));
}

function tick(box, checked) {
  box.checked = checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

function type(el, value) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

test('a draft comes back into the same place for the same person, and is gone once cleared', () => {
  forgetDrafts();
  const ann = draftOwner({ signedIn: true, name: 'Ann', role: 'STUDENT' });
  const first = form();
  const draft = keepDraft(first, 'ticket.7.reply', ann);
  type(first.elements.title, 'Lift');
  type(first.elements.body, 'Still stuck');
  type(first.elements.staffCode, 'secret');
  first.elements.key.value = 'k-1';
  first.elements.key.dispatchEvent(new Event('input', { bubbles: true }));

  const again = form();
  let heard = 0;
  again.addEventListener('input', () => { heard += 1; });
  keepDraft(again, 'ticket.7.reply', ann).restore();
  assert.equal(again.elements.title.value, 'Lift', 'title');
  assert.equal(again.elements.body.value, 'Still stuck', 'body');
  assert.equal(heard, 2, 'the form hears each restored field as typed');
  assert.equal(again.elements.staffCode.value, '', 'no password');
  assert.equal(again.elements.key.value, '', 'no hidden field');
  assert.ok(!Object.values(sessionStorage).some(v => v.includes('secret') || v.includes('k-1')), 'nothing of them kept');

  const elsewhere = form();
  keepDraft(elsewhere, 'ticket.8.reply', ann).restore();
  assert.equal(elsewhere.elements.body.value, '', 'another ticket');
  const someoneElse = form();
  keepDraft(someoneElse, 'ticket.7.reply', draftOwner({ signedIn: true, name: 'Bob', role: 'STUDENT' })).restore();
  assert.equal(someoneElse.elements.body.value, '', 'another person');

  draft.clear();
  const sent = form();
  keepDraft(sent, 'ticket.7.reply', ann).restore();
  assert.equal(sent.elements.body.value, '', 'cleared once sent');
  forgetDrafts();
});

test('emptying a field forgets it, and signing out forgets every draft', () => {
  forgetDrafts();
  const f = form();
  keepDraft(f, 'report', 'STUDENT:Ann');
  type(f.elements.title, 'Lift');
  type(f.elements.body, 'Stuck');
  type(f.elements.title, '');
  const back = form();
  keepDraft(back, 'report', 'STUDENT:Ann').restore();
  assert.equal(back.elements.title.value, '', 'emptied');
  assert.equal(back.elements.body.value, 'Stuck', 'kept');
  forgetDrafts();
  assert.equal(Object.keys(sessionStorage).filter(k => k.startsWith('helpdesk.draft.')).length, 0, 'forgotten');
});

test('a tick comes back with its text, and unticking forgets it', () => {
  forgetDrafts();
  const withBox = () => h('form', {}, h('textarea', { name: 'body' }), h('input', { name: 'internal', type: 'checkbox' }));
  const f = withBox();
  keepDraft(f, 'ticket.7.reply', 'STAFF:Bo');
  type(f.elements.body, 'Spare key already given');
  tick(f.elements.internal, true);

  const again = withBox();
  let heard = 0;
  again.elements.internal.addEventListener('change', () => { heard += 1; });
  keepDraft(again, 'ticket.7.reply', 'STAFF:Bo').restore();
  assert.ok(again.elements.internal.checked, 'still ticked');
  assert.equal(heard, 1, 'the form hears the tick as a click');

  tick(again.elements.internal, false);
  const unticked = withBox();
  keepDraft(unticked, 'ticket.7.reply', 'STAFF:Bo').restore();
  assert.ok(!unticked.elements.internal.checked, 'unticked stays unticked');
  assert.equal(unticked.elements.body.value, 'Spare key already given');
  forgetDrafts();
});

test('a staff note drawn again after a reload is still a note, not a public reply', () =>
  onStage('/js/screens/ticket.js', { session: { role: 'STAFF', name: 'Bo' }, params: ['7'] }, async stage => {
    await until(() => stage.querySelector('#message-text'));
    stage.querySelector('#message-internal').click();
    type(stage.querySelector('#message-text'), 'Spare key already given, do not tell them');

    // The same page drawn anew, as after F5 (onStage forgets drafts once done, so within it).
    const reloaded = h('div', {});
    document.body.append(reloaded);
    const screen = await import('/js/screens/ticket.js');
    const cleanup = await screen.render(reloaded, { params: ['7'], query: new URLSearchParams(),
      session: { role: 'STAFF', name: 'Bo' } });
    try {
      await until(() => reloaded.querySelector('#message-text') && reloaded.querySelector('#message-text').value);
      assert.equal(reloaded.querySelector('#message-text').value, 'Spare key already given, do not tell them');
      assert.ok(reloaded.querySelector('#message-internal').checked, 'the tick');
      assert.equal(reloaded.querySelector('#send-message').textContent, t('ticket.compose.addNote'), 'the button');
    } finally {
      if (cleanup) cleanup();
      reloaded.remove();
    }
  }));
