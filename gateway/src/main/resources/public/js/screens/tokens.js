// API tokens (staff): personal tokens for analysts' BI tools and scripts. A new token's value is shown once, with
// a copy button and a curl line; the list shows who issued each, when it was last used, and revokes at once.
// The state is the list, the token just issued and whether a request is running; every change re-renders.
// The integrations of the webhook intake, the other credential staff hand to machines, have their card below.
import { api } from '../api.js';
import { h, field, showFieldError, errorBox, select, formatDate, time, toast, loading, emptyState } from '../dom.js';
import { region } from '../region.js';
import { integrationsSection } from './tokens/integrations.js';

const ROLES = [['ANALYST', 'Analyst: dashboard numbers (analytics endpoints)'], ['STAFF', 'Staff: everything staff may do']];

export async function render(container) {
  let state = { tokens: null, listError: null, issued: null, creating: false };
  const list = h('div', {});
  const issued = h('div', { 'aria-live': 'polite' });
  const name = h('input', { name: 'name', type: 'text', required: true, maxlength: 60, pattern: '[A-Za-z0-9][A-Za-z0-9._-]*',
    placeholder: 'e.g. powerbi-faculty', autocomplete: 'off' });
  const role = select('role', ROLES, 'ANALYST');
  const days = h('input', { name: 'days', type: 'number', min: 1, max: 730, value: 90, required: true });
  const errors = h('div', { class: 'form-errors' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Create token');
  const form = h('form', { class: 'form', novalidate: true },
    field('Name', name, 'Letters, digits, ".", "_" or "-": how you will recognise it in this list.'),
    h('div', { class: 'row' }, field('Role', role), field('Valid for (days)', days)),
    errors, h('div', { class: 'actions' }, submit));
  const drawList = region(list, (tokens, error) => {
    if (error) return errorBox(error);
    if (!tokens) return loading();
    return tokens.length === 0 ? emptyState('No API tokens yet', 'Create one above for a BI tool or a script.')
      : table(tokens, revoke);
  });
  const drawIssued = region(issued, result => (result ? shownOnce(result) : null));

  function show(change) {
    state = { ...state, ...change };
    drawList(state.tokens, state.listError);
    drawIssued(state.issued);
    submit.disabled = state.creating;
  }

  async function refresh() {
    try {
      show({ tokens: await api('/api/tokens'), listError: null });
    } catch (err) {
      show({ listError: err });
    }
  }

  async function revoke(token) {
    if (!confirm(`Revoke "${token.name}"? Requests with it are refused from now on.`)) return;
    try {
      await api(`/api/tokens/${encodeURIComponent(token.name)}`, { method: 'DELETE' });
      toast(`Revoked ${token.name}`);
      await refresh();
    } catch (err) { toast(err.message, 'error'); }
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    errors.replaceChildren();
    show({ issued: null });
    if (!name.value.trim()) { showFieldError(form, { field: 'name', message: 'Give the token a name.' }); return; }
    show({ creating: true });
    try {
      const result = await api('/api/tokens', { method: 'POST',
        body: { name: name.value.trim(), role: role.value, days: Number(days.value) } });
      show({ issued: result });
      form.reset();
      days.value = 90;
      await refresh();
    } catch (err) {
      if (!showFieldError(form, err)) errors.replaceChildren(errorBox(err));
    } finally {
      show({ creating: false });
    }
  });

  container.append(h('section', { class: 'page' },
    h('h1', {}, 'API tokens and integrations'),
    h('p', { class: 'lead' }, 'Analysts pull numbers into BI tools and scripts with a personal token: '
      + 'it acts as you, with the role you choose, until it expires or you revoke it.'),
    h('section', { class: 'card' }, h('h2', {}, 'New token'), form, issued),
    h('section', { class: 'card' }, h('h2', {}, 'Tokens'), list),
    integrationsSection()));
  show({});
  await refresh();
}

function shownOnce(result) {
  const value = h('input', { type: 'text', readonly: true, value: result.value, class: 'token-value',
    'aria-label': 'The new token', onfocus: e => e.target.select() });
  const copy = h('button', { type: 'button', class: 'btn btn-small', onclick: async () => {
    try { await navigator.clipboard.writeText(result.value); toast('Token copied'); } catch { value.select(); }
  } }, 'Copy');
  return h('div', { class: 'card-inset', id: 'token-issued' },
    h('p', {}, h('strong', {}, `Token "${result.token.name}" created. `),
      'Copy it now: it is shown only this once and kept only as a hash.'),
    h('div', { class: 'row' }, value, copy),
    h('p', { class: 'hint' }, 'Use it as: ',
      h('code', {}, `curl -H "Authorization: Bearer ${result.value}" ${location.origin}/api/analytics/resolution-time`)));
}

function table(tokens, revoke) {
  return h('table', { class: 'table compact' },
    h('thead', {}, h('tr', {}, ['Name', 'Role', 'Issued by', 'Created', 'Expires', 'Last used', 'State', '']
      .map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, tokens.map(t => h('tr', {},
      h('td', {}, t.name), h('td', {}, t.role), h('td', {}, t.owner),
      h('td', {}, formatDate(t.createdAt)), h('td', {}, formatDate(t.expiresAt)),
      h('td', {}, t.lastUsedAt ? time(t.lastUsedAt) : 'never'),
      h('td', {}, t.active ? 'active' : (t.revokedAt ? `revoked ${formatDate(t.revokedAt)}` : 'expired')),
      h('td', {}, t.active ? h('button', { type: 'button', class: 'btn btn-small btn-danger', onclick: () => revoke(t) },
        'Revoke') : null)))));
}
