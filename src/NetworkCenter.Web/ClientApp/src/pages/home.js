// The home page: what the signed-in user may do, by role.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { designerRoles, hasAnyRole, mountShell } from '../shared/shell.js';

const { me, main } = await mountShell({ titleKey: 'home.title' });
const cards = [
  { href: '/designer', title: 'nav.designer', text: 'home.designer', roles: designerRoles },
  { href: '/forms', title: 'nav.forms', text: 'home.forms', roles: designerRoles },
  { href: '/hangfire', title: 'nav.jobs', text: 'home.jobs', roles: [ 'system-administrator' ] }
].filter(card => hasAnyRole(me, card.roles));

main.append(
  h('h1', {}, t('home.welcome', { name: me.username })),
  h('p', {}, t('home.intro')),
  h('ul', { class: 'cards' }, cards.map(card => h('li', {},
    h('h2', {}, h('a', { href: card.href }, t(card.title))),
    h('p', {}, t(card.text))))));
