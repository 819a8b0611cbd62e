// Staff's classifier section: how many category corrections are stored, which model is in use and its accuracy on
// the held-back corrections, and a Retrain button. The server judges a retrain on those held-back corrections and
// refuses one that would lower the accuracy; the section says so in words, with both figures.
import { api } from '../../api.js';
import { h, mount, errorBox, loading, formatDate } from '../../dom.js';
import { t } from '../../i18n.js';
import { percent } from './format.js';

export { percent };

/** The sentence for a retrain's outcome: the answer of an applied one, or the refusal (409, 422) as the server said it. */
export function outcomeText(result) {
  if (result.ok) {
    const r = result.value;
    return t('dashboard.classifier.retrained', { heldBack: r.heldBack, before: percent(r.before),
      after: percent(r.after), used: r.used });
  }
  const p = result.error.problem || {};
  if (result.error.status === 409 && typeof p.before === 'number') {
    return t('dashboard.classifier.refusedLower', { after: percent(p.after), heldBack: p.heldBack,
      before: percent(p.before), reason: result.error.message });
  }
  return t('dashboard.classifier.refused', { reason: result.error.message });
}

export function statusLines(s) {
  return [
    t('dashboard.classifier.corrections', { count: s.corrections, heldBack: s.heldBack }),
    s.shipped ? t('dashboard.classifier.shipped')
      : t('dashboard.classifier.retrainedModel', { count: s.modelCorrections, date: formatDate(s.trainedAt) }),
    s.accuracy === null || s.accuracy === undefined
      ? t('dashboard.classifier.notMeasured', { count: s.correctionsNeeded })
      : t('dashboard.classifier.accuracy', { accuracy: percent(s.accuracy) }),
  ];
}

export function classifierSection() {
  const body = h('div', { id: 'classifier-status', 'aria-live': 'polite' }, loading(t('dashboard.loading')));
  const outcome = h('p', { id: 'classifier-outcome', role: 'status' });
  const button = h('button', { type: 'button', class: 'btn btn-primary', id: 'classifier-retrain', onclick: retrain },
    t('dashboard.classifier.retrain'));
  const el = h('section', { class: 'card panel', id: 'panel-classifier' },
    h('div', { class: 'panel-head' }, h('h2', {}, t('dashboard.classifier.title'))), body,
    h('div', { class: 'panel-foot' }, button), outcome);

  async function load() {
    try {
      const s = await api('/api/classifier');
      mount(body, statusLines(s).map(line => h('p', {}, line)));
    } catch (e) {
      mount(body, errorBox(e));
    }
  }

  async function retrain() {
    button.disabled = true;
    outcome.className = '';
    outcome.textContent = t('dashboard.classifier.retraining');
    let result;
    try {
      result = { ok: true, value: await api('/api/classifier/retrain', { method: 'POST' }) };
    } catch (e) {
      result = { ok: false, error: e };
    }
    outcome.className = result.ok ? 'alert alert-ok' : 'alert alert-warn';
    outcome.textContent = outcomeText(result);
    button.disabled = false;
    await load();
  }

  return { el, load };
}
