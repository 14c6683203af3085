-- A procedure being edited in the designer, kept on the server until it is deployed: one draft per process key,
-- not deployed and checked only for being a BPMN file with that process. Deploying the key deletes its draft in the
-- deployment's transaction.
create table engine.definition_drafts (
    key text primary key,
    xml text not null,
    -- The deployed version the draft started from, if any: the designer says when a newer one was deployed since.
    base_version int,
    saved_by text not null,
    saved_at timestamptz not null
);
