package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.exotrace.platform.LeftoverServer.PidFile;
import org.exotrace.platform.LeftoverServer.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseConfigurationUnitTest {

    @Test
    void readsPidPortAndSharedMemoryIdFromThePidFile() {
        List<String> lines = List.of("13542", "/srv/exotrace/data/postgres", "1796586072", "35527", "/tmp", "localhost",
                "  2155203        19", "ready   ");
        assertThat(PidFile.parse(lines)).contains(new PidFile(13542, 35527, java.util.OptionalInt.of(19)));
    }

    @Test
    void aTruncatedOrGarbledPidFileIsNoServer() {
        assertThat(PidFile.parse(List.of("13542", "/srv/data"))).isEmpty();
        assertThat(PidFile.parse(List.of("x", "/srv/data", "1", "5432"))).isEmpty();
    }

    @Test
    void startsItsOwnServerWhenThereIsNoPidFile(@TempDir Path dir) {
        assertThat(LeftoverServer.inspect(dir).state()).isEqualTo(State.NONE);
    }

    @Test
    void aPidFileWhoseProcessIsGoneIsStale(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve("postmaster.pid"), gone.pid() + "\n" + dir + "\n1\n5432\n");
        assertThat(LeftoverServer.inspect(dir).state()).isEqualTo(State.STALE);
    }

    @Test
    void aPidFileNamingALiveProcessThatIsNotPostgresIsStaleAndClearingRemovesIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n1\n5432\n");
        LeftoverServer leftover = LeftoverServer.inspect(dir);
        assertThat(leftover.state()).isEqualTo(State.STALE);
        leftover.clear();
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aLiveServerIsInUseWhileItsStarterHoldsTheLockAndOrphanedOnceTheLockIsFree() {
        assertThat(LeftoverServer.classify(true, true, true)).isEqualTo(State.IN_USE);
        assertThat(LeftoverServer.classify(true, true, false)).isEqualTo(State.ORPHANED);
        assertThat(LeftoverServer.classify(true, false, false)).isEqualTo(State.STALE);
        assertThat(LeftoverServer.classify(false, false, false)).isEqualTo(State.NONE);
    }

    @Test
    void recognisesThePostmasterOfThisDirectoryByExecutableAndDataDirectory() {
        Path dir = Path.of("/srv/exotrace/data/postgres");
        String postgres = "/tmp/embedded-pg/PG-72e2/bin/postgres";
        assertThat(LeftoverServer.isPostmasterOf(Optional.of(postgres),
                Optional.of(new String[] {"-D", dir.toString(), "-p", "35527", "-c", "fsync=on"}), dir)).isTrue();
        assertThat(LeftoverServer.isPostmasterOf(Optional.of(postgres),
                Optional.of(new String[] {"-D", "/var/lib/postgresql/16/main"}), dir)).isFalse();
        assertThat(LeftoverServer.isPostmasterOf(Optional.of("/usr/bin/java"), Optional.of(new String[] {"-jar", "x.jar"}), dir)).isFalse();
        assertThat(LeftoverServer.isPostmasterOf(Optional.empty(), Optional.empty(), dir)).as("unknown: assumed ours").isTrue();
    }

    @Test
    void anEpgLockNobodyHoldsIsFreeAndAHeldOneIsNot(@TempDir Path dir) throws Exception {
        assertThat(LeftoverServer.lockHeldByAnotherProcess(dir)).as("no lock file: someone else's server").isTrue();
        Files.createFile(dir.resolve("epg-lock"));
        assertThat(LeftoverServer.lockHeldByAnotherProcess(dir)).isFalse();
        try (FileChannel holder = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.WRITE); var lock = holder.lock()) {
            assertThat(LeftoverServer.lockHeldByAnotherProcess(dir)).isTrue();
        }
    }

    @Test
    void countsTheProcessesAttachedToASharedMemorySegment() {
        List<String> table = List.of(
                "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap",
                "   2146601         14   600                    56  9533 13322     16     0     0     0     0 1796586062 1796586062 1796585882                  4096                     0",
                "   2155203         19   600                    56 13542 13565      0     0     0     0     0 1796586073 1796586078 1796586072                  4096                     0");
        assertThat(LeftoverServer.attachedProcesses(table, 14)).isEqualTo(16);
        assertThat(LeftoverServer.attachedProcesses(table, 19)).isZero();
        assertThat(LeftoverServer.attachedProcesses(table, 99)).as("segment gone").isZero();
    }

    @Test
    void durabilitySettingsNameEveryRiskToAcknowledgedWrites() {
        assertThat(new DurabilitySettings("on", "on", "on", "fdatasync").risks()).isEmpty();
        assertThat(new DurabilitySettings("local", "on", "on", "fdatasync").risks()).as("local still flushes locally").isEmpty();
        assertThat(new DurabilitySettings("off", "off", "off", "fdatasync").risks())
                .satisfiesExactly(r -> assertThat(r).startsWith("synchronous_commit is off"),
                        r -> assertThat(r).startsWith("fsync is off"),
                        r -> assertThat(r).startsWith("full_page_writes is off"));
    }

    @Test
    void embeddedFsyncIsOnUnlessTheTestSwitchSaysOff() {
        String before = System.getProperty("exotrace.db.fsync");
        try {
            System.clearProperty("exotrace.db.fsync");
            assertThat(DatabaseConfiguration.embeddedFsync()).isEqualTo("on");
            System.setProperty("exotrace.db.fsync", "false");
            assertThat(DatabaseConfiguration.embeddedFsync()).as("only the word off turns it off").isEqualTo("on");
            System.setProperty("exotrace.db.fsync", "off");
            assertThat(DatabaseConfiguration.embeddedFsync()).isEqualTo("off");
        } finally {
            if (before == null) System.clearProperty("exotrace.db.fsync");
            else System.setProperty("exotrace.db.fsync", before);
        }
    }
}
