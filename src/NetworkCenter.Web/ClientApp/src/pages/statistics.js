// The statistics page for staff: filters for the period and the kind, the key figures, and every chart with its
// table beside it (the table is the accessible form of the chart), links to the CSV/XLSX exports and the monthly
// reports. The figures come from the statistics API; this page only draws them.
import './statistics.css';
import { api } from '../shared/api.js';
import { announce, fill, h } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';
import { isoDate, serviceToday } from '../shared/today.js';
import { chartBox, drawChart } from '../statistics/charts.js';
import { exportUrl, normalise } from '../statistics/figures.js';

const kinds = [ 'judgment-supervision', 'judicial-misconduct', 'public-interest', 'outside-jurisdiction' ];
const kindNames = Object.fromEntries(kinds.map(k => [ k, true ]));
const { main } = await mountShell({ titleKey: 'stats.title' });
const number = new Intl.NumberFormat(currentLanguage());
const money = new Intl.NumberFormat(currentLanguage(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const label = (prefix, value) => {
  const text = t(`${prefix}.${value}`);
  return value && text !== `${prefix}.${value}` ? text : value || '—';
};

// The default period: this year up to today, by the service's clock in the procuratorate's calendar.
const today = await serviceToday();
const params = new URLSearchParams(location.search);
const filters = {
  from: h('input', { id: 'from', name: 'from', type: 'date', value: params.get('from') || isoDate(today.year, 1), required: true }),
  to: h('input', { id: 'to', name: 'to', type: 'date', value: params.get('to') || isoDate(today.year, today.month, today.day), required: true }),
  kind: h('select', { id: 'kind', name: 'kind' }, h('option', { value: '' }, t('clues.any')),
    kinds.map(k => h('option', { value: k, selected: params.get('kind') === k }, label('kind', k))))
};
const status = h('p', { id: 'stats-status', class: 'status', role: 'status', hidden: true });
const exports = h('p', { class: 'stats-exports' });
const summary = h('dl', { id: 'stats-summary', class: 'stats-summary', 'aria-live': 'polite' });
const form = h('form', { class: 'stats-filters', role: 'search', 'aria-label': t('stats.filters') },
  Object.entries(filters).map(([ name, control ]) => h('div', { class: 'field' }, h('label', { for: name }, t(`stats.filter.${name}`)), control)),
  h('button', { type: 'submit', class: 'primary' }, t('stats.apply')));
form.addEventListener('submit', event => {
  event.preventDefault();
  load();
});

// Each section: a chart and its table from the same rows, and the table's own CSV/XLSX export. Columns with
// chart: true are drawn; the first column names the row.
const count = (key, field, chart = true) => ({ key, value: r => r[field], chart });
const sections = [
  { id: 'kind', table: 'kinds', kind: 'bar', horizontal: true, rows: f => f.kinds, name: r => label('kind', r.key),
    head: 'stats.col.kind', columns: [ count('stats.col.received', 'registered'), count('stats.col.adopted', 'adopted') ] },
  { id: 'source', table: 'sources', kind: 'bar', horizontal: true, rows: f => f.sources, name: r => label('source', r.key),
    head: 'stats.col.source', columns: [ count('stats.col.received', 'given'), count('stats.col.adopted', 'adopted'), rate() ] },
  { id: 'status', table: 'statuses', kind: 'bar', horizontal: true, rows: f => f.statuses, name: r => label('status', r.key),
    head: 'stats.col.status', columns: [ count('stats.col.count', 'clues') ] },
  { id: 'decision', table: 'decisions', kind: 'bar', horizontal: true, rows: f => f.decisions, name: r => label('decision', r.key),
    head: 'stats.col.decision', columns: [ count('stats.col.count', 'decisions') ] },
  { id: 'outcome', table: 'outcomes', kind: 'bar', horizontal: true, rows: f => f.outcomes, name: r => label('outcome', r.key),
    head: 'stats.col.outcome', columns: [ count('stats.col.count', 'outcomes'), { key: 'stats.col.value', value: r => money.format(r.value) } ] },
  { id: 'trend', table: 'months', kind: 'line', rows: f => f.months, name: r => r.key,
    head: 'stats.col.month', columns: [ count('stats.col.received', 'registered'), count('stats.col.adopted', 'adopted'), rate() ] },
  { id: 'deadlines', table: 'deadlines', kind: 'bar', horizontal: true, rows: f => f.deadlines, name: r => r.key,
    head: 'stats.col.deadline', columns: [ count('stats.col.met', 'onTime'), count('stats.col.late', 'late'), count('stats.col.overdue', 'overdue') ] },
  { id: 'fields', table: 'fields', kind: 'bar', horizontal: true, rows: f => f.fields, name: r => label(r.key in kindNames ? 'kind' : 'area', r.key),
    head: 'stats.col.field', columns: [ count('stats.col.count', 'clues'), count('stats.col.previous', 'previous') ] },
  { id: 'liaisons', table: 'liaisons', kind: 'bar', horizontal: true, rows: f => f.liaisons.slice(0, 15), name: r => r.key,
    head: 'stats.col.liaison', columns: [ { key: 'stats.col.rank', value: r => r.rank }, { key: 'stats.col.office', value: r => r.office || '—' },
      count('stats.col.received', 'given', false), count('stats.col.adopted', 'adopted'), rate(), { key: 'stats.col.value', value: r => money.format(r.value) } ] }
];
function rate() {
  return { key: 'stats.col.rate', value: r => (r.rate == null ? '—' : `${number.format(r.rate)}%`) };
}

const grid = h('div', { class: 'stats-grid' });
for (const section of sections) {
  const headingId = `stats-${section.id}-title`;
  const { canvas, box } = chartBox(`stats-${section.id}-chart`, headingId);
  section.canvas = canvas;
  section.body = h('tbody');
  section.exports = h('span', { class: 'stats-exports' });
  grid.append(h('section', { id: `stats-${section.id}`, class: 'stats-section', 'aria-labelledby': headingId },
    h('div', { class: 'stats-heading' }, h('h2', { id: headingId }, t(`stats.section.${section.id}`)), section.exports),
    h('div', { class: 'stats-pair' },
      box,
      h('div', { class: 'stats-table-wrap' },
        h('table', { class: 'stats-table', id: `stats-${section.id}-table` },
          h('caption', {}, t(`stats.section.${section.id}`)),
          h('thead', {}, h('tr', {}, [ section.head, ...section.columns.map(c => c.key) ].map(c => h('th', { scope: 'col' }, t(c))))),
          section.body)))));
}

const reports = h('ul', { id: 'monthly-reports', class: 'stats-reports' });
main.append(h('h1', {}, t('stats.title')), form, exports, status, summary, grid,
  h('section', { 'aria-labelledby': 'reports-title' }, h('h2', { id: 'reports-title' }, t('stats.reports')), reports));

// The page asks for the last day included; the API takes the day after it (its 'to' is excluded).
function apiQuery() {
  const end = new Date(`${filters.to.value}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const q = new URLSearchParams({ from: filters.from.value, to: end.toISOString().slice(0, 10) });
  if (filters.kind.value) {
    q.set('kind', filters.kind.value);
  }
  return q;
}

function showSummary(f) {
  const items = [
    [ 'received', number.format(f.summary.received) ],
    [ 'adopted', number.format(f.summary.adopted) ],
    [ 'adoptionRate', f.summary.adoptionRate == null ? '—' : `${number.format(f.summary.adoptionRate)}%` ],
    [ 'value', money.format(f.summary.value) ],
    [ 'deadlinesMet', number.format(f.summary.deadlinesMet) ],
    [ 'deadlinesMissed', number.format(f.summary.deadlinesMissed) ]
  ];
  fill(summary, items.map(([ key, value ]) => h('div', { 'data-figure': key }, h('dt', {}, t(`stats.${key}`)), h('dd', {}, value))));
}

function showSection(section, f, q) {
  const rows = section.rows(f);
  fill(section.body, rows.length
    ? rows.map(row => h('tr', {}, h('th', { scope: 'row' }, section.name(row)),
      section.columns.map(c => { const v = c.value(row); return h('td', {}, typeof v === 'number' ? number.format(v) : v); })))
    : h('tr', {}, h('td', { colspan: section.columns.length + 1 }, t('stats.none'))));
  fill(section.exports, h('a', { href: exportUrl(section.table, 'csv', q), download: '' }, 'CSV'), ' · ',
    h('a', { href: exportUrl(section.table, 'xlsx', q), download: '' }, 'XLSX'));
  // An empty chart says nothing its table does not: only the table's "no data" shows.
  section.canvas.parentElement.hidden = rows.length === 0;
  section.chart = drawChart(section.chart, section.canvas, {
    kind: section.kind,
    horizontal: section.horizontal,
    labels: rows.map(section.name),
    series: section.columns.filter(c => c.chart).map(c => ({ label: t(c.key), values: rows.map(c.value) }))
  });
}

// Only the latest request draws: an earlier one answering late must not overwrite newer figures.
let latestRequest = 0;

async function load() {
  if (!form.reportValidity()) {
    return;
  }
  const mine = ++latestRequest;
  const q = apiQuery();
  const shown = new URLSearchParams({ from: filters.from.value, to: filters.to.value });
  if (filters.kind.value) {
    shown.set('kind', filters.kind.value);
  }
  history.replaceState(null, '', `?${shown}`);
  fill(exports, t('stats.export'), ' ',
    h('a', { href: exportUrl('summary', 'csv', q), download: '' }, 'CSV'), ' · ',
    h('a', { href: exportUrl('summary', 'xlsx', q), download: '' }, 'XLSX'));
  try {
    const figures = normalise(await api(`/api/statistics?${q}`));
    if (mine !== latestRequest) {
      return;
    }
    announce(status, '');
    showSummary(figures);
    for (const section of sections) {
      showSection(section, figures, q);
    }
    main.dataset.loaded = shown.toString();
  } catch (error) {
    if (mine !== latestRequest) {
      return;
    }
    announce(status, t('common.error', { message: error.problem?.errors ? Object.values(error.problem.errors).flat().join(' ') : error.message }), 'error');
  }
}

async function loadReports() {
  try {
    const list = await api('/api/monthly-reports');
    const latest = new Map();
    for (const r of list) {
      if (!latest.has(r.month)) {
        latest.set(r.month, r);
      }
    }
    fill(reports, latest.size
      ? [ ...latest.values() ].map(r => h('li', {}, `${r.month.slice(0, 7)} `,
        h('a', { href: `/api/monthly-reports/${r.id}/pdf?lang=${currentLanguage()}` }, t('stats.report.members')), ' · ',
        h('a', { href: `/api/monthly-reports/${r.id}/pdf?audience=congress` }, t('stats.report.congress'))))
      : h('li', {}, t('stats.none')));
  } catch (error) {
    fill(reports, h('li', {}, t('common.error', { message: error.message })));
  }
}

await Promise.all([ load(), loadReports() ]);
