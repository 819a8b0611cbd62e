// What someone is typing outlives the end of their session: when a session ends, the page goes to sign-in (app.js)
// and comes back after it, drawn anew, and a form's text would be gone. Each text field of a form is kept in this
// tab's sessionStorage as it is typed, per place (a page, a ticket) and per field, put back when the form is drawn
// again for the same person, and dropped once the form was sent. Only fields of visible text and the form's check
// boxes are kept: never a password, nor a hidden field, nor a chosen file. A check box belongs to its text: a staff
// note drawn back as a public reply (its tick lost on reload) went to the student with one Ctrl+Enter.
const PREFIX = 'helpdesk.draft.';
// By the element's `type`: a password, a hidden field and a file are not among them.
const KEPT = new Set(['text', 'textarea', 'email', 'search', 'url', 'tel', 'number', 'select-one', 'checkbox']);

function kept(el) {
  return Boolean(el.name) && KEPT.has(el.type) && !/password|token|secret|code/i.test(el.name);
}

function storage() {
  try { return globalThis.sessionStorage || null; } catch { return null; }
}

/**
 * Keeps the fields of `form` under `place` (e.g. "report", "ticket.42.reply") for `owner` (who is signed in: another
 * person signing in on this tab is never shown someone else's text). Returns `restore()`, which puts the kept text
 * back into fields still empty and tells the form's input handlers (so they react as to typing), and `clear()`.
 */
export function keepDraft(form, place, owner) {
  const store = storage();
  const key = name => `${PREFIX}${place}.${name}`;
  const fields = () => [...form.elements].filter(kept);

  function save(el) {
    if (!store || !kept(el)) return;
    const value = el.type === 'checkbox' ? (el.checked ? 'checked' : '') : el.value;
    try {
      if (value) store.setItem(key(el.name), JSON.stringify({ owner, value }));
      else store.removeItem(key(el.name));
    } catch { /* storage full or refused: the text is only not kept */ }
  }
  form.addEventListener('input', e => save(e.target));
  form.addEventListener('change', e => save(e.target));

  return {
    restore() {
      if (!store) return;
      for (const el of fields()) {
        let draft = null;
        try { draft = JSON.parse(store.getItem(key(el.name))); } catch { draft = null; }
        if (!draft || draft.owner !== owner || typeof draft.value !== 'string') continue;
        if (el.type === 'checkbox') {
          if (el.checked || draft.value !== 'checked') continue;
          el.checked = true;
          el.dispatchEvent(new Event('change', { bubbles: true }));
          continue;
        }
        if (el.value === draft.value || (el.value && el.tagName !== 'SELECT')) continue;
        el.value = draft.value;
        el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      }
    },
    clear() {
      if (!store) return;
      for (const el of fields()) store.removeItem(key(el.name));
    },
  };
}

/** Whose drafts a page keeps and restores: the person signed in, by name and role. */
export function draftOwner(session) {
  return session && session.signedIn !== false && session.name ? `${session.role}:${session.name}` : null;
}

/** Signing out on purpose leaves nothing of what was typed for the next person at this browser. */
export function forgetDrafts() {
  const store = storage();
  if (!store) return;
  Object.keys(store).filter(k => k.startsWith(PREFIX)).forEach(k => store.removeItem(k));
}
