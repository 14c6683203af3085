// The mail outbox's backlog on the home page, for the people who answer for notices going out: what waits, what
// keeps failing and why, when it is tried next, and what went out today.
import './mailBacklog.css';
import { api } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';

export const mailBacklogRoles = [ 'clue-administrator', 'supervisor', 'system-administrator' ];

const when = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'short', timeStyle: 'short' });

export async function mailBacklogSection() {
  const section = h('section', { class: 'mail-backlog', 'aria-labelledby': 'mail-backlog-title' },
    h('h2', { id: 'mail-backlog-title' }, t('mail.title')));
  let backlog;
  try {
    backlog = await api('/api/mail/outbox?limit=20');
  } catch (error) {
    section.append(h('p', { class: 'status', 'data-kind': 'error', role: 'alert' }, t('mail.unavailable', { reason: error.message })));
    return section;
  }
  const counts = [
    [ 'queued', backlog.queued ], [ 'failing', backlog.failing ], [ 'givenUp', backlog.givenUp ], [ 'deliveredToday', backlog.deliveredToday ]
  ];
  section.append(h('dl', { class: 'mail-backlog-counts' }, counts.map(([ key, value ]) => h('div', {},
    h('dt', {}, t(`mail.${key}`)), h('dd', { 'data-count': key }, String(value))))));
  if (backlog.items.length === 0) {
    section.append(h('p', {}, t('mail.empty')));
    return section;
  }
  section.append(h('table', { class: 'mail-backlog-table' },
    h('thead', {}, h('tr', {}, [ 'recipient', 'subject', 'attempts', 'lastError', 'nextAttempt' ].map(key => h('th', {}, t(`mail.${key}`))))),
    h('tbody', {}, backlog.items.map(item => h('tr', { 'data-status': item.status },
      h('td', {}, item.recipientAddress),
      h('td', {}, item.subject),
      h('td', {}, String(item.attempts)),
      h('td', {}, item.lastError || '—'),
      h('td', {}, item.status === 'failed' ? t('mail.givenUp') : when.format(new Date(item.nextAttemptAt))))))));
  return section;
}
