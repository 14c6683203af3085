-- The IMAP intake's memory. Per mailbox (account, server and folder): the folder's UIDVALIDITY and the highest UID
-- taken, advanced in the same transaction that creates each message's draft clue, so a poll that fails half-way resumes
-- after the last message it committed. Every message taken is recorded with its Message-Id, which dedupes when a
-- changed UIDVALIDITY makes the server's UIDs meaningless and the folder is read again from the start.
create table supervision.intake_mailboxes (
    mailbox       text primary key,
    uid_validity  bigint not null,
    last_uid      bigint not null,
    updated_at    timestamptz not null
);

create table supervision.intake_messages (
    id            bigint generated always as identity primary key,
    mailbox       text not null,
    uid_validity  bigint not null,
    uid           bigint not null,
    -- the Message-Id, or sha256 of the message when it has none
    message_key   text not null,
    -- null when the message was one already taken under an earlier UIDVALIDITY
    clue_id       bigint references supervision.clues (id),
    sender        text,
    subject       text,
    taken_at      timestamptz not null,
    unique (mailbox, uid_validity, uid)
);
create unique index intake_messages_key_idx on supervision.intake_messages (message_key) where clue_id is not null;
