// The statistics API's answer, in the shape the page draws. The API is the statistics engineer's
// (src/NetworkCenter.Web/Statistics); this file is the one place that knows its field names.
import { api } from '../shared/api.js';

export function exportUrl(format, query) {
  return `/api/statistics/export.${format}?${query}`;
}

export async function loadFigures(query) {
  const s = await api(`/api/statistics?${query}`);
  return {
    summary: {
      received: s.received ?? 0,
      decided: s.decided ?? 0,
      adopted: s.adopted ?? 0,
      adoptionRate: s.adoptionRate ?? null,
      value: s.value ?? 0,
      deadlinesMet: s.deadlinesMet ?? 0,
      deadlinesMissed: s.deadlinesMissed ?? 0
    },
    byKind: s.byKind ?? [],
    bySource: s.bySource ?? [],
    byStatus: s.byStatus ?? [],
    byOutcome: s.byOutcome ?? [],
    trend: s.trend ?? [],
    deadlines: s.deadlines ?? [],
    fields: s.fields ?? [],
    liaisons: s.liaisons ?? []
  };
}
