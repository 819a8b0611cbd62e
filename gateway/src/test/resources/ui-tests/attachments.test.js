// Choosing files to attach and showing attached ones, without a server.
import { test, assert } from './runner.js';
import { h } from '/js/dom.js';
import { filePicker } from '/js/attachments/picker.js';
import { filesOf } from '/js/attachments/files.js';
import { sizeText } from '/js/attachments/limits.js';
import { uploadAll, refusedText } from '/js/attachments/upload.js';
import { fakeFetch, withFetch } from './fakes.js';
import { until } from './wait.js';
import { t } from '/js/i18n.js';

const MB = 1024 * 1024;
// The first bytes of a legacy Office file (OLE2): .doc, .xls.
const OLE2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const file = (name, size, type = 'image/jpeg') => new File([new Uint8Array(size)], name, { type });

function drop(target, files) {
  const data = new DataTransfer();
  files.forEach(f => data.items.add(f));
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

test('dropped files are listed; one over 10 MB and a sixth are refused with the reason', async () => {
  const form = h('form');
  const picker = filePicker(form, { idPrefix: 't' });
  form.append(picker.el);
  drop(form, [file('a.jpg', 1000), file('big.pdf', 10 * MB + 1, 'application/pdf')]);
  await until(() => picker.el.querySelector('.field-error').textContent);
  assert.deepEqual(picker.files().map(f => f.name), ['a.jpg']);
  const error = picker.el.querySelector('.field-error').textContent;
  assert.ok(error.includes('big.pdf is too big (10.0 MB)') && error.includes('at most 10 MB'), error);

  drop(form, ['b', 'c', 'd', 'e', 'f'].map(n => file(`${n}.png`, 10, 'image/png')));
  // Each file is judged by its first bytes as it is read, so the sixth's refusal may come a moment after the fifth.
  await until(() => picker.el.querySelector('.field-error').textContent.includes('f.png was not added'));
  assert.equal(picker.files().length, 5);
  assert.ok(picker.el.querySelector('.field-error').textContent.includes('f.png was not added: at most 5 files'));
  assert.equal(picker.el.querySelectorAll('.chosen-files li').length, 5);
});

test('a chosen file can be removed by its labelled button', async () => {
  const form = h('form');
  const picker = filePicker(form, { idPrefix: 't' });
  form.append(picker.el);
  drop(form, [file('a.jpg', 2048), file('b.txt', 3, 'text/plain')]);
  await until(() => picker.files().length === 2);
  assert.equal(picker.el.querySelector('.chosen-files li').textContent.includes('2 KB'), true);
  picker.el.querySelector('button[aria-label="Remove a.jpg"]').click();
  assert.deepEqual(picker.files().map(f => f.name), ['b.txt']);
});

test('a program, a legacy Office file and a HEIC photo are refused at once, in the desk\'s words; a text named .exe is '
  + 'not', async () => {
  const form = h('form');
  const picker = filePicker(form, { idPrefix: 't' });
  form.append(picker.el);
  const made = (name, ...parts) => new File(parts, name);
  drop(form, [made('tool.exe', 'MZ\x90\x00', new Uint8Array(100)), made('old.doc', OLE2, new Uint8Array(100)),
    made('IMG_0042.heic', new Uint8Array([0, 0, 0, 24]), 'ftypheic', new Uint8Array(100)),
    made('notes.exe', 'Printer on floor 2 says PC LOAD LETTER'), file('a.jpg', 1000)]);
  await until(() => picker.el.querySelector('.field-error').textContent);
  assert.deepEqual(picker.files().map(f => f.name), ['notes.exe', 'a.jpg']);
  const error = picker.el.querySelector('.field-error').textContent;
  const refused = ['tool.exe', 'old.doc', 'IMG_0042.heic']
    .map(name => ({ file: { name }, reason: t('common.files.refused.type') }));
  assert.equal(error, refusedText(refused).join(' '), 'as an upload refused with 415 says it');
  assert.ok(error.startsWith('tool.exe was not attached: the helpdesk does not take this kind of file.'), error);
});

test('the chooser takes the allowed types; the camera input asks for the back camera', () => {
  const picker = filePicker(h('form'), { idPrefix: 't' });
  const [files, camera] = picker.el.querySelectorAll('input[type=file]');
  assert.ok(files.multiple && files.accept.includes('image/jpeg') && files.accept.includes('.docx'), files.accept);
  assert.equal(camera.getAttribute('accept'), 'image/*');
  assert.equal(camera.getAttribute('capture'), 'environment');
  assert.ok(files.closest('label').textContent.includes('Attach files'), 'the chooser has a label');
});

test('an image shows as its thumbnail linking to the file; another file as a link with its size', () => {
  const attachments = [
    { id: 3, messageId: null, name: 'leak.jpg', type: 'image/jpeg', size: 2 * MB, thumbnail: true },
    { id: 4, messageId: 8, name: 'plan.pdf', type: 'application/pdf', size: 5000, thumbnail: false }];
  const report = filesOf(attachments, null);
  const img = report.querySelector('img');
  assert.equal(img.getAttribute('src'), '/api/attachments/3?thumbnail=true');
  assert.equal(img.alt, 'Photo: leak.jpg');
  assert.equal(img.closest('a').getAttribute('href'), '/api/attachments/3');
  const message = filesOf(attachments, 8);
  assert.equal(message.querySelector('a').getAttribute('href'), '/api/attachments/4');
  assert.ok(message.textContent.includes('plan.pdf') && message.textContent.includes('(5 KB)'), message.textContent);
  assert.equal(filesOf(attachments, 9), null);
  assert.equal(sizeText(512), '512 bytes');
});

test('a file refused because too many are arriving says it may be sent again, in the person\'s words', async () => {
  const busy = fakeFetch(() => new Response(JSON.stringify({ detail: 'You are already sending 3 files' }),
    { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '10' } }));
  await withFetch(busy, async () => {
    const refused = await uploadAll(7, [file('a.jpg', 10)], null);
    assert.equal(refused.length, 1, 'refused');
    assert.equal(refused[0].reason, t('common.files.refused.busy'), refused[0].reason);
  });
});
