-- Deployed process definitions: one row per (key, version); unchanged XML is never a new version.
create table engine.definitions (
    id uuid primary key,
    key text not null,
    version int not null,
    name text,
    xml text not null,
    content_hash text not null,
    deployed_at timestamptz not null,
    deployed_by text,
    unique (key, version)
);

-- A running or finished process instance. Every command locks its row (select ... for update) first, so commands on
-- one instance run one after the other while different instances never wait for each other.
create table engine.instances (
    id uuid primary key,
    definition_id uuid not null references engine.definitions (id),
    business_key text,
    status text not null check (status in ('active', 'completed', 'terminated', 'incident')),
    variables jsonb not null default '{}',
    parent_instance_id uuid references engine.instances (id),
    parent_execution_id uuid,
    started_at timestamptz not null,
    started_by text,
    ended_at timestamptz,
    revision int not null default 0
);
create index instances_business_key on engine.instances (business_key) where business_key is not null;
create index instances_parent on engine.instances (parent_instance_id) where parent_instance_id is not null;

-- The tree of executions (tokens and scopes) of an instance, rewritten by every command that changes it.
create table engine.executions (
    id uuid primary key,
    instance_id uuid not null references engine.instances (id),
    parent_id uuid,
    element_id text,
    kind text not null,
    state text not null,
    variables jsonb not null default '{}',
    loop_counter int,
    created_seq bigint not null
);
create index executions_instance on engine.executions (instance_id);

create table engine.tasks (
    id uuid primary key,
    instance_id uuid not null references engine.instances (id),
    execution_id uuid not null,
    element_id text not null,
    name text,
    assignee text,
    candidate_users text[] not null default '{}',
    candidate_groups text[] not null default '{}',
    due_at timestamptz,
    follow_up_at timestamptz,
    priority int not null default 50,
    form_key text,
    status text not null check (status in ('open', 'completed', 'cancelled')),
    created_at timestamptz not null,
    completed_by text,
    completed_at timestamptz
);
create index tasks_open_instance on engine.tasks (instance_id) where status = 'open';
create index tasks_open_assignee on engine.tasks (assignee, due_at) where status = 'open';

-- Who may see an open task, one row per candidate group or user, so "open tasks of a group by due date" is one
-- index range scan; rows go when the task stops being open.
create table engine.task_candidates (
    task_id uuid not null references engine.tasks (id) on delete cascade,
    kind char(1) not null check (kind in ('g', 'u')),
    name text not null,
    due_at timestamptz,
    primary key (task_id, kind, name)
);
create index task_candidates_by_name_due on engine.task_candidates (kind, name, due_at, task_id);

-- A timer waits here; fired_at marks it used so that it takes effect once, whichever process runs its job.
create table engine.timers (
    id uuid primary key,
    instance_id uuid references engine.instances (id),
    execution_id uuid,
    definition_id uuid references engine.definitions (id),
    element_id text not null,
    kind text not null,
    due_at timestamptz not null,
    -- The evaluated timeCycle; each firing is computed from created_at, so month lengths do not drift.
    cycle text,
    status text not null check (status in ('pending', 'fired', 'cancelled')),
    created_at timestamptz not null
);
create index timers_pending_due on engine.timers (due_at) where status = 'pending';
create index timers_instance on engine.timers (instance_id) where status = 'pending';
create index timers_definition on engine.timers (definition_id) where status = 'pending';

create table engine.message_subscriptions (
    id uuid primary key,
    instance_id uuid references engine.instances (id),
    execution_id uuid,
    definition_id uuid references engine.definitions (id),
    element_id text not null,
    name text not null,
    business_key text,
    created_at timestamptz not null
);
create index message_subscriptions_name on engine.message_subscriptions (name, business_key);
create index message_subscriptions_instance on engine.message_subscriptions (instance_id);

-- Asynchronous work: service tasks (kind 'service') and continuing a parent after its called instance ended
-- (kind 'resume'). Attempts are counted here, not by Hangfire, so retries survive restarts.
create table engine.jobs (
    id uuid primary key,
    instance_id uuid not null references engine.instances (id),
    execution_id uuid,
    element_id text,
    kind text not null,
    topic text,
    attempts int not null default 0,
    max_attempts int not null default 3,
    next_run_at timestamptz not null,
    status text not null check (status in ('pending', 'failed', 'done', 'cancelled')),
    last_error text,
    created_at timestamptz not null
);
create index jobs_pending_due on engine.jobs (next_run_at) where status = 'pending';
create index jobs_instance on engine.jobs (instance_id) where status in ('pending', 'failed');

create table engine.incidents (
    id uuid primary key,
    instance_id uuid not null references engine.instances (id),
    execution_id uuid,
    element_id text,
    job_id uuid,
    message text not null,
    created_at timestamptz not null,
    resolved_at timestamptz,
    resolved_by text
);
create index incidents_open on engine.incidents (instance_id) where resolved_at is null;

-- Append-only: rows are inserted, never updated or deleted.
create table engine.journal (
    id bigint generated always as identity primary key,
    instance_id uuid not null,
    at timestamptz not null,
    kind text not null,
    element_id text,
    user_id text,
    data jsonb
);
create index journal_instance on engine.journal (instance_id, id);
