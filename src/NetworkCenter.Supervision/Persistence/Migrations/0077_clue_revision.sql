-- A clue's revision, for If-Match on corrections (PATCH /api/clues/{id}). It counts every change to what the register
-- records about the clue, whoever makes it (a correction, a merge, a procedure assigning the procurator), so someone
-- correcting from a page read before another change is told so instead of overwriting it; hence a trigger rather than
-- each writer remembering to count. A status move alone does not count: procedures move it all the time, and it is
-- not what a correction changes.
alter table supervision.clues add column revision integer not null default 1;

create function supervision.clues_next_revision() returns trigger language plpgsql as $$
begin
    if to_jsonb(new) - '{status,updated_at,revision}'::text[] is distinct from to_jsonb(old) - '{status,updated_at,revision}'::text[] then
        new.revision := old.revision + 1;
    end if;
    return new;
end;
$$;

create trigger clues_revision before update on supervision.clues
    for each row execute function supervision.clues_next_revision();
