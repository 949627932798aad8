-- Standardised clinical photographs of a patient, per visit. The bytes are stored after their
-- metadata was stripped (no EXIF, GPS, XMP, IPTC or comments); sha256 is of the stored bytes.
create table patient_photograph (
    id            uuid primary key,
    patient_id    uuid not null references patient (id),
    plan_id       uuid references treatment_plan (id),
    taken_on      date not null,
    visit_label   varchar(60) not null,
    standard_view varchar(12) not null check (standard_view in ('FRONTAL', 'LEFT_45', 'RIGHT_45', 'LEFT_90', 'RIGHT_90', 'VERTEX', 'CLOSE_UP')),
    side          varchar(5) not null default 'BOTH' check (side in ('LEFT', 'RIGHT', 'BOTH')),
    content_type  varchar(20) not null check (content_type in ('image/jpeg', 'image/png')),
    width         integer not null check (width > 0),
    height        integer not null check (height > 0),
    orientation   smallint not null default 1 check (orientation between 1 and 8),
    size_bytes    integer not null check (size_bytes > 0),
    sha256        char(64) not null,
    content       bytea not null,
    note          varchar(1000),
    uploaded_by   varchar(40) not null,
    uploaded_at   timestamptz not null default now()
);
create index patient_photograph_patient on patient_photograph (patient_id, taken_on);
