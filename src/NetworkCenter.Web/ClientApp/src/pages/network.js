// The network, read-only for now: offices and reporting points, liaisons, staff and their roles, each searchable.
import './network.css';
import { api } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';

const { main } = await mountShell({ titleKey: 'network.title' });
const label = (prefix, value) => {
  const text = t(`${prefix}.${value}`);
  return value && text !== `${prefix}.${value}` ? text : value || '—';
};
const status = h('p', { id: 'network-status', class: 'status', role: 'status', hidden: true });

const sections = [
  {
    id: 'offices', url: '/api/network/offices', columns: [ 'network.name', 'network.kind', 'network.host', 'network.contact', 'network.phone', 'network.liaisons' ],
    row: o => [ o.name, label('source', o.kind), o.hostUnit, o.contactPerson, o.phone, String(o.liaisonCount) ]
  },
  {
    id: 'liaisons', url: '/api/network/liaisons', columns: [ 'network.name', 'network.unit', 'network.office', 'network.phone', 'network.expertise' ],
    row: l => [ l.name, l.unit, l.officeName, l.phone, [ ...l.expertise, ...l.groups ].join('、') ]
  },
  {
    id: 'staff', url: '/api/network/staff', columns: [ 'network.name', 'network.staffTitle', 'network.roles', 'network.phone' ],
    row: s => [ s.name, s.title, s.roles.map(r => label('role', r)).join('、'), s.phone ]
  }
];

const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('network.title') });
main.append(h('h1', {}, t('network.title')), tabs, status);

for (const section of sections) {
  const search = h('input', { type: 'search', id: `${section.id}-q`, 'aria-label': t('clues.filter.q') });
  const count = h('span', { class: 'count', id: `${section.id}-count` });
  const body = h('tbody');
  const panel = h('section', { id: `${section.id}-panel`, role: 'tabpanel', 'aria-labelledby': `${section.id}-tab`, hidden: section !== sections[0] },
    h('form', { class: 'network-search', role: 'search', onsubmit: event => { event.preventDefault(); load(); } },
      search, h('button', { type: 'submit' }, t('clues.search')), count),
    h('div', { class: 'network-table-wrap' },
      h('table', { class: 'network-table', 'aria-labelledby': `${section.id}-tab` },
        h('thead', {}, h('tr', {}, section.columns.map(c => h('th', { scope: 'col' }, t(c))))), body)));
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

  async function load() {
    const query = new URLSearchParams({ pageSize: '100' });
    if (search.value.trim()) {
      query.set('q', search.value.trim());
    }
    try {
      const page = await api(`${section.url}?${query}`);
      body.replaceChildren(...page.items.map(item => h('tr', {}, section.row(item).map(cell => h('td', {}, cell || '—')))));
      count.textContent = t('network.count', { count: page.total });
    } catch (error) {
      announce(status, t('common.error', { message: error.message }), 'error');
    }
  }
  await load();
}
