-- Cold chain and custody (issue 13): the storage conditions QA declares per product, the lab's
-- storage locations (freezer > rack > box) and each unit's current place in them, custody handovers,
-- and the temperature excursions and thaws recorded against units. An event outside the product's
-- declared limits (or against a product with none declared) holds the unit until QA decides.
create table storage_condition (
    product_code          varchar(40) primary key,
    stored_at_c           numeric(5, 1) not null,
    excursion_max_c       numeric(5, 1) not null,
    excursion_max_minutes integer not null check (excursion_max_minutes >= 0),
    max_thaws             integer not null check (max_thaws >= 0),
    set_by                varchar(40) not null,
    set_at                timestamptz not null,
    check (excursion_max_c >= stored_at_c)
);

create table storage_location (
    id         uuid primary key,
    code       varchar(40) not null unique,
    kind       varchar(10) not null check (kind in ('FREEZER', 'RACK', 'BOX')),
    parent_id  uuid references storage_location (id),
    name       varchar(200) not null,
    created_by varchar(40) not null,
    created_at timestamptz not null,
    check ((kind = 'FREEZER') = (parent_id is null))
);
create index storage_location_parent on storage_location (parent_id);

create table unit_place (
    unit_id     uuid primary key references lot_unit (id),
    location_id uuid not null references storage_location (id),
    position    varchar(10) not null,
    placed_by   varchar(40) not null,
    placed_at   timestamptz not null,
    unique (location_id, position)
);

create table custody_transfer (
    id          uuid primary key,
    unit_id     uuid not null references lot_unit (id),
    from_person varchar(120) not null,
    to_person   varchar(120) not null,
    handed_at   timestamptz not null,
    note        varchar(500),
    recorded_by varchar(40) not null,
    recorded_at timestamptz not null
);
create index custody_transfer_unit on custody_transfer (unit_id, handed_at);

create table cold_chain_event (
    id              uuid primary key,
    unit_id         uuid not null references lot_unit (id),
    unit_code       varchar(60) not null,
    kind            varchar(10) not null check (kind in ('EXCURSION', 'THAW')),
    occurred_at     timestamptz not null,
    highest_c       numeric(5, 1),
    minutes         integer check (minutes >= 0),
    hold_reason     varchar(500),
    recorded_by     varchar(40) not null,
    recorded_at     timestamptz not null,
    decision        varchar(10) check (decision in ('USABLE', 'UNUSABLE')),
    decision_reason varchar(2000),
    decided_by      varchar(40),
    decided_at      timestamptz,
    check (kind = 'THAW' or (highest_c is not null and minutes is not null)),
    check ((decision is null) = (decided_at is null)),
    check (decision is null or hold_reason is not null)
);
create index cold_chain_event_unit on cold_chain_event (unit_id, occurred_at);
-- the holds QA has still to decide, for the queue and the dashboard's count
create index cold_chain_event_undecided on cold_chain_event (recorded_at) where hold_reason is not null and decision is null;
