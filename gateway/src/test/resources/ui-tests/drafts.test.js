// Drafts: what is typed in a form is kept per place and field for the person typing, put back into empty fields,
// and dropped once sent; a password, a hidden field and a file are never kept.
import { test, assert } from './runner.js';
import { h } from '/js/dom.js';
import { keepDraft, draftOwner, forgetDrafts } from '/js/drafts.js';

function form() {
  return h('form', {}, h('input', { name: 'title', type: 'text' }), h('textarea', { name: 'body' }),
    h('input', { name: 'staffCode', type: 'password' }), h('input', { name: 'key', type: 'hidden' }),
    h('input', { name: 'files', type: 'file' }));
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
