// One clue's page (/clues/{id}): the register facts, the contact card the liaison was sent, the open tasks' deadlines
// (coloured as in the inbox), the procedures it is in, its documents, history and recorded outcomes.
import './clue.css';
import { api, ApiError } from '../shared/api.js';
import { announce, fill, h } from '../shared/dom.js';
import { field, showFieldErrors } from '../shared/fields.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';
import { byUrgency, urgency } from '../inbox/deadlines.js';
import { correctionForm, correctors } from './clueEdit.js';

const outcomeKinds = [ 'protest-proposed', 'retrial-ordered', 'suggestion-adopted', 'transferred-for-prosecution',
  'public-interest-litigation', 'correction', 'other' ];
// The roles of the outcome-recorder policy (AccessPolicies.cs): the server refuses anyone else.
const recorders = [ 'clue-administrator', 'handling-procurator', 'department-head', 'chief-procurator' ];

const { me, main } = await mountShell({ titleKey: 'clue.title' });
const id = Number(location.pathname.split('/').pop());
const language = currentLanguage();
const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
const moment = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
const money = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const at = value => value ? moment.format(new Date(value)) : '—';
const label = (prefix, value) => {
  const text = t(`${prefix}.${value}`);
  return value && text !== `${prefix}.${value}` ? text : value || '—';
};
const status = h('p', { id: 'clue-status', class: 'status', role: 'status', hidden: true });

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([ , value ]) => value !== null && value !== undefined && value !== '')
    .flatMap(([ key, value ]) => [ h('dt', {}, t(key)), h('dd', {}, value) ]));
}

// A titled part of the page, reachable by its heading.
function part(key, ...children) {
  const headingId = `${key.replace('clue.', '')}-heading`;
  return h('section', { id: key.replace('clue.', ''), class: 'clue-part', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t(key)), ...children);
}

function register(clue, procedures) {
  return part('clue.facts',
    facts([
      [ 'portal.status', label('status', clue.status) ], [ 'portal.kind', label('kind', clue.kind) ],
      [ 'portal.area', clue.publicInterestArea ? label('area', clue.publicInterestArea) : null ],
      [ 'portal.received', day.format(new Date(clue.receivedAt)) ], [ 'clues.source', label('source', clue.sourceKind) ],
      [ 'portal.court', clue.court ], [ 'portal.caseNumber', clue.caseNumber ], [ 'portal.judgmentDate', clue.judgmentDate ],
      [ 'clues.judge', clue.judge ],
      [ 'clue.nationalCase', procedures.nationalCaseNumber ? h('span', { id: 'national-case' }, procedures.nationalCaseNumber) : null ]
    ]),
    h('p', { class: 'summary' }, clue.summary),
    clue.parties.length ? [ h('h3', {}, t('clues.parties')), h('ul', {}, clue.parties.map(p => h('li', {}, `${p.name} (${p.role})`))) ] : null,
    clue.agents.length ? [ h('h3', {}, t('clue.agents')),
      h('ul', {}, clue.agents.map(a => h('li', {}, [ a.name, a.lawFirm, a.phone ].filter(Boolean).join(' · ')))) ] : null,
    me.roles.includes('clue-administrator') && clue.status !== 'merged'
      ? h('p', {}, h('a', { href: `/clues/merge?id=${clue.id}` }, t('merge.duplicates'))) : null,
    clue.mergedIntoId ? h('p', {}, h('a', { href: `/clues/${clue.mergedIntoId}` },
      t('merge.alreadyMerged', { number: clue.mergedIntoRegisterNumber || clue.mergedIntoId }))) : null);
}

