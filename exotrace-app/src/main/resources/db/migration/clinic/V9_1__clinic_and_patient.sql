-- Clinics, the staff who work in each, and their patients. Identifying details live only here and
-- are served only to the staff of the patient's clinic; everywhere else a patient is a pseudonym.
create table clinic (
    id           uuid primary key,
    code         varchar(12) not null unique,
    name         varchar(200) not null,
    jurisdiction varchar(8) not null,
    address      varchar(500),
    created_by   varchar(40) not null,
    created_at   timestamptz not null default now()
);

create table clinic_member (
    clinic_id  uuid not null references clinic (id),
    username   varchar(40) not null,
    added_by   varchar(40) not null,
    added_at   timestamptz not null default now(),
    primary key (clinic_id, username)
);
create index clinic_member_user on clinic_member (username);

create table patient (
    id                uuid primary key,
    clinic_id         uuid not null references clinic (id),
    pseudonym         varchar(24) not null unique,
    given_name        varchar(100) not null,
    family_name       varchar(100) not null,
    date_of_birth     date not null,
    sex               varchar(12) not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    contact           varchar(300),
    fitzpatrick       varchar(3) check (fitzpatrick in ('I', 'II', 'III', 'IV', 'V', 'VI')),
    indications       varchar(500) not null,
    history           varchar(2000),
    contraindications varchar(2000),
    created_by        varchar(40) not null,
    created_at        timestamptz not null default now()
);
create index patient_clinic on patient (clinic_id, family_name);
create sequence patient_number;

create table patient_consent (
    id                uuid primary key,
    patient_id        uuid not null references patient (id),
    kind              varchar(20) not null check (kind in ('TREATMENT', 'PHOTOGRAPHS', 'RESEARCH_USE')),
    form_version      varchar(40) not null,
    signed_on         date not null,
    signed_by         varchar(200) not null,
    recorded_by       varchar(40) not null,
    recorded_at       timestamptz not null default now(),
    withdrawn_on      date,
    withdrawal_reason varchar(1000)
);
create index patient_consent_patient on patient_consent (patient_id);
