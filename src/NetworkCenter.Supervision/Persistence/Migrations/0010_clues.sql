-- The clue register: one row per clue, numbered per year when registered, with its parties, agents, sources,
-- attachments and status history. Text search uses trigrams (pg_trgm ships with Debian's postgresql package).
create extension if not exists pg_trgm;

-- One row per year; the registering transaction increments it, so a rolled-back registration leaves no gap and two
-- concurrent ones wait on the row instead of sharing a number.
create table supervision.clue_register_counters (
    year         integer primary key,
    last_number  integer not null
);

create table supervision.clues (
    id                      bigint generated always as identity primary key,
    register_year           integer,
    register_seq            integer,
    -- 2026-0001; null while the clue is a draft waiting for confirmation
    register_number         text unique,
    status                  text not null check (status in ('draft', 'registered', 'triage', 'assigned', 'under-review',
                                'filed', 'not-filed', 'referred', 'closed', 'merged')),
    -- the first source; every source (merges included) is in clue_sources
    source_kind             text not null check (source_kind in ('liaison-office', 'reporting-point', 'liaison', 'walk-in',
                                'letter', 'transfer', '12309', 'email')),
    office_id               bigint references supervision.offices (id),
    liaison_id              bigint references supervision.liaisons (id),
    source_detail           text,
    received_at             timestamptz not null,
    -- null only on drafts: an email says nothing reliable about its kind
    kind                    text check (kind in ('judgment-supervision', 'judicial-misconduct', 'public-interest', 'outside-jurisdiction')),
    public_interest_area    text check (public_interest_area in ('land', 'bankruptcy-restructuring', 'improper-fees', 'pollution', 'other')),
    court                   text,
    case_number             text,
    judgment_date           date,
    judge                   text,
    summary                 text not null,
    amount_involved         numeric(18, 2),
    -- who reported; confidential on judicial-misconduct clues
    reporter_name           text,
    reporter_id_number      text,
    reporter_phone          text,
    reporter_email          text,
    assigned_procurator_id  bigint references supervision.staff (id),
    merged_into_id          bigint references supervision.clues (id),
    -- normalised keys for duplicate detection and one text column for search
    court_key               text,
    case_number_key         text,
    search_text             text not null default '',
    created_by              text not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    check ((register_number is null) = (status = 'draft')),
    check (kind is not null or status = 'draft'),
    check ((public_interest_area is not null) = (kind is not distinct from 'public-interest')),
    check ((merged_into_id is not null) = (status = 'merged')),
    unique (register_year, register_seq)
);
create index clues_case_key_idx on supervision.clues (court_key, case_number_key);
create index clues_received_idx on supervision.clues (received_at);
create index clues_status_idx on supervision.clues (status, kind);
create index clues_search_trgm_idx on supervision.clues using gin (search_text gin_trgm_ops);

create table supervision.clue_parties (
    id           bigint generated always as identity primary key,
    clue_id      bigint not null references supervision.clues (id),
    role         text not null check (role in ('applicant', 'respondent', 'third-party', 'other')),
    person_kind  text not null check (person_kind in ('natural', 'legal')),
    name         text not null,
    name_key     text not null,
    id_number    text,
    phone        text,
    email        text,
    address      text,
    position     integer not null
);
create index clue_parties_clue_idx on supervision.clue_parties (clue_id);
create index clue_parties_name_idx on supervision.clue_parties (name_key);
create index clue_parties_id_number_idx on supervision.clue_parties (id_number);

create table supervision.clue_agents (
    id        bigint generated always as identity primary key,
    clue_id   bigint not null references supervision.clues (id),
    name      text not null,
    law_firm  text,
    phone     text,
    position  integer not null
);
create index clue_agents_clue_idx on supervision.clue_agents (clue_id);

-- Every channel a clue arrived through. A merge moves the merged clue's sources here under the surviving clue, so
-- each liaison keeps the credit for what they gave.
create table supervision.clue_sources (
    id                bigint generated always as identity primary key,
    clue_id           bigint not null references supervision.clues (id),
    original_clue_id  bigint not null references supervision.clues (id),
    source_kind       text not null,
    office_id         bigint references supervision.offices (id),
    liaison_id        bigint references supervision.liaisons (id),
    source_detail     text,
    received_at       timestamptz not null
);
create index clue_sources_clue_idx on supervision.clue_sources (clue_id);
create index clue_sources_liaison_idx on supervision.clue_sources (liaison_id);
create index clue_sources_office_idx on supervision.clue_sources (office_id);

-- Files up to 20 MB, in the database so a backup holds the whole register.
create table supervision.clue_attachments (
    id                bigint generated always as identity primary key,
    clue_id           bigint not null references supervision.clues (id),
    original_clue_id  bigint not null references supervision.clues (id),
    file_name         text not null,
    content_type      text not null,
    size_bytes        bigint not null check (size_bytes > 0 and size_bytes <= 20971520),
    sha256            text not null,
    content           bytea not null,
    uploaded_by       text not null,
    created_at        timestamptz not null
);
create index clue_attachments_clue_idx on supervision.clue_attachments (clue_id);

create table supervision.clue_status_history (
    id           bigint generated always as identity primary key,
    clue_id      bigint not null references supervision.clues (id),
    from_status  text,
    to_status    text not null,
    actor        text not null,
    at           timestamptz not null,
    note         text
);
create index clue_status_history_clue_idx on supervision.clue_status_history (clue_id, id);
