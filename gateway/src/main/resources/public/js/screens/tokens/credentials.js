// What the API tokens and the integrations cards share: both are credentials staff hand to machines. A list loaded
// from the server (revoked by name, after a confirmation), a create form whose request runs once at a time, and
// the credential just issued, shown once. Each card brings its own words (`words`: its catalogue prefix), table,
// shown-once card and request body.
import { api } from '../../api.js';
import { showFieldError, errorBox, toast, loading, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { region } from '../../region.js';

/**
 * Wires `form` (its `name` field, `errors` box and `submit` button) to POST `body()` to `path`, and draws the list
 * into `list` and the issued credential into `issued`. `issuedShown(result)` runs once the card is drawn (a reset of
 * the card's own fields, a focus); `refusal(err, wanted)` may turn an error into a field's message. Returns
 * `refresh`, which loads the list.
 */
export function credentialCard({ path, words, form, name, errors, submit, list, issued, table, shownOnce, body,
  issuedShown = () => {}, refusal = err => err }) {
  let state = { items: null, listError: null, issued: null, creating: false };
  const drawList = region(list, (items, error) => {
    if (error) return errorBox(error);
    if (!items) return loading(t('admin.loading'));
    return items.length === 0 ? emptyState(t(`${words}.emptyTitle`), t(`${words}.emptyText`)) : table(items, revoke);
  });
  const drawIssued = region(issued, result => (result ? shownOnce(result) : null));

  function show(change) {
    state = { ...state, ...change };
    drawList(state.items, state.listError);
    drawIssued(state.issued);
    submit.disabled = state.creating;
  }

  /**
   * A name the service refused: the rule, as the field's hint says it in the person's language, rather than the
   * general "check your name" of the sign-in (all words.js knows of an input called name).
   */
  function nameRule(err) {
    if (!err || err.status !== 400) return err;
    const rule = { field: 'name', message: t(`${words}.nameHint`), localized: true };
    const violations = err.violations || [];
    if (violations.some(v => v.field === 'name')) {
      // Only the name's sentence is replaced; what the refusal says of the other inputs stays beside them.
      return { violations: violations.map(v => (v.field === 'name' ? rule : v)) };
    }
    return err.field === 'name' ? rule : err;
  }

  async function refresh() {
    try {
      show({ items: await api(path), listError: null });
    } catch (err) {
      show({ listError: err });
    }
  }

  async function revoke(item) {
    if (!confirm(t(`${words}.confirmRevoke`, { name: item.name }))) return;
    try {
      await api(`${path}/${encodeURIComponent(item.name)}`, { method: 'DELETE' });
      toast(t(`${words}.revokedToast`, { name: item.name }));
      // A revoked credential's value, still offered to copy, would only be pasted somewhere to fail.
      if (issuedName(state.issued) === item.name) show({ issued: null });
      await refresh();
    } catch (err) { toast(err.message, 'error'); }
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    errors.replaceChildren();
    // The last attempt's refusal goes: this one is judged afresh.
    showFieldError(form, null);
    show({ issued: null });
    const wanted = name.value.trim();
    if (!wanted) { showFieldError(form, { field: 'name', message: t(`${words}.nameNeeded`) }); return; }
    show({ creating: true });
    try {
      const result = await api(path, { method: 'POST', body: body(wanted) });
      show({ issued: result });
      form.reset();
      issuedShown(result);
      await refresh();
    } catch (err) {
      if (!showFieldError(form, nameRule(refusal(err, wanted)))) errors.replaceChildren(errorBox(err));
    } finally {
      show({ creating: false });
    }
  });

  show({});
  return refresh;
}

/** The name of a credential just issued: a token's answer carries `token`, an integration's `integration`. */
function issuedName(result) {
  return result ? (result.token || result.integration || {}).name : undefined;
}
