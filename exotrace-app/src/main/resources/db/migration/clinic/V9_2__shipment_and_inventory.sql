-- Units the lab ships to a clinic, and the clinic's inventory once it confirms receipt.
create table shipment (
    id          uuid primary key,
    clinic_id   uuid not null references clinic (id),
    shipped_on  date not null,
    sender      varchar(40) not null,
    note        varchar(1000),
    received_on date,
    received_by varchar(40),
    created_at  timestamptz not null default now()
);

create table shipment_unit (
    shipment_id uuid not null references shipment (id),
    unit_id     uuid not null unique,
    unit_code   varchar(30) not null,
    lot_id      uuid not null,
    primary key (shipment_id, unit_id)
);
