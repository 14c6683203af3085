// The form editor: form-js's editor over workflows/forms/*.form. Anyone who may design can look; only
// supervisors can save (the server checks that too).
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import './forms.css';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { api } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';

const namePattern = /^[a-z0-9\-]+\.form$/;
const { me, main } = await mountShell({ titleKey: 'forms.title', wide: true });
const canSave = me.roles.includes('supervisor');

const list = h('ul', { id: 'form-list', class: 'form-list' });
const nameInput = h('input', { id: 'form-name', pattern: namePattern.source, 'aria-describedby': 'form-name-hint', placeholder: 'review-decision.form' });
const saveButton = h('button', { type: 'button', class: 'primary', id: 'save-form', disabled: !canSave }, t('forms.save'));
const status = h('p', { id: 'forms-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const editorHost = h('div', { id: 'form-editor', class: 'form-editor' });
let current = null; // { name, etag }

main.append(
  h('h1', { class: 'visually-hidden' }, t('forms.title')),
  h('div', { class: 'forms-layout' },
    h('nav', { class: 'form-nav', 'aria-labelledby': 'forms-list-title' },
      h('h2', { id: 'forms-list-title' }, t('forms.list')), list,
      h('form', { class: 'new-form', novalidate: true, onsubmit: createForm },
        h('label', { for: 'form-name' }, t('forms.name')), nameInput,
        h('small', { id: 'form-name-hint' }, t('forms.nameHint')),
        h('button', { type: 'submit' }, t('forms.create')))),
    h('div', { class: 'form-work' },
      h('div', { class: 'toolbar' }, h('strong', { id: 'current-form' }, ''), saveButton,
        canSave ? null : h('span', { class: 'hint' }, t('forms.readOnly'))),
      status, editorHost)));

const editor = new FormEditor({ container: editorHost });
saveButton.addEventListener('click', save);

async function refresh(select) {
  const forms = await api('/api/forms');
  list.replaceChildren(...(forms.length ? forms.map(f => h('li', {},
    h('button', { type: 'button', class: 'link', 'aria-current': f.name === select ? 'true' : null, onclick: () => openForm(f.name) }, f.name)))
    : [ h('li', {}, t('forms.none')) ]));
}

async function openForm(name) {
  const response = await api(`/api/forms/${encodeURIComponent(name)}`, { raw: true });
  await editor.importSchema(await response.json());
  current = { name, etag: response.headers.get('ETag') };
  document.getElementById('current-form').textContent = name;
  announce(status, t('forms.loaded', { name }));
  await refresh(name);
}

async function createForm(event) {
  event.preventDefault();
  const name = nameInput.value.trim();
  if (!namePattern.test(name)) {
    nameInput.setAttribute('aria-invalid', 'true');
    announce(status, t('forms.invalidName'), 'error');
    nameInput.focus();
    return;
  }
  nameInput.removeAttribute('aria-invalid');
  await editor.importSchema({ type: 'default', id: name.replace(/\.form$/, ''), components: [] });
  current = { name, etag: null };
  document.getElementById('current-form').textContent = name;
  announce(status, '');
}

async function save() {
  if (!current) {
    return;
  }
  try {
    const headers = current.etag ? { 'If-Match': current.etag } : { 'If-None-Match': '*' };
    const response = await api(`/api/forms/${encodeURIComponent(current.name)}`, { method: 'PUT', json: editor.saveSchema(), headers, raw: true });
    current.etag = response.headers.get('ETag');
    announce(status, t('forms.saved', { name: current.name }), 'success');
    await refresh(current.name);
  } catch (error) {
    announce(status, t('forms.saveFailed', { message: error.message }), 'error');
  }
}

await refresh();
const first = list.querySelector('button');
if (first) {
  await openForm(first.textContent);
}
