// API tokens (staff): personal tokens for analysts' BI tools and scripts. A new token's value is shown once, with
// a copy button and a curl line; the list shows who issued each, when it was last used, and revokes at once.
// The state is the list, the token just issued and whether a request is running; every change re-renders.
// The integrations of the webhook intake, the other credential staff hand to machines, have their card below.
import { h, field, select, formatDate, time, toast, sentence } from '../dom.js';
import { t } from '../i18n.js';
import { credentialCard } from './tokens/credentials.js';
import { integrationsSection } from './tokens/integrations.js';

// The roles a token may carry, each with what it lets a tool do.
const ROLES = ['ANALYST', 'STAFF'];

export async function render(container) {
  const list = h('div', {});
  const issued = h('div', { 'aria-live': 'polite' });
  const name = h('input', { name: 'name', type: 'text', required: true, maxlength: 60, pattern: '[A-Za-z0-9][A-Za-z0-9._-]*',
    placeholder: t('admin.tokens.namePlaceholder'), autocomplete: 'off' });
  const role = select('role', ROLES.map(r => [r, t(`admin.tokens.roleOption.${r}`)]), 'ANALYST');
  const days = h('input', { name: 'days', type: 'number', min: 1, max: 730, value: 90, required: true });
  const errors = h('div', { class: 'form-errors' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('admin.tokens.create'));
  const form = h('form', { class: 'form', novalidate: true },
    field(t('admin.tokens.name'), name, t('admin.tokens.nameHint')),
    h('div', { class: 'row' }, field(t('admin.tokens.role'), role), field(t('admin.tokens.days'), days)),
    errors, h('div', { class: 'actions' }, submit));
  const refresh = credentialCard({ path: '/api/tokens', words: 'admin.tokens', form, name, errors, submit, list,
    issued, table, shownOnce, body: wanted => ({ name: wanted, role: role.value, days: Number(days.value) }),
    issuedShown: () => { days.value = 90; },
    refusal: (err, wanted) => (err.status === 409
      ? { field: 'name', message: t('admin.tokens.taken', { name: wanted }) } : err) });

  container.append(h('section', { class: 'page' },
    h('h1', {}, t('admin.tokens.title')),
    h('p', { class: 'lead' }, t('admin.tokens.lead')),
    h('section', { class: 'card' }, h('h2', {}, t('admin.tokens.newHeading')), form, issued),
    h('section', { class: 'card' }, h('h2', {}, t('admin.tokens.listHeading')), list),
    integrationsSection()));
  await refresh();
}

function shownOnce(result) {
  const value = h('input', { type: 'text', readonly: true, value: result.value, class: 'token-value',
    'aria-label': t('admin.tokens.newValue'), onfocus: e => e.target.select() });
  const copy = h('button', { type: 'button', class: 'btn btn-small', onclick: async () => {
    try {
      await navigator.clipboard.writeText(result.value);
      toast(t('admin.tokens.copied'));
    } catch { value.select(); }
  } }, t('admin.tokens.copy'));
  return h('div', { class: 'card-inset', id: 'token-issued' },
    h('p', {}, h('strong', {}, sentence('admin.tokens.created',
      { name: h('span', { translate: 'no' }, result.token.name) })),
      ' ', t('admin.tokens.copyNow')),
    h('div', { class: 'row' }, value, copy),
    h('p', { class: 'hint' }, t('admin.tokens.useAs'), ' ',
      h('code', { translate: 'no' },
        `curl -H "Authorization: Bearer ${result.value}" ${location.origin}/api/analytics/resolution-time`)));
}

function table(tokens, revoke) {
  const headings = ['name', 'role', 'owner', 'created', 'expires', 'lastUsed', 'state']
    .map(k => t(`admin.tokens.column.${k}`));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'table compact' },
    h('thead', {}, h('tr', {}, [...headings.map(text => h('th', { scope: 'col' }, text)),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('admin.column.actions')))])),
    h('tbody', {}, tokens.map(token => h('tr', {},
      h('td', { translate: 'no' }, token.name), h('td', {}, t(`common.role.${token.role}`)),
      h('td', { translate: 'no' }, token.owner),
      h('td', {}, formatDate(token.createdAt)), h('td', {}, formatDate(token.expiresAt)),
      h('td', {}, token.lastUsedAt ? time(token.lastUsedAt) : t('admin.tokens.never')),
      h('td', {}, stateOf(token)),
      h('td', {}, token.active ? h('button', { type: 'button', class: 'btn btn-small btn-danger',
        'aria-label': t('admin.revokeNamed', { name: token.name }), onclick: () => revoke(token) },
      t('admin.revoke')) : null))))));
}

function stateOf(token) {
  if (token.active) return t('admin.tokens.state.active');
  return token.revokedAt ? t('admin.state.revoked', { date: formatDate(token.revokedAt) })
    : t('admin.tokens.state.expired');
}
