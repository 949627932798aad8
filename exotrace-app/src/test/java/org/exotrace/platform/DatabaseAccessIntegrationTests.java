package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's own connection cannot rewrite the audit trail or the schema (it is
 * {@code exotrace_app}, which owns nothing), and nobody reaches the embedded server without a password.
 */
class DatabaseAccessIntegrationTests extends IntegrationTest {

    @Autowired Flyway flyway;
    @Autowired DatabaseOwner owner;

    @Test
    void theApplicationConnectsAsALimitedRoleThatOwnsNothing() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("exotrace_app");
        assertThat(jdbc.sql("select rolsuper or rolcreatedb or rolcreaterole or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)")
                .query(Long.class).single()).isZero();
        assertThat(superuser().sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isTrue();
    }

    @Test
    void theApplicationCannotChangeRemoveOrTruncateAuditEntries() {
        user(Role.ADMIN);
        long entries = count("audit_entry");
        long seq = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        assertPermissionDenied("update audit_entry set reason = 'edited' where seq = " + seq);
        assertPermissionDenied("delete from audit_entry where seq = " + seq);
        assertPermissionDenied("truncate audit_entry");
        assertPermissionDenied("truncate audit_head");
        assertPermissionDenied("delete from audit_head");
        assertPermissionDenied("alter table audit_entry disable trigger audit_entry_append_only");
        assertThat(count("audit_entry")).isEqualTo(entries);
    }

    @Test
    void theApplicationCannotAlterTheSchemaOrEmptyABusinessTable() {
        assertPermissionDenied("create table intruder (id int)");
        assertPermissionDenied("truncate donor");
        assertPermissionDenied("alter table donor add column intruder int");
        assertPermissionDenied("drop table donor");
        assertPermissionDenied("delete from flyway_schema_history");
    }

    @Test
    void storedFilesOfTheSuperuserAreReadableAndWritableByTheApplicationAfterMigrate() {
        long oid = superuser().sql("select lo_from_bytea(0, 'tracks'::bytea)").query(Long.class).single();
        try {
            flyway.migrate();
            byte[] read = transaction().execute(tx -> jdbc.sql("select lo_get(?)").param(oid).query(byte[].class).single());
            assertThat(new String(read)).isEqualTo("tracks");
            transaction().executeWithoutResult(tx -> jdbc.sql("select lo_put(?, 0, 'T'::bytea)").param(oid).query().singleRow());
            assertThatThrownBy(() -> transaction().executeWithoutResult(tx -> jdbc.sql("select lo_unlink(?)").param(oid).query().singleRow()))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("must be owner");
        } finally {
            superuser().sql("select lo_unlink(?)").param(oid).query().singleRow();
        }
    }

    @Test
    void theEmbeddedServerRefusesConnectionsWithoutTheRightPassword() {
        int port = jdbc.sql("select current_setting('port')::int").query(Integer.class).single();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=postgres").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guessed-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=exotrace_app").close()).isInstanceOf(SQLException.class);
        assertThat(jdbc.sql("select current_setting('listen_addresses')").query(String.class).single()).isEqualTo("localhost");
    }

    @Test
    void everyHbaRuleAsksForAPasswordAndAcceptsOnlyLoopback() throws Exception {
        assertThat(Files.readString(DATA_DIR.resolve("postgres").resolve("pg_hba.conf")))
                .doesNotContainPattern("(?m)^[^#]*\\btrust\\b").isEqualTo(EmbeddedAccess.PG_HBA);
        List<String> methods = superuser().sql("select distinct auth_method from pg_hba_file_rules").query(String.class).list();
        assertThat(methods).containsExactly("scram-sha-256");
        List<String> addresses = superuser().sql("select distinct address from pg_hba_file_rules where type = 'host'").query(String.class).list();
        assertThat(addresses).containsExactlyInAnyOrder("127.0.0.1", "::1");
    }

    @Test
    void thePasswordsAreReadableByTheOwnerOnly() throws Exception {
        Path secrets = DATA_DIR.resolve("secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        for (String file : List.of("postgres.password", "exotrace_app.password")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve(file)))).as(file).isEqualTo("rw-------");
            assertThat(Files.readString(secrets.resolve(file)).strip()).as(file).matches("[A-Za-z0-9]{32}");
        }
    }

    @Test
    void anExternalServerGivesTheApplicationItsOwnRoleAndWarnsWhenThatRoleCouldRewriteTheAuditTrail() throws Exception {
        int port = jdbc.sql("select current_setting('port')::int").query(Integer.class).single();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        String role = "external_app_" + UUID.randomUUID().toString().substring(0, 8);
        String password = DatabaseSecrets.generate();
        superuser().sql("create role " + role + " login password '" + password + "'").update();
        Logger logger = (Logger) LoggerFactory.getLogger(ApplicationRoleCheck.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        try (HikariDataSource external = (HikariDataSource) configuration.dataSource(url, owner.user(), owner.password(), role, password,
                     "unused", 2, java.time.Duration.ofSeconds(3));
             HikariDataSource asOwner = (HikariDataSource) configuration.dataSource(url, owner.user(), owner.password(), "", "", "unused", 2, java.time.Duration.ofSeconds(3))) {
            assertThat(JdbcClient.create(external).sql("select current_user").query(String.class).single()).isEqualTo(role);
            assertThat(configuration.databaseOwner(external, url, owner.user(), owner.password(), "unused").user()).isEqualTo(owner.user());

            new ApplicationRoleCheck(external).warnIfTheApplicationCanRewriteTheAuditTrail();
            assertThat(logged.list).as("a role that owns nothing").isEmpty();
            new ApplicationRoleCheck(asOwner).warnIfTheApplicationCanRewriteTheAuditTrail();
        } finally {
            logger.detachAppender(logged);
            superuser().sql("drop role " + role).update();
        }
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("as postgres, which is a superuser").contains("EXOTRACE_DB_APP_USER");
        });
    }

    private void assertPermissionDenied(String sql) {
        assertThatThrownBy(() -> transaction().executeWithoutResult(tx -> jdbc.sql(sql).update()))
                .as(sql).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageMatching("(?s).*(permission denied|must be owner).*");
    }
}
