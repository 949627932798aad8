-- A session recorded in error (the wrong unit scanned, the wrong patient) is voided with a reason,
-- never deleted. A voided session no longer holds its unit or its number in the plan.
alter table treatment_session add column status varchar(8) not null default 'RECORDED' check (status in ('RECORDED', 'VOIDED'));
alter table treatment_session add column void_reason varchar(1000);
alter table treatment_session add column voided_by varchar(40);
alter table treatment_session add column voided_at timestamptz;
alter table treatment_session add constraint treatment_session_void_check
    check ((status = 'VOIDED') = (void_reason is not null and voided_by is not null and voided_at is not null));
alter table treatment_session drop constraint treatment_session_unit_id_key;
alter table treatment_session drop constraint treatment_session_plan_id_number_key;
create unique index treatment_session_unit_recorded on treatment_session (unit_id) where status = 'RECORDED';
create unique index treatment_session_number_recorded on treatment_session (plan_id, number) where status = 'RECORDED';
