-- Costs a researcher records: a lot's cost and a clinic's procedure cost per session. Costs are
-- appended, never changed: the newest of a lot or clinic is the one in force, the older ones stay as
-- its history.
create table evidence_lot_cost (
    id          uuid primary key,
    lot_id      uuid not null,
    lot_code    varchar(40) not null,
    amount      numeric(14, 2) not null check (amount >= 0),
    currency    char(3) not null,
    note        varchar(500),
    recorded_by varchar(40) not null,
    recorded_at timestamptz not null default now()
);

create index evidence_lot_cost_lot on evidence_lot_cost (lot_code, recorded_at desc);

create table evidence_session_cost (
    id          uuid primary key,
    clinic_code varchar(40) not null,
    amount      numeric(14, 2) not null check (amount >= 0),
    currency    char(3) not null,
    note        varchar(500),
    recorded_by varchar(40) not null,
    recorded_at timestamptz not null default now()
);

create index evidence_session_cost_clinic on evidence_session_cost (clinic_code, recorded_at desc);
