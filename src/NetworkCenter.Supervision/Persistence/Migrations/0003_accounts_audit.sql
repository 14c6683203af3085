-- Every state change of the network (and the lock and unlock of accounts) with who made it. Append-only: the
-- triggers refuse updates and deletes, so the journal cannot be edited after the fact.
create table supervision.audit_log (
    id        bigint generated always as identity primary key,
    at        timestamptz not null,
    -- null for the system itself (seeding, a lock period running out) and for anonymous sign-in attempts
    actor_id  bigint references supervision.accounts (id),
    actor     text not null,
    action    text not null,
    -- what changed, as kind:id, e.g. office:12, liaison:3, account:7
    subject   text not null,
    details   jsonb not null default '{}'
);
create index audit_log_subject_idx on supervision.audit_log (subject, at);
create index audit_log_at_idx on supervision.audit_log (at);

create function supervision.audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'supervision.audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on supervision.audit_log
    for each row execute function supervision.audit_log_is_append_only();

-- A tie is withdrawn rather than deleted: a recusal decided on it must stay explainable.
alter table supervision.liaison_ties add column withdrawn_at timestamptz;
create index liaisons_office_idx on supervision.liaisons (office_id);
