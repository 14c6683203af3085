// Form fields that show the server's validation errors where they belong. The server names fields by their JSON
// path (summary, parties[0].idNumber, reporter.phone); each control's id is that path with brackets and dots turned
// into dashes, and its error line is `${id}-error`. Two forms on one page that share field names (the clue page's
// outcome and correction forms both have a kind) give one of them a prefix for its ids.
import { h } from './dom.js';
import { t } from './i18n.js';

export const fieldId = path => path.replace(/[[\].]+/g, '-').replace(/-$/, '');

/** A labelled control with its error line; the control gets id, name and aria-describedby from path. */
export function field(path, labelKey, control, { hint, wide = false, prefix = '' } = {}) {
  const id = prefix + fieldId(path);
  control.id = id;
  control.name ||= path;
  control.setAttribute('aria-describedby', [ hint ? `${id}-hint` : null, `${id}-error` ].filter(Boolean).join(' '));
  return h('div', { class: wide ? 'field wide' : 'field', 'data-field': path },
    h('label', { for: id }, t(labelKey)), control,
    hint ? h('small', { id: `${id}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

/**
 * Shows errors ({ path: [messages] }) beside their controls under root, focuses the first, and returns the lines
 * that have no control on the page (the caller shows them in its status line).
 */
export function showFieldErrors(root, errors, { prefix = '' } = {}) {
  for (const el of root.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of root.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
  let first = null;
  const unplaced = [];
  for (const [ path, messages ] of Object.entries(errors || {})) {
    // An error on one item of a list (roles[1]) goes to the list's control when the item has none of its own.
    let id = prefix + fieldId(path);
    if (!root.querySelector(`#${CSS.escape(id)}-error`)) {
      id = prefix + fieldId(path.split('[')[0]);
    }
    const control = root.querySelector(`#${CSS.escape(id)}`);
    const box = root.querySelector(`#${CSS.escape(id)}-error`);
    const text = [].concat(messages).join(' ');
    if (control && box) {
      box.textContent = box.textContent ? `${box.textContent} ${text}` : text;
      box.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      first ||= control;
    } else {
      unplaced.push(`${path}: ${text}`);
    }
  }
  first?.focus();
  return unplaced;
}

/** The options of a closed vocabulary, labelled through prefix.value messages (the value itself when none). */
export function options(prefix, values, { blank = false } = {}) {
  return [
    blank ? h('option', { value: '' }, '—') : null,
    ...values.map(value => {
      const text = t(`${prefix}.${value}`);
      return h('option', { value }, text === `${prefix}.${value}` ? value : text);
    })
  ];
}

/** The trimmed value of a control, or null when empty. */
export const valueOf = control => (control.value ?? '').trim() || null;
