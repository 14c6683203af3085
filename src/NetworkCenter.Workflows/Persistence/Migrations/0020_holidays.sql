-- The holiday table behind the legal calendar (CPL Art. 85): official days off and make-up working days (调休上班)
-- from the State Council General Office's yearly notice, maintained by supervisors; every change is journaled.
create table engine.holidays (
    date date primary key,
    kind text not null check (kind in ('day-off', 'make-up-working-day')),
    name text not null check (length(btrim(name)) > 0),
    source text,
    updated_by text not null,
    updated_at timestamptz not null default now()
);

create table engine.holiday_changes (
    id bigint generated always as identity primary key,
    date date not null,
    action text not null check (action in ('put', 'delete')),
    kind text,
    name text,
    source text,
    changed_by text not null,
    changed_at timestamptz not null
);
create index holiday_changes_date on engine.holiday_changes (date);

-- Seeded from research/procuratorial-law.md §4.2: 2025 per 国办发明电〔2024〕12号 (2024-11-12); 2026 per the notice
-- of 2025-11-04, whose document number was not verified when this was written.
insert into engine.holidays (date, kind, name, source, updated_by)
select d::date, 'day-off', h.name, h.source, 'seed'
from (values
    ('2025-01-01', '2025-01-01', '元旦', '国办发明电〔2024〕12号'),
    ('2025-01-28', '2025-02-04', '春节', '国办发明电〔2024〕12号'),
    ('2025-04-04', '2025-04-06', '清明节', '国办发明电〔2024〕12号'),
    ('2025-05-01', '2025-05-05', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-31', '2025-06-02', '端午节', '国办发明电〔2024〕12号'),
    ('2025-10-01', '2025-10-08', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2026-01-01', '2026-01-03', '元旦', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-02-15', '2026-02-23', '春节', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-04-04', '2026-04-06', '清明节', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-05-01', '2026-05-05', '劳动节', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-06-19', '2026-06-21', '端午节', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-09-25', '2026-09-27', '中秋节', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'),
    ('2026-10-01', '2026-10-07', '国庆节', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）')
) as h(first_day, last_day, name, source),
lateral generate_series(h.first_day::date, h.last_day::date, interval '1 day') as d;

insert into engine.holidays (date, kind, name, source, updated_by)
values
    ('2025-01-26', 'make-up-working-day', '春节调休上班', '国办发明电〔2024〕12号', 'seed'),
    ('2025-02-08', 'make-up-working-day', '春节调休上班', '国办发明电〔2024〕12号', 'seed'),
    ('2025-04-27', 'make-up-working-day', '劳动节调休上班', '国办发明电〔2024〕12号', 'seed'),
    ('2025-09-28', 'make-up-working-day', '国庆节、中秋节调休上班', '国办发明电〔2024〕12号', 'seed'),
    ('2025-10-11', 'make-up-working-day', '国庆节、中秋节调休上班', '国办发明电〔2024〕12号', 'seed'),
    ('2026-01-04', 'make-up-working-day', '元旦调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）', 'seed'),
    ('2026-02-14', 'make-up-working-day', '春节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）', 'seed'),
    ('2026-02-28', 'make-up-working-day', '春节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）', 'seed'),
    ('2026-05-09', 'make-up-working-day', '劳动节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）', 'seed'),
    ('2026-09-20', 'make-up-working-day', '中秋节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）', 'seed'),
    ('2026-10-10', 'make-up-working-day', '国庆节调休上班', '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）', 'seed');

insert into engine.holiday_changes (date, action, kind, name, source, changed_by, changed_at)
select date, 'put', kind, name, source, updated_by, updated_at from engine.holidays;
