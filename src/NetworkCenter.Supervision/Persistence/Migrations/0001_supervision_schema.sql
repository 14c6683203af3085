-- The domain's tables (network, clues, meetings, mail outbox) live in their own schema.
create schema if not exists supervision;
