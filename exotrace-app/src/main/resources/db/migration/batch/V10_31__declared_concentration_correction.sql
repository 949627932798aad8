-- Corrections of the concentration declared on a lot, each with its reason: the lot row holds the
-- current declared value, these rows keep every earlier one (and the audit trail has both).
create table lot_concentration_correction (
    id           uuid primary key,
    lot_id       uuid not null references lot (id),
    previous_per_ml  double precision check (previous_per_ml >= 0),
    corrected_per_ml double precision not null check (corrected_per_ml > 0),
    reason       varchar(1000) not null,
    corrected_by varchar(40) not null,
    corrected_at timestamptz not null default now()
);
create index lot_concentration_correction_lot on lot_concentration_correction (lot_id, corrected_at);
