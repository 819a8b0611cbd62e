// A ticket's place in a mass incident: "Part of incident #N" (staff unlink it while both are open), on an incident
// its size, "You follow this ticket" for someone who joined it, and for staff "Link to an incident…" with the open
// incidents that look like this ticket. Those suggestions are asked when staff open the form, not on every load of
// the page: a similarity search is the dearest request the page could make, and most tickets are never linked. On
// an incident, staff and analysts unfold its linked tickets, and closing it first says how many close with it.
import { api } from '../../api.js';
import { h, mount, statusBadge, toast } from '../../dom.js';
import { t } from '../../i18n.js';
import { incidentWords as words, incidentRefusalText } from '../../words.js';
import { similarRequest } from '../report/similar.js';

/** How many linked tickets an incident's page lists: the first, by number; a wave of thousands says how many more. */
export const LINKED_SHOWN = 100;

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
    // replaceChildren writes a null as the text "null": the list joins the heading only when there is one.
    const heading = h('p', { class: 'hint' }, found.length ? words.suggestedHeading : words.noSuggestion);
    el.replaceChildren(...(found.length ? [heading, h('ul', { class: 'suggested-incidents' },
      found.map(([id, title]) => h('li', {},
        h('button', { type: 'button', class: 'btn btn-small', dataset: { incident: id }, onclick: () => pick(id) },
          `#${id} `, h('span', { translate: 'no' }, title)))))] : [heading]));
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

/**
 * An incident's linked tickets, each with its status and who has it, folded under "N linked tickets" (a wave links
 * hundreds) and asked when unfolded, like the reporter's mail line. `refresh(ticket)`, with each load, redraws the
 * line and asks again only while it is unfolded.
 */
export function linkedTickets(id) {
  const summary = h('summary', {});
  const list = h('div', { class: 'linked-list', id: 'linked-list' });
  const el = h('details', { class: 'linked-tickets card-inset', id: 'linked-tickets', hidden: true }, summary, list);
  let asked = 0;
  async function ask() {
    // A reload may ask while the unfolding's question is still out: only the newest answer is drawn.
    const mine = ++asked;
    let rows;
    try {
      rows = linkedRows(await api(`/api/tickets?incident=${id}&sort=id,asc&size=${LINKED_SHOWN}`));
    } catch {
      rows = h('p', { class: 'hint' }, words.linkedUnavailable);
    }
    if (mine === asked) mount(list, rows);
  }
  el.addEventListener('toggle', () => { if (el.open) ask(); });
  return {
    el,
    refresh: ticket => {
      const count = (ticket && ticket.linkedCount) || 0;
      el.hidden = !count;
      summary.textContent = words.linkedTickets(count);
      if (el.open && count) ask();
    },
  };
}

/** The list of a page of linked tickets (GET /api/tickets?incident=N), and how many it leaves out. */
export function linkedRows({ items = [], total = 0 }) {
  return [h('ul', { class: 'linked-tickets-list' }, items.map(ticket => h('li', { dataset: { ticketId: ticket.id } },
    h('a', { href: `#/tickets/${ticket.id}` }, `#${ticket.id} `, h('span', { translate: 'no' }, ticket.title)), ' ',
    statusBadge(ticket.status),
    ticket.assignee ? h('span', { class: 'muted', translate: 'no' }, ` · ${ticket.assignee}`) : null))),
  total > items.length ? h('p', { class: 'hint' }, words.linkedMore(items.length, total)) : null];
}

/**
 * What staff are asked before closing: on an incident, how many of its linked tickets are open now and close with
 * it (asked when the button is pressed: the page's count may be minutes old and counts the closed ones too).
 */
export function closeQuestion(ticket) {
  return incidentQuestion(ticket, t('ticket.close.confirm', { id: String(ticket.id) }), 'ticket.close.confirmIncident');
}

/** What staff are asked before deleting as spam: on an incident, how many open linked tickets it lets go of. */
export function deleteQuestion(ticket) {
  return incidentQuestion(ticket, t('ticket.delete.confirm'), 'ticket.delete.confirmIncident');
}

async function incidentQuestion(ticket, plain, key) {
  if (!ticket.linkedCount) return plain;
  try {
    const { total } = await api(`/api/tickets?incident=${ticket.id}&status=OPEN,ACTIVE&size=1`);
    return total ? t(key, { id: String(ticket.id), count: total }) : plain;
  } catch {
    return plain;
  }
}
