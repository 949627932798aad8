-- Out-of-specification investigations (FDA guidance "Investigating OOS Test Results for
-- Pharmaceutical Production", 2006, rev. 2022): phase I laboratory investigation, phase II
-- full-scale investigation, and a conclusion approved by a second, QA person.

create table oos_sequence (
    year integer primary key,
    last bigint  not null
);

create table oos_investigation (
    id                      uuid primary key,
    number                  varchar(20) not null unique,
    lot_id                  uuid not null,
    test_code               varchar(48) not null,
    result_id               uuid not null unique references result (id),
    status                  varchar(8) not null check (status in ('OPEN', 'CLOSED')),
    phase                   varchar(8) not null check (phase in ('PHASE_I', 'PHASE_II')),
    opened_at               timestamptz not null default now(),
    opened_by               varchar(40) not null,
    -- phase I: what the analyst and supervisor checked, and the hypothesis
    p1_calculation          varchar(1000),
    p1_instrument           varchar(1000),
    p1_standard             varchar(1000),
    p1_sample_preparation   varchar(1000),
    p1_hypothesis           varchar(2000),
    p1_by                   varchar(40),
    p1_at                   timestamptz,
    -- phase II: production review and the predefined plan of additional testing
    p2_production_review    varchar(2000),
    p2_plan                 varchar(2000),
    p2_resampling           varchar(1000),
    p2_by                   varchar(40),
    p2_at                   timestamptz,
    -- the proposed conclusion, waiting for QA approval
    proposed_conclusion     varchar(16) check (proposed_conclusion in ('OOS_CONFIRMED', 'INVALIDATED')),
    cause_category          varchar(24),
    cause_description       varchar(2000),
    proposal_summary        varchar(2000),
    proposed_by             varchar(40),
    proposed_at             timestamptz,
    -- QA approval (re-authenticated), which closes the investigation
    approved_by             varchar(40),
    approver_name           varchar(120),
    approved_at             timestamptz,
    approval_meaning        varchar(300),
    approval_hash           char(64),
    approval_comment        varchar(1000),
    check (status = 'OPEN' or (approved_by is not null and proposed_conclusion is not null)),
    check (proposed_conclusion is distinct from 'INVALIDATED' or (cause_category is not null and cause_description is not null))
);
create index oos_investigation_lot on oos_investigation (lot_id);
create index oos_investigation_open on oos_investigation (opened_at) where status = 'OPEN';

-- Results recorded inside an investigation: additional results, never replacements.
create table oos_additional_result (
    result_id        uuid primary key references result (id),
    investigation_id uuid not null references oos_investigation (id),
    kind             varchar(8) not null check (kind in ('RETEST', 'RESAMPLE')),
    phase            varchar(8) not null check (phase in ('PHASE_I', 'PHASE_II'))
);
create index oos_additional_result_investigation on oos_additional_result (investigation_id);

-- Wrong passwords at approval, counted like wrong passwords at release signing.
create table oos_approval_failure (
    id        bigserial primary key,
    username  varchar(40) not null,
    failed_at timestamptz not null default now(),
    cleared   boolean not null default false
);
create index oos_approval_failure_user on oos_approval_failure (username, failed_at);

-- Results that are out of specification and still count when this migration runs get an open
-- investigation now, numbered by the year they were recorded, so their lots stay blocked until QA
-- concludes one. (Earlier OOS results that were already superseded or invalidated are left as
-- they are: no investigation took place and none is invented.)
insert into oos_investigation (id, number, lot_id, test_code, result_id, status, phase, opened_at, opened_by)
select gen_random_uuid(),
       'OOS-' || y || '-' || lpad(n::text, 4, '0'),
       lot_id, test_code, id, 'OPEN', 'PHASE_I', now(), 'system'
from (select r.*, extract(year from r.recorded_at)::int as y,
             row_number() over (partition by extract(year from r.recorded_at) order by r.recorded_at, r.id) as n
      from result r where r.verdict_at_entry = 'FAIL' and r.status = 'VALID') oos;
insert into oos_sequence (year, last)
select substring(number from 5 for 4)::int, count(*) from oos_investigation group by 1;

-- A result judged out of specification at entry commits only with an investigation: the one it
-- opened, or the one it was recorded in as an additional result.
create function oos_result_needs_investigation() returns trigger language plpgsql as $$
begin
    if new.verdict_at_entry = 'FAIL'
       and not exists (select 1 from oos_investigation where result_id = new.id)
       and not exists (select 1 from oos_additional_result where result_id = new.id) then
        raise exception 'result % is out of specification but has no OOS investigation', new.id;
    end if;
    return null;
end $$;
create constraint trigger result_oos_needs_investigation after insert on result
    deferrable initially deferred for each row execute function oos_result_needs_investigation();

-- An out-of-specification result never stops counting except through its investigation's
-- approved conclusion "invalidated, assignable cause": no supersession by a retest, no plain
-- invalidation.
create function oos_result_status_guard() returns trigger language plpgsql as $$
begin
    if old.verdict_at_entry = 'FAIL' and new.status is distinct from old.status then
        if new.status <> 'INVALIDATED' or not exists (
                select 1 from oos_investigation i where i.result_id = old.id and i.status = 'CLOSED'
                  and i.proposed_conclusion = 'INVALIDATED' and i.approved_by is not null) then
            raise exception 'the out-of-specification result % can only be invalidated by its approved investigation', old.id;
        end if;
    end if;
    return new;
end $$;
create trigger result_oos_status_guard before update of status on result
    for each row execute function oos_result_status_guard();
