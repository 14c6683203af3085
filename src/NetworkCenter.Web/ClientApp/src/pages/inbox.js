// The task inbox: my tasks and my groups' tasks, overdue first, with claim / unclaim and the task's form.
import './inbox.css';
import { api, ApiError } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';
import { byUrgency, urgency } from '../inbox/deadlines.js';
import { fieldErrors, formFileName, renderTaskForm, showFieldErrors } from '../inbox/taskForm.js';

const { me, main } = await mountShell({ titleKey: 'inbox.title' });
const show = h('select', { id: 'show' },
  [ 'all', 'mine', 'groups' ].map(v => h('option', { value: v }, t(`inbox.${v}`))));
const count = h('span', { id: 'task-count', class: 'count', 'aria-live': 'polite' });
const status = h('p', { id: 'inbox-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const rows = h('tbody');
const detail = h('section', { id: 'task-detail', class: 'task-detail', 'aria-live': 'polite' }, h('p', {}, t('inbox.select')));
let tasks = [];
let now = Date.now();
// Read by the browser tests: how long the last list rendering took.
window.ncInbox = { lastRenderMs: null };

main.append(
  h('h1', {}, t('inbox.title')),
  h('div', { class: 'inbox-filter' }, h('label', { for: 'show' }, t('inbox.show')), show, count),
  status,
  h('div', { class: 'inbox-layout' },
    h('div', { class: 'task-table-wrap' },
      h('table', { class: 'task-table', 'aria-labelledby': 'task-count' },
        h('thead', {}, h('tr', {}, [ 'inbox.task', 'inbox.due', 'inbox.followUp', 'inbox.assignee', 'inbox.actions' ]
          .map(key => h('th', { scope: 'col' }, t(key))))),
        rows)),
    detail));
show.addEventListener('change', render);

const dateFormat = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
const formatDate = value => value ? dateFormat.format(new Date(value)) : '—';

function visible() {
  return show.value === 'mine' ? tasks.filter(task => task.assignee === me.username)
    : show.value === 'groups' ? tasks.filter(task => !task.assignee)
    : tasks;
}

function render() {
  const started = performance.now();
  const list = visible().sort(byUrgency(now));
  const fragment = document.createDocumentFragment();
  for (const task of list) {
    const level = urgency(task, now);
    fragment.append(h('tr', { 'data-task-id': task.id, 'data-urgency': level || 'none' },
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(task) }, task.name || task.elementId)),
      h('td', {}, formatDate(task.due), level && level !== 'followUpDue' ? h('span', { class: `badge ${level}` }, t(`inbox.${level}`)) : null),
      h('td', {}, formatDate(task.followUp), level === 'followUpDue' ? h('span', { class: 'badge followUpDue' }, t('inbox.followUpDue')) : null),
      h('td', {}, task.assignee || h('em', {}, t('inbox.unassigned'))),
      h('td', {}, actionButton(task))));
  }
  rows.replaceChildren(fragment);
  count.textContent = list.length ? t('inbox.count', { count: list.length }) : t('inbox.none');
  window.ncInbox.lastRenderMs = performance.now() - started;
}

function actionButton(task) {
  if (task.assignee === me.username) {
    return h('button', { type: 'button', onclick: () => act(task, 'unclaim') }, t('inbox.unclaim'));
  }
  return task.assignee ? null : h('button', { type: 'button', onclick: () => act(task, 'claim') }, t('inbox.claim'));
}

async function act(task, action) {
  try {
    await api(`/api/tasks/${encodeURIComponent(task.id)}/${action}`, { method: 'POST' });
    announce(status, t(action === 'claim' ? 'inbox.claimed' : 'inbox.unclaimed', { name: task.name }), 'success');
    await load();
  } catch (error) {
    failed(error);
  }
}

function failed(error) {
  const key = error instanceof ApiError && error.status === 409 ? 'inbox.conflict'
    : error instanceof ApiError && error.status === 403 ? 'inbox.forbidden' : null;
  announce(status, key ? t(key) : t('inbox.failed', { message: error.message }), 'error');
}

