// The statistics API's answer (GET /api/statistics, src/NetworkCenter.Web/Statistics) in the shape the page draws:
// this file is the one place that knows its field names. Rates arrive as fractions; the page shows percentages.

/** The CSV or XLSX export of one statistics table for the same period and kind. */
export function exportUrl(table, format, query) {
  return `/api/statistics/${table}.${format}?${query}`;
}

const percent = rate => (rate == null ? null : Math.round(rate * 1000) / 10);

/** Sums rows by key(row) into [{ key, ...sums }], biggest first by the first summed field. */
function sumBy(rows, key, fields) {
  const groups = new Map();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k) || Object.fromEntries([ [ 'key', k ], ...fields.map(f => [ f, 0 ]) ]);
    for (const f of fields) {
      group[f] += row[f] ?? 0;
    }
    groups.set(k, group);
  }
  return [ ...groups.values() ].sort((a, b) => b[fields[0]] - a[fields[0]]);
}

export function normalise(s) {
  const deadlines = s.deadlines ?? [];
  const missed = deadlines.reduce((n, d) => n + (d.completedLate ?? 0) + (d.openOverdue ?? 0), 0);
  return {
    summary: {
      received: s.summary.registered,
      adopted: s.summary.adoptedClues,
      adoptionRate: percent(s.summary.adoptionRate),
      value: (s.summary.amountRecovered ?? 0) + (s.summary.lossAvoided ?? 0),
      deadlinesMet: s.summary.tasksCompletedOnTime,
      deadlinesMissed: missed
    },
    kinds: sumBy(s.kinds ?? [], k => k.kind, [ 'registered', 'adopted' ]),
    sources: (s.sources ?? []).map(r => ({ key: r.source, given: r.given, adopted: r.adopted, rate: percent(r.adoptionRate) })),
    statuses: (s.statuses ?? []).map(r => ({ key: r.status, clues: r.clues })),
    decisions: sumBy(s.decisions ?? [], d => d.decision, [ 'decisions' ]),
    outcomes: (s.outcomes ?? []).map(o => ({ key: o.outcome, outcomes: o.outcomes, value: (o.amountRecovered ?? 0) + (o.lossAvoided ?? 0) })),
    months: (s.months ?? []).map(m => ({ key: m.month, registered: m.registered, adopted: m.adopted, rate: percent(m.adoptionRate) })),
    deadlines: deadlines.map(d => ({ key: d.taskName || d.task, onTime: d.completedOnTime, late: d.completedLate, overdue: d.openOverdue })),
    fields: (s.fields ?? []).map(f => ({ key: f.area || f.kind, clues: f.clues, previous: f.previousClues })),
    liaisons: (s.liaisons ?? []).map(l => ({ key: l.liaison, office: l.office, rank: l.rank, given: l.given, adopted: l.adopted,
      rate: percent(l.adoptionRate), value: l.value }))
  };
}
