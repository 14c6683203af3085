// The home page: what the signed-in user may do, by role.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { designerRoles, hasAnyRole, mountShell, staffRoles } from '../shared/shell.js';
import { mailBacklogRoles, mailBacklogSection } from './mailBacklog.js';

const { me, main } = await mountShell({ titleKey: 'home.title' });
const cards = [
  { href: '/tasks', title: 'nav.inbox', text: 'home.inbox', roles: staffRoles },
  { href: '/clues', title: 'nav.clues', text: 'home.clues', roles: staffRoles },
  { href: '/network', title: 'nav.network', text: 'home.network', roles: staffRoles },
  { href: '/holidays', title: 'nav.holidays', text: 'home.holidays', roles: staffRoles },
  { href: '/statistics', title: 'nav.statistics', text: 'home.statistics', roles: staffRoles },
  { href: '/designer', title: 'nav.designer', text: 'home.designer', roles: designerRoles },
  { href: '/forms', title: 'nav.forms', text: 'home.forms', roles: designerRoles },
  { href: '/hangfire', title: 'nav.jobs', text: 'home.jobs', roles: [ 'system-administrator' ] }
].filter(card => hasAnyRole(me, card.roles));

// The server sends a user here, with ReturnUrl, when their role does not allow the page they asked for.
const denied = new URLSearchParams(location.search).get('ReturnUrl');
main.append(
  h('h1', {}, t('home.welcome', { name: me.username })),
  // Node.append would print a null as the text "null".
  ...(denied ? [ h('p', { class: 'status', 'data-kind': 'error', role: 'alert' }, t('home.denied', { page: denied })) ] : []),
  h('p', {}, t('home.intro')),
  h('ul', { class: 'cards' }, cards.map(card => h('li', {},
    h('h2', {}, h('a', { href: card.href }, t(card.title))),
    h('p', {}, t(card.text))))));
if (hasAnyRole(me, mailBacklogRoles)) {
  main.append(await mailBacklogSection());
}
