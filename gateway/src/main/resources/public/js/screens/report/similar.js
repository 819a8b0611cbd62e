// "Is it one of these?": while a student types a report, the open tickets that look like the same problem
// (GET /api/tickets/similar, at most five, best first), each with how many joined it and "This is my problem too"
// (POST /api/tickets/{id}/followers), which makes the student a follower and opens that ticket. They may still send
// their own report. A request goes out only after a pause in typing, only for text long enough to compare and only
// when the text or the location changed since the last one; the list is redrawn only when the answer differs, so it
// never flickers, and it lives beside the form, so nothing typed is touched.
import { api, query } from '../../api.js';
import { h, data, toast } from '../../dom.js';
import { whenChanged } from '../../region.js';
import { debounce, realClock } from '../../schedule.js';
import { incidentWords as words, joinRefusalText } from '../../words.js';

/** Shorter than this, a text says too little to compare ("wifi" alone would match half the desk). */
export const MIN_TEXT = 12;
/** The start of a long description says what the problem is; the rest would only lengthen the address. */
export const MAX_TEXT = 1000;
export const PAUSE_MS = 400;

/**
 * The request for what is typed, or null when there is too little to ask about. Line breaks become spaces: the
 * route takes one line of text (it refuses control characters, a line break among them), and the words are what
 * it compares.
 */
export function similarRequest(title, description, location) {
  const text = `${title} ${description}`.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  if (text.length < MIN_TEXT) return null;
  return `/api/tickets/similar${query({ text, location: location.replace(/\s+/g, ' ').trim().slice(0, 100) })}`;
}

/**
 * The panel under the form's fields. `fields` are the title, description and location inputs; call `changed()` on
 * every input and `stop()` when the form goes (tests give their own clock); `onJoined(id)` once the student has
 * joined a ticket, before its page opens.
 */
export function similarPanel(fields, { clock = realClock, wait = PAUSE_MS, onJoined = () => {} } = {}) {
  const list = h('ul', { class: 'similar-list' });
  const status = h('p', { class: 'similar-status', role: 'status' });
  const panel = h('section', { class: 'similar', id: 'similar-tickets', hidden: true, 'aria-labelledby': 'similar-heading' },
    h('h2', { id: 'similar-heading' }, words.similarHeading), h('p', { class: 'hint' }, words.similarLead), list, status);
  let asked = null;
  let abort = null;
  let joining = false;

  // Drawn from a signature of what is shown, so the same answer again (the usual case while typing on) keeps the
  // very same elements: no flicker, and a focused button stays focused.
  const draw = whenChanged(signature => {
    const items = signature ? JSON.parse(signature) : [];
    panel.hidden = items.length === 0;
    list.replaceChildren(...items.map(item));
  });

  function item(t) {
    const button = h('button', { type: 'button', class: 'btn btn-small', dataset: { join: t.id } }, words.join);
    button.addEventListener('click', () => join(t.id, button));
    return h('li', { class: 'similar-item', dataset: { ticketId: t.id } },
      h('a', { href: `#/tickets/${t.id}`, class: 'similar-title' }, data('span', {}, t.title)),
      h('span', { class: 'muted similar-joined' }, words.joined(t.followers)), button);
  }

  async function join(id, button) {
    if (joining) return;
    joining = true;
    button.disabled = true;
    button.textContent = words.joining;
    status.textContent = '';
    try {
      await api(`/api/tickets/${id}/followers`, { method: 'POST' });
      onJoined(id);
      toast(words.joinedNotice(id), 'success');
      window.location.hash = `#/tickets/${id}`;
    } catch (err) {
      status.textContent = joinRefusalText(err);
      button.disabled = false;
      button.textContent = words.join;
    } finally {
      joining = false;
    }
  }

  const ask = debounce(async () => {
    const url = similarRequest(fields.title.value, fields.description.value, fields.location.value);
    if (url === asked) return;
    asked = url;
    if (abort) abort.abort();
    if (!url) {
      draw('');
      return;
    }
    abort = new AbortController();
    try {
      const answer = await api(url, { signal: abort.signal });
      draw(JSON.stringify((answer.items || []).slice(0, 5).map(({ id, title, followers }) => ({ id, title, followers }))));
    } catch (err) {
      // The suggestions are a help, not the form: when they fail the student just files, and the next pause asks again.
      if (err.name !== 'AbortError') asked = null;
    }
  }, wait, { clock });

  return {
    el: panel,
    changed: ask,
    stop() {
      ask.cancel();
      if (abort) abort.abort();
    },
  };
}
