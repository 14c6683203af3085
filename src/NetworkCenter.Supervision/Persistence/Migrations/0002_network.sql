-- The network center's people and places. Rows are deactivated, never deleted: clues keep pointing at them.

create table supervision.offices (
    id              bigint generated always as identity primary key,
    kind            text not null check (kind in ('liaison-office', 'reporting-point')),
    name            text not null,
    -- npc, cppcc, discipline-inspection, political-legal, comprehensive-management, petition, judicial-bureau,
    -- township-legal-service, legal-aid, law-firm, other
    host_unit_kind  text not null,
    host_unit       text not null,
    address         text,
    contact_person  text,
    phone           text,
    email           text,
    active          boolean not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create unique index offices_name_key on supervision.offices (lower(name));

-- Everyone who signs in: staff and liaisons. Roles are the values of Supervision.Accounts.Roles.
create table supervision.accounts (
    id               bigint generated always as identity primary key,
    username         text not null,
    password_hash    text not null,
    display_name     text not null,
    email            text,
    phone            text,
    language         text not null default 'zh-CN' check (language in ('zh-CN', 'en')),
    roles            text[] not null default '{}',
    active           boolean not null default true,
    failed_sign_ins  integer not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create unique index accounts_username_key on supervision.accounts (lower(username));

create table supervision.staff (
    id          bigint generated always as identity primary key,
    account_id  bigint not null unique references supervision.accounts (id),
    name        text not null,
    title       text,
    phone       text,
    email       text,
    active      boolean not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table supervision.liaisons (
    id          bigint generated always as identity primary key,
    account_id  bigint unique references supervision.accounts (id),
    name        text not null,
    unit        text not null,
    office_id   bigint references supervision.offices (id),
    phone       text,
    email       text,
    language    text not null default 'zh-CN' check (language in ('zh-CN', 'en')),
    -- civil, administrative, land, bankruptcy, fees, environment, labour, finance, criminal-justice, ...
    expertise   text[] not null default '{}',
    -- evaluation, argumentation, grassroots, npc, cppcc, discipline-inspection
    groups      text[] not null default '{}',
    active      boolean not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index liaisons_email_idx on supervision.liaisons (lower(email));

-- Declared ties to parties, judges, lawyers or law firms: the grounds for recusal from argumentation meetings.
create table supervision.liaison_ties (
    id          bigint generated always as identity primary key,
    liaison_id  bigint not null references supervision.liaisons (id),
    tie_kind    text not null check (tie_kind in ('party', 'judge', 'lawyer', 'law-firm', 'other')),
    name        text not null,
    id_number   text,
    note        text,
    created_at  timestamptz not null
);
create index liaison_ties_liaison_idx on supervision.liaison_ties (liaison_id);
