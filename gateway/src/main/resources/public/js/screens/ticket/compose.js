// The message box under a ticket. One Idempotency-Key per message being written: a double click, or a retry after
// a lost answer, sends the same key, so the server posts the message once; the key is renewed when the text
// changes or after the message went out. Send is disabled while a request is in flight. The box is built once, so
// neither a refusal nor a live reload of the page loses what is typed; a refusal clears as soon as the text is
// fine again, and each sent message is confirmed in a polite live region for screen readers. Files chosen with a
// message are uploaded under it once it is posted; a refused one is named with its reason, the message stays sent.
// Ctrl+Enter (Cmd+Enter on a Mac) in the box sends as Send does, through the same submit and its checks. Staff
// answering an ACTIVE ticket may also "Send and close": the last answer and the close in one press, as most answers
// that solve a problem end (the page shows that button while the ticket can be closed: `closeButton`).
import { newIdempotencyKey } from '../../api.js';
import { h, append, field, showFieldError, errorBox, sentence } from '../../dom.js';
import { validateAll, clearWhenValid, text as textRule, withCount } from '../../validate.js';
import { filePicker } from '../../attachments/picker.js';
import { refusedText } from '../../attachments/upload.js';
import { t } from '../../i18n.js';
import { keepDraft } from '../../drafts.js';

const MAX_BODY = 5000;
// Built when the form is, so the refusals are in the language the form is drawn in.
const rules = () => ({
  body: textRule(t('ticket.compose.empty'), MAX_BODY, t('ticket.compose.tooLong', { count: MAX_BODY })),
});

/**
 * Whether a key pressed in the message box sends it: Enter with Ctrl or Cmd (Meta), and nothing else held. Enter
 * alone is a new line; an Enter that ends an input method's composition belongs to that method.
 */
export function sendsMessage(e) {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && !e.isComposing;
}

/**
 * `on.send({body, internal}, key, files, onEach)` posts the message, uploads the files under it and resolves to the
 * refused ones; it rejects with the server's refusal of the message. With `on.sendAndClose` (staff), the same
 * arguments: it asks first, sends, then closes the ticket, and resolves to null when the person did not confirm. The text is kept as a draft under `place` for
 * `owner` (drafts.js) until it is sent. `sentText()` may say more than "Message sent." of a public message (on an
 * incident, that it reached the linked tickets too).
 */
