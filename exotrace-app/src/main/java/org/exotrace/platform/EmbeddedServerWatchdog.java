package org.exotrace.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Restarts the embedded PostgreSQL when it dies under a running application (killed, out of memory),
 * so the connection pool reconnects and the application is ready again without being restarted
 * itself. While the server is down, requests are answered 503 "Database unavailable" and the
 * readiness probe is down.
 *
 * <p>Every {@code exotrace.db.watchdog.interval} it reads the server's {@code postmaster.pid}: a file
 * whose process is gone means the server died (a deliberate stop removes the file). It then waits,
 * as a start does, until the dead server's processes have let go of its shared memory
 * ({@link LeftoverServer}), and runs PostgreSQL's own {@code pg_ctl restart}, which starts the
 * server with the command line recorded in {@code postmaster.opts}: the same executable, data
 * directory, port and settings (durability included). PostgreSQL replays its write-ahead log, so
 * every acknowledged write is there. The restarted server writes its messages to
 * {@code restart.log} in its data directory. A restart that fails (the port taken meanwhile) is tried
 * again at the next look, until the server runs.
 *
 * <p>Only a server this application started is watched: not an external server
 * ({@code EXOTRACE_DB_URL}) nor one another Exotrace process runs (that process watches it).
 * {@code exotrace.db.watchdog.enabled=false} switches it off.
 */
@Component
class EmbeddedServerWatchdog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerWatchdog.class);
    static final Duration RESTART_WAIT = Duration.ofSeconds(90);
    /** Several application contexts may share one server (the test suite): one restart at a time per directory. */
    private static final ConcurrentMap<Path, Object> RESTARTS = new ConcurrentHashMap<>();
    /** Directories whose server was seen dead and is not running again yet. */
    private static final java.util.Set<Path> DOWN = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final Duration interval;
    private ScheduledExecutorService executor;

    EmbeddedServerWatchdog(DataSource dataSource, @Value("${exotrace.db.watchdog.enabled:true}") boolean enabled,
                           @Value("${exotrace.db.watchdog.interval:2s}") Duration interval) {
        this.directory = enabled && dataSource instanceof DatabaseConfiguration.EmbeddedLease lease ? lease.directory() : null;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (directory == null || executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::look, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) return;
        executor.shutdownNow();
        try {
            executor.awaitTermination(RESTART_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void look() {
        try {
            synchronized (RESTARTS.computeIfAbsent(directory, d -> new Object())) {
                Optional<LeftoverServer.PidFile> file = LeftoverServer.PidFile.read(directory);
                if (file.isPresent() && running(file.get(), directory)) {
                    if (DOWN.remove(directory)) log.info("The embedded PostgreSQL in {} runs again", directory);
                    return;
                }
                // No pid file: stopped on purpose, unless this watchdog saw it die (a failed start removes the file too).
                if (file.isEmpty() && !DOWN.contains(directory)) return;
                if (DOWN.add(directory)) {
                    log.warn("The embedded PostgreSQL (pid {}) in {} has stopped; restarting it on port {}",
                            file.map(LeftoverServer.PidFile::pid).orElse(-1L), directory, file.map(LeftoverServer.PidFile::port).orElse(-1));
                }
                if (!Thread.currentThread().isInterrupted()) restart(directory);
            }
        } catch (RuntimeException e) {
            log.error("Could not restart the embedded PostgreSQL in {}; trying again in {} s: {}", directory, interval.toSeconds(),
                    e.getMessage());
        }
    }

    /** Whether the pid file's process is alive and is this directory's PostgreSQL. */
    static boolean running(LeftoverServer.PidFile file, Path directory) {
        return ProcessHandle.of(file.pid())
                .filter(p -> p.isAlive() && LeftoverServer.isPostmasterOf(p.info().command(), p.info().arguments(), directory))
                .isPresent();
    }

    private static void restart(Path directory) {
        long began = System.nanoTime();
        LeftoverServer leftover = LeftoverServer.inspect(directory);
        if (leftover.state() == LeftoverServer.State.IN_USE || leftover.state() == LeftoverServer.State.ORPHANED) return;
        leftover.clear();
        Path pgCtl = executable(directory).resolveSibling("pg_ctl");
        List<String> command = new java.util.ArrayList<>();
        // PostgreSQL refuses to run as root; run as root, the embedded library starts it in a user namespace, and so does this.
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) command.addAll(List.of("unshare", "-U"));
        command.addAll(List.of(pgCtl.toString(), "restart", "-D", directory.toString(), "-w", "-t",
                Long.toString(RESTART_WAIT.toSeconds()), "-l", directory.resolve("restart.log").toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // With -l the server writes to its log file, so pg_ctl's output ends when pg_ctl does.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(RESTART_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl restart did not finish within " + RESTART_WAIT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl restart failed (exit " + process.exitValue() + "): " + output
                        + "; the server's messages are in " + directory.resolve("restart.log"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        DOWN.remove(directory);
        Optional<LeftoverServer.PidFile> now = LeftoverServer.PidFile.read(directory);
        log.warn("The embedded PostgreSQL in {} runs again on port {} (pid {}), restarted in {} ms; its messages are in {}", directory,
                now.map(LeftoverServer.PidFile::port).orElse(-1), now.map(LeftoverServer.PidFile::pid).orElse(-1L),
                (System.nanoTime() - began) / 1_000_000, directory.resolve("restart.log"));
    }

    /**
     * The PostgreSQL executable the server ran, the first word of {@code postmaster.opts} (PostgreSQL
     * writes it unquoted, each argument after it in double quotes).
     */
    static Path executable(Path directory) {
        try {
            String opts = Files.readString(directory.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
            return Path.of(executableOf(opts));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot tell how the embedded PostgreSQL in " + directory + " was started", e);
        }
    }

    static String executableOf(String postmasterOpts) {
        int firstArgument = postmasterOpts.indexOf(" \"");
        return firstArgument < 0 ? postmasterOpts.strip() : postmasterOpts.substring(0, firstArgument);
    }
}
