-- Evidence: saved cohorts (a named filter) and locked analysis plans. A plan is written once, locked:
-- its content, hash and time never change, so results can say truthfully that they were pre-specified.
create table evidence_cohort (
    id         uuid primary key,
    name       varchar(120) not null unique,
    filter     jsonb not null,
    created_by varchar(40) not null,
    created_at timestamptz not null default now()
);

create sequence evidence_plan_number;

create table evidence_plan (
    id         uuid primary key,
    number     varchar(24) not null unique,
    title      varchar(200) not null,
    cohort_id  uuid references evidence_cohort (id),
    content    text not null,
    sha256     char(64) not null,
    locked_by  varchar(40) not null,
    locked_at  timestamptz not null default now()
);

create function evidence_plan_is_locked() returns trigger language plpgsql as $$
begin
    raise exception 'analysis plan % is locked: it cannot be changed or deleted', old.number using errcode = 'check_violation';
end;
$$;

create trigger evidence_plan_locked before update or delete on evidence_plan
    for each row execute function evidence_plan_is_locked();
