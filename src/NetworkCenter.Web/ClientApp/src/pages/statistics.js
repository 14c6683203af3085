// The statistics page for staff: filters for the period and the kind, the key figures, and every chart with its
// table beside it (the table is the accessible form of the chart), links to the CSV/XLSX exports and the monthly
// reports. The figures come from the statistics API; this page only draws them.
import './statistics.css';
import { api } from '../shared/api.js';
import { announce, fill, h } from '../shared/dom.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { mountShell } from '../shared/shell.js';
import { chartBox, drawChart } from '../statistics/charts.js';
import { exportUrl, loadFigures } from '../statistics/figures.js';

const kinds = [ 'judgment-supervision', 'judicial-misconduct', 'public-interest', 'outside-jurisdiction' ];
const { main } = await mountShell({ titleKey: 'stats.title' });
const number = new Intl.NumberFormat(currentLanguage());
const money = new Intl.NumberFormat(currentLanguage(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const label = (prefix, value) => {
  const text = t(`${prefix}.${value}`);
  return value && text !== `${prefix}.${value}` ? text : value || '—';
};

// The default period: this year up to today, in the procuratorate's calendar.
const today = new Date();
const iso = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const params = new URLSearchParams(location.search);
const filters = {
  from: h('input', { id: 'from', name: 'from', type: 'date', value: params.get('from') || `${today.getFullYear()}-01-01`, required: true }),
  to: h('input', { id: 'to', name: 'to', type: 'date', value: params.get('to') || iso(today), required: true }),
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

// Each section: a chart and its table, built from the figures by rows(figures) → [[label, ...values]].
const sections = [
  { id: 'kind', kind: 'bar', horizontal: true, columns: [ 'stats.col.kind', 'stats.col.count' ],
    rows: f => f.byKind.map(r => [ label('kind', r.key), r.count ]) },
  { id: 'source', kind: 'bar', horizontal: true, columns: [ 'stats.col.source', 'stats.col.count' ],
    rows: f => f.bySource.map(r => [ label('source', r.key), r.count ]) },
  { id: 'status', kind: 'bar', horizontal: true, columns: [ 'stats.col.status', 'stats.col.count' ],
    rows: f => f.byStatus.map(r => [ label('status', r.key), r.count ]) },
  { id: 'outcome', kind: 'bar', horizontal: true, columns: [ 'stats.col.outcome', 'stats.col.count' ],
    rows: f => f.byOutcome.map(r => [ label('outcome', r.key), r.count ]) },
  { id: 'trend', kind: 'line', columns: [ 'stats.col.month', 'stats.col.received', 'stats.col.adopted' ],
    rows: f => f.trend.map(p => [ p.month, p.received, p.adopted ]) },
  { id: 'deadlines', kind: 'bar', columns: [ 'stats.col.deadline', 'stats.col.met', 'stats.col.missed' ],
    rows: f => f.deadlines.map(d => [ d.label, d.met, d.missed ]) },
  { id: 'fields', kind: 'bar', horizontal: true, columns: [ 'stats.col.field', 'stats.col.count' ],
    rows: f => f.fields.map(r => [ label('area', r.key), r.count ]) },
  { id: 'liaisons', kind: 'bar', horizontal: true, columns: [ 'stats.col.liaison', 'stats.col.clues', 'stats.col.adopted', 'stats.col.value' ],
    rows: f => f.liaisons.map(l => [ l.name, l.clues, l.adopted, money.format(l.value) ]), chartColumns: [ 2 ] }
];

const grid = h('div', { class: 'stats-grid' });
for (const section of sections) {
  const headingId = `stats-${section.id}-title`;
  const { canvas, box } = chartBox(`stats-${section.id}-chart`, headingId);
  section.canvas = canvas;
  section.body = h('tbody');
  grid.append(h('section', { id: `stats-${section.id}`, class: 'stats-section', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t(`stats.section.${section.id}`)),
    h('div', { class: 'stats-pair' },
      box,
      h('div', { class: 'stats-table-wrap' },
        h('table', { class: 'stats-table', id: `stats-${section.id}-table` },
          h('caption', {}, t(`stats.section.${section.id}`)),
          h('thead', {}, h('tr', {}, section.columns.map(c => h('th', { scope: 'col' }, t(c))))),
          section.body)))));
}

const reports = h('ul', { id: 'monthly-reports', class: 'stats-reports' });
main.append(h('h1', {}, t('stats.title')), form, exports, status, summary, grid,
  h('section', { 'aria-labelledby': 'reports-title' }, h('h2', { id: 'reports-title' }, t('stats.reports')), reports));

function query() {
  const q = new URLSearchParams({ from: filters.from.value, to: filters.to.value });
  if (filters.kind.value) {
    q.set('kind', filters.kind.value);
  }
  return q;
}

function showSummary(f) {
  const items = [
    [ 'stats.received', number.format(f.summary.received) ],
    [ 'stats.decided', number.format(f.summary.decided) ],
    [ 'stats.adopted', number.format(f.summary.adopted) ],
    [ 'stats.adoptionRate', f.summary.adoptionRate == null ? '—' : `${number.format(f.summary.adoptionRate)}%` ],
    [ 'stats.value', money.format(f.summary.value) ],
    [ 'stats.deadlinesMet', number.format(f.summary.deadlinesMet) ],
    [ 'stats.deadlinesMissed', number.format(f.summary.deadlinesMissed) ]
  ];
  fill(summary, items.map(([ key, value ]) => h('div', { 'data-figure': key.slice(6) }, h('dt', {}, t(key)), h('dd', {}, value))));
}

function showSection(section, f) {
  const rows = section.rows(f);
  fill(section.body, rows.length
    ? rows.map(row => h('tr', {}, h('th', { scope: 'row' }, row[0]), row.slice(1).map(v => h('td', {}, typeof v === 'number' ? number.format(v) : v))))
    : h('tr', {}, h('td', { colspan: section.columns.length }, t('stats.none'))));
  const valueColumns = section.chartColumns || section.columns.slice(1).map((_, i) => i + 1);
  section.chart = drawChart(section.chart, section.canvas, {
    kind: section.kind,
    horizontal: section.horizontal,
    labels: rows.map(r => r[0]),
    series: valueColumns.map(i => ({ label: t(section.columns[i]), values: rows.map(r => (typeof r[i] === 'number' ? r[i] : Number(r[i]))) }))
  });
}

async function load() {
  if (!form.reportValidity()) {
    return;
  }
  const q = query();
  history.replaceState(null, '', `?${q}`);
  fill(exports, t('stats.export'), ' ',
    h('a', { href: exportUrl('csv', q), download: '' }, 'CSV'), ' · ',
    h('a', { href: exportUrl('xlsx', q), download: '' }, 'XLSX'));
  try {
    const figures = await loadFigures(q);
    announce(status, '');
    showSummary(figures);
    for (const section of sections) {
      showSection(section, figures);
    }
    main.dataset.loaded = q.toString();
  } catch (error) {
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
