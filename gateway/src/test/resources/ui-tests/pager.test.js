// The list's pager: page numbers, jumps, page sizes, and the address that keeps them for Back, Forward and reload.
import { test, assert, sleep } from './runner.js';
import { onStage } from './stage.js';
import { initialState, update, requests, address, lastReachablePage } from '/js/screens/tickets/state.js';
import { pageNumbers, pageCount, pager } from '/js/screens/tickets/pager.js';

const studentAt = qs => initialState('STUDENT', new URLSearchParams(qs));

test('page numbers: the first, the last and two either side of the current, gaps as null', () => {
  assert.deepEqual(pageNumbers(1, 1), [1], 'one page');
  assert.deepEqual(pageNumbers(1, 280), [1, 2, 3, null, 280], 'first of many');
  assert.deepEqual(pageNumbers(6, 280), [1, null, 4, 5, 6, 7, 8, null, 280], 'in the middle');
  assert.deepEqual(pageNumbers(4, 7), [1, 2, 3, 4, 5, 6, 7], 'a gap of one page shows the page');
  assert.deepEqual(pageNumbers(280, 280), [1, null, 278, 279, 280], 'last');
});

test('the page count stops where the server stops paging (10,000 rows deep)', () => {
  assert.equal(pageCount({ total: 5599, size: 20, page: 0, items: [] }), 280, '5,599 at 20');
  assert.equal(pageCount({ total: 5599, size: 100, page: 0, items: [] }), 56, '5,599 at 100');
  assert.equal(pageCount({ total: 0, size: 20, page: 0, items: [] }), 1, 'empty');
  assert.equal(pageCount({ total: 1_000_000, size: 20, page: 0, items: [] }), 501, 'a million at 20');
  assert.equal(lastReachablePage(50), 200, 'page 200 × 50 = 10,000');
});

test('a jump goes to that page within reach; the size keeps the first row shown and travels in the address', () => {
  const s = studentAt('page=3');
  assert.equal(update(s, { type: 'goto', page: 9 }).page, 9, 'jump');
  assert.equal(update(s, { type: 'goto', page: -4 }).page, 0, 'below the first');
  assert.equal(update(s, { type: 'goto', page: Number.NaN }).page, 0, 'not a number');
  assert.equal(update(s, { type: 'goto', page: 99_999 }).page, 500, 'beyond reach');
  const fifty = update(s, { type: 'size', size: 50 });
  assert.deepEqual([fifty.size, fifty.page], [50, 1], 'row 61 at 20 a page is on page 2 of 50');
  assert.equal(update(s, { type: 'size', size: 37 }).size, 20, 'only the offered sizes');
  assert.equal(new URL(requests(fifty).list, location.origin).searchParams.get('size'), '50', 'asked size');
  assert.equal(address(fifty), '#/tickets?sort=openedAt%2Cdesc&page=1&size=50', 'address');
  const again = studentAt(address(fifty).split('?')[1]);
  assert.deepEqual([again.page, again.size], [1, 50], 'reopened from the address');
  assert.equal(studentAt('size=1000').size, 20, 'a size from the address is one offered');
  assert.equal(studentAt('page=-3').page, 0, 'a page from the address is never negative');
});

test('the pager offers numbers, marks the current page and asks for the page clicked', () => {
  const asked = [];
  const nav = pager({ items: new Array(20).fill({}), page: 5, size: 20, total: 5599 },
    { goto: p => asked.push(['goto', p]), size: n => asked.push(['size', n]) });
  const numbers = [...nav.querySelectorAll('.page-number')].map(b => b.textContent);
  assert.deepEqual(numbers, ['1', '4', '5', '6', '7', '8', '280'], 'numbers');
  assert.equal(nav.querySelector('[aria-current=page]').textContent, '6', 'current');
  assert.ok(nav.textContent.includes('101–120 of 5,599'), nav.textContent);
  [...nav.querySelectorAll('.page-number')].find(b => b.textContent === '280').click();
  const jump = nav.querySelector('input[name=page]');
  jump.value = '1000';
  nav.querySelector('form.jump').dispatchEvent(new Event('submit', { cancelable: true }));
  const size = nav.querySelector('select[name=size]');
  size.value = '100';
  size.dispatchEvent(new Event('change'));
  assert.deepEqual(asked, [['goto', 279], ['goto', 279], ['size', 100]], 'actions');
});

test('each list choice is a history entry, but a typed search is one however often the typist pauses', () =>
  onStage('/js/screens/tickets.js', { session: { role: 'STUDENT' } }, async stage => {
    const entries = [];
    const { pushState, replaceState } = history;
    history.pushState = function (...args) { entries.push(['push', args[2]]); return pushState.apply(this, args); };
    history.replaceState = function (...args) { entries.push(['replace', args[2]]); return replaceState.apply(this, args); };
    try {
      const q = stage.querySelector('[name=q]');
      for (const text of ['wi', 'wifi', 'wifi drop']) {
        q.value = text;
        q.dispatchEvent(new Event('input', { bubbles: true }));
        await sleep(400);
      }
      const size = stage.querySelector('.pager select[name=size]');
      size.value = '50';
      size.dispatchEvent(new Event('change'));
      await sleep(50);
    } finally {
      history.pushState = pushState;
      history.replaceState = replaceState;
    }
    assert.deepEqual(entries.map(([kind]) => kind), ['push', 'replace', 'replace', 'push'], JSON.stringify(entries));
    assert.ok(entries[2][1].includes('q=wifi+drop'), entries[2][1]);
    assert.ok(entries[3][1].includes('q=wifi+drop') && entries[3][1].includes('size=50'), entries[3][1]);
  }));
