// Merging duplicates, for the clue administrator: a clue and the register's candidates for the same matter side by
// side; the clerk picks the clue that stays and which others merge into it. The server moves every source and
// attachment to the survivor (each liaison keeps the credit) and marks the others merged.
import './register.css';
import { api } from '../shared/api.js';
import { announce, fill, h } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';

const { main } = await mountShell({ titleKey: 'merge.title' });
const day = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium' });
const label = (prefix, value) => {
  const text = t(`${prefix}.${value}`);
  return value && text !== `${prefix}.${value}` ? text : value || '—';
};
const status = h('p', { id: 'merge-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const board = h('div', { id: 'merge-board' });
main.append(h('h1', {}, t('merge.title')), h('p', {}, t('merge.hint')), status, board);

const id = Number(new URLSearchParams(location.search).get('id'));

const rows = [
  [ 'portal.status', c => label('status', c.status) ],
  [ 'portal.kind', c => label('kind', c.kind) ],
  [ 'portal.received', c => day.format(new Date(c.receivedAt)) ],
  [ 'portal.court', c => c.court || '—' ],
  [ 'portal.caseNumber', c => c.caseNumber || '—' ],
  [ 'portal.judgmentDate', c => c.judgmentDate || '—' ],
  [ 'clues.judge', c => c.judge || '—' ],
  [ 'clues.parties', c => c.parties.map(p => p.name).join('、') || '—' ],
  [ 'merge.sources', c => String(c.sources.length) ],
  [ 'portal.attachments', c => c.attachments.map(a => a.fileName).join('、') || '—' ],
  [ 'portal.summary', c => c.summary ]
];

async function show() {
  if (!id) {
    announce(status, t('merge.noClue'), 'error');
    return;
  }
  const clue = await api(`/api/clues/${id}`);
  const candidates = clue.status === 'merged' ? [] : await api(`/api/clues/${id}/duplicates`);
  const clues = [ clue, ...await Promise.all(candidates.slice(0, 4).map(d => api(`/api/clues/${d.id}`))) ];
  if (clues.length < 2) {
    fill(board, h('p', { id: 'no-duplicates' }, clue.status === 'merged'
      ? t('merge.alreadyMerged', { number: clue.mergedIntoRegisterNumber || clue.mergedIntoId })
      : t('merge.none')), h('a', { href: `/clues/${clue.mergedIntoId || clue.id}` }, t('register.open')));
    return;
  }
  const name = c => c.registerNumber || t('portal.noNumber');
  // The earliest registered clue stays by default: it holds the register number people already quote.
  const survivor = clues.reduce((a, b) => (a.registerNumber && (!b.registerNumber || a.id < b.id) ? a : b));
  const table = h('table', { class: 'merge-table', 'aria-describedby': 'merge-status' },
    h('thead', {},
      h('tr', {}, h('td', {}), clues.map(c => h('th', { scope: 'col', 'data-clue-id': c.id }, name(c)))),
      h('tr', {}, h('th', { scope: 'row' }, t('merge.keep')), clues.map(c => h('td', {},
        h('label', {}, h('input', { type: 'radio', name: 'survivor', value: c.id, checked: c === survivor,
          'aria-label': t('merge.keepThis', { number: name(c) }) }), ' ', t('merge.keep'))))),
      h('tr', {}, h('th', { scope: 'row' }, t('merge.mergeIt')), clues.map(c => h('td', {},
        h('label', {}, h('input', { type: 'checkbox', name: 'merge', value: c.id, checked: true,
          'aria-label': t('merge.mergeThis', { number: name(c) }) }), ' ', t('merge.mergeIt')))))),
    h('tbody', {}, rows.map(([ key, value ]) => h('tr', {}, h('th', { scope: 'row' }, t(key)), clues.map(c => h('td', {}, value(c)))))));
  const button = h('button', { type: 'button', class: 'primary', id: 'merge-button', onclick: () => merge(button) }, t('merge.submit'));
  fill(board, h('div', { class: 'merge-wrap' }, table), h('div', { class: 'actions' }, button, h('a', { href: '/clues' }, t('register.toRegister'))));
}

async function merge(button) {
  const survivor = Number(board.querySelector('input[name=survivor]:checked')?.value);
  const others = [ ...board.querySelectorAll('input[name=merge]:checked') ].map(el => Number(el.value)).filter(v => v !== survivor);
  if (!survivor || others.length === 0) {
    announce(status, t('merge.chooseTwo'), 'error');
    return;
  }
  button.disabled = true;
  try {
    let result = null;
    for (const other of others) {
      result = await api(`/api/clues/${other}/merge-into/${survivor}`, { method: 'POST' });
    }
    fill(status, t('merge.done', { count: others.length, number: result.targetRegisterNumber || survivor }), ' ',
      h('a', { href: `/clues/${survivor}`, id: 'merged-survivor' }, t('register.open')));
    status.dataset.kind = 'success';
    status.hidden = false;
    fill(board);
  } catch (error) {
    announce(status, t('merge.failed', { message: error.problem?.title || error.message }), 'error');
    button.disabled = false;
  }
}

try {
  await show();
} catch (error) {
  announce(status, t('common.error', { message: error.message }), 'error');
}
