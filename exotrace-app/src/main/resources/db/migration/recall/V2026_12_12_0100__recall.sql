-- Recalls of a lot and its descendants (issue 13): the recall, the units in its scope with their
-- accounting, the notice to each clinic holding any of them, and the hold that refuses a unit at
-- every scan from the moment a recall takes it in.
create table recall (
    id                    uuid primary key,
    code                  varchar(20) not null unique,
    lot_id                uuid not null,
    lot_code              varchar(40) not null,
    recall_class          varchar(3) not null check (recall_class in ('I', 'II', 'III')),
    reason                varchar(2000) not null,
    scope                 varchar(20) not null check (scope in ('LOT_AND_DESCENDANTS', 'CHOSEN_UNITS')),
    state                 varchar(10) not null check (state in ('OPEN', 'CLOSED')),
    opened_by             varchar(40) not null,
    opened_at             timestamptz not null,
    closed_by             varchar(40),
    closed_at             timestamptz,
    closed_by_name        varchar(120),
    closure_signature_id  uuid,
    closure_content_hash  char(64),
    closure_justification varchar(2000),
    check ((state = 'OPEN') = (closed_at is null))
);
create index recall_lot on recall (lot_id);
create index recall_open on recall (opened_at desc);

create table recall_sequence (
    year integer primary key,
    last bigint not null
);

-- clinic_id null: the unit was in the lab when the recall opened
create table recall_unit (
    recall_id   uuid not null references recall (id),
    unit_id     uuid not null,
    unit_code   varchar(60) not null,
    lot_code    varchar(40) not null,
    clinic_id   uuid,
    clinic_name varchar(200),
    status      varchar(12) not null check (status in ('QUARANTINED', 'RETURNED', 'DESTROYED', 'USED')),
    used_before boolean not null default false,
    reported_by varchar(40),
    reported_at timestamptz,
    note        varchar(1000),
    primary key (recall_id, unit_id)
);
create index recall_unit_clinic on recall_unit (clinic_id, recall_id);

create table recall_notice (
    id              uuid primary key,
    recall_id       uuid not null references recall (id),
    clinic_id       uuid not null,
    clinic_name     varchar(200) not null,
    sent_at         timestamptz not null,
    acknowledged_by varchar(40),
    acknowledged_at timestamptz,
    unique (recall_id, clinic_id)
);
create index recall_notice_clinic on recall_notice (clinic_id, sent_at desc);

-- One hold per unit, whatever the number of recalls that take it in: the first recall holds it.
create table recall_hold (
    unit_id   uuid primary key,
    recall_id uuid not null references recall (id),
    held_at   timestamptz not null
);

-- Where the notice was e-mailed after the recall committed (null: not e-mailed, no SMTP or no address).
alter table recall_notice add column emailed_to varchar(1000);
alter table recall_notice add column emailed_at timestamptz;
