// The report form's notification address: offered when the desk sends email (GET /api/tickets/notifications),
// else shown switched off with a sentence saying so, so nobody waits for a mail that will never come.
import { api } from '../../api.js';
import { h, field } from '../../dom.js';
import { t } from '../../i18n.js';

/** The same mailbox shape as the contract's NewTicket.EMAIL, said in its words; empty is fine (optional). */
const MAILBOX = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function emailRule(value) {
  const v = value.trim();
  if (!v) return null;
  if (v.length > 254) return t('report.email.tooLong');
  return MAILBOX.test(v) ? null : t('report.email.invalid');
}

/** The field; `value()` is what the create body carries (null when empty or switched off). */
export function emailField() {
  const input = h('input', { name: 'email', type: 'email', maxlength: 254, autocomplete: 'email',
    placeholder: t('report.email.placeholder'), disabled: true });
  const el = field(t('report.email.label'), input, t('report.email.checking'));
  const hint = el.querySelector('.hint');
  api('/api/tickets/notifications').then(settings => {
    input.disabled = !settings.enabled;
    hint.textContent = t(settings.enabled ? 'report.email.on' : 'report.email.off');
  }).catch(() => {
    hint.textContent = t('report.email.unavailable');
  });
  return { el, value: () => (input.disabled || !input.value.trim() ? null : input.value.trim()) };
}
