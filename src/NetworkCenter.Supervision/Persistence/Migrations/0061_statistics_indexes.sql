-- What the statistics (Supervision/Statistics) read by period and by clue, so a month costs a month's rows and the
-- adoption of a clue is one index probe, whatever the size of the register.
create index clue_sources_received_idx on supervision.clue_sources (received_at) include (clue_id);
-- "adopted": a decision to file, or the status reaching filed / protest-proposed
create index clue_decisions_file_idx on supervision.clue_decisions (clue_id, decided_at) where decision = 'file';
create index clue_decisions_decided_idx on supervision.clue_decisions (decided_at);
create index clue_status_history_adopted_idx on supervision.clue_status_history (clue_id, at)
    where to_status in ('filed', 'protest-proposed');
-- Processing times by the period a task was created in. The engine has no such index of its own: this read is the
-- network center's, so the index lives with it.
create index if not exists tasks_created_at_idx on engine.tasks (created_at) where due_at is not null;
