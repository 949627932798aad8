create table electronic_signature (
    id           uuid primary key,
    record_type  varchar(40) not null,
    record_id    uuid not null,
    username     varchar(40) not null,
    printed_name varchar(120) not null,
    meaning      varchar(20) not null,
    signed_at    timestamptz not null,
    content_hash char(64) not null
);

create table certificate_sequence (
    year integer primary key,
    last bigint not null
);

create table lot_decision (
    id                      uuid primary key,
    lot_id                  uuid not null,
    kind                    varchar(20) not null,
    reason                  varchar(1000),
    specification_id        uuid,
    specification_reference varchar(120),
    certificate_number      varchar(30) unique,
    signature_id            uuid not null references electronic_signature (id),
    evaluation_snapshot     text,
    decided_at              timestamptz not null
);
create index lot_decision_lot on lot_decision (lot_id);
