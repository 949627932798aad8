package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A data directory made by an earlier build (the library's {@code trust} for everyone, no secrets)
 * requires passwords from its next start on, keeps its data, and starts again afterwards.
 */
class EmbeddedAccessIntegrationTests {

    @Test
    void anOldTrustModeDataDirectoryIsUpgradedAtItsNextStart() throws Exception {
        Path data = Path.of("target", "embedded-access-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Path directory = data.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                .setServerConfig("fsync", "off").start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement sql = c.createStatement()) {
            sql.execute("create table kept (note text)");
            sql.execute("insert into kept values ('from the earlier build')");
        }
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).containsPattern("(?m)^[^#]*trust");
        assertThat(data.resolve("secrets")).doesNotExist();

        System.setProperty("exotrace.db.fsync", "off");
        try (DatabaseConfiguration.EmbeddedLease first = new DatabaseConfiguration.EmbeddedLease(directory)) {
            int port = first.port();
            assertSecured(data, directory, port);
        }
        try (DatabaseConfiguration.EmbeddedLease second = new DatabaseConfiguration.EmbeddedLease(directory)) {
            int port = second.port();
            assertSecured(data, directory, port);
            String password = Files.readString(data.resolve("secrets/postgres.password")).strip();
            try (Connection c = DriverManager.getConnection(url(port), "postgres", password); Statement sql = c.createStatement();
                 ResultSet rs = sql.executeQuery("select note from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("from the earlier build");
            }
        } finally {
            System.clearProperty("exotrace.db.fsync");
        }
    }

    private static void assertSecured(Path data, Path directory, int port) throws Exception {
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).isEqualTo(EmbeddedAccess.PG_HBA);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets")))).isEqualTo("rwx------");
        for (String role : new String[] {"postgres", "exotrace_app"}) {
            Path file = data.resolve("secrets").resolve(role + ".password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String password = Files.readString(file).strip();
            try (Connection c = DriverManager.getConnection(url(port), role, password); Statement sql = c.createStatement();
                 ResultSet rs = sql.executeQuery("select current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(role);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url(port) + "?user=" + role).close()).as(role + " without password")
                    .isInstanceOf(SQLException.class);
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }
}
