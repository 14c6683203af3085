// The liaison portal: submit a clue with attachments, follow one's own clues' progress. The server decides the
// source (the signed-in liaison), whatever the form says.
import './portal.css';
import { api, ApiError } from '../shared/api.js';
import { announce, fill, h } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';
import { isoDate, serviceToday } from '../shared/today.js';

const kinds = [ 'judgment-supervision', 'judicial-misconduct', 'public-interest', 'outside-jurisdiction' ];
const areas = [ 'land', 'bankruptcy-restructuring', 'improper-fees', 'pollution', 'other' ];
const { main } = await mountShell({ titleKey: 'portal.title' });
const day = new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium' });
const label = (prefix, value) => {
  const text = t(`${prefix}.${value}`);
  return text === `${prefix}.${value}` ? value : text;
};

function field(id, key, control, hint) {
  return h('div', { class: 'field', 'data-field': id },
    h('label', { for: id }, t(key)), control,
    hint ? h('small', { id: `${id}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

const inputs = {
  kind: h('select', { id: 'kind', name: 'kind' }, kinds.map(k => h('option', { value: k }, label('kind', k)))),
  publicInterestArea: h('select', { id: 'publicInterestArea', name: 'publicInterestArea' }, areas.map(a => h('option', { value: a }, label('area', a)))),
  court: h('input', { id: 'court', name: 'court', autocomplete: 'off' }),
  caseNumber: h('input', { id: 'caseNumber', name: 'caseNumber', autocomplete: 'off' }),
  judgmentDate: h('input', { id: 'judgmentDate', name: 'judgmentDate', type: 'date' }),
  summary: h('textarea', { id: 'summary', name: 'summary', rows: 6, required: true, 'aria-describedby': 'summary-hint summary-error' }),
  attachments: h('input', { id: 'attachments', name: 'attachments', type: 'file', multiple: true })
};
const status = h('p', { id: 'portal-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true });
const send = h('button', { type: 'submit', class: 'primary' }, t('portal.send'));
const form = h('form', { class: 'clue-form', novalidate: true, 'aria-labelledby': 'submit-title' },
  h('h2', { id: 'submit-title' }, t('portal.submit')),
  field('kind', 'portal.kind', inputs.kind),
  field('publicInterestArea', 'portal.area', inputs.publicInterestArea),
  h('div', { class: 'row' },
    field('court', 'portal.court', inputs.court),
    field('caseNumber', 'portal.caseNumber', inputs.caseNumber),
    field('judgmentDate', 'portal.judgmentDate', inputs.judgmentDate)),
  field('summary', 'portal.summary', inputs.summary, t('portal.summaryHint')),
  field('attachments', 'portal.attachments', inputs.attachments),
  send);
const rows = h('tbody');
// The area is asked only for public-interest clues.
const areaField = form.querySelector('[data-field="publicInterestArea"]');
const syncArea = () => { areaField.hidden = inputs.kind.value !== 'public-interest'; };
inputs.kind.addEventListener('change', syncArea);
syncArea();
const detail = h('section', { id: 'clue-detail', class: 'clue-detail', hidden: true, 'aria-live': 'polite' });
const figureRows = h('tbody');
const figurePeriod = h('p', { class: 'figures-period' });

main.append(h('h1', {}, t('portal.title')), status,
  h('div', { class: 'portal-layout' }, form,
    h('section', { 'aria-labelledby': 'mine-title' },
      h('h2', { id: 'mine-title' }, t('portal.mine')),
      h('table', { class: 'clue-table' },
        h('thead', {}, h('tr', {}, [ 'portal.number', 'portal.kind', 'portal.received', 'portal.status' ].map(k => h('th', { scope: 'col' }, t(k))))),
        rows),
      detail)),
  h('section', { id: 'my-figures', 'aria-labelledby': 'figures-title' },
    h('h2', { id: 'figures-title' }, t('portal.figures')), figurePeriod,
    h('table', { class: 'clue-table figures-table', 'aria-labelledby': 'figures-title' },
      h('thead', {}, h('tr', {}, [ 'portal.figures.month', 'portal.figures.clues', 'portal.figures.adopted', 'portal.figures.rate',
        'portal.figures.value', 'portal.figures.rank' ].map(k => h('th', { scope: 'col' }, t(k))))),
      figureRows)));

function showErrors(errors) {
  for (const el of form.querySelectorAll('.field-error')) {
    el.hidden = true;
  }
  for (const control of Object.values(inputs)) {
    control.removeAttribute('aria-invalid');
  }
  let first = null;
  const unplaced = [];
  for (const [ name, messages ] of Object.entries(errors)) {
    // The server names fields as the JSON does (summary, caseNumber, parties[0].name…); the form has the top-level ones.
    const key = name.split(/[.[]/)[0];
    const box = inputs[key] && form.querySelector(`#${CSS.escape(key)}-error`);
    if (box) {
      box.textContent = [].concat(messages).join(' ');
      box.hidden = false;
      inputs[key].setAttribute('aria-invalid', 'true');
      first ||= inputs[key];
    } else {
      unplaced.push(`${name}: ${[].concat(messages).join(' ')}`);
    }
  }
  first?.focus();
  return unplaced;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const clue = {
    kind: inputs.kind.value,
    publicInterestArea: inputs.kind.value === 'public-interest' ? inputs.publicInterestArea.value : null,
    court: inputs.court.value.trim() || null,
    caseNumber: inputs.caseNumber.value.trim() || null,
    judgmentDate: inputs.judgmentDate.value || null,
    summary: inputs.summary.value.trim()
  };
  if (!clue.summary) {
    showErrors({ summary: [ t('portal.invalid') ] });
    announce(status, t('portal.invalid'), 'error');
    return;
  }
  const body = new FormData();
  // The clue travels as a plain (non-file) part named clue; every file part is an attachment.
  body.append('clue', JSON.stringify(clue));
  for (const file of inputs.attachments.files) {
    body.append('attachments', file, file.name);
  }
  send.disabled = true;
  send.textContent = t('portal.sending');
  try {
    const created = await api('/api/portal/clues', { method: 'POST', body });
    showErrors({});
    form.reset();
    syncArea();
    announce(status, created?.registerNumber ? t('portal.sent', { number: created.registerNumber }) : t('portal.sentDraft'), 'success');
    await load();
  } catch (error) {
    if (error instanceof ApiError && error.problem?.errors && !Array.isArray(error.problem.errors)) {
      const unplaced = showErrors(error.problem.errors);
      announce(status, [ t('portal.invalid'), ...unplaced ].join(' '), 'error');
    } else {
      announce(status, t('portal.failed', { message: error.message }), 'error');
    }
  } finally {
    send.disabled = false;
    send.textContent = t('portal.send');
  }
});

async function open(id) {
  const { clue, summary, progress, myAttachments } = await api(`/api/portal/clues/${id}`);
  detail.hidden = false;
  fill(detail,
    h('h3', {}, clue.registerNumber || t('portal.noNumber')),
    h('p', {}, summary || ''),
    h('h4', {}, t('portal.progress')),
    h('ol', {}, progress.map(step => h('li', {}, `${day.format(new Date(step.at))} · ${label('status', step.toStatus)}`))),
    myAttachments.length ? h('h4', {}, t('portal.files')) : null,
    myAttachments.length ? h('ul', {}, myAttachments.map(name => h('li', {}, name))) : null);
}

async function load() {
  const clues = await api('/api/portal/clues');
  rows.replaceChildren(...(clues.length ? clues.map(c => h('tr', { 'data-clue-id': c.id },
    h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(c.id) }, c.registerNumber || t('portal.noNumber'))),
    h('td', {}, c.kind ? label('kind', c.kind) : '—'),
    h('td', {}, day.format(new Date(c.receivedAt))),
    h('td', { class: 'clue-status' }, label('status', c.status))))
    : [ h('tr', {}, h('td', { colspan: 4 }, t('portal.none'))) ]));
}

