// The desktop header's fit (header-fit.js), measured on a header of the stage laid out by the few rules of app.css
// it depends on, with boxes of fixed widths so that no font decides the outcome.
import { test, assert } from './runner.js';
import { h } from '/js/dom.js';
import { fitHeader } from '/js/header-fit.js';

const RULES = `.fit-test { display: flex; flex-wrap: wrap; gap: 8px; }
  .fit-test .menu { display: contents; }
  .fit-test .menu-button { display: none; }
  .fit-test .nav { display: flex; flex: 1 0 auto; }
  .fit-test .who { display: flex; flex-direction: column; max-width: 100px; }
  .fit-test .who-name { overflow: hidden; white-space: nowrap; }
  .fit-test .box { display: inline-block; }`;

const box = (width, text = '') => h('span', { class: 'box', style: `width: ${width}px` }, text);

/** A staff header: the brand (50 px), four links (100 px each), a name 200 px long behind a cap of 100 px. */
function staffHeader() {
  return h('header', { class: 'fit-test' },
    h('a', { class: 'brand' }, box(50)),
    h('button', { type: 'button', class: 'menu-button', 'aria-expanded': 'false' }),
    h('div', { class: 'menu' },
      h('nav', { class: 'nav' }, [1, 2, 3, 4].map(() => h('a', { class: 'nav-link' }, box(100)))),
      h('div', { class: 'session' }, h('span', { class: 'who' }, h('span', { class: 'who-name' },
        box(200, 'Maria Concetta Bianchi-Rossi'))))));
}

test('a name cut short takes the room the row has left, never a second row; a folded header keeps the cap', () => {
  const stage = document.getElementById('stage');
  const header = staffHeader();
  stage.append(h('style', {}, RULES), header);
  const who = header.querySelector('.who');
  const name = header.querySelector('.who-name');
  const oneRow = () => new Set([...header.querySelectorAll('.brand, .nav, .session')]
    .map(e => Math.round(e.getBoundingClientRect().top))).size === 1;
  try {
    // 50 + 8 + 400 + 8 + 100 px: 134 px to spare at 700 px, more than the 100 px of the name cut off.
    header.style.width = '700px';
    fitHeader(header);
    assert.ok(oneRow(), 'one row');
    assert.equal(name.scrollWidth, name.clientWidth, 'the whole name, with room to spare');

    header.style.width = '620px';
    fitHeader(header);
    assert.ok(oneRow(), 'still one row');
    assert.equal(Math.round(who.getBoundingClientRect().width), 154, 'the cap and the 54 px to spare');

    header.style.width = '566px';
    fitHeader(header);
    assert.ok(oneRow(), 'one row');
    assert.equal(Math.round(who.getBoundingClientRect().width), 100, 'none to spare: the cap');

    header.style.width = '400px';
    fitHeader(header);
    assert.ok(header.classList.contains('compact'), 'folded');
    assert.equal(who.style.maxWidth, '', "the stylesheet's cap");
  } finally {
    stage.replaceChildren();
  }
});
