-- The engine's tables live in their own schema, apart from the domain's and Hangfire's.
create schema if not exists engine;
