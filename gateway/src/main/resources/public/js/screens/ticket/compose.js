// The message box under a ticket. One Idempotency-Key per message being written: a double click, or a retry after
// a lost answer, sends the same key, so the server posts the message once; the key is renewed when the text
// changes or after the message went out. Send is disabled while a request is in flight. The box is built once, so
// neither a refusal nor a live reload of the page loses what is typed; a refusal clears as soon as the text is
// fine again, and each sent message is confirmed in a polite live region for screen readers.
import { newIdempotencyKey } from '../../api.js';
import { h, field, showFieldError, errorBox } from '../../dom.js';
import { validateAll, clearWhenValid, text as textRule } from '../../validate.js';

const MAX_BODY = 5000;
const RULES = {
  body: textRule('Please write a message first.', MAX_BODY, 'A message can be at most 5,000 characters.'),
};

/** `on.send({body, internal}, key)` posts the message and rejects with the server's refusal. */
export function composer(staff, on) {
  let key = newIdempotencyKey();
  let sending = false;
  const text = h('textarea', { name: 'body', rows: 3, maxlength: MAX_BODY, required: true, id: 'message-text' });
  const internal = staff ? h('input', { type: 'checkbox', name: 'internal', id: 'message-internal' }) : null;
  const errors = h('div', {});
  const confirmation = h('p', { class: 'confirmation', role: 'status', id: 'message-confirmation' });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'send-message' }, 'Send');
  const form = h('form', { class: 'form compose', novalidate: true },
    field(staff ? 'Reply or note' : 'Write a message', text),
    internal ? h('label', { class: 'check' }, internal, ' Internal note (only staff see it)') : null,
    errors, h('div', { class: 'actions' }, send), confirmation);
  clearWhenValid(form, RULES);
  form.addEventListener('input', () => {
    key = newIdempotencyKey();
    confirmation.textContent = '';
  });

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (sending) return;
    errors.replaceChildren();
    confirmation.textContent = '';
    if (!validateAll(form, RULES)) return;
    sending = true;
    send.disabled = true;
    send.textContent = 'Sending…';
    const isInternal = internal ? internal.checked : false;
    try {
      await on.send({ body: text.value, internal: isInternal }, key);
      text.value = '';
      if (internal) internal.checked = false;
      key = newIdempotencyKey();
      confirmation.textContent = isInternal ? 'Internal note saved.' : 'Message sent.';
    } catch (err) {
      if (!showFieldError(form, err)) errors.replaceChildren(errorBox(err));
    } finally {
      sending = false;
      send.disabled = false;
      send.textContent = 'Send';
    }
  });
  return form;
}
