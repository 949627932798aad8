create table audit_entry (
    seq         bigint primary key,
    recorded_at timestamptz not null,
    actor       varchar(40) not null,
    record_type varchar(40) not null,
    record_id   varchar(80) not null,
    action      varchar(40) not null,
    old_value   text,
    new_value   text,
    reason      text,
    prev_hash   char(64) not null,
    hash        char(64) not null
);
create index audit_entry_record on audit_entry (record_type, record_id);
create index audit_entry_actor on audit_entry (actor);

-- Entries are append-only: an UPDATE or DELETE is refused. Whoever disables this trigger is
-- still caught by the hash chain (AuditTrail.verify).
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only (% refused on entry %)', tg_op, old.seq;
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
