// Integrations (staff): campus systems that open tickets through the signed webhook intake. Like an API token, a
// new integration's secret is shown once, so the card that shows it takes the focus and offers the exact commands
// that sign a test delivery; staff check the wiring before handing the secret on. Part of the tokens screen because
// both are credentials staff hand to machines, managed and revoked the same way.
import { h, field, formatDate, toast, sentence } from '../../dom.js';
import { t } from '../../i18n.js';
import { credentialCard } from './credentials.js';

// The name hint says the server's slug rule before the server has to refuse it (it stays the judge). A 409's own
// detail starts lowercase (it is also the CLI's message), so words.js would put a ticket's 409 on it: the card says
// its own sentence instead.

/** The "Integrations" card of the tokens screen; loads its list at once. */
export function integrationsSection() {
  const list = h('div', {});
  const issued = h('div', { 'aria-live': 'polite' });
  const name = h('input', { name: 'name', type: 'text', required: true, maxlength: 40, pattern: '[a-z0-9][a-z0-9-]*',
    placeholder: t('admin.integrations.namePlaceholder'), autocomplete: 'off', spellcheck: 'false' });
  const errors = h('div', { class: 'form-errors' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('admin.integrations.create'));
  const form = h('form', { class: 'form', novalidate: true, id: 'integration-form' },
    field(t('admin.integrations.name'), name, t('admin.integrations.nameHint')), errors,
    h('div', { class: 'actions' }, submit));
  const refresh = credentialCard({ path: '/api/integrations', words: 'admin.integrations', form, name, errors, submit,
    list, issued, table, shownOnce, body: wanted => ({ name: wanted }),
    issuedShown: () => issued.querySelector('.token-value').focus(),
    refusal: (err, wanted) => (err.status === 409
      ? { field: 'name', message: t('admin.integrations.taken', { name: wanted }) } : err) });

  refresh();
  return h('section', { class: 'card', id: 'integrations', 'aria-labelledby': 'integrations-heading' },
    h('h2', { id: 'integrations-heading' }, t('admin.integrations.title')),
    h('p', { class: 'hint' }, t('admin.integrations.lead')),
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

/** A copy button; `what` names its two texts (admin.integrations.copy.<what> and .copied.<what>). */
function copyButton(text, what, fallback) {
  return h('button', { type: 'button', class: 'btn btn-small', onclick: async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast(t(`admin.integrations.copied.${what}`));
    } catch { fallback(); }
  } }, t(`admin.integrations.copy.${what}`));
}

function shownOnce(result) {
  const { integration, secret } = result;
  const value = h('input', { type: 'text', readonly: true, value: secret, class: 'token-value',
    'aria-label': t('admin.integrations.secretOf', { name: integration.name }), onfocus: e => e.target.select() });
  const lines = testDelivery(location.origin, integration, secret);
  const code = h('code', { class: 'curl', translate: 'no' }, lines);
  const selectCode = () => getSelection().selectAllChildren(code);
  return h('div', { class: 'card-inset', id: 'integration-issued' },
    h('p', {}, h('strong', {}, sentence('admin.integrations.created',
      { name: h('span', { translate: 'no' }, integration.name) })), ' ', t('admin.integrations.copyNow')),
    h('div', { class: 'row' }, value, copyButton(secret, 'secret', () => value.select())),
    h('p', { class: 'hint' }, sentence('admin.integrations.testDelivery',
      { name: h('strong', { translate: 'no' }, integration.name) })),
    h('pre', {}, code),
    copyButton(lines, 'commands', selectCode));
}

function table(integrations, revoke) {
  const headings = ['name', 'createdBy', 'created', 'intake', 'state'].map(k => t(`admin.integrations.column.${k}`));
  return h('div', { class: 'table-scroll' }, h('table', { class: 'table compact', id: 'integrations-table' },
    h('thead', {}, h('tr', {}, [...headings.map(text => h('th', { scope: 'col' }, text)),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('admin.column.actions')))])),
    h('tbody', {}, integrations.map(i => h('tr', { dataset: { integration: i.name } },
      h('td', { translate: 'no' }, i.name), h('td', { translate: 'no' }, i.createdBy),
      h('td', {}, formatDate(i.createdAt)),
      h('td', {}, h('code', { translate: 'no' }, i.intakeUrl)),
      h('td', {}, i.active ? t('admin.integrations.state.live')
        : t('admin.state.revoked', { date: formatDate(i.revokedAt) })),
      h('td', {}, i.active ? h('button', { type: 'button', class: 'btn btn-small btn-danger',
        'aria-label': t('admin.revokeNamed', { name: i.name }), onclick: () => revoke(i) }, t('admin.revoke'))
        : null))))));
}
