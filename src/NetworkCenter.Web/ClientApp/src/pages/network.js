// The network: offices and reporting points, liaisons, staff and their roles, each searchable. The roles that may
// change a list (offices and liaisons: the clue administrator and system administrators; staff: system
// administrators) create, change, deactivate and reactivate its records here; everyone else reads.
import './network.css';
import { api } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { hasAnyRole, mountShell } from '../shared/shell.js';
import { editRecord } from './networkEditor.js';

const { me, main } = await mountShell({ titleKey: 'network.title' });
const label = (prefix, value) => {
  const text = t(`${prefix}.${value}`);
  return value && text !== `${prefix}.${value}` ? text : value || '—';
};
const status = h('p', { id: 'network-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const vocabulary = await api('/api/network/vocabulary');
const offices = (await api('/api/network/offices?pageSize=100')).items;
const roles = [ 'clue-administrator', 'handling-procurator', 'department-head', 'chief-procurator', 'committee-secretary',
  'supervisor', 'system-administrator' ];
const networkWriters = [ 'clue-administrator', 'system-administrator' ];
const contact = [
  { path: 'phone', label: 'network.phone', type: 'tel' },
  { path: 'email', label: 'register.email', type: 'email' }
];

const sections = [
  {
    id: 'offices', url: '/api/network/offices', writers: networkWriters,
    columns: [ 'network.name', 'network.kind', 'network.host', 'network.contact', 'network.phone', 'network.liaisons' ],
    row: o => [ o.name, label('source', o.kind), o.hostUnit, o.contactPerson, o.phone, String(o.liaisonCount) ],
    fields: [
      { path: 'kind', label: 'network.kind', type: 'select', choices: () => vocabulary.officeKinds.map(k => [ k, label('source', k) ]) },
      { path: 'name', label: 'network.name' },
      { path: 'hostUnitKind', label: 'network.hostKind', type: 'select', choices: () => vocabulary.hostUnitKinds.map(k => [ k, label('host', k) ]) },
      { path: 'hostUnit', label: 'network.host' },
      { path: 'address', label: 'register.address' },
      { path: 'contactPerson', label: 'network.contact' },
      ...contact
    ],
    request: v => v
  },
  {
    id: 'liaisons', url: '/api/network/liaisons', writers: networkWriters,
    columns: [ 'network.name', 'network.unit', 'network.office', 'network.phone', 'network.expertise' ],
    row: l => [ l.name, l.unit, l.officeName, l.phone, [ ...l.expertise, ...l.groups.map(g => label('group', g)) ].join('、') ],
    fields: [
      { path: 'name', label: 'network.name' },
      { path: 'unit', label: 'network.unit' },
      { path: 'officeId', label: 'network.office', type: 'select', blank: true, number: true, choices: () => offices.map(o => [ String(o.id), o.name ]),
        value: l => (l.officeId ? String(l.officeId) : '') },
      ...contact,
      { path: 'language', label: 'lang.label', type: 'language' },
      { path: 'expertise', label: 'network.expertiseCodes', type: 'codes' },
      { path: 'groups', label: 'network.groups', type: 'checks', prefix: 'group', values: vocabulary.liaisonGroups },
      { path: 'account.username', label: 'network.username', createOnly: true },
      { path: 'account.password', label: 'network.password', type: 'password', createOnly: true }
    ],
    // Declared ties are the liaison's own to change (on their profile); a change here keeps them as they are.
    request: (v, item) => ({
      name: v.name, unit: v.unit, officeId: v.officeId, phone: v.phone, email: v.email, language: v.language,
      expertise: v.expertise, groups: v.groups,
      ties: (item?.ties ?? []).map(tie => ({ kind: tie.kind, name: tie.name, idNumber: tie.idNumber, note: tie.note })),
      account: !item && v['account.username'] ? { username: v['account.username'], password: v['account.password'] } : null
    })
  },
  {
    id: 'staff', url: '/api/network/staff', writers: [ 'system-administrator' ],
    columns: [ 'network.name', 'network.staffTitle', 'network.roles', 'network.phone' ],
    row: s => [ s.name, s.title, s.roles.map(r => label('role', r)).join('、'), s.phone ],
    fields: [
      { path: 'name', label: 'network.name' },
      { path: 'title', label: 'network.staffTitle' },
      ...contact,
      { path: 'language', label: 'lang.label', type: 'language' },
      { path: 'roles', label: 'network.roles', type: 'checks', prefix: 'role', values: roles },
      { path: 'username', label: 'network.username', createOnly: true },
      { path: 'password', label: 'network.password', type: 'password', createOnly: true }
    ],
    request: v => v
  }
];

const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('network.title') });
main.append(h('h1', {}, t('network.title')), tabs, status);

