// The procedure designer: open a deployed definition (any version), a draft or a file; edit it with the Camunda 7
// properties; save a draft on the server; deploy it as a new version, with the server's errors pinned on the diagram.
import './designer.css';
import { api, ApiError } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';
import { blankDiagram, createModeler, processKey } from '../designer/modeler.js';
import { discardDraft, listDrafts, loadDraft, saveDraft } from '../designer/drafts.js';
import { problemList, ServerProblems } from '../designer/problems.js';

const { main } = await mountShell({ titleKey: 'designer.title', wide: true });

const definitionSelect = h('select', { id: 'definition' });
const versionSelect = h('select', { id: 'version' });
const draftSelect = h('select', { id: 'draft' });
const fileInput = h('input', { id: 'open-file', type: 'file', accept: '.bpmn,.xml,application/xml,text/xml', class: 'visually-hidden' });
const simulationButton = h('button', { type: 'button', 'aria-pressed': 'false', id: 'toggle-simulation' }, t('designer.simulation'));
const lintButton = h('button', { type: 'button', 'aria-pressed': 'true', id: 'toggle-lint' }, t('designer.lint'));
const deployButton = h('button', { type: 'button', class: 'primary', id: 'deploy' }, t('designer.deploy'));
const status = h('p', { id: 'designer-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const canvas = h('div', { id: 'canvas', class: 'canvas', role: 'application', 'aria-label': t('designer.canvas') });
const properties = h('aside', { id: 'properties', class: 'properties', 'aria-label': t('designer.properties') });
const problemItems = h('ul', { id: 'problems' });

main.append(
  h('h1', { class: 'visually-hidden' }, t('designer.title')),
  h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('designer.toolbar') },
    h('div', { class: 'group' },
      h('label', { for: 'definition' }, t('designer.definition')), definitionSelect,
      h('label', { for: 'version' }, t('designer.version')), versionSelect,
      h('button', { type: 'button', id: 'open-definition', onclick: () => openDefinition(definitionSelect.value, versionSelect.value) }, t('designer.open')),
      h('button', { type: 'button', id: 'open-poster', onclick: () => definitionSelect.value &&
        window.open(`/posters/${encodeURIComponent(definitionSelect.value)}${versionSelect.value ? `?version=${versionSelect.value}` : ''}`, '_blank') }, t('designer.poster'))),
    h('div', { class: 'group' },
      h('label', { for: 'draft', class: 'visually-hidden' }, t('designer.openDraft')), draftSelect,
      h('button', { type: 'button', id: 'open-draft', onclick: () => openDraft(draftSelect.value) }, t('designer.openDraft')),
      h('button', { type: 'button', id: 'discard-draft', onclick: () => discard(draftSelect.value) }, t('designer.discardDraft'))),
    h('div', { class: 'group' },
      h('button', { type: 'button', id: 'new-diagram', onclick: () => confirmLeave() && open(blankDiagram(), t('designer.newLoaded')) }, t('designer.new')),
      h('label', { for: 'open-file', class: 'button', tabindex: '0', role: 'button',
        onkeydown: e => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), fileInput.click()) }, 'XML…'), fileInput,
      h('button', { type: 'button', id: 'save-draft', onclick: saveCurrentDraft }, t('designer.saveDraft')),
      h('button', { type: 'button', id: 'download', onclick: download }, t('designer.download'))),
    h('div', { class: 'group' }, simulationButton, lintButton, deployButton)),
  status,
  h('div', { class: 'designer-body' },
    h('div', { class: 'diagram' }, canvas,
      h('section', { class: 'problems', 'aria-labelledby': 'problems-title', hidden: true },
        h('h2', { id: 'problems-title' }, t('designer.problems')), problemItems)),
    properties));

