// The layout every signed-in page shares: skip link, header with navigation filtered by role, language switch,
// the user and sign-out; the page fills <main>.
import './base.css';
import { api } from './api.js';
import { h } from './dom.js';
import { currentLanguage, languages, switchLanguage, t } from './i18n.js';

export const designerRoles = [ 'supervisor', 'system-administrator' ];
export const staffRoles = [ 'clue-administrator', 'handling-procurator', 'department-head', 'chief-procurator',
  'committee-secretary', 'supervisor', 'system-administrator' ];

const links = [
  { href: '/', key: 'nav.home', roles: staffRoles },
  { href: '/portal', key: 'nav.portal', roles: [ 'liaison' ] },
  { href: '/tasks', key: 'nav.inbox', roles: staffRoles },
  { href: '/clues', key: 'nav.clues', roles: staffRoles },
  { href: '/network', key: 'nav.network', roles: staffRoles },
  { href: '/holidays', key: 'nav.holidays', roles: staffRoles },
  { href: '/statistics', key: 'nav.statistics', roles: staffRoles },
  { href: '/designer', key: 'nav.designer', roles: designerRoles },
  { href: '/forms', key: 'nav.forms', roles: designerRoles },
  { href: '/hangfire', key: 'nav.jobs', roles: [ 'system-administrator' ] }
];

export function hasAnyRole(me, roles) {
  return !roles || roles.some(role => me.roles.includes(role));
}

export function languageSwitch() {
  const select = h('select', { id: 'language', 'data-testid': 'language' },
    languages.map(l => h('option', { value: l.code, lang: l.code, selected: l.code === currentLanguage() }, l.name)));
  select.addEventListener('change', () => switchLanguage(select.value));
  return h('div', { class: 'language' }, h('label', { for: 'language' }, t('lang.label')), select);
}

/**
 * Renders the header for the signed-in user and returns { me, main }. titleKey names the page in the tab title
 * and in <h1> (pass wide: true for full-width tool pages such as the designer).
 */
export async function mountShell({ titleKey, wide = false }) {
  document.title = `${t(titleKey)} · ${t('app.short')}`;
  const me = await api('/api/auth/me');
  const here = location.pathname;
  const nav = h('nav', { 'aria-label': t('nav.label') },
    h('ul', {}, links.filter(l => hasAnyRole(me, l.roles)).map(l =>
      h('li', {}, h('a', { href: l.href, 'aria-current': l.href === here ? 'page' : null }, t(l.key))))));
  const signOut = h('button', { type: 'button', class: 'link', onclick: async () => {
    await api('/api/auth/logout', { method: 'POST' });
    location.assign('/login');
  } }, t('user.signOut'));
  const header = h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: '/', title: t('app.name') }, t('app.short')),
    nav,
    h('div', { class: 'account' },
      languageSwitch(),
      h('span', { class: 'who' }, t('user.signedInAs', { name: me.username })),
      signOut));
  const main = h('main', { id: 'main', tabindex: '-1', class: wide ? 'wide' : null });
  document.body.replaceChildren(h('a', { class: 'skip-link', href: '#main' }, t('nav.skip')), header, main);
  return { me, main };
}
