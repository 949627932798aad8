-- A unit destroyed in the lab (a cracked ampoule, a failed visual inspection) is kept with the day,
-- who destroyed it and why; it can no longer be shipped or used. Never deleted.
alter table lot_unit add column destroyed_on date;
alter table lot_unit add column destroyed_by varchar(40);
alter table lot_unit add column destroyed_at timestamptz;
alter table lot_unit add column destruction_reason varchar(1000);
alter table lot_unit add constraint lot_unit_destruction_check
    check ((destroyed_on is null) = (destroyed_by is null)
       and (destroyed_on is null) = (destroyed_at is null)
       and (destroyed_on is null) = (destruction_reason is null));
create index lot_unit_destroyed on lot_unit (destroyed_on) where destroyed_on is not null;
