-- When a timer was handed to Hangfire. Only timers due within the horizon (WorkflowOptions.TimerHorizon) get a Hangfire
-- job when they are written; the hand-over job gives the others theirs as they enter the horizon, and this conditional
-- marker makes each row handed over once even with several service processes. No index: the hand-over reads the
-- short due range of timers_pending_due, and an indexed column here would make every hand-over a non-HOT update.
alter table engine.timers add column handed_over_at timestamptz;

-- Rows written before this column existed already have their Hangfire jobs.
update engine.timers set handed_over_at = created_at where status = 'pending';
