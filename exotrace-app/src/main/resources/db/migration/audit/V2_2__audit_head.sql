-- The chain's head, written with every append: verify compares the last entry with it, so
-- removing the newest entries (which leaves a shorter but self-consistent chain) is detected.
create table audit_head (
    id   integer primary key check (id = 1),
    seq  bigint not null,
    hash char(64) not null
);
insert into audit_head (id, seq, hash) select 1, seq, hash from audit_entry order by seq desc limit 1;

create function audit_head_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.seq <= old.seq then
        raise exception 'the audit head only moves forward';
    end if;
    return new;
end;
$$;
create trigger audit_head_forward_only before update or delete on audit_head
    for each row execute function audit_head_forward_only();
