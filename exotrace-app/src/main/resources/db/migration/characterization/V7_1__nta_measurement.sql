-- An NTA characterization of a lot: the uploaded file (a PostgreSQL large object, written in the
-- same transaction as this row, so an upload is either wholly stored or not at all), the settings
-- it is analysed with, the background job's state and progress, and the outcome.
create table nta_measurement (
    id               uuid primary key,
    lot_id           uuid not null,
    source           varchar(12) not null check (source in ('TRACKS', 'NANOSIGHT')),
    status           varchar(12) not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    progress         double precision not null default 0 check (progress >= 0 and progress <= 1),
    progress_message varchar(500),
    filename         varchar(255) not null,
    size_bytes       bigint not null,
    sha256           char(64) not null,
    file_oid         oid not null,
    settings         text not null,
    outcome          text,
    error            varchar(2000),
    instrument       varchar(200),
    measured_at      timestamptz not null,
    retest_reason    varchar(1000),
    rerun_of         uuid references nta_measurement (id),
    submitted_by     varchar(40) not null,
    submitted_at     timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    recorded_results text
);
create index nta_measurement_lot on nta_measurement (lot_id, submitted_at desc);
create index nta_measurement_pending on nta_measurement (status) where status in ('QUEUED', 'RUNNING');
