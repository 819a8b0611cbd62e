// Staff's classifier section: how many category corrections are stored, which model is in use and its accuracy on
// the held-back corrections, and a Retrain button. The server judges a retrain on those held-back corrections and
// refuses one that would lower the accuracy; the section says so in words, with both figures.
import { api } from '../../api.js';
import { h, mount, errorBox, loading, formatDate } from '../../dom.js';

export function percent(share) {
  return share === null || share === undefined ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
}

/** The sentence for a retrain's outcome: the answer of an applied one, or the refusal (409, 422) as the server said it. */
export function outcomeText(result) {
  if (result.ok) {
    const r = result.value;
    return `Retrained and in use: accuracy on ${r.heldBack} held-back corrections ${percent(r.before)} before, `
      + `${percent(r.after)} after (trained with ${r.used}).`;
  }
  const p = result.error.problem || {};
  if (result.error.status === 409 && typeof p.before === 'number') {
    return `Not retrained: the new model would get ${percent(p.after)} of the ${p.heldBack} held-back corrections `
      + `right, the model in use ${percent(p.before)}. The model in use stays. ${result.error.message}`;
  }
  return `Not retrained: ${result.error.message}`;
}

export function statusLines(s) {
  return [
    `${s.corrections} category corrections stored by staff; every fifth (${s.heldBack}) is held back to judge a retrain.`,
    s.shipped ? 'Model in use: the shipped one (no staff corrections yet).'
      : `Model in use: retrained with ${s.modelCorrections} corrections on ${formatDate(s.trainedAt)}.`,
    s.accuracy === null || s.accuracy === undefined
      ? `Accuracy on held-back corrections: not measured until ${s.correctionsNeeded} corrections are stored.`
      : `Accuracy on held-back corrections: ${percent(s.accuracy)}.`,
  ];
}

export function classifierSection() {
  const body = h('div', { id: 'classifier-status', 'aria-live': 'polite' }, loading());
  const outcome = h('p', { id: 'classifier-outcome', role: 'status' });
  const button = h('button', { type: 'button', class: 'btn btn-primary', id: 'classifier-retrain', onclick: retrain },
    'Retrain with the corrections');
  const el = h('section', { class: 'card panel', id: 'panel-classifier' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Category classifier')), body,
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
    outcome.textContent = 'Retraining and judging…';
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