async function open(task) {
  const formHost = h('div', { class: 'task-form', id: 'task-form' });
  const complete = h('button', { type: 'button', class: 'primary', id: 'complete-task' }, t('inbox.complete'));
  const errors = h('p', { class: 'status', role: 'alert', hidden: true, 'data-kind': 'error' });
  detail.replaceChildren(
    h('h2', {}, task.name || task.elementId),
    h('dl', {},
      h('dt', {}, t('inbox.instance')), h('dd', {}, h('a', { href: `/instances/${encodeURIComponent(task.instanceId)}` }, task.instanceId)),
      h('dt', {}, t('inbox.due')), h('dd', {}, formatDate(task.due))),
    errors, formHost, complete);
  let form = null;
  const instance = await api(`/api/instances/${encodeURIComponent(task.instanceId)}`).catch(() => ({ variables: {} }));
  const clueId = instance.variables?.clueId;
  if (clueId) {
    formHost.before(await clueCard(clueId));
  }
  try {
    form = await renderTaskForm(formHost, task, instance.variables);
    if (!form) {
      formHost.append(h('p', {}, t('inbox.noForm')));
    }
  } catch (error) {
    formHost.append(h('p', { class: 'status', 'data-kind': 'error' },
      error instanceof ApiError && error.status === 404 ? t('inbox.formMissing', { name: formFileName(task.formKey) }) : error.message));
    complete.disabled = true;
  }
  complete.addEventListener('click', async () => {
    let variables = {};
    if (form) {
      const result = form.submit();
      if (Object.keys(result.errors).length) {
        announce(errors, t('inbox.invalid'), 'error');
        return;
      }
      variables = result.data;
    }
    complete.disabled = true;
    try {
      await api(`/api/tasks/${encodeURIComponent(task.id)}/complete`, { method: 'POST', json: { variables } });
      detail.replaceChildren(h('p', {}, t('inbox.select')));
      announce(status, t('inbox.completed', { name: task.name }), 'success');
      await load();
    } catch (error) {
      complete.disabled = false;
      const problems = error instanceof ApiError && error.status === 400 && form ? fieldErrors(error.problem) : [];
      if (problems.length) {
        const unplaced = showFieldErrors(form, problems);
        announce(errors, [ t('inbox.rejected'), ...unplaced ].join(' '), 'error');
      } else {
        failed(error);
      }
    }
  });
}

// The clue a procedure works on (its instance's clueId variable), beside the form: what it is about, and its files.
async function clueCard(clueId) {
  try {
    const clue = await api(`/api/clues/${encodeURIComponent(clueId)}`);
    return h('aside', { id: 'task-clue', class: 'task-clue', 'aria-label': t('inbox.clue') },
      h('h3', {}, h('a', { href: `/clues/${clue.id}`, id: 'task-clue-link' }, `${t('inbox.clue')} ${clue.registerNumber || ''}`)),
      h('p', {}, [ clue.court, clue.caseNumber ].filter(Boolean).join(' ')),
      h('p', { class: 'summary' }, clue.summary),
      clue.attachments.length ? h('ul', {}, clue.attachments.map(a =>
        h('li', {}, h('a', { href: `/api/clues/${clue.id}/attachments/${a.id}`, download: a.fileName }, a.fileName)))) : '');
  } catch {
    return '';
  }
}

// Every open task a query matches: the task API gives at most 500 per page and the total in X-Total-Count, so a
// large inbox asks for the remaining pages at once after the first.
const pageSize = 500;
async function allTasks(query) {
  const response = await api(`/api/tasks?${query}&limit=${pageSize}`, { raw: true });
  const first = await response.json();
  const total = Number(response.headers.get('X-Total-Count')) || first.length;
  const offsets = [];
  for (let offset = pageSize; offset < total; offset += pageSize) {
    offsets.push(offset);
  }
  const rest = await Promise.all(offsets.map(offset => api(`/api/tasks?${query}&limit=${pageSize}&offset=${offset}`)));
  return [ ...first, ...rest.flat() ];
}

async function load() {
  const [ clock, ...lists ] = await Promise.all([
    api('/api/clock').catch(() => null),
    allTasks(`assignee=${encodeURIComponent(me.username)}`),
    ...me.roles.map(role => allTasks(`candidateGroup=${encodeURIComponent(role)}`))
  ]);
  // The service's clock, not the browser's: with the manual clock in tests and demos they differ.
  now = clock?.now ? Date.parse(clock.now) : Date.now();
  tasks = [ ...new Map(lists.flat().map(task => [ task.id, task ])).values() ];
  render();
}

try {
  await load();
} catch (error) {
  failed(error);
}