for (const section of sections) {
  const writer = hasAnyRole(me, section.writers);
  const search = h('input', { type: 'search', id: `${section.id}-q`, 'aria-label': t('clues.filter.q') });
  const count = h('span', { class: 'count', id: `${section.id}-count` });
  const body = h('tbody');
  const what = t(`network.one.${section.id}`);
  const create = writer
    ? h('button', { type: 'button', class: 'primary', id: `${section.id}-new`, onclick: () => edit(null) }, t('network.new', { what }))
    : null;
  const panel = h('section', { id: `${section.id}-panel`, role: 'tabpanel', 'aria-labelledby': `${section.id}-tab`, hidden: section !== sections[0] },
    h('form', { class: 'network-search', role: 'search', onsubmit: event => { event.preventDefault(); load(); } },
      search, h('button', { type: 'submit' }, t('clues.search')), count, create),
    writer ? null : h('p', { class: 'read-only' }, t('network.readOnly')),
    h('div', { class: 'network-table-wrap' },
      h('table', { class: 'network-table', 'aria-labelledby': `${section.id}-tab` },
        h('thead', {}, h('tr', {}, [ ...section.columns, 'network.state', ...(writer ? [ 'network.actions' ] : []) ]
          .map(c => h('th', { scope: 'col' }, t(c))))), body)));
  const tab = h('button', { type: 'button', role: 'tab', id: `${section.id}-tab`, 'aria-controls': panel.id,
    'aria-selected': String(section === sections[0]) }, t(`network.${section.id}`));
  tab.addEventListener('click', () => {
    for (const other of tabs.querySelectorAll('[role=tab]')) {
      other.setAttribute('aria-selected', String(other === tab));
      document.getElementById(other.getAttribute('aria-controls')).hidden = other !== tab;
    }
  });
  tabs.append(tab);
  main.append(panel);

  async function edit(item) {
    if (await editRecord(section, item)) {
      announce(status, t('network.saved'), 'success');
      await load();
    }
  }

  async function setActive(item, active) {
    try {
      await api(`${section.url}/${item.id}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });
      announce(status, t(active ? 'network.reactivated' : 'network.deactivated', { name: item.name }), 'success');
      await load();
    } catch (error) {
      announce(status, t('common.error', { message: error.problem?.title || error.message }), 'error');
    }
  }

  function actions(item) {
    return h('td', { class: 'row-actions' },
      h('button', { type: 'button', onclick: () => edit(item), 'aria-label': t('network.editOne', { name: item.name }) }, t('network.edit')),
      item.active
        ? h('button', { type: 'button', onclick: () => setActive(item, false), 'aria-label': t('network.deactivateOne', { name: item.name }) }, t('network.deactivate'))
        : h('button', { type: 'button', onclick: () => setActive(item, true), 'aria-label': t('network.reactivateOne', { name: item.name }) }, t('network.reactivate')));
  }

  async function load() {
    const query = new URLSearchParams({ pageSize: '100' });
    if (search.value.trim()) {
      query.set('q', search.value.trim());
    }
    try {
      const page = await api(`${section.url}?${query}`);
      body.replaceChildren(...page.items.map(item => h('tr', { 'data-id': item.id, class: item.active ? null : 'inactive' },
        section.row(item).map(cell => h('td', {}, cell || '—')),
        h('td', {}, t(item.active ? 'network.active' : 'network.inactive')),
        writer ? actions(item) : null)));
      count.textContent = t('network.count', { count: page.total });
    } catch (error) {
      announce(status, t('common.error', { message: error.message }), 'error');
    }
  }
  await load();
}
