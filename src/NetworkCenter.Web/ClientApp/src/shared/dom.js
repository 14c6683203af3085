// h('button', { class: 'primary', onclick }, 'Save'): enough DOM building for pages without a framework.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [ key, value ] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return el;
}

/** A status line that screen readers announce; kind is 'info', 'success' or 'error'. */
export function announce(el, text, kind = 'info') {
  el.textContent = text;
  el.dataset.kind = kind;
  el.hidden = !text;
}

/** replaceChildren that skips null, undefined and false (replaceChildren itself would print them as text). */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
}
