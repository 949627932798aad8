-- A clinic's inventory lists the units it received by unit code, a page at a time (issue 13). The
-- clinic was known only through each unit's shipment, so every page joined all the clinic's shipments
-- to their units (about 75,000 at a million lots) and sorted them. Each shipped unit now carries its
-- shipment's clinic, which a composite foreign key keeps equal to the shipment's, and an index on
-- (clinic, unit code) gives a page in order without a sort. At a million lots the copy takes a minute.
alter table shipment add constraint shipment_id_clinic unique (id, clinic_id);
alter table shipment_unit add column clinic_id uuid;
update shipment_unit u set clinic_id = s.clinic_id from shipment s where s.id = u.shipment_id;
alter table shipment_unit alter column clinic_id set not null;
alter table shipment_unit add constraint shipment_unit_shipment_clinic foreign key (shipment_id, clinic_id) references shipment (id, clinic_id);
-- With the unit and the shipment in the index, counting a page's 1,000 next units reads no table rows.
create index shipment_unit_clinic_code on shipment_unit (clinic_id, unit_code) include (unit_id, shipment_id);
-- Statistics for the new column now, not at the next autovacuum: without them the planner guessed one row per clinic.
analyze shipment_unit;
-- The shipments on their way to a clinic (its inventory and its home page) without reading every shipment.
create index shipment_clinic_received on shipment (clinic_id, received_on);
