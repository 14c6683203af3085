-- Argumentation meetings: the pseudonymised brief, the key back to real people kept apart from it, and who was invited.

create table supervision.argumentation_briefs (
    instance_id  uuid primary key,
    clue_id      bigint not null references supervision.clues (id),
    proposed     text not null,
    released     text,
    released_at  timestamptz,
    created_at   timestamptz not null
);

-- Pseudonym -> person. Never copied into a brief, a variable or a mail; read only by staff with a reason to.
create table supervision.argumentation_pseudonym_keys (
    id           bigint generated always as identity primary key,
    instance_id  uuid not null,
    pseudonym    text not null,
    real_name    text not null,
    kind         text not null,
    unique (instance_id, pseudonym, real_name)
);

create table supervision.argumentation_participants (
    instance_id  uuid not null,
    liaison_id   bigint not null references supervision.liaisons (id),
    meeting_at   timestamptz not null,
    invited_at   timestamptz not null,
    primary key (instance_id, liaison_id)
);
