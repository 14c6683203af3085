// Correcting a registered clue on its page (PATCH /api/clues/{id}), for the clue administrator: the register facts,
// the parties' names and roles, the clue's own source and its handling procurator. Only the fields changed here are
// sent, with the revision the page was read at, so a correction never overwrites someone else's in between.
import { api, ApiError } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { field, options, showFieldErrors } from '../shared/fields.js';
import { t } from '../shared/i18n.js';

const sources = [ 'liaison-office', 'reporting-point', 'liaison', 'walk-in', 'letter', 'transfer', '12309' ];
const kinds = [ 'judgment-supervision', 'judicial-misconduct', 'public-interest', 'outside-jurisdiction' ];
const areas = [ 'land', 'bankruptcy-restructuring', 'improper-fees', 'pollution', 'other' ];
const partyRoles = [ 'applicant', 'respondent', 'third-party', 'other' ];

/** The roles of the clue-editor policy (AccessPolicies.cs): the server refuses anyone else. */
export const correctors = [ 'clue-administrator' ];

const input = (attrs = {}) => h('input', { autocomplete: 'off', ...attrs });

// A select of records, keeping the current one even when the list (active records, first page) lacks it.
function recordSelect(items, current, text) {
  const select = h('select', {}, h('option', { value: '' }, '—'), items.map(item => h('option', { value: item.id }, text(item))));
  if (current && !items.some(item => item.id === current)) {
    select.append(h('option', { value: current }, `#${current}`));
  }
  select.value = current ?? '';
  return select;
}

const text = control => control.value.trim() || null;
// The outcome form on the same page has a kind too: these ids start with correct-.
const prefix = 'correct-';
const at = (path, labelKey, control, more = {}) => field(path, labelKey, control, { prefix, ...more });
const id = control => control.value === '' ? null : Number(control.value);

