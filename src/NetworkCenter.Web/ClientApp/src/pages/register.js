// Registering a clue, for the clue administrator: every register field, parties and agents repeatable, attachments.
// The server checks everything and names the field of each problem; a matter already in the register comes back
// as duplicate candidates, shown before the clerk registers anyway or goes to merge.
import './register.css';
import { api, ApiError } from '../shared/api.js';
import { announce, fill, h } from '../shared/dom.js';
import { field, options, showFieldErrors, valueOf } from '../shared/fields.js';
import { t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';

const sources = [ 'liaison-office', 'reporting-point', 'liaison', 'walk-in', 'letter', 'transfer', '12309' ];
const kinds = [ 'judgment-supervision', 'judicial-misconduct', 'public-interest', 'outside-jurisdiction' ];
const areas = [ 'land', 'bankruptcy-restructuring', 'improper-fees', 'pollution', 'other' ];
const partyRoles = [ 'applicant', 'respondent', 'third-party', 'other' ];
const { main } = await mountShell({ titleKey: 'register.title' });
const [ offices, liaisons ] = await Promise.all([
  api('/api/network/offices?pageSize=100&active=true'),
  api('/api/network/liaisons?pageSize=100')
]);

const input = (attrs = {}) => h('input', { autocomplete: 'off', ...attrs });
const c = {
  sourceKind: h('select', {}, options('source', sources)),
  officeId: h('select', {}, h('option', { value: '' }, '—'), offices.items.map(o => h('option', { value: o.id, 'data-kind': o.kind }, o.name))),
  liaisonId: h('select', {}, h('option', { value: '' }, '—'), liaisons.items.map(l => h('option', { value: l.id }, `${l.name}（${l.unit || ''}）`))),
  sourceDetail: input(),
  receivedAt: input({ type: 'datetime-local' }),
  kind: h('select', {}, options('kind', kinds)),
  publicInterestArea: h('select', {}, options('area', areas)),
  court: input(),
  caseNumber: input(),
  judgmentDate: input({ type: 'date' }),
  judge: input(),
  amountInvolved: input({ type: 'number', min: '0', step: '0.01', inputmode: 'decimal' }),
  summary: h('textarea', { rows: 6 }),
  'reporter.name': input(),
  'reporter.idNumber': input(),
  'reporter.phone': input({ type: 'tel' }),
  'reporter.email': input({ type: 'email' }),
  attachments: h('input', { type: 'file', multiple: true })
};

// Parties and agents: a fieldset per entry, numbered, each removable; paths follow the JSON (parties[1].name).
function repeatable(name, legendKey, make) {
  const list = h('div', { class: 'repeat-list', id: `${name}-list` });
  const add = h('button', { type: 'button', id: `add-${name}`, onclick: () => { list.append(entry()); renumber(); entries().at(-1).querySelector('input, select')?.focus(); } },
    t(`register.add.${name}`));
  const entries = () => [ ...list.children ];
  function entry() {
    const box = h('fieldset', { class: 'repeat' });
    box.append(h('legend', {}), h('div', { class: 'row' }), h('button', { type: 'button', class: 'link remove', onclick: () => { box.remove(); renumber(); add.focus(); } }));
    return box;
  }
  function renumber() {
    entries().forEach((box, index) => {
      const values = Object.fromEntries([ ...box.querySelectorAll('[data-key]') ].map(el => [ el.dataset.key, el.value ]));
      box.querySelector('legend').textContent = t(legendKey, { n: index + 1 });
      box.querySelector('.remove').textContent = t('register.remove', { what: t(legendKey, { n: index + 1 }) });
      fill(box.querySelector('.row'), make(`${name}[${index}]`, values));
    });
  }
  const read = () => entries().map(box => Object.fromEntries([ ...box.querySelectorAll('[data-key]') ].map(el => [ el.dataset.key, valueOf(el) ])));
  return { element: h('div', { class: 'repeatable' }, list, add), read, clear: () => { list.replaceChildren(); } };
}

const keyed = (key, control, value) => {
  control.dataset.key = key;
  control.value = value ?? control.value;
  return control;
};
const parties = repeatable('parties', 'register.party', (at, v) => [
  field(`${at}.role`, 'register.partyRole', keyed('role', h('select', {}, options('party', partyRoles)), v.role)),
  field(`${at}.personKind`, 'register.personKind', keyed('personKind', h('select', {}, options('person', [ 'natural', 'legal' ])), v.personKind)),
  field(`${at}.name`, 'register.partyName', keyed('name', input(), v.name)),
  field(`${at}.idNumber`, 'register.idNumber', keyed('idNumber', input(), v.idNumber)),
  field(`${at}.phone`, 'register.phone', keyed('phone', input({ type: 'tel' }), v.phone)),
  field(`${at}.email`, 'register.email', keyed('email', input({ type: 'email' }), v.email)),
  field(`${at}.address`, 'register.address', keyed('address', input(), v.address))
]);
const agents = repeatable('agents', 'register.agent', (at, v) => [
  field(`${at}.name`, 'register.agentName', keyed('name', input(), v.name)),
  field(`${at}.lawFirm`, 'register.lawFirm', keyed('lawFirm', input(), v.lawFirm)),
  field(`${at}.phone`, 'register.phone', keyed('phone', input({ type: 'tel' }), v.phone))
]);

const status = h('p', { id: 'register-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const duplicates = h('section', { id: 'duplicates', class: 'duplicates', hidden: true, 'aria-labelledby': 'duplicates-title' });
const submit = h('button', { type: 'submit', class: 'primary' }, t('register.submit'));
const section = (key, ...children) => h('fieldset', { class: 'group' }, h('legend', {}, t(key)), ...children);
const form = h('form', { class: 'register-form', novalidate: true, 'aria-labelledby': 'register-title' },
  section('register.group.source',
    h('div', { class: 'row' },
      field('sourceKind', 'register.sourceKind', c.sourceKind),
      field('officeId', 'register.office', c.officeId),
      field('liaisonId', 'register.liaison', c.liaisonId),
      field('sourceDetail', 'register.sourceDetail', c.sourceDetail),
      field('receivedAt', 'register.receivedAt', c.receivedAt, { hint: t('register.receivedAtHint') }))),
  section('register.group.matter',
    h('div', { class: 'row' },
      field('kind', 'portal.kind', c.kind),
      field('publicInterestArea', 'portal.area', c.publicInterestArea),
      field('court', 'portal.court', c.court),
      field('caseNumber', 'portal.caseNumber', c.caseNumber),
      field('judgmentDate', 'portal.judgmentDate', c.judgmentDate),
      field('judge', 'clues.judge', c.judge),
      field('amountInvolved', 'register.amount', c.amountInvolved)),
    field('summary', 'portal.summary', c.summary, { wide: true })),
  section('clues.parties', parties.element),
  section('register.agents', agents.element),
  section('register.reporter',
    h('div', { class: 'row' },
      field('reporter.name', 'register.reporterName', c['reporter.name']),
      field('reporter.idNumber', 'register.idNumber', c['reporter.idNumber']),
      field('reporter.phone', 'register.phone', c['reporter.phone']),
      field('reporter.email', 'register.email', c['reporter.email']))),
  section('portal.attachments', field('attachments', 'portal.attachments', c.attachments)),
  h('div', { class: 'actions' }, submit, h('a', { href: '/clues' }, t('register.toRegister'))));

// Only the source fields that apply are shown: an office for offices and points, a liaison, or a transfer's sender.
const sync = () => {
  const kind = c.sourceKind.value;
  form.querySelector('[data-field="officeId"]').hidden = kind !== 'liaison-office' && kind !== 'reporting-point';
  form.querySelector('[data-field="liaisonId"]').hidden = kind !== 'liaison';
  form.querySelector('[data-field="sourceDetail"]').hidden = kind === 'liaison-office' || kind === 'reporting-point' || kind === 'liaison';
  form.querySelector('[data-field="publicInterestArea"]').hidden = c.kind.value !== 'public-interest';
  for (const option of c.officeId.options) {
    option.hidden = Boolean(option.value) && option.dataset.kind !== kind;
  }
};
c.sourceKind.addEventListener('change', sync);
c.kind.addEventListener('change', sync);
sync();

function clue(registerAnyway) {
  const kind = c.sourceKind.value;
  const reporter = { name: valueOf(c['reporter.name']), idNumber: valueOf(c['reporter.idNumber']), phone: valueOf(c['reporter.phone']), email: valueOf(c['reporter.email']) };
  const received = valueOf(c.receivedAt);
  return {
    sourceKind: kind,
    officeId: kind === 'liaison-office' || kind === 'reporting-point' ? Number(c.officeId.value) || null : null,
    liaisonId: kind === 'liaison' ? Number(c.liaisonId.value) || null : null,
    sourceDetail: form.querySelector('[data-field="sourceDetail"]').hidden ? null : valueOf(c.sourceDetail),
    // The clerk types the procuratorate's local time; the server wants an offset.
    receivedAt: received ? `${received.length === 16 ? `${received}:00` : received}+08:00` : null,
    kind: c.kind.value,
    publicInterestArea: c.kind.value === 'public-interest' ? c.publicInterestArea.value : null,
    court: valueOf(c.court),
    caseNumber: valueOf(c.caseNumber),
    judgmentDate: valueOf(c.judgmentDate),
    judge: valueOf(c.judge),
    amountInvolved: valueOf(c.amountInvolved) === null ? null : Number(c.amountInvolved.value),
    summary: valueOf(c.summary),
    parties: parties.read(),
    agents: agents.read(),
    reporter: Object.values(reporter).some(Boolean) ? reporter : null,
    registerAnyway
  };
}

function showDuplicates(candidates) {
  duplicates.hidden = false;
  fill(duplicates,
    h('h2', { id: 'duplicates-title' }, t('register.duplicates')),
    h('p', {}, t('register.duplicatesHint')),
    h('table', { class: 'clue-table' },
      h('thead', {}, h('tr', {}, [ 'portal.number', 'portal.status', 'clues.case', 'register.matchedOn' ].map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, candidates.map(d => h('tr', { 'data-candidate-id': d.id },
        h('td', {}, h('a', { href: `/clues/${d.id}` }, d.registerNumber || t('portal.noNumber'))),
        h('td', {}, t(`status.${d.status}`)),
        h('td', {}, [ d.court, d.caseNumber ].filter(Boolean).join(' ')),
        h('td', {}, t(`register.matched.${d.matchedOn}`)))))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'register-anyway', onclick: () => send(true) }, t('register.anyway')),
      h('button', { type: 'button', onclick: () => { duplicates.hidden = true; c.summary.focus(); } }, t('common.cancel'))));
  duplicates.querySelector('h2').tabIndex = -1;
  duplicates.querySelector('h2').focus();
}

async function send(registerAnyway) {
  const body = new FormData();
  body.append('clue', JSON.stringify(clue(registerAnyway)));
  for (const file of c.attachments.files) {
    body.append('attachments', file, file.name);
  }
  submit.disabled = true;
  try {
    const created = await api('/api/clues', { method: 'POST', body });
    showFieldErrors(form, {});
    duplicates.hidden = true;
    form.reset();
    parties.clear();
    agents.clear();
    sync();
    fill(status, t('register.done', { number: created.registerNumber }), ' ',
      h('a', { href: `/clues/${created.id}` }, t('register.open')), ' · ',
      h('a', { href: `/clues/merge?id=${created.id}` }, t('register.findDuplicates')));
    status.dataset.kind = 'success';
    status.hidden = false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && Array.isArray(error.problem.candidates)) {
      showFieldErrors(form, {});
      announce(status, t('register.duplicatesFound', { count: error.problem.candidates.length }), 'error');
      showDuplicates(error.problem.candidates);
    } else if (error instanceof ApiError && error.problem?.errors && !Array.isArray(error.problem.errors)) {
      const unplaced = showFieldErrors(form, error.problem.errors);
      announce(status, [ t('portal.invalid'), ...unplaced ].join(' '), 'error');
    } else {
      announce(status, t('portal.failed', { message: error.message }), 'error');
    }
  } finally {
    submit.disabled = false;
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  send(false);
});
main.append(h('h1', { id: 'register-title' }, t('register.title')), status, duplicates, form);