export function composer(staff, on, { place = null, owner = null, sentText = () => null } = {}) {
  const RULES = rules();
  let key = newIdempotencyKey();
  let sending = false;
  const text = h('textarea', { name: 'body', rows: 3, maxlength: MAX_BODY, required: true, id: 'message-text',
    'aria-keyshortcuts': 'Control+Enter Meta+Enter' });
  const internal = staff ? h('input', { type: 'checkbox', name: 'internal', id: 'message-internal' }) : null;
  const errors = h('div', {});
  const confirmation = h('p', { class: 'confirmation', role: 'status', id: 'message-confirmation' });
  const send = h('button', { type: 'submit', class: 'btn btn-primary', id: 'send-message' }, t('ticket.compose.send'));
  const sendAndClose = staff && on.sendAndClose ? h('button', { type: 'submit', class: 'btn', id: 'send-and-close',
    hidden: true }, t('ticket.compose.sendAndClose')) : null;
  const form = h('form', { class: 'form compose', novalidate: true });
  const files = filePicker(form, { idPrefix: 'message' });
  // The choice comes before the text, and a note looks like one (tinted, its own button): a missed tick under the box
  // sent "the student seems annoyed" to the student.
  append(form, [internal ? h('label', { class: 'check' }, internal, ' ', t('ticket.compose.internal')) : null,
    // The room left, and a paste cut to fit said so: a long log pasted lost its end without a word.
    withCount(field(staff ? t('ticket.compose.labelStaff') : t('ticket.compose.label'), text), text),
    files.el, errors, h('div', { class: 'actions' }, send, sendAndClose,
      h('span', { class: 'hint send-shortcut', id: 'send-shortcut' }, t('ticket.compose.sendShortcut'))),
    confirmation]);
  const idleLabel = () => (internal && internal.checked ? t('ticket.compose.addNote') : t('ticket.compose.send'));
  const showMode = () => {
    const note = Boolean(internal && internal.checked);
    form.classList.toggle('note', note);
    send.classList.toggle('btn-primary', !note);
    send.classList.toggle('btn-note', note);
    if (!sending) send.textContent = idleLabel();
    // A note is for colleagues: a close goes with an answer the reporter reads.
    if (sendAndClose) sendAndClose.classList.toggle('in-note', note);
  };
  if (internal) internal.addEventListener('change', showMode);
  // Which button sent the form, where a browser does not say (SubmitEvent.submitter: Safari before 15.4): a press of
  // "Send and close" marks the submit it starts.
  let closePressed = false;
  if (sendAndClose) sendAndClose.addEventListener('click', () => { closePressed = true; });
  clearWhenValid(form, RULES);
  const draft = place ? keepDraft(form, place, owner) : null;
  form.addEventListener('input', e => {
    // Files are not the message's text: choosing them is no new message, but the last send's word on refused files
    // is about other files.
    if (e.target.type === 'file') {
      errors.replaceChildren();
      return;
    }
    key = newIdempotencyKey();
    confirmation.textContent = '';
  });

  // The form's own submit, so a second press while the first is sending is turned away as a second click is.
  text.addEventListener('keydown', e => {
    if (!sendsMessage(e)) return;
    e.preventDefault();
    form.requestSubmit();
  });

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const pressed = e.submitter ? e.submitter === sendAndClose : closePressed;
    closePressed = false;
    if (sending) return;
    errors.replaceChildren();
    confirmation.textContent = '';
    if (!validateAll(form, RULES)) return;
    const isInternal = internal ? internal.checked : false;
    const closing = Boolean(sendAndClose) && pressed && !isInternal;
    sending = true;
    send.disabled = true;
    if (sendAndClose) sendAndClose.disabled = true;
    send.textContent = t('ticket.compose.sending');
    const sent = text.value;
    try {
      const chosen = files.files();
      const each = (file, i) => {
        confirmation.replaceChildren(...sentence('ticket.compose.uploading', { name: file.name },
          { index: i + 1, count: chosen.length }));
      };
      const answer = await (closing ? on.sendAndClose : on.send)({ body: sent, internal: isInternal }, key, chosen,
        each);
      // Not confirmed: nothing was sent, the text stays as it was.
      if (closing && answer === null) return;
      const refused = answer || [];
      // A send may take seconds (api.js tries again after a stall) while the box stays open for typing: what was
      // written meanwhile is the next message, and stays.
      if (text.value === sent) {
        text.value = '';
        // To the box alone (it does not bubble): its count of room left goes, the form's own listeners stay quiet.
        text.dispatchEvent(new Event('input'));
        if (draft) draft.clear();
        // Only with the text it was ticked for: a note typed and ticked during a long send must stay a note.
        if (internal) internal.checked = false;
      }
      showMode();
      files.clear();
      key = newIdempotencyKey();
      confirmation.textContent = isInternal ? t('ticket.compose.noteSaved') : sentText() || t('ticket.compose.sent');
      // Back to the empty box, ready for the next message; the confirmation above is read out by itself.
      text.focus();
      if (refused.length) {
        errors.replaceChildren(h('div', { class: 'alert alert-error', role: 'alert' },
          h('ul', {}, refusedText(refused).map(s => h('li', {}, s)))));
      }
    } catch (err) {
      if (!showFieldError(form, err)) errors.replaceChildren(errorBox(err));
    } finally {
      sending = false;
      send.disabled = false;
      if (sendAndClose) sendAndClose.disabled = false;
      send.textContent = idleLabel();
    }
  });
  if (draft) draft.restore();
  showMode();
  return form;
}

/** The composer's "Send and close" button, which the page shows while the ticket can be closed; null for students. */
export function closeButton(form) {
  return form.querySelector('#send-and-close');
}

