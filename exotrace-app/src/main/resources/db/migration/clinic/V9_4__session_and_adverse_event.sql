-- Treatment sessions, each traced to the one unit it used, with the dose given and the regulatory
-- decision it was recorded under; and adverse events, linked to the session and its unit.
create table treatment_session (
    id                     uuid primary key,
    plan_id                uuid not null references treatment_plan (id),
    patient_id             uuid not null references patient (id),
    clinic_id              uuid not null references clinic (id),
    number                 integer not null check (number between 1 and 100),
    performed_on           date not null,
    unit_id                uuid not null unique,
    unit_code              varchar(40) not null,
    lot_id                 uuid not null,
    lot_code               varchar(40) not null,
    product_code           varchar(40) not null,
    source_types           varchar(200) not null,
    volume_ml              double precision not null check (volume_ml > 0),
    particles_per_ml       double precision check (particles_per_ml > 0),
    concentration_source   varchar(20) check (concentration_source in ('MEASURED', 'DECLARED')),
    dose_particles         double precision check (dose_particles > 0),
    route                  varchar(40) not null,
    device                 varchar(200),
    needle_depth_mm        double precision check (needle_depth_mm between 0 and 5),
    energy_mj              double precision check (energy_mj between 0 and 1000),
    passes                 integer check (passes between 1 and 20),
    settings_note          varchar(1000),
    operator               varchar(40) not null,
    area                   varchar(200) not null,
    side                   varchar(5) not null check (side in ('LEFT', 'RIGHT', 'BOTH')),
    compliance_verdict     varchar(30),
    compliance_message     varchar(2000) not null,
    warnings               varchar(2000),
    recorded_by            varchar(40) not null,
    recorded_at            timestamptz not null default now(),
    unique (plan_id, number)
);
create index treatment_session_patient on treatment_session (patient_id, performed_on);
create index treatment_session_lot on treatment_session (lot_id);

create table adverse_event (
    id                uuid primary key,
    session_id        uuid not null references treatment_session (id),
    patient_id        uuid not null references patient (id),
    unit_code         varchar(40) not null,
    lot_id            uuid not null,
    lot_code          varchar(40) not null,
    term              varchar(200) not null,
    onset_on          date not null,
    severity          varchar(12) not null check (severity in ('MILD', 'MODERATE', 'SEVERE')),
    serious           boolean not null,
    seriousness       varchar(200),
    causality         varchar(20) not null,
    outcome           varchar(30) not null,
    resolved_on       date,
    action_taken      varchar(1000),
    description       varchar(2000),
    reported_by       varchar(40) not null,
    reported_at       timestamptz not null default now(),
    check (serious = (seriousness is not null))
);
create index adverse_event_patient on adverse_event (patient_id);
create index adverse_event_lot on adverse_event (lot_id);
