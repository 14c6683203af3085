-- When each clue was adopted (采纳, see Statistics/StatisticsSql.cs): the first decision to file it or the first status
-- change to filed / protest-proposed, whichever came first. Derived from the journal, never written by hand: "adopted
-- before @asOf" is exactly "adopted_at < @asOf", one row read per clue where the statistics probed the decisions and the
-- status history for every clue of the period. Kept by the triggers below in the writing transaction, and rebuilt from
-- scratch by `select supervision.rebuild_clue_adoptions()`; supervision.clue_adoptions_recomputed is the definition
-- both use, so a test can compare the two.
create view supervision.clue_adoptions_recomputed as
select clue_id, min(at) as adopted_at
from (
    select clue_id, decided_at as at from supervision.clue_decisions where decision = 'file'
    union all
    select clue_id, at from supervision.clue_status_history where to_status in ('filed', 'protest-proposed')
) adopting
group by clue_id;

-- Only adopted clues have a row. No foreign key to clues: a merge changes nothing here (the decisions and the history
-- stay with the clue they were recorded on, as the statistics always counted them).
create table supervision.clue_adoptions (
    clue_id     bigint primary key,
    adopted_at  timestamptz not null
);
insert into supervision.clue_adoptions (clue_id, adopted_at) select clue_id, adopted_at from supervision.clue_adoptions_recomputed;

create function supervision.rebuild_clue_adoptions() returns void language sql as $$
    delete from supervision.clue_adoptions;
    insert into supervision.clue_adoptions (clue_id, adopted_at) select clue_id, adopted_at from supervision.clue_adoptions_recomputed;
$$;

-- One clue's row recomputed from its decisions and history: after a row that adopted it was changed or removed.
create function supervision.refresh_clue_adoption(p_clue_id bigint) returns void language plpgsql as $$
declare
    v_at timestamptz;
begin
    select least(
        (select min(decided_at) from supervision.clue_decisions where clue_id = p_clue_id and decision = 'file'),
        (select min(at) from supervision.clue_status_history where clue_id = p_clue_id and to_status in ('filed', 'protest-proposed')))
    into v_at;
    if v_at is null then
        delete from supervision.clue_adoptions where clue_id = p_clue_id;
    else
        insert into supervision.clue_adoptions (clue_id, adopted_at) values (p_clue_id, v_at)
        on conflict (clue_id) do update set adopted_at = excluded.adopted_at;
    end if;
end $$;

-- A new adopting row can only bring adoption earlier: an upsert keeping the earlier instant, which stays right when
-- two transactions adopt the same clue at once (the second waits for the first's row and compares with it). An update
-- or delete recomputes the clue (the old row may have been the earliest); both clues when an update moves a row.
-- p_new_at is when the new row adopts the clue, null if it does not.
create function supervision.track_clue_adoption(p_op text, p_old_clue_id bigint, p_new_clue_id bigint, p_new_at timestamptz)
    returns void language plpgsql as $$
begin
    if p_op in ('UPDATE', 'DELETE') then
        perform supervision.refresh_clue_adoption(p_old_clue_id);
    end if;
    if p_op = 'UPDATE' and p_new_clue_id is distinct from p_old_clue_id then
        perform supervision.refresh_clue_adoption(p_new_clue_id);
    elsif p_op in ('INSERT', 'UPDATE') and p_new_at is not null then
        insert into supervision.clue_adoptions (clue_id, adopted_at) values (p_new_clue_id, p_new_at)
        on conflict (clue_id) do update set adopted_at = least(supervision.clue_adoptions.adopted_at, excluded.adopted_at);
    end if;
end $$;

create function supervision.clue_decisions_adoption() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform supervision.track_clue_adoption(tg_op, old.clue_id, null, null);
    else
        perform supervision.track_clue_adoption(tg_op, case when tg_op = 'UPDATE' then old.clue_id end, new.clue_id,
            case when new.decision = 'file' then new.decided_at end);
    end if;
    return null;
end $$;

create function supervision.clue_status_history_adoption() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform supervision.track_clue_adoption(tg_op, old.clue_id, null, null);
    else
        perform supervision.track_clue_adoption(tg_op, case when tg_op = 'UPDATE' then old.clue_id end, new.clue_id,
            case when new.to_status in ('filed', 'protest-proposed') then new.at end);
    end if;
    return null;
end $$;

create trigger clue_decisions_adoption after insert or update or delete on supervision.clue_decisions
    for each row execute function supervision.clue_decisions_adoption();
create trigger clue_status_history_adoption after insert or update or delete on supervision.clue_status_history
    for each row execute function supervision.clue_status_history_adoption();
-- A truncate leaves nothing to derive from.
create function supervision.clue_adoptions_truncate() returns trigger language plpgsql as $$
begin
    perform supervision.rebuild_clue_adoptions();
    return null;
end $$;
create trigger clue_decisions_adoption_truncate after truncate on supervision.clue_decisions
    for each statement execute function supervision.clue_adoptions_truncate();
create trigger clue_status_history_adoption_truncate after truncate on supervision.clue_status_history
    for each statement execute function supervision.clue_adoptions_truncate();
