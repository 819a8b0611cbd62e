// Integrations (staff): campus systems that open tickets through the signed webhook intake. Like an API token, a
// new integration's secret is shown once, so the card that shows it takes the focus and offers the exact commands
// that sign a test delivery; staff check the wiring before handing the secret on. Part of the tokens screen because
// both are credentials staff hand to machines, managed and revoked the same way.
import { api } from '../../api.js';
import { h, field, showFieldError, errorBox, formatDate, toast, loading, emptyState } from '../../dom.js';
import { region } from '../../region.js';

// The server's slug rule, said before the server has to refuse it (it stays the judge).
const NAME_HINT = '1 to 40 lowercase letters, digits or "-", starting with a letter or digit: '
  + 'it becomes part of the intake address and the reporter of the tickets it opens.';

// A 409's own detail starts lowercase (it is also the CLI's message), so words.js would put a ticket's 409 on it.
const taken = name => `An integration called "${name}" exists already. Choose another name, `
  + 'or revoke the old one first if it is being replaced.';

/** The "Integrations" card of the tokens screen; loads its list at once. */
export function integrationsSection() {
  let state = { integrations: null, listError: null, issued: null, creating: false };
  const list = h('div', {});
  const issued = h('div', { 'aria-live': 'polite' });
  const name = h('input', { name: 'name', type: 'text', required: true, maxlength: 40, pattern: '[a-z0-9][a-z0-9-]*',
    placeholder: 'e.g. bms', autocomplete: 'off', spellcheck: 'false' });
  const errors = h('div', { class: 'form-errors' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Create integration');
  const form = h('form', { class: 'form', novalidate: true, id: 'integration-form' },
    field('Name', name, NAME_HINT), errors, h('div', { class: 'actions' }, submit));
  const drawList = region(list, (integrations, error) => {
    if (error) return errorBox(error);
    if (!integrations) return loading();
    return integrations.length === 0
      ? emptyState('No integrations yet', 'Create one above for a campus system that should open tickets.')
      : table(integrations, revoke);
  });
  const drawIssued = region(issued, result => (result ? shownOnce(result) : null));

  function show(change) {
    state = { ...state, ...change };
    drawList(state.integrations, state.listError);
    drawIssued(state.issued);
    submit.disabled = state.creating;
  }

  async function refresh() {
    try {
      show({ integrations: await api('/api/integrations'), listError: null });
    } catch (err) {
      show({ listError: err });
    }
  }

  async function revoke(integration) {
    if (!confirm(`Revoke "${integration.name}"? Its deliveries are refused from now on; `
      + 'a new integration needs a new name or this one revoked.')) return;
    try {
      await api(`/api/integrations/${encodeURIComponent(integration.name)}`, { method: 'DELETE' });
      toast(`Revoked ${integration.name}`);
      await refresh();
    } catch (err) { toast(err.message, 'error'); }
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    errors.replaceChildren();
    show({ issued: null });
    const wanted = name.value.trim();
    if (!wanted) { showFieldError(form, { field: 'name', message: 'Give the integration a name.' }); return; }
    show({ creating: true });
    try {
      const result = await api('/api/integrations', { method: 'POST', body: { name: wanted } });
      show({ issued: result });
      form.reset();
      issued.querySelector('.token-value').focus();
      await refresh();
    } catch (err) {
      const refusal = err.status === 409 ? { field: 'name', message: taken(wanted) } : err;
      if (!showFieldError(form, refusal)) errors.replaceChildren(errorBox(err));
    } finally {
      show({ creating: false });
    }
  });

  refresh();
  return h('section', { class: 'card', id: 'integrations', 'aria-labelledby': 'integrations-heading' },
    h('h2', { id: 'integrations-heading' }, 'Integrations'),
    h('p', { class: 'hint' }, 'A campus system (a building alarm, a monitoring tool) opens tickets by posting to its '
      + 'intake address, each delivery signed with the integration\'s secret.'),
    form, issued, list);
}

/** The shell lines that sign and send one test delivery with this secret, to the intake of this very page. */
export function testDelivery(origin, integration, secret) {
  const body = JSON.stringify({ title: 'Test delivery', description: `A test from ${integration.name}`,
    externalRef: 'test-1' });
  return [
    `SECRET='${secret}'`,
    `BODY='${body}'`,
    'SIG=$(printf \'%s\' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed \'s/^.* //\')',
    'curl -X POST -H \'Content-Type: application/json\' -H "X-Helpdesk-Signature: sha256=$SIG" \\',
    `     -H "X-Delivery-Id: test-$(date +%s)" --data-raw "$BODY" ${origin}${integration.intakeUrl}`,
  ].join('\n');
}

function copyButton(text, what, fallback) {
  return h('button', { type: 'button', class: 'btn btn-small', onclick: async () => {
    try { await navigator.clipboard.writeText(text); toast(`${what} copied`); } catch { fallback(); }
  } }, `Copy ${what.toLowerCase()}`);
}

function shownOnce(result) {
  const { integration, secret } = result;
  const value = h('input', { type: 'text', readonly: true, value: secret, class: 'token-value',
    'aria-label': `The secret of ${integration.name}`, onfocus: e => e.target.select() });
  const lines = testDelivery(location.origin, integration, secret);
  const code = h('code', { class: 'curl' }, lines);
  const selectCode = () => getSelection().selectAllChildren(code);
  return h('div', { class: 'card-inset', id: 'integration-issued' },
    h('p', {}, h('strong', {}, `Integration "${integration.name}" created. `),
      'Copy its secret now: it is shown only this once. Revoke and create again if it is lost.'),
    h('div', { class: 'row' }, value, copyButton(secret, 'Secret', () => value.select())),
    h('p', { class: 'hint' }, 'Sign and send a test delivery (it opens a ticket reported by ',
      h('strong', {}, integration.name), '):'),
    h('pre', {}, code),
    copyButton(lines, 'Commands', selectCode));
}

function table(integrations, revoke) {
  return h('table', { class: 'table compact', id: 'integrations-table' },
    h('thead', {}, h('tr', {}, ['Name', 'Created by', 'Created', 'Intake address', 'State', '']
      .map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, integrations.map(i => h('tr', { dataset: { integration: i.name } },
      h('td', {}, i.name), h('td', {}, i.createdBy), h('td', {}, formatDate(i.createdAt)),
      h('td', {}, h('code', {}, i.intakeUrl)),
      h('td', {}, i.active ? 'live' : `revoked ${formatDate(i.revokedAt)}`),
      h('td', {}, i.active ? h('button', { type: 'button', class: 'btn btn-small btn-danger',
        'aria-label': `Revoke ${i.name}`, onclick: () => revoke(i) }, 'Revoke') : null)))));
}
