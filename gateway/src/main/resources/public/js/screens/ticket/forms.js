// The forms of a ticket's screen: the editor (open while editing) and the handover; the message box is compose.js.
// What is typed stays in the form until it is sent; a refused send shows the server's reason next to the field it
// names.
import { h, field, showFieldError, errorBox, label, select, PRIORITIES } from '../../dom.js';
import { t } from '../../i18n.js';
import { conflictMessage } from './state.js';
import { withCount } from '../../validate.js';

/**
 * `on.save(values)` sends the change and rejects with the server's refusal; `on.cancel()` closes the editor, on
 * Cancel or Escape.
 */
export function editor(ticket, on) {
  const title = h('input', { name: 'title', value: ticket.title, maxlength: 200, required: true });
  const description = h('textarea', { name: 'description', rows: 5, maxlength: 10000 });
  description.value = ticket.description;
  const location = h('input', { name: 'location', value: ticket.location || '', maxlength: 100 });
  const priority = select('priority', PRIORITIES.map(p => [p, label.priority(p)]), ticket.priority);
  const errors = h('div', {});
  const form = h('form', { class: 'form card-inset', novalidate: true },
    h('h2', {}, t('ticket.edit.heading')), withCount(field(t('ticket.edit.title'), title), title),
    withCount(field(t('ticket.edit.description'), description), description),
    h('div', { class: 'row' }, field(t('ticket.edit.location'), location), field(t('ticket.edit.priority'), priority)),
    errors,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('ticket.edit.save')),
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: on.cancel }, t('ticket.edit.cancel'))));
  // Escape closes it as Cancel does; what was changed is dropped only when the person says so (one stray key must not
  // lose a long edit), and an Escape that ends a composition (an input method's) is that method's.
  const shown = () => [title.value, description.value, location.value, priority.value].join('\u0000');
  const before = shown();
  form.addEventListener('keydown', e => {
    if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
    e.preventDefault();
    if (shown() !== before && !confirm(t('ticket.edit.discard'))) return;
    on.cancel();
  });
  // Only what the person changed is sent: a save then leaves alone what someone else changed meanwhile in the other
  // fields, and one made "on top" of their version (after a conflict) overwrites no more than it must.
  // Against the fields as drawn, not the ticket's text: a box holds its text its own way (a one-line box drops line
  // breaks, a text area turns CR LF into LF), and a title sent with a line break through the API was "changed"
  // under the name of whoever saved only a new priority.
  const now = () => ({ title: title.value.trim(), description: description.value, location: location.value.trim(),
    priority: priority.value });
  const opened = now();
  const changes = () => Object.fromEntries(Object.entries(now()).filter(([k, v]) => v !== opened[k]));
  const send = async onTop => {
    errors.replaceChildren();
    const changed = changes();
    if (Object.keys(changed).length === 0) {
      on.cancel();
      return;
    }
    try {
      await on.save(changed, { onTop });
    } catch (err) {
      if (showFieldError(form, err)) return;
      if (!conflictMessage(err, true)) {
        errors.replaceChildren(errorBox(err));
        return;
      }
      // Their version is on the page above; the person's edits stay here, to keep or to drop.
      errors.replaceChildren(h('div', { class: 'alert alert-error', role: 'alert' },
        h('p', {}, conflictMessage(err, true)),
        h('button', { type: 'button', class: 'btn btn-small', id: 'save-on-top', onclick: () => send(true) },
          t('ticket.conflict.saveOnTop'))));
    }
  };
  form.addEventListener('submit', e => {
    e.preventDefault();
    send(false);
  });
  return form;
}

/**
 * Hand the ticket to another staff member: a name field suggesting the staff names seen so far (`suggest(names)`
 * refreshes them), built once so a live reload never eats what is typed. `on.handOver(name)` sends it and rejects
 * with the server's refusal, shown in words under the field, or resolves to false when the sender thought better of
 * it (the name stays, to be corrected).
 */
export function handover(on) {
  const list = h('datalist', { id: 'handover-names' });
  const name = h('input', { name: 'assignee', id: 'handover-name', list: 'handover-names', maxlength: 80,
    autocomplete: 'off', required: true });
  const errors = h('div', {});
  const submit = h('button', { type: 'submit', class: 'btn' }, t('ticket.handover.submit'));
  const form = h('form', { class: 'form handover', novalidate: true, 'aria-label': t('ticket.handover.label') },
    field(t('ticket.handover.to'), name, t('ticket.handover.hint')), list, errors,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    errors.replaceChildren();
    const to = name.value.trim();
    if (!to) {
      showFieldError(form, { field: 'assignee', message: t('ticket.handover.missing') });
      return;
    }
    submit.disabled = true;
    try {
      if (await on.handOver(to) !== false) {
        name.value = '';
        showFieldError(form, null);
      }
    } catch (err) {
      if (!showFieldError(form, err)) {
        const conflict = conflictMessage(err, false);
        errors.replaceChildren(errorBox(conflict ? new Error(conflict) : err));
      }
    } finally {
      submit.disabled = false;
    }
  });
  let shown = '';
  form.suggest = names => {
    if (names.join('\n') === shown) return;
    shown = names.join('\n');
    list.replaceChildren(...names.map(n => h('option', { value: n })));
  };
  return form;
}