const modeler = createModeler({ canvas, properties });
const problems = new ServerProblems(modeler, problemItems);
let dirty = false;
// The deployed version the diagram was opened from, saved with a draft of it.
let openedVersion = null;
let definitions = [];
// Read by the browser tests: how long the last open took, from XML to a painted diagram.
window.ncDesigner = { modeler, lastOpenMs: null };

modeler.on('commandStack.changed', () => { dirty = true; });
modeler.on('tokenSimulation.toggleMode', ({ active }) => simulationButton.setAttribute('aria-pressed', String(active)));
modeler.on('linting.toggle', ({ active }) => lintButton.setAttribute('aria-pressed', String(active)));
simulationButton.addEventListener('click', () => modeler.get('toggleMode').toggleMode());
lintButton.addEventListener('click', () => modeler.get('linting').toggle());
deployButton.addEventListener('click', deploy);
definitionSelect.addEventListener('change', () => fillVersions());
fileInput.addEventListener('change', async () => {
  const file = fileInput.files[0];
  if (file && confirmLeave()) {
    await open(await file.text(), t('designer.loaded', { key: file.name, version: '—' }));
  }
  fileInput.value = '';
});
window.addEventListener('beforeunload', event => {
  if (dirty) {
    event.preventDefault();
  }
});

function confirmLeave() {
  return !dirty || window.confirm(t('designer.unsaved'));
}

async function open(xml, message) {
  document.body.dataset.designer = 'loading';
  openedVersion = null;
  const started = performance.now();
  try {
    const { warnings } = await modeler.importXML(xml);
    modeler.get('canvas').zoom('fit-viewport', 'auto');
    // Wait for the browser to paint the imported diagram, so the figure is what a user waits for.
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    window.ncDesigner.lastOpenMs = performance.now() - started;
    problems.clear();
    dirty = false;
    announce(status, warnings.length ? `${message} ${t('designer.importWarnings', { count: warnings.length })}` : message, 'info');
  } catch (error) {
    announce(status, t('designer.loadFailed', { message: error.message }), 'error');
  } finally {
    document.body.dataset.designer = 'ready';
  }
}

async function openDefinition(key, version) {
  if (!key || !confirmLeave()) {
    return;
  }
  try {
    const query = version ? `?version=${encodeURIComponent(version)}` : '';
    const xml = await api(`/api/definitions/${encodeURIComponent(key)}/xml${query}`, { headers: { Accept: 'application/xml' } });
    const shown = version || definitions.find(d => d.key === key)?.version || '';
    await open(xml, t('designer.loaded', { key, version: shown }));
    openedVersion = shown || null;
    history.replaceState(null, '', `/designer?key=${encodeURIComponent(key)}${version ? `&version=${version}` : ''}`);
    await offerDraft(key);
  } catch (error) {
    announce(status, t('designer.loadFailed', { message: error.message }), 'error');
  }
}

async function openDraft(key) {
  if (!key || !confirmLeave()) {
    return;
  }
  try {
    const draft = await loadDraft(key);
    if (draft) {
      await open(draft.xml, t('designer.draftLoaded', { key, time: new Date(draft.savedAt).toLocaleString(), user: draft.savedBy }));
      openedVersion = draft.baseVersion;
    }
  } catch (error) {
    announce(status, t('designer.loadFailed', { message: error.message }), 'error');
  }
}

// A definition opened while a draft of it waits on the server: say so, and offer to open the draft instead.
async function offerDraft(key) {
  const draft = await loadDraft(key).catch(() => null);
  if (draft) {
    status.append(' ', t('designer.draftWaiting', { time: new Date(draft.savedAt).toLocaleString(), user: draft.savedBy }), ' ',
      h('button', { type: 'button', id: 'open-offered-draft', class: 'link', onclick: () => openDraft(key) }, t('designer.openDraft')));
  }
}

