// The holiday table behind the legal calendar, one year at a time: days off and make-up working days from each
// year's State Council notice. Supervisors and system administrators add, change and remove days (the API allows
// only them); other staff read.
import './network.css';
import { api, ApiError } from '../shared/api.js';
import { announce, fill, h } from '../shared/dom.js';
import { field, options, showFieldErrors, valueOf } from '../shared/fields.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { hasAnyRole, mountShell } from '../shared/shell.js';

const { me, main } = await mountShell({ titleKey: 'holidays.title' });
const editor = hasAnyRole(me, [ 'supervisor', 'system-administrator' ]);
const weekday = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', timeZone: 'UTC' });
const params = new URLSearchParams(location.search);
let year = Number(params.get('year')) || Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));

const status = h('p', { id: 'holidays-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const yearInput = h('input', { id: 'year', type: 'number', min: '1900', max: '9999', value: String(year) });
const count = h('span', { class: 'count', id: 'holidays-count' });
const rows = h('tbody');
const yearForm = h('form', { class: 'network-search', onsubmit: event => { event.preventDefault(); go(Number(yearInput.value)); } },
  h('button', { type: 'button', onclick: () => go(year - 1), 'aria-label': t('holidays.previousYear') }, '‹'),
  h('label', { for: 'year' }, t('holidays.year')), yearInput,
  h('button', { type: 'button', onclick: () => go(year + 1), 'aria-label': t('holidays.nextYear') }, '›'),
  h('button', { type: 'submit' }, t('holidays.show')), count);

const c = {
  date: h('input', { type: 'date' }),
  kind: h('select', {}, options('holidayKind', [ 'day-off', 'make-up-working-day' ])),
  name: h('input', { autocomplete: 'off' }),
  source: h('input', { autocomplete: 'off' })
};
const save = h('button', { type: 'submit', class: 'primary' }, t('holidays.save'));
const dayForm = h('form', { class: 'record-form holiday-form', novalidate: true, 'aria-labelledby': 'holiday-form-title' },
  h('h2', { id: 'holiday-form-title' }, t('holidays.addOrChange')),
  h('div', { class: 'row' },
    field('date', 'holidays.date', c.date),
    field('kind', 'holidays.kind', c.kind),
    field('name', 'holidays.name', c.name, { hint: t('holidays.nameHint') }),
    field('source', 'holidays.source', c.source)),
  h('div', { class: 'actions' }, save));
dayForm.addEventListener('submit', async event => {
  event.preventDefault();
  if (!c.date.value) {
    showFieldErrors(dayForm, { date: [ t('holidays.dateRequired') ] });
    return;
  }
  save.disabled = true;
  try {
    const saved = await api(`/api/holidays/${c.date.value}`, { method: 'PUT', json: { kind: c.kind.value, name: valueOf(c.name), source: valueOf(c.source) } });
    showFieldErrors(dayForm, {});
    dayForm.reset();
    announce(status, t('holidays.saved', { date: saved.date, name: saved.name }), 'success');
    await go(Number(saved.date.slice(0, 4)));
  } catch (error) {
    if (error instanceof ApiError && error.problem?.errors && !Array.isArray(error.problem.errors)) {
      const unplaced = showFieldErrors(dayForm, error.problem.errors);
      announce(status, [ t('portal.invalid'), ...unplaced ].join(' '), 'error');
    } else {
      announce(status, t('common.error', { message: error.problem?.title || error.message }), 'error');
    }
  } finally {
    save.disabled = false;
  }
});

main.append(h('h1', {}, t('holidays.title')), h('p', {}, t('holidays.intro')), status, yearForm,
  editor ? dayForm : h('p', { class: 'read-only' }, t('holidays.readOnly')),
  h('div', { class: 'network-table-wrap' },
    h('table', { class: 'network-table', 'aria-labelledby': 'holidays-count' },
      h('thead', {}, h('tr', {}, [ 'holidays.date', 'holidays.weekday', 'holidays.kind', 'holidays.name', 'holidays.source', 'holidays.updatedBy',
        ...(editor ? [ 'network.actions' ] : []) ].map(k => h('th', { scope: 'col' }, t(k))))),
      rows)));

function edit(day) {
  c.date.value = day.date;
  c.kind.value = day.kind;
  c.name.value = day.name;
  c.source.value = day.source || '';
  c.name.focus();
}

async function remove(day) {
  try {
    await api(`/api/holidays/${day.date}`, { method: 'DELETE' });
    announce(status, t('holidays.removed', { date: day.date, name: day.name }), 'success');
    await go(year);
  } catch (error) {
    announce(status, t('common.error', { message: error.problem?.title || error.message }), 'error');
  }
}

async function go(wanted) {
  if (!Number.isInteger(wanted) || wanted < 1900 || wanted > 9999) {
    announce(status, t('holidays.badYear'), 'error');
    return;
  }
  year = wanted;
  yearInput.value = String(year);
  history.replaceState(null, '', `?year=${year}`);
  try {
    const days = await api(`/api/holidays?year=${year}`);
    fill(rows, days.length ? days.map(day => h('tr', { 'data-date': day.date, class: day.kind === 'make-up-working-day' ? 'make-up' : null },
      h('td', {}, day.date),
      h('td', {}, weekday.format(new Date(`${day.date}T00:00:00Z`))),
      h('td', {}, t(`holidayKind.${day.kind}`)),
      h('td', {}, day.name),
      h('td', {}, day.source || '—'),
      h('td', {}, day.updatedBy),
      editor ? h('td', { class: 'row-actions' },
        h('button', { type: 'button', onclick: () => edit(day), 'aria-label': t('holidays.changeOne', { date: day.date }) }, t('network.edit')),
        h('button', { type: 'button', onclick: () => remove(day), 'aria-label': t('holidays.removeOne', { date: day.date }) }, t('holidays.remove'))) : null))
      : [ h('tr', {}, h('td', { colspan: editor ? 7 : 6 }, t('holidays.none', { year }))) ]);
    count.textContent = t('holidays.count', { year, count: days.length });
  } catch (error) {
    announce(status, t('common.error', { message: error.message }), 'error');
  }
}

await go(year);
