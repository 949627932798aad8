-- Several application nodes on one database (issue 13): an analysis is claimed by one node at a time.
-- claimed_by names the node and the claim (a new token per claim, so a node that comes back after its
-- lease was taken over cannot complete the analysis); lease_until is renewed while the analysis runs,
-- and a running analysis whose lease has expired is taken over by another node. Rows running before
-- this migration have no lease: the first node to look for work starts them again.
alter table nta_measurement
    add column claimed_by  varchar(200),
    add column lease_until timestamptz;

drop index nta_measurement_pending;
create index nta_measurement_waiting on nta_measurement (submitted_at) where status in ('QUEUED', 'RUNNING');
