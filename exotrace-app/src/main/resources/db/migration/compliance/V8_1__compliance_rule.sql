-- Regulatory rules as data: who may apply which source by which route for which purpose, where.
create table compliance_rule (
    id             uuid primary key,
    jurisdiction   varchar(8) not null,
    source         varchar(40) not null,
    route          varchar(40) not null,
    purpose        varchar(40) not null,
    verdict        varchar(30) not null check (verdict in ('PERMITTED', 'PERMITTED_WITH_CAUTION', 'NEEDS_TRIAL_AUTHORIZATION', 'PROHIBITED')),
    confidence     varchar(12) not null check (confidence in ('CONFIRMED', 'UNCERTAIN')),
    citation       varchar(1000) not null,
    note           varchar(2000),
    effective_from date,
    effective_to   date,
    version        integer not null,
    changed_by     varchar(40) not null,
    changed_at     timestamptz not null default now(),
    check (effective_to is null or effective_from is null or effective_to > effective_from)
);
create index compliance_rule_jurisdiction on compliance_rule (jurisdiction);
