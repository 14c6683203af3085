// One process instance: its diagram with the active elements highlighted and the completed ones marked, its
// status, variables and journal.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './instance.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { api, ApiError } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';

const { main } = await mountShell({ titleKey: 'instance.title' });
const id = decodeURIComponent(location.pathname.split('/').pop());
const status = h('p', { id: 'instance-status', class: 'status', role: 'status', hidden: true });
const canvas = h('div', { id: 'instance-canvas', class: 'instance-canvas', role: 'img', 'aria-label': t('instance.diagram') });
const facts = h('dl', { class: 'instance-facts' });
const variables = h('tbody');
const journal = h('ol', { id: 'journal', class: 'journal' });
const incidents = h('section', { id: 'incidents', class: 'incidents', 'aria-labelledby': 'incidents-title', hidden: true });

main.append(
  h('h1', {}, `${t('instance.title')} ${id}`),
  status,
  facts,
  incidents,
  h('div', { class: 'instance-layout' },
    h('section', { 'aria-labelledby': 'diagram-title' },
      h('h2', { id: 'diagram-title' }, t('instance.diagram')),
      h('p', { class: 'legend' }, h('span', { class: 'swatch active' }), t('instance.legendActive'), h('span', { class: 'swatch done' }), t('instance.legendDone')),
      canvas),
    h('div', {},
      h('section', { 'aria-labelledby': 'variables-title' },
        h('h2', { id: 'variables-title' }, t('instance.variables')),
        h('table', { class: 'variables' }, variables)),
      h('section', { 'aria-labelledby': 'journal-title' },
        h('h2', { id: 'journal-title' }, t('instance.journal')), journal))));

// The journal's kinds in the page's language; a kind the page does not know yet is shown as the engine names it.
const kindLabel = kind => {
  const label = t(`journal.${kind}`);
  return label === `journal.${kind}` ? kind || '' : label;
};
const when = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'short', timeStyle: 'medium' });

// Open incidents with their retry button; retrying is for system administrators (the server checks), and the page
// reloads afterwards to show where the instance went.
function showIncidents(open) {
  incidents.hidden = open.length === 0;
  incidents.replaceChildren(h('h2', { id: 'incidents-title' }, t('instance.incidents')),
    h('ul', {}, open.map(incident => {
      const retry = h('button', { type: 'button', 'data-incident-id': incident.id }, t('instance.retry'));
      retry.addEventListener('click', async () => {
        retry.disabled = true;
        try {
          await api(`/api/incidents/${encodeURIComponent(incident.id)}/retry`, { method: 'POST' });
          location.reload();
        } catch (error) {
          retry.disabled = false;
          announce(status, error instanceof ApiError && error.status === 403 ? t('instance.retryForbidden') : t('common.error', { message: error.message }), 'error');
        }
      });
      return h('li', {}, h('strong', {}, incident.elementId || ''), ' ', incident.message, ' ',
        h('time', {}, when.format(new Date(incident.createdAt))), ' ', retry);
    })));
}

// The journal's element events: anything an element left or completed counts as done.
const doneKinds = /left|completed|ended|taken/i;

try {
  const instance = await api(`/api/instances/${encodeURIComponent(id)}`);
  const history = await api(`/api/instances/${encodeURIComponent(id)}/history`).catch(() => []);
  const entries = Array.isArray(history) ? history : history.entries || [];
  const open = (await api(`/api/incidents?instanceId=${encodeURIComponent(id)}`).catch(() => [])).filter(i => !i.resolvedAt);
  showIncidents(open);
  facts.replaceChildren(
    h('dt', {}, t('instance.definition')), h('dd', {}, `${instance.definitionKey} (v${instance.version})`),
    h('dt', {}, t('instance.status')), h('dd', { id: 'instance-state', 'data-status': instance.status }, t(`instance.status.${instance.status}`)));
  const names = Object.keys(instance.variables || {});
  variables.replaceChildren(...(names.length ? names.map(name => h('tr', {}, h('th', { scope: 'row' }, name),
    h('td', {}, h('code', {}, JSON.stringify(instance.variables[name])))))
    : [ h('tr', {}, h('td', {}, t('instance.noVariables'))) ]));
  journal.replaceChildren(...(entries.length ? entries.map(entry => h('li', {},
    h('time', {}, entry.at || entry.timestamp ? when.format(new Date(entry.at || entry.timestamp)) : ''), ' ',
    h('strong', { 'data-kind': entry.kind }, kindLabel(entry.kind)), ' ',
    entry.elementId || '', entry.user ? ` · ${entry.user}` : ''))
    : [ h('li', {}, t('instance.noJournal')) ]));

  const xml = await api(`/api/definitions/${encodeURIComponent(instance.definitionKey)}/xml?version=${instance.version}`,
    { headers: { Accept: 'application/xml' } });
  const viewer = new NavigatedViewer({ container: canvas });
  await viewer.importXML(xml);
  const canvasService = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvasService.zoom('fit-viewport', 'auto');
  const active = new Set(instance.activeElementIds || []);
  for (const entry of entries) {
    if (entry.elementId && !active.has(entry.elementId) && doneKinds.test(entry.kind || '') && registry.get(entry.elementId)) {
      canvasService.addMarker(entry.elementId, 'nc-done');
    }
  }
  for (const elementId of active) {
    if (registry.get(elementId)) {
      canvasService.addMarker(elementId, 'nc-active');
    }
  }
  for (const incident of open) {
    if (incident.elementId && registry.get(incident.elementId)) {
      canvasService.addMarker(incident.elementId, 'nc-incident');
    }
  }
  window.ncInstance = { viewer };
} catch (error) {
  announce(status, error instanceof ApiError && error.status === 404 ? t('instance.notFound', { id }) : t('common.error', { message: error.message }), 'error');
}
