// The clue register for staff: search and filters, pages of results; each clue opens its own page (/clues/{id}).
import './clues.css';
import { api } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';

const kinds = [ 'judgment-supervision', 'judicial-misconduct', 'public-interest', 'outside-jurisdiction' ];
const statuses = [ 'draft', 'registered', 'triage', 'assigned', 'under-review', 'filed', 'not-filed', 'referred', 'closed', 'merged' ];
const pageSize = 50;
const { me, main } = await mountShell({ titleKey: 'clues.title' });
const clerk = me.roles.includes('clue-administrator');
// Old links (?open=42) go to the clue's own page.
const opened = Number(new URLSearchParams(location.search).get('open'));
if (opened) {
  location.replace(`/clues/${opened}`);
}
const day = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium' });
const label = (prefix, value) => {
  const text = t(`${prefix}.${value}`);
  return value && text !== `${prefix}.${value}` ? text : value || '—';
};
const any = () => h('option', { value: '' }, t('clues.any'));

const filters = {
  q: h('input', { id: 'q', type: 'search', name: 'q' }),
  status: h('select', { id: 'status', name: 'status' }, any(), statuses.map(s => h('option', { value: s }, label('status', s)))),
  kind: h('select', { id: 'kind', name: 'kind' }, any(), kinds.map(k => h('option', { value: k }, label('kind', k)))),
  from: h('input', { id: 'from', type: 'date', name: 'from' }),
  to: h('input', { id: 'to', type: 'date', name: 'to' })
};
const status = h('p', { id: 'clues-status', class: 'status', role: 'status', hidden: true });
const count = h('p', { id: 'clue-count', class: 'count', 'aria-live': 'polite' });
const rows = h('tbody');
const pager = h('nav', { class: 'pager', 'aria-label': t('clues.pages') });
let page = 1;

const filterForm = h('form', { class: 'clue-filters', role: 'search' },
  Object.entries(filters).map(([ name, control ]) => h('div', { class: 'field' }, h('label', { for: name }, t(`clues.filter.${name}`)), control)),
  h('button', { type: 'submit', class: 'primary' }, t('clues.search')));
filterForm.addEventListener('submit', event => {
  event.preventDefault();
  page = 1;
  load();
});

main.append(h('h1', {}, t('clues.title')),
  ...(clerk ? [ h('p', {}, h('a', { href: '/clues/new', class: 'button primary', id: 'register-link' }, t('nav.register'))) ] : []),
  filterForm, status, count,
  h('table', { class: 'clue-register', 'aria-labelledby': 'clue-count' },
    h('thead', {}, h('tr', {}, [ 'portal.number', 'portal.received', 'portal.kind', 'clues.case', 'portal.status' ].map(k => h('th', { scope: 'col' }, t(k))))),
    rows),
  pager);

async function load() {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [ name, control ] of Object.entries(filters)) {
    if (control.value.trim()) {
      query.set(name, control.value.trim());
    }
  }
  try {
    const result = await api(`/api/clues?${query}`);
    rows.replaceChildren(...result.items.map(c => h('tr', { 'data-clue-id': c.id },
      h('td', {}, h('a', { href: `/clues/${c.id}` }, c.registerNumber || t('portal.noNumber'))),
      h('td', {}, day.format(new Date(c.receivedAt))),
      h('td', {}, label('kind', c.kind)),
      h('td', {}, [ c.court, c.caseNumber ].filter(Boolean).join(' ') || '—'),
      h('td', {}, label('status', c.status)))));
    count.textContent = t('clues.count', { count: result.total });
    const pages = Math.max(1, Math.ceil(result.total / pageSize));
    pager.replaceChildren(
      h('button', { type: 'button', disabled: page <= 1, onclick: () => { page--; load(); } }, t('clues.previous')),
      h('span', {}, t('clues.page', { page, pages })),
      h('button', { type: 'button', disabled: page >= pages, onclick: () => { page++; load(); } }, t('clues.next')));
    announce(status, '');
  } catch (error) {
    announce(status, t('common.error', { message: error.message }), 'error');
  }
}

await load();
