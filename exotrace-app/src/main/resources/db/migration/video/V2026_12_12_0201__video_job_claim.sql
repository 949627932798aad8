-- Several application nodes on one database (issue 13): a tracking job is claimed by one node at a time.
-- claimed_by names the node and the claim (a new token per claim, so a node that comes back after its
-- lease was taken over cannot complete the job); lease_until is renewed while the job runs, and a
-- running job whose lease has expired is taken over by another node. Jobs running before this
-- migration have no lease: the first node to look for work starts them again.
alter table video_job
    add column claimed_by  varchar(200),
    add column lease_until timestamptz;

drop index video_job_pending;
create index video_job_waiting on video_job (submitted_at) where status in ('QUEUED', 'RUNNING');
