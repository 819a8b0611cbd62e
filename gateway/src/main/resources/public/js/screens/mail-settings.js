// A staff member's own mail setting: where to be told of new messages on the tickets assigned to them, and whether
// at all. Staff have no accounts, so the server keys it by the name signed in with; this page never names anyone.
import { api } from '../api.js';
import { h, field, showFieldError, errorBox, toast } from '../dom.js';
import { t } from '../i18n.js';

export async function render(container) {
  const [current, desk] = await Promise.all([api('/api/tickets/notifications/me'),
    api('/api/tickets/notifications').catch(() => ({ enabled: true }))]);
  const email = h('input', { name: 'email', type: 'email', maxlength: 254, autocomplete: 'email',
    placeholder: t('admin.mail.emailPlaceholder'), value: current.email || '' });
  const enabled = h('input', { name: 'enabled', type: 'checkbox', checked: current.enabled });
  const errors = h('div', { class: 'form-errors' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('admin.mail.save'));
  const form = h('form', { class: 'form', novalidate: true, id: 'mail-settings' },
    field(t('admin.mail.email'), email, t('admin.mail.emailHint')),
    h('div', { class: 'field' }, h('label', { class: 'check' }, enabled,
      ' ', t('admin.mail.enabled'))),
    errors, h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async e => {
    e.preventDefault();
    errors.replaceChildren();
    submit.disabled = true;
    try {
      const saved = await api('/api/tickets/notifications/me', { method: 'PUT',
        body: { email: email.value.trim() || null, enabled: enabled.checked } });
      showFieldError(form, null);
      email.value = saved.email || '';
      enabled.checked = saved.enabled;
      toast(t('admin.mail.saved'));
    } catch (err) {
      if (!showFieldError(form, err)) errors.replaceChildren(errorBox(err));
    } finally {
      submit.disabled = false;
    }
  });

  container.append(h('section', { class: 'page' },
    h('h1', {}, t('admin.mail.title')),
    h('p', { class: 'lead' }, t('admin.mail.lead')),
    // Saved while the desk has no mail server, the setting would look like a promise of mail that never comes.
    desk.enabled ? null : h('p', { class: 'alert', role: 'status', id: 'mail-desk-off' }, t('admin.mail.deskOff')),
    h('section', { class: 'card' }, form)));
}
