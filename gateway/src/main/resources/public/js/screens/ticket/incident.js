// A ticket's place in a mass incident: "Part of incident #N" (staff unlink it while both are open), on an incident
// its size, "You follow this ticket" for someone who joined it, and for staff "Link to an incident…" with the open
// incidents that look like this ticket. Those suggestions are asked when staff open the form, not on every load of
// the page: a similarity search is the dearest request the page could make, and most tickets are never linked.
import { api } from '../../api.js';
import { h, toast } from '../../dom.js';
import { incidentWords as words, incidentRefusalText } from '../../words.js';
import { similarRequest } from '../report/similar.js';

const isOpen = t => t && t.status !== 'CLOSED';

/** Whether `me` joined this ticket: the history records each follower's FOLLOWED event, by them. */
export function follows(history, me) {
  return (history || []).some(e => e.type === 'FOLLOWED' && e.actor === me);
}

/** Staff link an open ticket that is in no incident and is no incident itself. */
export function canLink(state) {
  const t = state.ticket;
  return Boolean(state.staff && isOpen(t) && !t.incidentId && !t.linkedCount && !state.deleted);
}

/**
 * The incidents to suggest for `ticket`, from the similar search's items and each one's ticket: open incidents
 * (tickets with linked tickets, in no incident themselves), not the ticket itself. [id, title] pairs, best first.
 */
export function suggestedIncidents(ticket, items, fetched) {
  return items.filter(s => s.id !== ticket.id).map(s => fetched.get(s.id))
    .filter(t => t && t.linkedCount > 0 && !t.incidentId && isOpen(t)).map(t => [t.id, t.title]);
}

/** The part under the heading: incident, size, following; `on.unlink()` unlinks this ticket from its incident. */
export function incidentInfo(ticket, history, state, me, on) {
  if (!ticket) return null;
  const parts = [];
  if (ticket.incidentId) {
    parts.push(h('p', { class: 'part-of', id: 'part-of-incident' }, `${words.partOf} `,
      h('a', { href: `#/tickets/${ticket.incidentId}` }, `#${ticket.incidentId}`),
      state.staff && isOpen(ticket) ? [' ', h('button', { type: 'button', class: 'btn btn-small', id: 'unlink',
        // Once: the page redraws it from the answer, whichever it is.
        onclick: e => { e.currentTarget.disabled = true; on.unlink(); } }, words.unlink)] : null));
  }
  if (ticket.linkedCount) {
    parts.push(h('p', { class: 'incident-size', id: 'incident-size' },
      words.incidentSize(ticket.linkedCount, ticket.followerCount || 0)));
  }
  if (!state.staff && follows(history, me)) parts.push(h('p', { class: 'following', id: 'following' }, words.following));
  return parts.length ? h('div', { class: 'incident-info' }, parts) : null;
}

/**
 * "Link to an incident…": a disclosure built once (so a live reload never eats the number typed), its suggestions
 * asked the first time it opens. `on.link(incidentId)` links this ticket and rejects with the refusal.
 */
export function linkForm(getTicket, on) {
  const number = h('input', { type: 'number', min: 1, name: 'incident', id: 'link-to-incident', required: true });
  const result = h('p', { class: 'link-result', role: 'status', id: 'link-to-result' });
  const suggestions = h('div', { class: 'link-suggestions', id: 'link-suggestions' });
  const send = h('button', { type: 'submit', class: 'btn' }, words.link);
  const form = h('form', { class: 'form', novalidate: true },
    h('label', { for: 'link-to-incident' }, words.linkToLabel), h('p', { class: 'hint' }, words.linkToHint),
    suggestions, h('div', { class: 'inline-form' }, number, send), result);
  const box = h('details', { class: 'link-to card-inset', id: 'link-to' }, h('summary', {}, words.linkTo), form);
  let asked = false;
  box.addEventListener('toggle', () => {
    if (!box.open || asked) return;
    asked = true;
    suggest(getTicket(), suggestions, id => { number.value = String(id); });
  });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const incident = Number(number.value);
    if (!Number.isInteger(incident) || incident < 1) {
      result.textContent = words.enterNumber;
      return;
    }
    send.disabled = true;
    result.textContent = '';
    try {
      await on.link(incident);
      number.value = '';
      box.open = false;
    } catch (err) {
      result.textContent = incidentRefusalText(err);
    } finally {
      send.disabled = false;
    }
  });
  return box;
}

async function suggest(ticket, el, pick) {
  const url = ticket && similarRequest(ticket.title, ticket.description, ticket.location || '');
  if (!url) return;
  try {
    const { items = [] } = await api(url);
    const shown = items.filter(s => s.id !== ticket.id);
    const fetched = new Map((await Promise.all(shown.map(s => api(`/api/tickets/${s.id}`).catch(() => null))))
      .filter(Boolean).map(t => [t.id, t]));
    const found = suggestedIncidents(ticket, items, fetched);
    el.replaceChildren(h('p', { class: 'hint' }, found.length ? words.suggestedHeading : words.noSuggestion),
      found.length ? h('ul', { class: 'suggested-incidents' }, found.map(([id, title]) => h('li', {},
        h('button', { type: 'button', class: 'btn btn-small', dataset: { incident: id }, onclick: () => pick(id) },
          `#${id} `, h('span', { translate: 'no' }, title))))) : null);
  } catch {
    // Without suggestions the number can still be typed.
  }
}

/** The requests of linking and unlinking, with the toast each success gives. */
export function incidentActions(id, getTicket, reload) {
  return {
    link: async incident => {
      await api(`/api/tickets/${incident}/links`, { method: 'POST', body: { tickets: [id] } });
      toast(words.linkedTo(incident), 'success');
      await reload();
    },
    unlink: async () => {
      const incident = getTicket().incidentId;
      await api(`/api/tickets/${incident}/links/${id}`, { method: 'DELETE' });
      toast(words.unlinked(id), 'success');
      await reload();
    },
  };
}
