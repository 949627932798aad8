-- De-identified export: the record of every export (who, when, on what, what was written and the
-- file's SHA-256, so a file found later can be matched to its export).
create table evidence_export (
    id             uuid primary key,
    created_by     varchar(40) not null,
    created_at     timestamptz not null default now(),
    cohort_id      uuid references evidence_cohort (id),
    filter         jsonb not null,
    criteria       text not null,
    instrument     varchar(40) not null,
    visits         varchar(200) not null,
    courses        integer not null,
    rows_written   integer not null,
    k              integer not null,
    k_reached      integer not null,
    suppressed     integer not null,
    generalisation varchar(200) not null,
    sha256         char(64) not null
);

create index evidence_export_created_at on evidence_export (created_at desc);