// The liaison's own figures for the last twelve months, month by month, with their rank among all liaisons that
// month (ranked by adoption and value, as the network rewards): from the statistics API's portal endpoint.
async function loadFigures() {
  const today = await serviceToday();
  const number = new Intl.NumberFormat(currentLanguage());
  const money = new Intl.NumberFormat(currentLanguage(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const first = isoDate(today.year, today.month - 11);
  figurePeriod.textContent = t('portal.figures.period', { from: first.slice(0, 7), to: isoDate(today.year, today.month).slice(0, 7) });
  try {
    const months = await api(`/api/portal/statistics?from=${first}&to=${isoDate(today.year, today.month + 1)}`);
    fill(figureRows, months.length
      ? months.map(m => h('tr', { 'data-month': m.month },
        h('th', { scope: 'row' }, m.month), h('td', {}, number.format(m.given)), h('td', {}, number.format(m.adopted)),
        h('td', {}, m.adoptionRate == null ? '—' : `${number.format(Math.round(m.adoptionRate * 1000) / 10)}%`),
        h('td', {}, money.format(m.value)), h('td', {}, number.format(m.rank))))
      : h('tr', {}, h('td', { colspan: 6 }, t('portal.figures.none'))));
  } catch (error) {
    fill(figureRows, h('tr', {}, h('td', { colspan: 6 }, t('common.error', { message: error.message }))));
  }
}

await Promise.all([ load(), loadFigures() ]);
