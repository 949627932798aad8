-- The dashboard shows how many donors are active (not retired) (issue 13). The count is kept by
-- statement-level triggers rather than counted over every donor on each view; every writer keeps it
-- exact (the services, the bulk generator, tests), and a restore loads it with the table, triggers off.
create table donor_count (
    one    boolean primary key default true check (one),
    active bigint not null check (active >= 0)
);
insert into donor_count (active) select count(*) from donor where not retired;

create function donor_count_apply() returns trigger language plpgsql as $$
declare
    delta bigint := 0;
begin
    if tg_op in ('INSERT', 'UPDATE') then
        delta := delta + (select count(*) from new_donors where not retired);
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        delta := delta - (select count(*) from old_donors where not retired);
    end if;
    if delta <> 0 then
        update donor_count set active = active + delta;
    end if;
    return null;
end $$;
create trigger donor_count_insert after insert on donor referencing new table as new_donors
    for each statement execute function donor_count_apply();
create trigger donor_count_update after update on donor referencing old table as old_donors new table as new_donors
    for each statement execute function donor_count_apply();
create trigger donor_count_delete after delete on donor referencing old table as old_donors
    for each statement execute function donor_count_apply();
