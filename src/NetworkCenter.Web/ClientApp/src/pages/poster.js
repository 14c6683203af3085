// A procedure as a wall poster: the diagram alone, fitted to one landscape page, with its name and version; print it
// (or save it as PDF from the print dialogue), download it as SVG, or as the server's one-page PDF.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './poster.css';
import Viewer from 'bpmn-js/lib/Viewer';
import { api } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';

const { main } = await mountShell({ titleKey: 'poster.title', wide: true });
const key = decodeURIComponent(location.pathname.split('/').pop());
const version = new URLSearchParams(location.search).get('version');
const status = h('p', { id: 'poster-status', class: 'status', role: 'status', hidden: true });
const canvas = h('div', { id: 'poster-canvas', class: 'poster-canvas', role: 'img', 'aria-label': key });
const title = h('h1', { class: 'poster-title' }, key);
// Print uses the diagram as SVG, which scales to the sheet whatever the window's size was.
const printed = h('figure', { class: 'poster-print', 'aria-hidden': 'true' });
const svgButton = h('button', { type: 'button', id: 'download-svg' }, t('poster.svg'));
const printButton = h('button', { type: 'button', class: 'primary', id: 'print' }, t('poster.print'));

// The server draws the same diagram as a one-page PDF, in A4 or A3, for a sheet that prints the same everywhere.
const pdfLink = paper => h('a', { class: 'button', id: `download-pdf-${paper.toLowerCase()}`, download: '',
  href: `/api/definitions/${encodeURIComponent(key)}/poster.pdf?paper=${paper}${version ? `&version=${encodeURIComponent(version)}` : ''}` },
t('poster.pdf', { paper }));
main.append(h('div', { class: 'toolbar poster-toolbar' }, printButton, svgButton, pdfLink('A4'), pdfLink('A3')), status,
  h('article', { class: 'poster' }, title, canvas, printed, h('p', { class: 'poster-footer' }, t('app.name'))));

const viewer = new Viewer({ container: canvas });
printButton.addEventListener('click', () => window.print());
svgButton.addEventListener('click', async () => {
  const { svg } = await viewer.saveSVG();
  const link = h('a', { href: URL.createObjectURL(new Blob([ svg ], { type: 'image/svg+xml' })), download: `${key}${version ? `-v${version}` : ''}.svg` });
  link.click();
  URL.revokeObjectURL(link.href);
});
const fit = () => viewer.get('canvas').zoom('fit-viewport', 'auto');

try {
  const xml = await api(`/api/definitions/${encodeURIComponent(key)}/xml${version ? `?version=${encodeURIComponent(version)}` : ''}`,
    { headers: { Accept: 'application/xml' } });
  await viewer.importXML(xml);
  const process = viewer.getDefinitions().rootElements.find(e => e.$type === 'bpmn:Process');
  title.textContent = `${process?.name || key}${version ? ` · ${t('designer.version')} ${version}` : ''}`;
  document.title = `${title.textContent} · ${t('app.short')}`;
  fit();
  const { svg } = await viewer.saveSVG();
  // bpmn-js writes the SVG from the model (labels as escaped text), so it can be placed as markup.
  printed.innerHTML = svg;
  const figure = printed.querySelector('svg');
  figure.removeAttribute('width');
  figure.removeAttribute('height');
  figure.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  document.body.dataset.poster = 'ready';
} catch (error) {
  announce(status, t('designer.loadFailed', { message: error.message }), 'error');
}
