-- TRUNCATE fires no row trigger, so the append-only triggers never saw it: a TRUNCATE of the
-- entries and the head left an empty chain that verified as intact. A statement trigger refuses it.
-- Whoever disables it (a superuser) is still caught by the checkpoints kept outside the database.
create function audit_truncate_refused() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail cannot be truncated (TRUNCATE refused on %)', tg_table_name;
end;
$$;
create trigger audit_entry_truncate_refused before truncate on audit_entry
    for each statement execute function audit_truncate_refused();
create trigger audit_head_truncate_refused before truncate on audit_head
    for each statement execute function audit_truncate_refused();
