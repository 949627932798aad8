package org.exotrace.platform;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the application's own connection could rewrite the audit trail unseen by the
 * database: a superuser, or a member of the role that owns {@code audit_entry} or {@code audit_head}
 * (an owner can disable triggers and truncate). The embedded server never does this; an external
 * server does when {@code EXOTRACE_DB_APP_USER} is not set.
 */
@Component
class ApplicationRoleCheck {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleCheck.class);

    record Role(String name, boolean superuser, boolean ownsAuditTables) {
    }

    private final JdbcClient jdbc;

    ApplicationRoleCheck(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    Role role() {
        return jdbc.sql("""
                select current_user as name, r.rolsuper as superuser,
                       exists (select from pg_tables t
                               where t.schemaname = current_schema() and t.tablename in ('audit_entry', 'audit_head')
                                 and pg_has_role(current_user, t.tableowner, 'MEMBER')) as owns_audit_tables
                from pg_roles r where r.rolname = current_user
                """).query((rs, n) -> new Role(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).single();
    }

    @EventListener(ApplicationStartedEvent.class)
    void warnIfTheApplicationCanRewriteTheAuditTrail() {
        try {
            Role role = role();
            if (role.superuser() || role.ownsAuditTables()) {
                log.warn("The application connects to PostgreSQL as {}, which {}: it could change or empty the audit trail"
                        + " without the database refusing it. Create a role that owns nothing and set EXOTRACE_DB_APP_USER and"
                        + " EXOTRACE_DB_APP_PASSWORD (see README, 'External PostgreSQL').",
                        role.name(), role.superuser() ? "is a superuser" : "owns the audit tables");
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the privileges of the application's database role: {}", e.getMessage());
        }
    }
}
