-- The application's own role (exotrace_app, created by the embedded server's start-up) may read and
-- write the business tables and nothing more: it owns nothing, cannot alter the schema, cannot
-- TRUNCATE, and may only append to the audit trail. Run by Flyway after every migrate, so tables
-- added by any migration are covered whatever their order. An external server without that role is
-- left alone (its administrator grants; see README).
do $$
declare
    object record;
begin
    if not exists (select from pg_roles where rolname = 'exotrace_app') then
        return;
    end if;

    grant usage on schema public to exotrace_app;
    grant select, insert, update, delete on all tables in schema public to exotrace_app;
    revoke truncate, references, trigger on all tables in schema public from exotrace_app;
    grant usage, select, update on all sequences in schema public to exotrace_app;

    -- The audit trail: entries are appended, never changed or removed; the head only moves forward.
    if to_regclass('public.audit_entry') is not null then
        revoke update, delete on audit_entry from exotrace_app;
    end if;
    if to_regclass('public.audit_head') is not null then
        revoke delete on audit_head from exotrace_app;
    end if;
    -- A locked analysis plan is never changed or removed (its trigger refuses it as well).
    if to_regclass('public.evidence_plan') is not null then
        revoke update, delete on evidence_plan from exotrace_app;
    end if;
    -- Exports and costs are a history: rows are appended, the newest cost is the one in force.
    if to_regclass('public.evidence_export') is not null then
        revoke update, delete on evidence_export from exotrace_app;
    end if;
    if to_regclass('public.evidence_lot_cost') is not null then
        revoke update, delete on evidence_lot_cost, evidence_session_cost from exotrace_app;
    end if;
    -- The schema's history is Flyway's, read-only to the application.
    if to_regclass('public.flyway_schema_history') is not null then
        revoke insert, update, delete on flyway_schema_history from exotrace_app;
    end if;

    -- Stored files (NTA tracks) written before this role existed, or restored from a backup, belong to
    -- the superuser: the application reads and rewrites them but cannot unlink them.
    for object in select m.oid from pg_largeobject_metadata m
                  where m.lomowner <> (select oid from pg_roles where rolname = 'exotrace_app')
                    and not exists (select from aclexplode(m.lomacl) granted
                                    where granted.grantee = (select oid from pg_roles where rolname = 'exotrace_app')
                                      and granted.privilege_type = 'UPDATE')
    loop
        execute format('grant select, update on large object %s to exotrace_app', object.oid);
    end loop;
end
$$;
