-- The dashboard shows how many lots are in each state and how many batches there are (issue 13). At a
-- million lots `select state, count(*) from lot group by state` read the whole table on every view
-- (about a second); these counts are kept instead, by statement-level triggers, so that every writer
-- keeps them exact: the services, the bulk generator (`demo --scale`) and tests alike. A restore loads
-- the counts with the tables, triggers off (DatabaseRestore), so they stay equal to the rows restored.
-- Each statement changes each count once, in the order of the states, so that two transactions never
-- take the rows in opposite orders.
create table lot_state_count (
    state varchar(12) primary key check (state in ('IN_TESTING', 'QUARANTINED', 'RELEASED', 'REJECTED')),
    lots  bigint not null check (lots >= 0)
);
insert into lot_state_count (state, lots)
select s.state, (select count(*) from lot l where l.state = s.state)
  from (values ('IN_TESTING'), ('QUARANTINED'), ('RELEASED'), ('REJECTED')) s (state);

create function lot_state_count_apply() returns trigger language plpgsql as $$
declare
    change record;
begin
    if tg_op = 'INSERT' then
        for change in select state, count(*) as delta from new_lots group by state order by state loop
            update lot_state_count set lots = lots + change.delta where state = change.state;
        end loop;
    elsif tg_op = 'DELETE' then
        for change in select state, count(*) as delta from old_lots group by state order by state loop
            update lot_state_count set lots = lots - change.delta where state = change.state;
        end loop;
    else
        for change in select state, sum(delta) as delta
                        from (select state, 1 as delta from new_lots union all select state, -1 from old_lots) moved
                       group by state having sum(delta) <> 0 order by state loop
            update lot_state_count set lots = lots + change.delta where state = change.state;
        end loop;
    end if;
    return null;
end $$;
create trigger lot_state_count_insert after insert on lot referencing new table as new_lots
    for each statement execute function lot_state_count_apply();
create trigger lot_state_count_update after update on lot referencing old table as old_lots new table as new_lots
    for each statement execute function lot_state_count_apply();
create trigger lot_state_count_delete after delete on lot referencing old table as old_lots
    for each statement execute function lot_state_count_apply();

-- One row: how many batches there are.
create table batch_count (
    one     boolean primary key default true check (one),
    batches bigint not null check (batches >= 0)
);
insert into batch_count (batches) select count(*) from batch;

create function batch_count_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update batch_count set batches = batches + (select count(*) from new_batches);
    else
        update batch_count set batches = batches - (select count(*) from old_batches);
    end if;
    return null;
end $$;
create trigger batch_count_insert after insert on batch referencing new table as new_batches
    for each statement execute function batch_count_apply();
create trigger batch_count_delete after delete on batch referencing old table as old_batches
    for each statement execute function batch_count_apply();

-- The dashboard's lots in testing, newest first, without a sort of every lot in testing.
create index lot_state_created on lot (state, created_at desc, code desc);
