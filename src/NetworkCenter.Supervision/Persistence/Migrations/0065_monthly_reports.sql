-- The monthly report (workflows/monthly-report.bpmn): each build of a month's report, one row per revision the
-- administrator reviewed, with the PDFs exactly as reviewed, so what is approved is what is sent.
create table supervision.monthly_reports (
    id            bigint generated always as identity primary key,
    instance_id   uuid not null,
    revision      integer not null,
    -- the first day of the month reported on, China Standard Time
    month         date not null,
    commentary    text,
    figures       jsonb not null,
    members_zh    bytea not null,
    members_en    bytea not null,
    congress_zh   bytea not null,
    built_at      timestamptz not null,
    unique (instance_id, revision)
);
create index monthly_reports_month_idx on supervision.monthly_reports (month);
