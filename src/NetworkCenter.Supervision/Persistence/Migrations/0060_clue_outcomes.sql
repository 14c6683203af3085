-- What came of a clue once handled: the value the statistics and the liaisons' incentives count. Append-only: a
-- mistaken entry is corrected by a new 'correction' row (the only kind that may carry negative amounts), so a past
-- month's figures can always be recomputed as they stood.
create table supervision.clue_outcomes (
    id                bigint generated always as identity primary key,
    clue_id           bigint not null references supervision.clues (id),
    kind              text not null check (kind in ('protest-proposed', 'retrial-ordered', 'suggestion-adopted',
                          'transferred-for-prosecution', 'public-interest-litigation', 'correction', 'other')),
    amount_recovered  numeric(18, 2) not null default 0,
    loss_avoided      numeric(18, 2) not null default 0,
    note              text,
    recorded_by       text not null,
    recorded_at       timestamptz not null,
    -- only a correction takes an amount back
    check (kind = 'correction' or (amount_recovered >= 0 and loss_avoided >= 0))
);
create index clue_outcomes_clue_idx on supervision.clue_outcomes (clue_id);
create index clue_outcomes_recorded_idx on supervision.clue_outcomes (recorded_at);

create function supervision.clue_outcomes_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'supervision.clue_outcomes is append-only: record a correction instead';
end $$;

create trigger clue_outcomes_append_only before update or delete on supervision.clue_outcomes
    for each row execute function supervision.clue_outcomes_append_only();
