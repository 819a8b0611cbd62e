// The report form's notification address: offered when the desk sends email (GET /api/tickets/notifications),
// else shown switched off with a sentence saying so, so nobody waits for a mail that will never come.
import { api } from '../../api.js';
import { h, field } from '../../dom.js';

/** The same mailbox shape as the contract's NewTicket.EMAIL, said in its words; empty is fine (optional). */
const MAILBOX = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function emailRule(value) {
  const v = value.trim();
  if (!v) return null;
  if (v.length > 254) return 'An email address can be at most 254 characters.';
  return MAILBOX.test(v) ? null : 'Please give an email address like name@example.org, or none.';
}

/** The field; `value()` is what the create body carries (null when empty or switched off). */
export function emailField() {
  const input = h('input', { name: 'email', type: 'email', maxlength: 254, autocomplete: 'email',
    placeholder: 'name@example.org', disabled: true });
  const el = field('Email for updates (optional)', input, 'Checking whether this desk sends email…');
  const hint = el.querySelector('.hint');
  api('/api/tickets/notifications').then(settings => {
    input.disabled = !settings.enabled;
    hint.textContent = settings.enabled
      ? 'We email you when the helpdesk answers, takes your ticket on or closes it. Only staff see this address.'
      : 'Email notifications are off on this desk: follow your ticket here.';
  }).catch(() => {
    hint.textContent = 'Email notifications are not available right now: follow your ticket here.';
  });
  return { el, value: () => (input.disabled || !input.value.trim() ? null : input.value.trim()) };
}
