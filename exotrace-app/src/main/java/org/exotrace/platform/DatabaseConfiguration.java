package org.exotrace.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The one PostgreSQL data source. With {@code exotrace.db.url} (environment {@code EXOTRACE_DB_URL},
 * plus {@code EXOTRACE_DB_USER} and {@code EXOTRACE_DB_PASSWORD}) it connects to that server;
 * otherwise it starts an embedded PostgreSQL 16 whose data directory lives under
 * {@code exotrace.data-dir} (default {@code ./data}) and survives restarts.
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
                          @Value("${exotrace.data-dir:./data}") String dataDir,
                          @Value("${exotrace.db.pool-size:10}") int poolSize) {
        HikariDataSource ds;
        if (StringUtils.hasText(url)) {
            ds = new HikariDataSource();
            log.info("Using external PostgreSQL at {}", url.replaceAll("password=[^&]*", "password=***"));
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
        } else {
            Path directory = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
            OptionalInt running = SERVERS.containsKey(directory) ? OptionalInt.empty() : runningServerPort(directory);
            if (running.isPresent()) {
                ds = new HikariDataSource();
                log.info("Using the embedded PostgreSQL already running on {} (port {})", directory, running.getAsInt());
                ds.setJdbcUrl("jdbc:postgresql://localhost:" + running.getAsInt() + "/postgres");
            } else {
                EmbeddedLease lease = new EmbeddedLease(directory);
                lease.setJdbcUrl(lease.server.getJdbcUrl("postgres", "postgres"));
                ds = lease;
            }
            ds.setUsername("postgres");
        }
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("exotrace");
        return ds;
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
     * The port of a server that another Exotrace process (e.g. {@code ./exotrace serve}) runs on this
     * data directory, read from PostgreSQL's {@code postmaster.pid} (pid on line 1, port on line 4),
     * so that {@code ./exotrace audit verify} works while the application is running.
     */
    static OptionalInt runningServerPort(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) return OptionalInt.empty();
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) return OptionalInt.empty();
            long pid = Long.parseLong(lines.get(0).strip());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? OptionalInt.of(Integer.parseInt(lines.get(3).strip())) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static EmbeddedPostgres embedded(Path directory) {
        return SERVERS.computeIfAbsent(directory, dir -> {
            try {
                Files.createDirectories(dir.getParent());
                log.info("Starting embedded PostgreSQL with data in {}", dir);
                return EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("fsync", System.getProperty("exotrace.db.fsync", "on"))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
                        + " (is another Exotrace using it? set EXOTRACE_DB_URL to use an external server)", e);
            }
        });
    }
}
