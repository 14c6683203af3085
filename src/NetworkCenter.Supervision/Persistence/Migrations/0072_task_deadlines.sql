-- The processing-time statistics (Statistics/StatisticsQueries.Trends.cs) read one narrow row per engine task with a due
-- date: the procedure's key and the clue (the instance's business key) written down once when the task is created, so
-- a year no longer joins 300,000 tasks to 200,000 instances, and the hours it took worked out once when it is completed
-- (the same expression the statement used per row). Derived from engine.tasks only, never written by hand: kept by the
-- triggers below in the engine's own transaction, rebuilt from scratch by `select supervision.rebuild_task_deadlines()`;
-- supervision.task_deadlines_recomputed is the definition both use, so a test can compare the two. Cancelled tasks
-- (the procedure moved on without them) count nowhere and have no row.
create view supervision.task_deadlines_recomputed as
select t.id as task_id, d.key as procedure, t.element_id, t.name,
       case when i.business_key ~ '^[0-9]{1,18}$' then i.business_key::bigint end as clue_id,
       t.created_at, t.due_at,
       case when t.status = 'completed' then t.completed_at end as completed_at,
       case when t.status = 'completed' then extract(epoch from t.completed_at - t.created_at)::float8 / 3600 end as hours
from engine.tasks t join engine.instances i on i.id = t.instance_id join engine.definitions d on d.id = i.definition_id
where t.due_at is not null and t.status <> 'cancelled';

create table supervision.task_deadlines (
    task_id       uuid primary key,
    procedure     text not null,
    element_id    text not null,
    name          text,
    clue_id       bigint,
    created_at    timestamptz not null,
    due_at        timestamptz not null,
    -- null unless completed
    completed_at  timestamptz,
    hours         float8
);
insert into supervision.task_deadlines select * from supervision.task_deadlines_recomputed order by created_at;
create index task_deadlines_created_idx on supervision.task_deadlines (created_at);
-- replaced by the one above: the statistics no longer read engine.tasks
drop index if exists engine.tasks_created_at_idx;

create function supervision.rebuild_task_deadlines() returns void language sql as $$
    delete from supervision.task_deadlines;
    insert into supervision.task_deadlines select * from supervision.task_deadlines_recomputed;
$$;

-- One task's row from its engine row: written, rewritten or removed (a cancelled task, a due date taken away).
create function supervision.task_deadlines_track() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from supervision.task_deadlines where task_id = old.id;
        return null;
    end if;
    if new.due_at is null or new.status = 'cancelled' then
        if tg_op = 'UPDATE' then
            delete from supervision.task_deadlines where task_id = new.id;
        end if;
        return null;
    end if;
    if tg_op = 'UPDATE' and old.instance_id = new.instance_id then
        update supervision.task_deadlines
        set element_id = new.element_id, name = new.name, created_at = new.created_at, due_at = new.due_at,
            completed_at = case when new.status = 'completed' then new.completed_at end,
            hours = case when new.status = 'completed' then extract(epoch from new.completed_at - new.created_at)::float8 / 3600 end
        where task_id = new.id;
        if found then
            return null;
        end if;
    end if;
    insert into supervision.task_deadlines (task_id, procedure, element_id, name, clue_id, created_at, due_at, completed_at, hours)
    select new.id, d.key, new.element_id, new.name,
           case when i.business_key ~ '^[0-9]{1,18}$' then i.business_key::bigint end,
           new.created_at, new.due_at,
           case when new.status = 'completed' then new.completed_at end,
           case when new.status = 'completed' then extract(epoch from new.completed_at - new.created_at)::float8 / 3600 end
    from engine.instances i join engine.definitions d on d.id = i.definition_id
    where i.id = new.instance_id
    on conflict (task_id) do update
        set procedure = excluded.procedure, element_id = excluded.element_id, name = excluded.name, clue_id = excluded.clue_id,
            created_at = excluded.created_at, due_at = excluded.due_at, completed_at = excluded.completed_at, hours = excluded.hours;
    return null;
end $$;

-- Updates that change nothing the statistics read (a claim, a reassignment, candidates) do not call the function.
create trigger tasks_deadlines_written after insert or delete on engine.tasks
    for each row execute function supervision.task_deadlines_track();
create trigger tasks_deadlines_changed after update on engine.tasks
    for each row
    when (old.status is distinct from new.status or old.completed_at is distinct from new.completed_at
          or old.due_at is distinct from new.due_at or old.created_at is distinct from new.created_at
          or old.element_id is distinct from new.element_id or old.name is distinct from new.name
          or old.instance_id is distinct from new.instance_id)
    execute function supervision.task_deadlines_track();
create function supervision.task_deadlines_truncate() returns trigger language plpgsql as $$
begin
    perform supervision.rebuild_task_deadlines();
    return null;
end $$;
create trigger tasks_deadlines_truncate after truncate on engine.tasks
    for each statement execute function supervision.task_deadlines_truncate();

-- The processing-time table groups a period's rows by procedure and task: read in that order from this index, a year
-- needs no sort of its 300,000 rows (0.13 s of a 0.29 s statement), and the exact median sorts only each task's hours.
create index task_deadlines_task_idx on supervision.task_deadlines (procedure, element_id, created_at)
    include (due_at, completed_at, hours, name);
-- The sources given in a period are counted unless their clue is a draft or merged: few, found here (StatisticsSql.Given).
create index clues_uncounted_idx on supervision.clues (id) where register_number is null or status = 'merged';