async function saveCurrentDraft() {
  const { xml } = await modeler.saveXML({ format: true });
  const key = processKey(modeler) || 'untitled';
  try {
    const draft = await saveDraft(key, xml, openedVersion);
    dirty = false;
    await fillDrafts(key);
    announce(status, t('designer.draftSaved', { key, time: new Date(draft.savedAt).toLocaleString() }), 'success');
  } catch (error) {
    const errors = error instanceof ApiError && error.problem?.errors ? Object.values(error.problem.errors).flat() : [];
    announce(status, t('designer.draftFailed', { message: errors.join(' ') || error.message }), 'error');
  }
}

async function discard(key) {
  if (!key) {
    return;
  }
  try {
    await discardDraft(key);
    await fillDrafts();
    announce(status, t('designer.draftDiscarded', { key }), 'success');
  } catch (error) {
    announce(status, t('common.error', { message: error.message }), 'error');
  }
}

async function download() {
  const { xml } = await modeler.saveXML({ format: true });
  const link = h('a', { href: URL.createObjectURL(new Blob([ xml ], { type: 'application/xml' })), download: `${processKey(modeler) || 'diagram'}.bpmn` });
  link.click();
  URL.revokeObjectURL(link.href);
}

async function deploy() {
  deployButton.disabled = true;
  deployButton.textContent = t('designer.deploying');
  problems.clear();
  try {
    const { xml } = await modeler.saveXML({ format: true });
    const response = await api('/api/definitions', { method: 'POST', body: xml, headers: { 'Content-Type': 'application/xml' }, raw: true });
    const deployed = await response.json();
    dirty = false;
    openedVersion = deployed.version;
    await loadDefinitions(deployed.key, deployed.version);
    // Deploying deleted the draft of this key on the server.
    await fillDrafts();
    // 201 is a new version; 200 means the server already had this XML as the latest version.
    const message = response.status === 201 ? 'designer.deployed' : 'designer.unchanged';
    announce(status, t(message, { key: deployed.key, version: deployed.version }), 'success');
    status.dataset.version = deployed.version;
  } catch (error) {
    const list = error instanceof ApiError ? problemList(error.problem) : [];
    if (list.length) {
      problems.show(list);
      announce(status, t('designer.deployRejected', { count: list.length }), 'error');
    } else {
      announce(status, t('designer.deployFailed', { message: error.message }), 'error');
    }
  } finally {
    deployButton.disabled = false;
    deployButton.textContent = t('designer.deploy');
  }
}

async function loadDefinitions(selectKey, selectVersion) {
  try {
    definitions = await api('/api/definitions');
  } catch (error) {
    definitions = [];
    announce(status, t('designer.loadFailed', { message: error.message }), 'error');
  }
  definitionSelect.replaceChildren(...(definitions.length
    ? definitions.map(d => h('option', { value: d.key, selected: d.key === selectKey }, d.name ? `${d.name} (${d.key})` : d.key))
    : [ h('option', { value: '' }, t('designer.noDefinitions')) ]));
  fillVersions(selectVersion);
}

function fillVersions(selectVersion) {
  const latest = definitions.find(d => d.key === definitionSelect.value)?.version || 0;
  const options = [ h('option', { value: '' }, t('designer.latest')) ];
  for (let v = latest; v >= 1; v--) {
    options.push(h('option', { value: String(v), selected: String(v) === String(selectVersion ?? '') }, String(v)));
  }
  versionSelect.replaceChildren(...options);
}

async function fillDrafts(selectKey) {
  const drafts = await listDrafts().catch(() => []);
  draftSelect.replaceChildren(...(drafts.length
    ? drafts.map(d => h('option', { value: d.key, selected: d.key === selectKey }, `${d.key} · ${new Date(d.savedAt).toLocaleString()}`))
    : [ h('option', { value: '' }, t('designer.noDrafts')) ]));
}

const params = new URLSearchParams(location.search);
await fillDrafts();
await loadDefinitions(params.get('key'), params.get('version'));
if (params.get('key')) {
  await openDefinition(params.get('key'), params.get('version'));
} else {
  await open(blankDiagram(), t('designer.newLoaded'));
}
