-- Tamper evidence for the audit log: every row carries the hash of the row before it, so an edited, deleted or
-- slipped-in row breaks the chain where it happened (`verify-audit`, GET /api/audit/verify).
--
-- One chain for the whole table: network, account and clue changes are few (people typing), so queuing their
-- commits on one advisory lock, held from the insert to the commit, costs nothing anyone would notice.
--   chain_seq  1, 2, 3 ... in the order rows joined the chain (ids are handed out before the lock)
--   prev_hash  the previous row's hash; 32 zero bytes for the first row
--   hash       sha256(prev_hash || utf8(supervision.audit_log_canonical(row)))
alter table supervision.audit_log add column chain_seq bigint, add column prev_hash bytea, add column hash bytea;

-- The canonical form of a row: PostgreSQL's text output of the jsonb array
--   [id, chain_seq, at, actor_id, actor, action, subject, details]
-- with `at` in UTC as YYYY-MM-DDTHH:MI:SS.ffffffZ, a missing actor_id as null and details as the stored jsonb.
create function supervision.audit_log_canonical(a supervision.audit_log) returns text language sql stable as $$
    select jsonb_build_array(a.id, a.chain_seq, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        a.actor_id, a.actor, a.action, a.subject, a.details)::text
$$;

alter table supervision.audit_log disable trigger audit_log_no_update;
do $$
declare
    r record;
    previous bytea := decode(repeat('00', 32), 'hex');
    seq bigint := 0;
begin
    for r in select * from supervision.audit_log order by id loop
        seq := seq + 1;
        r.chain_seq := seq;
        r.prev_hash := previous;
        previous := sha256(previous || convert_to(supervision.audit_log_canonical(r::supervision.audit_log), 'UTF8'));
        update supervision.audit_log set chain_seq = seq, prev_hash = r.prev_hash, hash = previous where id = r.id;
    end loop;
end;
$$;
alter table supervision.audit_log enable trigger audit_log_no_update;

alter table supervision.audit_log alter column chain_seq set not null, alter column prev_hash set not null, alter column hash set not null;
create unique index audit_log_chain on supervision.audit_log (chain_seq);

create function supervision.audit_log_chain() returns trigger language plpgsql as $$
declare
    previous record;
begin
    -- 1096107084 = 'AUDL': keeps this key apart from any other advisory lock in the database.
    perform pg_advisory_xact_lock(1096107084);
    select chain_seq, hash into previous from supervision.audit_log order by chain_seq desc limit 1;
    new.chain_seq := coalesce(previous.chain_seq, 0) + 1;
    new.prev_hash := coalesce(previous.hash, decode(repeat('00', 32), 'hex'));
    new.hash := sha256(new.prev_hash || convert_to(supervision.audit_log_canonical(new), 'UTF8'));
    return new;
end;
$$;
create trigger audit_log_chain before insert on supervision.audit_log for each row execute function supervision.audit_log_chain();
create trigger audit_log_no_truncate before truncate on supervision.audit_log
    for each statement execute function supervision.audit_log_is_append_only();
revoke update, delete, truncate on supervision.audit_log from public;
