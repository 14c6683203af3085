// Deadline colours for the inbox: red when overdue, yellow when due within two days or the follow-up date has
// come, green otherwise. Each colour comes with a word, so colour is never the only signal.
import './deadlines.css';
const soon = 2 * 24 * 60 * 60 * 1000;

export function urgency(task, now) {
  const due = task.due ? Date.parse(task.due) : null;
  const followUp = task.followUp ? Date.parse(task.followUp) : null;
  if (due !== null && due < now) {
    return 'overdue';
  }
  if (due !== null && due - now < soon) {
    return 'soon';
  }
  if (followUp !== null && followUp <= now) {
    return 'followUpDue';
  }
  return due === null ? null : 'onTime';
}

const rank = { overdue: 0, soon: 1, followUpDue: 2, onTime: 3, null: 4 };

/** Overdue first, then by due date (tasks without one last), then by name. */
export function byUrgency(now) {
  return (a, b) => {
    const ua = urgency(a, now), ub = urgency(b, now);
    if (rank[ua] !== rank[ub]) {
      return rank[ua] - rank[ub];
    }
    const da = a.due ? Date.parse(a.due) : Infinity, db = b.due ? Date.parse(b.due) : Infinity;
    return da !== db ? da - db : String(a.name).localeCompare(String(b.name), undefined, { numeric: true });
  };
}
