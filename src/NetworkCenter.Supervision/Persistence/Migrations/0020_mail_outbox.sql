-- Every outgoing message is a row written in the transaction that decided to send it, then delivered by a
-- Hangfire job. The idempotency key makes a second decision to send the same notice a no-op.
create table supervision.mail_outbox (
    id               bigint generated always as identity primary key,
    idempotency_key  text not null unique,
    -- Deterministic, so a message re-sent after a crash between the server's acceptance and our commit can be
    -- recognised as the same message by the receiving side.
    message_id       text not null unique,
    recipient_address text not null,
    recipient_name   text,
    language         text not null,
    template         text not null,
    data             jsonb not null,
    subject          text not null,
    text_body        text not null,
    status           text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz
);
create index mail_outbox_due_idx on supervision.mail_outbox (next_attempt_at) where status = 'pending';

create table supervision.mail_outbox_attachments (
    id            bigint generated always as identity primary key,
    outbox_id     bigint not null references supervision.mail_outbox (id),
    file_name     text not null,
    content_type  text not null,
    content       bytea not null
);
create index mail_outbox_attachments_outbox_idx on supervision.mail_outbox_attachments (outbox_id);
