-- Batches (isolation runs from one donor's material), lots made from them, lot lineage and units.
-- donor_id is a reference into the donor module by id only: no foreign key across modules.

create table batch_code_sequence (
    kind varchar(10) not null,
    year integer not null,
    last bigint not null,
    primary key (kind, year)
);

create table product (
    code                    varchar(40) primary key,
    name                    varchar(200) not null,
    form                    varchar(30) not null,
    intended_use            varchar(20) not null,
    required_consent_scopes varchar(200) not null default '',
    ampoule_volume_ml       double precision,
    shelf_life_months       integer
);

create table batch (
    id               uuid primary key,
    code             varchar(20) not null unique,
    donor_id         uuid not null,
    method           varchar(40) not null,
    g_force          double precision check (g_force > 0),
    duration_minutes integer check (duration_minutes > 0),
    method_detail    varchar(500),
    input_volume_ml  double precision check (input_volume_ml >= 0),
    input_cell_count bigint check (input_cell_count >= 0),
    passage          integer check (passage >= 0),
    started_on       date not null,
    completed_on     date check (completed_on >= started_on),
    operator         varchar(120),
    notes            varchar(2000),
    created_at       timestamptz not null default now(),
    created_by       varchar(40) not null
);
create index batch_donor on batch (donor_id);

create table lot (
    id                       uuid primary key,
    code                     varchar(20) not null unique,
    product_code             varchar(40) not null references product (code),
    kind                     varchar(12) not null check (kind in ('PRIMARY', 'DERIVATIVE', 'POOL')),
    batch_id                 uuid references batch (id),
    concentration_per_ml     double precision check (concentration_per_ml >= 0),
    volume_ml                double precision not null check (volume_ml > 0),
    manufactured_on          date not null,
    expires_on               date not null check (expires_on > manufactured_on),
    state                    varchar(12) not null check (state in ('IN_TESTING', 'QUARANTINED', 'RELEASED', 'REJECTED')),
    disposition_signature_id uuid,
    disposition_reason       varchar(1000),
    created_at               timestamptz not null default now(),
    created_by               varchar(40) not null,
    check ((kind = 'PRIMARY') = (batch_id is not null))
);
create index lot_batch on lot (batch_id);
create index lot_state on lot (state);

-- Derivatives have one parent, pools two or more; primary lots have none (their parent is the batch).
create table lot_parent (
    lot_id        uuid not null references lot (id),
    parent_lot_id uuid not null references lot (id),
    primary key (lot_id, parent_lot_id),
    check (lot_id <> parent_lot_id)
);
create index lot_parent_parent on lot_parent (parent_lot_id);

create table lot_unit (
    id        uuid primary key,
    code      varchar(30) not null unique,
    lot_id    uuid not null references lot (id),
    number    integer not null check (number > 0),
    volume_ml double precision not null check (volume_ml > 0),
    created_at timestamptz not null default now(),
    created_by varchar(40) not null,
    unique (lot_id, number)
);
