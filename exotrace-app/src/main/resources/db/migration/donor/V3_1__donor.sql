create table donor_code_sequence (
    year integer primary key,
    last bigint not null
);

create table donor (
    id             uuid primary key,
    code           char(14) not null unique,
    source_type    varchar(30) not null,
    source_detail  varchar(200),
    notes          varchar(2000),
    retired        boolean not null default false,
    retired_reason varchar(1000),
    created_by     varchar(40) not null,
    created_at     timestamptz not null default now()
);

create table donor_screening (
    id          uuid primary key,
    donor_id    uuid not null references donor (id),
    test        varchar(120) not null,
    result      varchar(20) not null check (result in ('NEGATIVE', 'POSITIVE', 'INDETERMINATE')),
    sampled_on  date not null,
    recorded_by varchar(40) not null,
    recorded_at timestamptz not null default now()
);
create index donor_screening_donor on donor_screening (donor_id);

create table donor_consent (
    id                 uuid primary key,
    donor_id           uuid not null references donor (id),
    scope              varchar(20) not null,
    granted_on         date not null,
    document_reference varchar(120) not null,
    status             varchar(12) not null check (status in ('GRANTED', 'WITHDRAWN')),
    withdrawn_on       date,
    withdrawal_reason  varchar(1000),
    recorded_by        varchar(40) not null,
    recorded_at        timestamptz not null default now()
);
create index donor_consent_donor on donor_consent (donor_id);
