import { test, assert } from './runner.js';
import { h, append, hours, label } from '/js/dom.js';

test('user text becomes text, never markup', () => {
  const el = h('p', {}, '<img src=x onerror=alert(1)>', h('b', {}, '<i>x</i>'));
  assert.equal(el.querySelector('img'), null, 'an img element');
  assert.equal(el.querySelector('b').innerHTML, '&lt;i&gt;x&lt;/i&gt;', 'the inner markup');
  assert.equal(el.textContent, '<img src=x onerror=alert(1)><i>x</i>', 'the text');
});

test('a part a screen does not show adds nothing, never the word "null"', () => {
  const form = h('form');
  append(form, [null, 'a', undefined, false, h('b', {}, 'b')]);
  assert.equal(form.textContent, 'ab');
});

test('hours read as minutes, hours or days', () => {
  assert.equal(hours(0.5), '30 min');
  assert.equal(hours(3.25), '3.3 h');
  assert.equal(hours(72), '3.0 days');
  assert.equal(hours(null), '—');
  assert.equal(hours(undefined), '—');
});

test('enum values read as words, unknown ones as themselves', () => {
  assert.equal(label.status('ACTIVE'), 'Active');
  assert.equal(label.category('IT'), 'IT');
  assert.equal(label.priority('HIGH'), 'High');
  assert.equal(label.status('LOST'), 'LOST');
});
