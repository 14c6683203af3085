-- What the procedures (workflows/*.bpmn) record about a clue beyond its register entry.

-- A clue whose protest has been proposed to the city procuratorate is a stage of its own for feedback.
alter table supervision.clues drop constraint if exists clues_status_check;
alter table supervision.clues add constraint clues_status_check check (status in ('draft', 'registered', 'triage', 'assigned',
    'under-review', 'filed', 'not-filed', 'protest-proposed', 'referred', 'closed', 'merged'));

-- The formal decision, apart from the discussion that advised it: only a procurator, the chief procurator or the
-- procuratorial committee decides (司法责任制).
create table supervision.clue_decisions (
    id                      bigint generated always as identity primary key,
    clue_id                 bigint not null references supervision.clues (id),
    instance_id             uuid not null,
    discussion_recommendation text,
    recommended_instrument  text,
    discussion_chair        text,
    decider_role            text not null check (decider_role in ('handling-procurator', 'chief-procurator', 'procuratorial-committee')),
    decided_by              text not null,
    decision                text not null check (decision in ('file', 'not-file', 'argumentation')),
    reasons                 text,
    decided_at              timestamptz not null,
    unique (instance_id)
);
create index clue_decisions_clue_idx on supervision.clue_decisions (clue_id);

-- The national case system stays the system of record for filed cases: its case number, once known.
create table supervision.clue_case_links (
    clue_id              bigint primary key references supervision.clues (id),
    national_case_number text not null,
    recorded_by          text not null,
    recorded_at          timestamptz not null
);
