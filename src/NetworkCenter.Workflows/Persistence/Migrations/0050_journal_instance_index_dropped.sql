-- engine.journal_instance (instance_id, id) duplicated what the hash chain's unique index journal_chain
-- (instance_id, chain_seq) already gives: every read of the journal is by instance (the history, the chain trigger's
-- look-up of an instance's last row, verification by instance), and an instance's rows are few enough to sort by id.
-- Keeping it cost every engine command one more index entry per journal row: about 8 % of the journal insert, measured
-- with pgbench custom scripts of the engine's statements on 3.3 million journal rows (BENCHMARKS.md, 2026-12-07).
drop index if exists engine.journal_instance;
