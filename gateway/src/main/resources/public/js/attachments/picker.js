// Choosing files to attach: a file chooser, a "Take a photo" button that opens a phone's camera, and dropping files
// onto the form. The chosen files are kept here (not in the inputs, which a second choice would overwrite), listed
// with their size and a remove button; a file over the limits, or of a kind the desk refuses, is refused at once with
// the reason.
import { h, data } from '../dom.js';
import { t } from '../i18n.js';
import { ACCEPT, kindRefusal, refusal, sizeText } from './limits.js';

/** `dropZone` is the element files may be dropped onto (the whole form). */
export function filePicker(dropZone, { idPrefix }) {
  let chosen = [];
  const files = h('input', { type: 'file', multiple: true, accept: ACCEPT, id: `${idPrefix}-files`,
    class: 'sr-only', name: 'files' });
  const camera = h('input', { type: 'file', accept: 'image/*', capture: 'environment', id: `${idPrefix}-camera`,
    class: 'sr-only', name: 'camera' });
  const list = h('ul', { class: 'chosen-files', id: `${idPrefix}-chosen`, 'aria-live': 'polite' });
  const message = h('p', { class: 'field-error', role: 'alert', id: `${idPrefix}-file-error` });

  function draw() {
    list.replaceChildren(...chosen.map(file => h('li', {},
      data('span', { class: 'file-name' }, file.name), ' ', h('span', { class: 'muted' }, sizeText(file.size)), ' ',
      h('button', { type: 'button', class: 'btn btn-small', 'aria-label': t('common.files.removeLabel', { name: file.name }),
        onclick: () => { chosen = chosen.filter(f => f !== file); message.textContent = ''; draw(); } }, t('common.files.remove')))));
  }

  async function add(picked) {
    const refused = [];
    for (const file of picked) {
      const kind = await kindRefusal(file);
      // Counted after the file is read: files chosen meanwhile are among the chosen ones by then.
      const why = refusal(file, chosen) ?? kind;
      if (why) refused.push(why); else chosen = [...chosen, file];
    }
    message.textContent = refused.join(' ');
    draw();
  }

  for (const input of [files, camera]) {
    input.addEventListener('change', () => {
      // A copy: the list of the input is emptied just below, while the files are still being read.
      add([...input.files]);
      // Choosing the same file again after removing it must fire another change.
      input.value = '';
    });
  }
  dropZone.addEventListener('dragover', e => {
    if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
    e.preventDefault();
    dropZone.classList.add('dropping');
  });
  dropZone.addEventListener('dragleave', e => {
    if (!dropZone.contains(e.relatedTarget)) dropZone.classList.remove('dropping');
  });
  dropZone.addEventListener('drop', e => {
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    dropZone.classList.remove('dropping');
    add([...e.dataTransfer.files]);
  });

  const el = h('fieldset', { class: 'field attach' },
    h('legend', {}, t('common.files.legend')),
    h('div', { class: 'attach-buttons' },
      h('label', { class: 'btn' }, t('common.files.attach'), files),
      h('label', { class: 'btn' }, t('common.files.takePhoto'), camera)),
    h('p', { class: 'hint' }, t('common.files.hint')),
    list, message);
  return {
    el,
    files: () => chosen,
    clear: () => { chosen = []; message.textContent = ''; draw(); },
  };
}
