// Today's date in the procuratorate's calendar (China Standard Time) by the service's clock, not the browser's:
// periods such as "this year" must match what the server counts (and its manual clock in tests).
import { api } from './api.js';

/** { year, month (1-12), day } of the service's now in Asia/Shanghai. */
export async function serviceToday() {
  const { now } = await api('/api/clock');
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date(now)).filter(p => p.type !== 'literal').map(p => [ p.type, Number(p.value) ]));
  return { year: parts.year, month: parts.month, day: parts.day };
}

/** yyyy-MM-dd of a year, month (1-12, may overflow either way) and day. */
export function isoDate(year, month, day = 1) {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
}
