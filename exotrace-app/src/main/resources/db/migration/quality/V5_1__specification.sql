create table specification (
    id             uuid primary key,
    product_code   varchar(40) not null,
    version        integer not null,
    status         varchar(12) not null check (status in ('EFFECTIVE', 'SUPERSEDED')),
    effective_from timestamptz not null default now(),
    created_by     varchar(40) not null,
    change_reason  varchar(1000),
    unique (product_code, version)
);
create unique index specification_one_effective on specification (product_code) where status = 'EFFECTIVE';

create table specification_test (
    specification_id uuid not null references specification (id),
    position         integer not null,
    code             varchar(48) not null,
    name             varchar(200) not null,
    kind             varchar(12) not null,
    unit             varchar(40),
    lower_value      double precision,
    lower_inclusive  boolean not null,
    upper_value      double precision,
    upper_inclusive  boolean not null,
    warn_lower       double precision,
    warn_upper       double precision,
    allowed_values   varchar(500) not null,
    accepted_values  varchar(500) not null,
    required         boolean not null,
    misev_item       varchar(40),
    source           varchar(500),
    primary key (specification_id, code)
);

create table result (
    id                  uuid primary key,
    lot_id              uuid not null,
    test_code           varchar(48) not null,
    value               double precision,
    unit                varchar(40),
    category            varchar(60),
    detail              varchar(1000),
    method              varchar(200) not null,
    instrument          varchar(200),
    analyst             varchar(40) not null,
    performed_at        timestamptz not null,
    recorded_at         timestamptz not null default now(),
    status              varchar(12) not null check (status in ('VALID', 'INVALIDATED', 'SUPERSEDED')),
    retest_of           uuid references result (id),
    status_reason       varchar(1000),
    verdict_at_entry    varchar(12) not null,
    specification_id    uuid not null references specification (id)
);
create index result_lot on result (lot_id, test_code);

create table result_file (
    result_id    uuid primary key references result (id),
    filename     varchar(255) not null,
    content_type varchar(120) not null,
    size_bytes   bigint not null,
    sha256       char(64) not null,
    content      bytea not null,
    uploaded_by  varchar(40) not null,
    uploaded_at  timestamptz not null default now()
);

create table size_distribution (
    lot_id      uuid primary key,
    method      varchar(200) not null,
    points      text not null,
    recorded_by varchar(40) not null,
    recorded_at timestamptz not null default now()
);