/** The correction form for clue, collapsed under a summary line; onSaved gets the corrected clue. */
export async function correctionForm(clue, onSaved) {
  const [ offices, liaisons, procurators ] = await Promise.all([
    api('/api/network/offices?pageSize=100&active=true'),
    api('/api/network/liaisons?pageSize=100'),
    api('/api/network/staff?role=handling-procurator&active=true&pageSize=100')
  ]);
  const c = {
    kind: h('select', {}, options('kind', kinds, { blank: !clue.kind })),
    publicInterestArea: h('select', {}, options('area', areas, { blank: true })),
    court: input(), caseNumber: input(), judgmentDate: input({ type: 'date' }), judge: input(),
    amountInvolved: input({ type: 'number', min: '0', step: '0.01', inputmode: 'decimal' }),
    summary: h('textarea', { rows: 4 }),
    sourceKind: h('select', {}, options('source', sources.includes(clue.sourceKind) ? sources : [ clue.sourceKind, ...sources ])),
    officeId: recordSelect(offices.items, clue.officeId, o => o.name),
    liaisonId: recordSelect(liaisons.items, clue.liaisonId, l => `${l.name}（${l.unit || ''}）`),
    assignedProcuratorId: recordSelect(procurators.items, clue.assignedProcuratorId, s => s.name)
  };
  const scalars = [ 'kind', 'publicInterestArea', 'court', 'caseNumber', 'judgmentDate', 'judge', 'summary', 'sourceKind' ];
  for (const key of scalars) {
    c[key].value = clue[key] ?? '';
  }
  c.amountInvolved.value = clue.amountInvolved ?? '';
  const parties = clue.parties.map((party, index) => ({
    name: input({ value: party.name }),
    role: h('select', {}, options('party', partyRoles)),
    index
  }));
  parties.forEach((p, index) => { p.role.value = clue.parties[index].role; });

  const status = h('p', { id: 'correct-status', class: 'status', role: 'status', hidden: true });
  const form = h('form', { id: 'correct-form', class: 'outcome-form', novalidate: true },
    at('kind', 'portal.kind', c.kind), at('publicInterestArea', 'portal.area', c.publicInterestArea),
    at('court', 'portal.court', c.court), at('caseNumber', 'portal.caseNumber', c.caseNumber),
    at('judgmentDate', 'portal.judgmentDate', c.judgmentDate), at('judge', 'clues.judge', c.judge),
    at('amountInvolved', 'register.amount', c.amountInvolved), at('summary', 'portal.summary', c.summary, { wide: true }),
    parties.flatMap(p => [
      at(`parties[${p.index}].name`, 'register.partyName', p.name),
      at(`parties[${p.index}].role`, 'register.partyRole', p.role)
    ]),
    at('sourceKind', 'register.sourceKind', c.sourceKind), at('officeId', 'register.office', c.officeId),
    at('liaisonId', 'register.liaison', c.liaisonId), at('assignedProcuratorId', 'clue.procurator', c.assignedProcuratorId),
    h('button', { type: 'submit', class: 'primary' }, t('clue.correct.save')), status);
  // Each party's label says which party it is: "Party name" alone would be ambiguous between two parties.
  parties.forEach(p => {
    for (const key of [ 'name', 'role' ]) {
      const label = form.querySelector(`label[for="${p[key].id}"]`);
      label.textContent = `${t('register.party', { n: p.index + 1 })} · ${label.textContent}`;
    }
  });

  function changes() {
    const patch = {};
    for (const key of scalars) {
      const value = text(c[key]);
      if (value !== (clue[key] ?? null)) {
        patch[key] = value;
      }
    }
    const amount = c.amountInvolved.value.trim() === '' ? null : Number(c.amountInvolved.value);
    if (amount !== (clue.amountInvolved ?? null)) {
      patch.amountInvolved = amount;
    }
    for (const key of [ 'officeId', 'liaisonId', 'assignedProcuratorId' ]) {
      if (id(c[key]) !== (clue[key] ?? null)) {
        patch[key] = id(c[key]);
      }
    }
    const corrected = clue.parties.map((party, index) => ({ ...party, name: parties[index].name.value.trim(), role: parties[index].role.value }));
    if (corrected.some((party, index) => party.name !== clue.parties[index].name || party.role !== clue.parties[index].role)) {
      patch.parties = corrected;
    }
    return patch;
  }

  // A corrected court, case number or party may match another clue: the register page's duplicate list, with the way past it.
  const duplicates = h('section', { id: 'correct-duplicates', class: 'duplicates', 'aria-labelledby': 'correct-duplicates-title', hidden: true });
  function showDuplicates(candidates) {
    duplicates.hidden = false;
    duplicates.replaceChildren(
      h('h3', { id: 'correct-duplicates-title', tabindex: '-1' }, t('register.duplicates')),
      h('p', {}, t('clue.correct.duplicatesHint')),
      h('table', { class: 'clue-table' },
        h('thead', {}, h('tr', {}, [ 'portal.number', 'portal.status', 'clues.case', 'register.matchedOn' ].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, candidates.map(d => h('tr', { 'data-candidate-id': d.id },
          h('td', {}, h('a', { href: `/clues/${d.id}` }, d.registerNumber || t('portal.noNumber'))),
          h('td', {}, t(`status.${d.status}`)),
          h('td', {}, [ d.court, d.caseNumber ].filter(Boolean).join(' ')),
          h('td', {}, t(`register.matched.${d.matchedOn}`)))))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'correct-anyway', onclick: () => save(true) }, t('clue.correct.anyway')),
        h('a', { href: `/clues/merge?id=${clue.id}` }, t('register.findDuplicates'))));
    duplicates.querySelector('h3').focus();
  }

  async function save(correctAnyway) {
    showFieldErrors(form, {}, { prefix });
    const patch = changes();
    if (!Object.keys(patch).length) {
      announce(status, t('clue.correct.nothing'), 'info');
      return;
    }
    if (correctAnyway) {
      patch.correctAnyway = true;
    }
    try {
      const corrected = await api(`/api/clues/${clue.id}`, { method: 'PATCH', json: patch, headers: { 'If-Match': `"${clue.revision}"` } });
      duplicates.hidden = true;
      await onSaved(corrected);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && Array.isArray(error.problem.candidates)) {
        announce(status, t('clue.correct.duplicatesFound', { count: error.problem.candidates.length }), 'error');
        showDuplicates(error.problem.candidates);
        return;
      }
      const unplaced = error instanceof ApiError && error.problem.errors ? showFieldErrors(form, error.problem.errors, { prefix }) : [];
      announce(status, unplaced.length ? unplaced.join(' ')
        : error instanceof ApiError && error.status === 409 ? t('clue.correct.conflict', { message: error.message })
        : error instanceof ApiError && error.problem.errors ? '' : t('common.error', { message: error.message }), 'error');
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    save(false);
  });
  return h('details', { id: 'correct', class: 'clue-part' }, h('summary', {}, t('clue.correct.title')),
    h('p', { class: 'hint' }, t('clue.correct.hint')), form, duplicates);
}
