-- A re-run of an NTA measurement whose earlier result is out of specification happens inside that
-- result's OOS investigation; its results are then recorded there as additional results.
alter table nta_measurement add column investigation_id uuid;
