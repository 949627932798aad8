package org.exotrace.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one PostgreSQL data source. With {@code exotrace.db.url} (environment {@code EXOTRACE_DB_URL},
 * plus {@code EXOTRACE_DB_USER} and {@code EXOTRACE_DB_PASSWORD}) it connects to that server;
 * otherwise it starts an embedded PostgreSQL 16 whose data directory lives under
 * {@code exotrace.data-dir} (default {@code ./data}) and survives restarts.
 *
 * <p>A write is acknowledged only once it is on disk: the embedded server runs with
 * {@code synchronous_commit=on}, {@code fsync=on} and {@code full_page_writes=on}, set explicitly
 * because the embedded library's defaults turn the first two off. At start-up the settings the
 * server reports are logged, with a warning for any that can lose acknowledged writes (see
 * {@link DurabilitySettings}). A server an earlier run left in the data directory is handled by
 * {@link LeftoverServer}.
 *
 * <p>Two roles connect. The application's pool uses a limited role: embedded, {@code exotrace_app},
 * which may read and write the business tables but owns nothing, cannot change or empty the audit
 * trail and cannot alter the schema; external, {@code EXOTRACE_DB_APP_USER} if set, else
 * {@code EXOTRACE_DB_USER}. Flyway runs as the owner ({@link DatabaseOwner}): embedded, the
 * superuser {@code postgres}. Both embedded passwords live in {@code <data-dir>/secrets/}
 * ({@link DatabaseSecrets}, {@link EmbeddedAccess}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    /** One server per data directory and JVM, shared by every application context (tests start several). */
    private static final ConcurrentMap<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Bean
    DataSource dataSource(@Value("${exotrace.db.url:}") String url,
                          @Value("${exotrace.db.user:}") String user,
                          @Value("${exotrace.db.password:}") String password,
                          @Value("${exotrace.db.app-user:}") String appUser,
                          @Value("${exotrace.db.app-password:}") String appPassword,
                          @Value("${exotrace.data-dir:./data}") String dataDir,
                          @Value("${exotrace.db.pool-size:10}") int poolSize,
                          @Value("${exotrace.db.connection-timeout:3s}") Duration connectionTimeout) {
        HikariDataSource ds;
        if (StringUtils.hasText(url)) {
            ds = new HikariDataSource();
            log.info("Using external PostgreSQL at {}", url.replaceAll("password=[^&]*", "password=***"));
            ds.setJdbcUrl(url);
            if (StringUtils.hasText(appUser)) {
                ds.setUsername(appUser);
                ds.setPassword(appPassword);
            } else {
                ds.setUsername(user);
                ds.setPassword(password);
            }
        } else {
            Path directory = serverDirectory(dataDir);
            LeftoverServer leftover = SERVERS.containsKey(directory) ? null : LeftoverServer.inspect(directory);
            if (leftover != null && leftover.state() == LeftoverServer.State.IN_USE) {
                ds = new HikariDataSource();
                log.info("Using the embedded PostgreSQL already running on {} (port {})", directory, leftover.port());
                ds.setJdbcUrl("jdbc:postgresql://localhost:" + leftover.port() + "/postgres");
            } else {
                if (leftover != null) leftover.clear();
                EmbeddedLease lease = new EmbeddedLease(directory);
                lease.setJdbcUrl("jdbc:postgresql://localhost:" + lease.server.getPort() + "/postgres");
                ds = lease;
            }
            ds.setUsername(DatabaseSecrets.APPLICATION);
            ds.setPassword(DatabaseSecrets.besides(directory).password(DatabaseSecrets.APPLICATION));
        }
        ds.setMaximumPoolSize(poolSize);
        // A lost database answers 503 after this wait instead of holding each request for Hikari's default 30 s.
        ds.setConnectionTimeout(connectionTimeout.toMillis());
        ds.setPoolName("exotrace");
        logDurability(ds, StringUtils.hasText(url));
        return ds;
    }

    /**
     * The role that owns the schema: Flyway migrates as it, backup and restore read and load as it.
     * Embedded: the superuser {@code postgres} on the application's server; external: {@code EXOTRACE_DB_USER}.
     */
    @Bean
    DatabaseOwner databaseOwner(DataSource dataSource,
                                @Value("${exotrace.db.url:}") String url,
                                @Value("${exotrace.db.user:}") String user,
                                @Value("${exotrace.db.password:}") String password,
                                @Value("${exotrace.data-dir:./data}") String dataDir) {
        if (StringUtils.hasText(url)) return new DatabaseOwner(url, user, password);
        String pooled = ((HikariDataSource) dataSource).getJdbcUrl();
        return new DatabaseOwner(pooled, DatabaseSecrets.SUPERUSER,
                DatabaseSecrets.besides(serverDirectory(dataDir)).password(DatabaseSecrets.SUPERUSER));
    }

    /** Migrations create, alter and grant: they run as the owner, not as the application's limited role. */
    @Bean
    FlywayConfigurationCustomizer migrationsRunAsTheOwner(DatabaseOwner owner) {
        return configuration -> configuration.dataSource(owner.url(), owner.user(), owner.password());
    }

    static Path serverDirectory(String dataDir) {
        return Path.of(dataDir, "postgres").toAbsolutePath().normalize();
    }

    /**
     * The pool of an application context that uses the embedded server. The server stops when the
     * last context using it closes its pool, which Spring does after every bean that needs the
     * database, so nothing waits on a server that a JVM shutdown hook already stopped.
     */
    static final class EmbeddedLease extends HikariDataSource {

        private final Path directory;
        private final EmbeddedPostgres server;

        EmbeddedLease(Path directory) {
            this.directory = directory;
            this.server = embedded(directory);
            LEASES.merge(directory, 1, Integer::sum);
        }

        int port() {
            return server.getPort();
        }

        /** The embedded server's data directory, which {@link EmbeddedServerWatchdog} watches. */
        Path directory() {
            return directory;
        }

        @Override
        public void close() {
            if (isClosed()) return;
            super.close();
            if (LEASES.merge(directory, -1, Integer::sum) <= 0) {
                LEASES.remove(directory);
                SERVERS.remove(directory);
                try {
                    server.close();
                } catch (IOException e) {
                    log.warn("The embedded PostgreSQL in {} did not stop cleanly", directory, e);
                }
            }
        }
    }

    private static final ConcurrentMap<Path, Integer> LEASES = new ConcurrentHashMap<>();

    /**
     * {@code on}, unless the system property {@code exotrace.db.fsync} says {@code off}: meant only for
     * the throw-away databases of the test suite, where it saves the disk flush of each commit.
     * {@code synchronous_commit} has no such switch.
     */
    static String embeddedFsync() {
        return "off".equalsIgnoreCase(System.getProperty("exotrace.db.fsync", "on")) ? "off" : "on";
    }

    /**
     * Logs the durability settings the server reports (INFO), and a WARN for each one that lets an
     * acknowledged write be lost. An external server is not refused: its administrator may have
     * reasons (a disposable copy), but must see the warning.
     */
    private static void logDurability(HikariDataSource ds, boolean external) {
        try {
            DurabilitySettings settings = DurabilitySettings.of(ds);
            if (external) {
                settings.log(log, "external server", "Set it to on in the server's postgresql.conf, and check ALTER ROLE"
                        + " and ALTER DATABASE overrides, unless this database is disposable.");
            } else {
                settings.log(log, "embedded server", "Only the test suite's throw-away databases may run so"
                        + " (system property exotrace.db.fsync=off).");
            }
        } catch (java.sql.SQLException e) {
            log.warn("Could not read PostgreSQL's durability settings: {}", e.getMessage());
        }
    }

    static EmbeddedPostgres embedded(Path directory) {
        return SERVERS.computeIfAbsent(directory, dir -> {
            DatabaseSecrets secrets = DatabaseSecrets.besides(dir);
            EmbeddedPostgres server;
            try {
                Files.createDirectories(dir.getParent());
                log.info("Starting embedded PostgreSQL with data in {}", dir);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        // Stated explicitly: the library's defaults are synchronous_commit=off and -F (fsync off).
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", embeddedFsync())
                        .setServerConfig("full_page_writes", "on")
                        // The library's readiness check connects as postgres: with the password once pg_hba.conf asks for it.
                        .setConnectConfig("password", secrets.password(DatabaseSecrets.SUPERUSER))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
                        + " (is another Exotrace using it? set EXOTRACE_DB_URL to use an external server)", e);
            }
            try {
                EmbeddedAccess.enforce(server, dir, secrets);
            } catch (java.sql.SQLException | IOException | RuntimeException e) {
                try {
                    server.close();
                } catch (IOException stop) {
                    e.addSuppressed(stop);
                }
                throw new IllegalStateException("Could not require passwords on the embedded PostgreSQL in " + dir, e);
            }
            return server;
        });
    }
}
