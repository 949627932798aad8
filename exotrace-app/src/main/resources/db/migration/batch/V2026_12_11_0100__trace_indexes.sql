-- The forward trace walks lot_parent from parent to children (issue 13). With the parent and the child in
-- one index each step of the walk is an index-only scan, as the backward walk already is on the primary key
-- (lot_id, parent_lot_id); the index on the parent alone is its prefix and goes.
-- Every other step of the trace was checked with EXPLAIN on 100,000 lots and 1,000,000 units and is already an
-- index look-up: lot and unit codes (unique), lot_unit (lot_id, number), shipment_unit (unit_id),
-- treatment_session (unit_id) where recorded, and the primary keys of lot, shipment, patient, batch and donor.
create index lot_parent_parent_child on lot_parent (parent_lot_id, lot_id);
drop index lot_parent_parent;
