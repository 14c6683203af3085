// The server's deploy errors, pinned to the elements they name (a red marker and an overlay badge) and listed
// below the canvas; choosing a listed problem selects its element and scrolls it into view.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

const marker = 'nc-server-error';

/** Problem details carry errors as [{elementId, message}]; ASP.NET's validation shape {field: [messages]} also works. */
export function problemList(problem) {
  const errors = problem?.errors;
  if (Array.isArray(errors)) {
    return errors.map(e => ({ elementId: e.elementId || null, message: e.message || String(e) }));
  }
  if (errors && typeof errors === 'object') {
    return Object.entries(errors).flatMap(([ id, messages ]) =>
      [].concat(messages).map(message => ({ elementId: id || null, message })));
  }
  return [];
}

export class ServerProblems {
  constructor(modeler, list) {
    this.modeler = modeler;
    this.list = list;
    this.pinned = [];
  }

  clear() {
    const canvas = this.modeler.get('canvas');
    const overlays = this.modeler.get('overlays');
    for (const id of this.pinned) {
      canvas.removeMarker(id, marker);
    }
    overlays.remove({ type: marker });
    this.pinned = [];
    this.list.replaceChildren();
    this.list.closest('section').hidden = true;
  }

  show(problems) {
    this.clear();
    const registry = this.modeler.get('elementRegistry');
    const canvas = this.modeler.get('canvas');
    const overlays = this.modeler.get('overlays');
    const counts = new Map();
    for (const problem of problems) {
      const element = problem.elementId && registry.get(problem.elementId);
      // Connections and the root carry no overlay badge well; their errors are listed only.
      if (element && !element.waypoints && element !== canvas.getRootElement()) {
        const n = (counts.get(element.id) || 0) + 1;
        counts.set(element.id, n);
        if (n === 1) {
          canvas.addMarker(element.id, marker);
          this.pinned.push(element.id);
          overlays.add(element.id, marker, {
            position: { top: -12, right: 12 },
            html: `<div class="nc-error-badge" data-element-id="${element.id}" title="">!</div>`
          });
        }
      }
      const label = element ? t('designer.element', { id: problem.elementId }) : problem.elementId
        ? t('designer.element', { id: problem.elementId }) : t('designer.process');
      this.list.append(h('li', { 'data-element-id': problem.elementId || '' },
        h('button', { type: 'button', class: 'link', disabled: !element, onclick: () => this.reveal(element) }, label),
        ': ', problem.message));
    }
    for (const id of this.pinned) {
      const messages = problems.filter(p => p.elementId === id).map(p => p.message).join('\n');
      const badge = canvas.getContainer().querySelector(`.nc-error-badge[data-element-id="${CSS.escape(id)}"]`);
      badge?.setAttribute('title', messages);
    }
    this.list.closest('section').hidden = problems.length === 0;
  }

  reveal(element) {
    this.modeler.get('selection').select(element);
    this.modeler.get('canvas').scrollToElement(element);
  }
}