function contactCard(card) {
  const stage = card.stageNames[language] || card.stageNames['zh-CN'] || label('status', card.stage);
  return part('clue.contact',
    h('p', { class: 'hint' }, t('clue.contactHint')),
    card.procuratorId
      ? facts([ [ 'clue.procurator', h('span', { id: 'contact-procurator' }, card.procuratorName) ],
        [ 'clue.phone', h('span', { id: 'contact-phone' }, card.procuratorPhone || '—') ],
        [ 'clue.stage', h('span', { id: 'contact-stage' }, stage) ] ])
      : [ h('p', {}, t('clue.noProcurator')), facts([ [ 'clue.stage', h('span', { id: 'contact-stage' }, stage) ] ]) ]);
}

function deadlines(tasks, instances, now) {
  if (!tasks.length) {
    return part('clue.deadlines', h('p', {}, t('clue.noDeadlines')));
  }
  const procedureOf = new Map(instances.map(i => [ i.id, i.definitionName || i.definitionKey ]));
  return part('clue.deadlines', h('table', { class: 'clue-table', 'aria-labelledby': 'deadlines-heading' },
    h('thead', {}, h('tr', {}, [ 'inbox.task', 'clue.procedures', 'inbox.due', 'inbox.assignee' ].map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, [ ...tasks ].sort(byUrgency(now)).map(task => {
      const level = urgency(task, now);
      return h('tr', { 'data-task-id': task.id, 'data-urgency': level || 'none' },
        h('td', {}, task.name || task.elementId),
        h('td', {}, procedureOf.get(task.instanceId) || ''),
        h('td', {}, at(task.due), level ? h('span', { class: `badge ${level}` }, t(`inbox.${level}`)) : null),
        h('td', {}, task.assignee || h('em', {}, t('inbox.unassigned'))));
    }))));
}

function procedureList(instances) {
  if (!instances.length) {
    return part('clue.procedures', h('p', {}, t('clue.noProcedures')));
  }
  return part('clue.procedures', h('table', { class: 'clue-table', 'aria-labelledby': 'procedures-heading' },
    h('thead', {}, h('tr', {}, [ 'instance.definition', 'clue.version', 'instance.status', 'clue.started' ].map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, instances.map(i => h('tr', { 'data-instance-id': i.id },
      h('td', {}, h('a', { href: `/instances/${i.id}` }, i.definitionName || i.definitionKey)),
      h('td', {}, String(i.version)),
      h('td', {}, label('instance.status', i.status)),
      h('td', {}, at(i.startedAt)))))));
}

function documents(clue) {
  return part('clue.documents', clue.attachments.length
    ? h('ul', {}, clue.attachments.map(a => h('li', {},
      h('a', { href: `/api/clues/${clue.id}/attachments/${a.id}`, download: a.fileName }, a.fileName),
      ` (${Math.max(1, Math.round(a.sizeBytes / 1024))} KB)`)))
    : h('p', {}, t('clue.noDocuments')));
}

function history(clue) {
  return part('clue.history', h('ol', {}, clue.history.map(entry => h('li', {},
    `${entry.at ? day.format(new Date(entry.at)) : ''} · ${label('status', entry.toStatus || entry.status)}`))));
}

function outcomeRows(outcomes) {
  return outcomes.length
    ? h('table', { class: 'clue-table', id: 'outcome-list', 'aria-labelledby': 'outcomes-heading' },
      h('thead', {}, h('tr', {}, [ 'clue.outcome.kind', 'clue.outcome.amountRecovered', 'clue.outcome.lossAvoided', 'clue.outcome.note',
        'clue.outcome.recordedBy', 'clue.outcome.recordedAt' ].map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, outcomes.map(o => h('tr', { 'data-outcome-id': o.id },
        h('td', {}, label('outcome', o.kind)), h('td', {}, money.format(o.amountRecovered)), h('td', {}, money.format(o.lossAvoided)),
        h('td', {}, o.note || ''), h('td', {}, o.recordedBy), h('td', {}, at(o.recordedAt))))))
    : h('p', { id: 'outcome-list' }, t('clue.noOutcomes'));
}

function outcomes(clue, list) {
  const holder = h('div', {}, outcomeRows(list));
  if (!recorders.some(role => me.roles.includes(role)) || clue.status === 'merged' || !clue.registerNumber) {
    return part('clue.outcomes', holder);
  }
  const kind = h('select', {}, h('option', { value: '' }, '—'), outcomeKinds.map(k => h('option', { value: k }, label('outcome', k))));
  const recovered = h('input', { type: 'number', step: '0.01', inputmode: 'decimal' });
  const avoided = h('input', { type: 'number', step: '0.01', inputmode: 'decimal' });
  const note = h('textarea', { rows: 2 });
  const formStatus = h('p', { class: 'status', role: 'status', hidden: true });
  const form = h('form', { id: 'outcome-form', class: 'outcome-form', novalidate: true, 'aria-labelledby': 'outcome-form-heading' },
    h('h3', { id: 'outcome-form-heading' }, t('clue.recordOutcome')),
    field('kind', 'clue.outcome.kind', kind), field('amountRecovered', 'clue.outcome.amountRecovered', recovered),
    field('lossAvoided', 'clue.outcome.lossAvoided', avoided), field('note', 'clue.outcome.note', note, { wide: true }),
    h('button', { type: 'submit', class: 'primary' }, t('clue.recordOutcome')), formStatus);
  const amount = input => input.value.trim() === '' ? null : Number(input.value);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    showFieldErrors(form, {});
    try {
      await api(`/api/clues/${clue.id}/outcomes`, { method: 'POST', json: {
        kind: kind.value || null, amountRecovered: amount(recovered), lossAvoided: amount(avoided), note: note.value.trim() || null } });
      form.reset();
      fill(holder, outcomeRows(await api(`/api/clues/${clue.id}/outcomes`)));
      announce(formStatus, t('clue.outcomeRecorded'), 'success');
    } catch (error) {
      const unplaced = error instanceof ApiError ? showFieldErrors(form, error.problem.errors) : [];
      announce(formStatus, unplaced.length ? unplaced.join(' ') : error instanceof ApiError && error.problem.errors ? '' : t('common.error', { message: error.message }), 'error');
    }
  });
  return part('clue.outcomes', holder, form);
}

async function load() {
  try {
    const [ clue, procedures, outcomeList, clock ] = await Promise.all([
      api(`/api/clues/${id}`), api(`/api/clues/${id}/procedures`), api(`/api/clues/${id}/outcomes`), api('/api/clock').catch(() => null)
    ]);
    // The server's clock decides what is overdue, as in the inbox.
    const now = clock?.now ? Date.parse(clock.now) : Date.now();
    document.title = `${clue.registerNumber || t('portal.noNumber')} · ${t('app.short')}`;
    const correction = correctors.some(role => me.roles.includes(role)) && clue.status !== 'merged'
      ? await correctionForm(clue, async () => {
        await load();
        announce(status, t('clue.correct.saved'), 'success');
      })
      : null;
    fill(main,
      h('p', {}, h('a', { href: '/clues', id: 'back-to-register' }, t('clue.back'))),
      h('article', { id: 'clue-record', 'data-clue-id': clue.id, 'aria-labelledby': 'clue-number' },
        h('h1', { id: 'clue-number' }, `${t('clue.title')} ${clue.registerNumber || t('portal.noNumber')}`),
        status,
        h('div', { class: 'clue-page' },
          h('div', { class: 'clue-main' }, register(clue, procedures), correction, deadlines(procedures.tasks, procedures.instances, now),
            procedureList(procedures.instances), outcomes(clue, outcomeList)),
          h('div', { class: 'clue-side' }, contactCard(procedures.contact), documents(clue), history(clue)))));
  } catch (error) {
    fill(main, h('h1', {}, t('clue.title')), status);
    announce(status, error instanceof ApiError && error.status === 404 ? t('clue.notFound', { id }) : t('common.error', { message: error.message }), 'error');
  }
}

await load();
