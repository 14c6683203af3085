-- Tamper evidence for the journal: every row carries the hash of the row before it in its instance's chain, so an
-- edited, deleted or slipped-in row breaks the chain where it happened (`verify-audit`, GET /api/audit/verify).
--
-- One chain per process instance, not one for the whole table: a command already holds its instances' rows, so
-- chaining per instance adds no wait between commands on different instances. A single table-wide chain would make
-- every engine command queue on one lock from its journal insert to its commit, throttling the engine to one commit
-- at a time. The trigger still takes a transaction-level advisory lock on the instance for the chain step, so the
-- chain stays well defined even for a writer that journals an instance it did not lock.
--
--   chain_seq  1, 2, 3 ... within the instance, in the order the rows joined the chain (ids are handed out before
--              the lock, so they need not follow it)
--   prev_hash  the previous row's hash; 32 zero bytes for an instance's first row
--   hash       sha256(prev_hash || utf8(engine.journal_canonical(row)))
alter table engine.journal add column chain_seq bigint, add column prev_hash bytea, add column hash bytea;

-- The canonical form of a row: PostgreSQL's text output of the jsonb array
--   [id, chain_seq, instance_id, at, kind, element_id, user_id, data]
-- with `at` written in UTC as YYYY-MM-DDTHH:MI:SS.ffffffZ (so the session's time zone changes nothing), absent
-- values as null and data as the stored jsonb itself. Example:
--   [7, 3, "0195…", "2026-03-02T01:00:00.000000Z", "task-created", "review", null, {"taskId": 12}]
create function engine.journal_canonical(j engine.journal) returns text language sql stable as $$
    select jsonb_build_array(j.id, j.chain_seq, j.instance_id,
        to_char(j.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), j.kind, j.element_id, j.user_id, j.data)::text
$$;

-- Backfill what exists, instance by instance in id order (the order the rows were written in before this change).
do $$
declare
    r record;
    previous bytea;
    last_instance uuid;
    seq bigint;
begin
    for r in select * from engine.journal order by instance_id, id loop
        if last_instance is distinct from r.instance_id then
            previous := decode(repeat('00', 32), 'hex');
            seq := 0;
            last_instance := r.instance_id;
        end if;
        seq := seq + 1;
        r.chain_seq := seq;
        r.prev_hash := previous;
        previous := sha256(previous || convert_to(engine.journal_canonical(r::engine.journal), 'UTF8'));
        update engine.journal set chain_seq = seq, prev_hash = r.prev_hash, hash = previous where id = r.id;
    end loop;
end;
$$;

alter table engine.journal alter column chain_seq set not null, alter column prev_hash set not null, alter column hash set not null;
create unique index journal_chain on engine.journal (instance_id, chain_seq);

-- Whatever a writer sends for the chain columns is replaced: only the trigger links rows.
create function engine.journal_chain() returns trigger language plpgsql as $$
declare
    previous record;
begin
    -- 1247874636 = 'JRNL': keeps these keys apart from any other advisory lock in the database.
    perform pg_advisory_xact_lock(1247874636, hashtext(new.instance_id::text));
    -- A fresh snapshot after the lock (read committed): sees the row a writer that held the lock just committed,
    -- and the rows this same statement inserted before this one.
    select chain_seq, hash into previous from engine.journal
        where instance_id = new.instance_id order by chain_seq desc limit 1;
    new.chain_seq := coalesce(previous.chain_seq, 0) + 1;
    new.prev_hash := coalesce(previous.hash, decode(repeat('00', 32), 'hex'));
    new.hash := sha256(new.prev_hash || convert_to(engine.journal_canonical(new), 'UTF8'));
    return new;
end;
$$;
create trigger journal_chain before insert on engine.journal for each row execute function engine.journal_chain();

-- Append-only for everyone the triggers apply to; only a superuser who switches triggers off can change history,
-- and the chain then shows where.
create function engine.journal_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'engine.journal is append-only';
end;
$$;
create trigger journal_no_update before update or delete on engine.journal
    for each row execute function engine.journal_is_append_only();
create trigger journal_no_truncate before truncate on engine.journal
    for each statement execute function engine.journal_is_append_only();
revoke update, delete, truncate on engine.journal from public;
