// A task's form: the form-js schema named by its formKey, filled with the instance's variables, submitted to
// /complete; field errors from the server are shown on the fields they name.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { api } from '../shared/api.js';

/** formKey "review-decision", "review-decision.form" or "embedded:app:forms/review-decision.form" → the file name. */
export function formFileName(formKey) {
  if (!formKey) {
    return null;
  }
  const last = formKey.split(/[/:]/).pop();
  return last.endsWith('.form') ? last : `${last}.form`;
}

export async function renderTaskForm(container, task, variables) {
  const name = formFileName(task.formKey);
  if (!name) {
    return null;
  }
  const schema = await api(`/api/forms/${encodeURIComponent(name)}`);
  const form = new Form({ container });
  await form.importSchema(schema, variables || {});
  return form;
}

/** Problem details errors as [{key, message}]: an array of {field|key|name, message} or ASP.NET's {key: [messages]}. */
export function fieldErrors(problem) {
  const errors = problem?.errors;
  if (Array.isArray(errors)) {
    return errors.map(e => ({ key: e.field ?? e.key ?? e.name ?? e.variable ?? null, message: e.message ?? String(e) }));
  }
  if (errors && typeof errors === 'object') {
    return Object.entries(errors).flatMap(([ key, messages ]) => [].concat(messages).map(message => ({ key, message })));
  }
  return [];
}

/**
 * Shows server errors on the form's fields (form-js keys errors by field id; the server names variables, i.e. keys)
 * and returns the messages that belong to no field. _setState is form-js's internal state setter, the same one its
 * own validation uses; @bpmn-io/form-js-viewer is pinned, so a change there shows up in the browser tests.
 */
export function showFieldErrors(form, errors) {
  const fields = form.get('formFieldRegistry').getAll();
  const byField = {};
  const unplaced = [];
  for (const error of errors) {
    const field = fields.find(f => f.key === error.key || f.id === error.key);
    if (field) {
      (byField[field.id] ||= []).push(error.message);
    } else {
      unplaced.push(error.key ? `${error.key}: ${error.message}` : error.message);
    }
  }
  form._setState({ errors: byField });
  return unplaced;
}
