-- Outcome assessments of a patient: the instrument, its components as entered, and the score and
-- band computed from them. A correction never edits a row: it adds the corrected assessment and
-- marks the old one CORRECTED, pointing at its replacement, with the reason. Parts are a list of
-- {"part", "value"} in the instrument's order, since a jsonb object keeps no key order.
create table outcome_assessment (
    id                uuid primary key,
    patient_id        uuid not null references patient (id),
    plan_id           uuid references treatment_plan (id),
    assessed_on       date not null,
    instrument        varchar(30) not null,
    components        jsonb not null,
    value             numeric,
    band              varchar(40),
    parts             jsonb not null default '[]',
    side              varchar(5) not null default 'BOTH' check (side in ('LEFT', 'RIGHT', 'BOTH')),
    assessor          varchar(40) not null,
    status            varchar(10) not null default 'VALID' check (status in ('VALID', 'CORRECTED')),
    superseded_by     uuid references outcome_assessment (id),
    correction_reason varchar(1000),
    created_at        timestamptz not null default now(),
    check ((status = 'VALID' and superseded_by is null) or (status = 'CORRECTED' and superseded_by is not null and correction_reason is not null))
);
create index outcome_assessment_patient on outcome_assessment (patient_id, instrument, assessed_on);
