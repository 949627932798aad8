package org.exotrace.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded server, enforced at every start: the superuser {@code postgres} and
 * the application's role {@code exotrace_app} have the passwords of {@link DatabaseSecrets},
 * {@code pg_hba.conf} asks every connection for a password (SCRAM-SHA-256, no {@code trust} line) and
 * accepts TCP only from loopback ({@code 127.0.0.1/32}, {@code ::1/128}); the server listens on
 * {@code localhost} only. A data directory from an earlier build (trust for everyone, no secrets) is
 * brought to this state the same way.
 *
 * <p>The library initialises a new cluster with {@code trust}, so on the very first start (and the one
 * start that upgrades an old directory) the server accepts loopback connections without a password
 * for the moment between its start and {@link #enforce}; from then on never.
 *
 * <p>The application's role has no privileges here: the migrations grant them
 * ({@code db/migration/platform/afterMigrate__application_role_grants.sql}).
 */
final class EmbeddedAccess {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAccess.class);

    static final String PG_HBA = """
            # Written by Exotrace at every start of the embedded server (edits are overwritten):
            # every connection needs a password (SCRAM-SHA-256) and comes from this machine.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private EmbeddedAccess() {
    }

    /** Sets both roles' passwords, writes {@code pg_hba.conf} if it differs and reloads the server's configuration. */
    static void enforce(EmbeddedPostgres server, Path directory, DatabaseSecrets secrets) throws SQLException, IOException {
        String superuserPassword = secrets.password(DatabaseSecrets.SUPERUSER);
        String applicationPassword = secrets.password(DatabaseSecrets.APPLICATION);
        try (Connection c = server.getPostgresDatabase(Map.of("password", superuserPassword)).getConnection();
             Statement sql = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            // Hashed by the driver: the password never reaches the server (or its log) in clear.
            pg.alterUserPassword(DatabaseSecrets.SUPERUSER, superuserPassword.toCharArray(), "scram-sha-256");
            boolean exists;
            try (ResultSet rs = sql.executeQuery("select 1 from pg_roles where rolname = '" + DatabaseSecrets.APPLICATION + "'")) {
                exists = rs.next();
            }
            sql.execute((exists ? "alter" : "create") + " role " + DatabaseSecrets.APPLICATION
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            pg.alterUserPassword(DatabaseSecrets.APPLICATION, applicationPassword.toCharArray(), "scram-sha-256");

            Path hba = directory.resolve("pg_hba.conf");
            if (!Files.isRegularFile(hba) || !Files.readString(hba).equals(PG_HBA)) {
                Path written = directory.resolve("pg_hba.conf.exotrace");
                Files.writeString(written, PG_HBA);
                Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try (ResultSet rs = sql.executeQuery("select pg_reload_conf()")) {
                    rs.next();
                }
                awaitPasswordRequired(server.getPort(), directory);
                log.info("The embedded PostgreSQL in {} now requires a password for every connection (kept in {})",
                        directory, secrets.directory());
            }
        }
    }

    /** The reload is a signal the server handles on its own time: wait until a connection without a password is refused. */
    private static void awaitPasswordRequired(int port, Path directory) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres")) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("The embedded PostgreSQL in " + directory + " still accepts connections without a password"
                + " after its pg_hba.conf was rewritten");
    }
}
