// The dialog that creates or changes one record of the network (an office, a liaison, a staff member). A section
// describes its fields; the server checks them and its errors are shown on the fields they name.
import { api, ApiError } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { field, options, showFieldErrors, valueOf } from '../shared/fields.js';
import { languages, t } from '../shared/i18n.js';

function control(spec, value) {
  switch (spec.type) {
    case 'select': {
      const select = h('select', {}, spec.blank ? h('option', { value: '' }, '—') : null,
        spec.choices().map(([ v, text ]) => h('option', { value: v }, text)));
      select.value = value ?? (spec.blank ? '' : select.value);
      return select;
    }
    case 'language':
      return control({ type: 'select', choices: () => languages.map(l => [ l.code, l.name ]) }, value);
    default:
      return h('input', { type: spec.type || 'text', autocomplete: spec.type === 'password' ? 'new-password' : 'off',
        value: Array.isArray(value) ? value.join(', ') : value ?? '' });
  }
}

// Several choices from a closed list, as checkboxes in a fieldset that carries the list's id and error line.
function checks(spec, values = []) {
  const id = spec.path;
  return h('fieldset', { class: 'checks', id, 'data-field': spec.path, 'aria-describedby': `${id}-error` },
    h('legend', {}, t(spec.label)),
    options(spec.prefix, spec.values).filter(Boolean).map(option => h('label', {},
      h('input', { type: 'checkbox', value: option.value, checked: values.includes(option.value) }), ' ', option.textContent)),
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

function read(spec, el) {
  if (spec.type === 'checks') {
    return [ ...el.querySelectorAll('input:checked') ].map(box => box.value);
  }
  if (spec.type === 'codes') {
    return (el.value || '').split(/[,，、\s]+/).map(s => s.trim()).filter(Boolean);
  }
  if (spec.type === 'select' && spec.number) {
    return el.value ? Number(el.value) : null;
  }
  return spec.type === 'password' ? el.value || null : valueOf(el);
}

/**
 * Opens the dialog for section (see network.js) on item, or on a new record when item is null; resolves true when
 * the server stored it.
 */
export function editRecord(section, item) {
  return new Promise(resolve => {
    const specs = section.fields.filter(spec => !(item && spec.createOnly));
    const controls = new Map();
    const fields = specs.map(spec => {
      const value = item ? spec.value?.(item) ?? item[spec.path] : undefined;
      if (spec.type === 'checks') {
        const el = checks(spec, value);
        controls.set(spec, el);
        return el;
      }
      const el = control(spec, value);
      controls.set(spec, el);
      return field(spec.path, spec.label, el);
    });
    const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
    const save = h('button', { type: 'submit', class: 'primary' }, t('common.save'));
    const title = t(item ? 'network.editTitle' : 'network.newTitle', { what: t(`network.one.${section.id}`), name: item?.name ?? '' });
    const form = h('form', { method: 'dialog', class: 'record-form', novalidate: true },
      h('h2', { id: 'record-title' }, title), status, h('div', { class: 'row' }, fields),
      h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: () => close(false) }, t('common.cancel'))));
    const dialog = h('dialog', { class: 'record-dialog', 'aria-labelledby': 'record-title', id: 'record-dialog' }, form);
    const close = stored => {
      dialog.close();
      dialog.remove();
      resolve(stored);
    };
    dialog.addEventListener('cancel', event => {
      event.preventDefault();
      close(false);
    });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const values = Object.fromEntries([ ...controls ].map(([ spec, el ]) => [ spec.path, read(spec, el) ]));
      save.disabled = true;
      try {
        await api(item ? `${section.url}/${item.id}` : section.url, { method: item ? 'PUT' : 'POST', json: section.request(values, item) });
        close(true);
      } catch (error) {
        if (error instanceof ApiError && error.problem?.errors && !Array.isArray(error.problem.errors)) {
          const unplaced = showFieldErrors(form, error.problem.errors);
          announce(status, [ t('portal.invalid'), ...unplaced ].join(' '), 'error');
        } else {
          announce(status, t('common.error', { message: error.problem?.title || error.message }), 'error');
        }
      } finally {
        save.disabled = false;
      }
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('input, select')?.focus();
  });
}
