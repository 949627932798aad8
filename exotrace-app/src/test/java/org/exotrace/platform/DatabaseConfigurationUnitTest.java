package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseConfigurationUnitTest {

    @Test
    void findsThePortOfAServerAnotherLiveProcessRunsOnTheDataDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n1795380411\n43339\n/tmp\nlocalhost\n");
        assertThat(DatabaseConfiguration.runningServerPort(dir)).hasValue(43339);
    }

    @Test
    void ignoresAStalePidFileWhoseProcessIsGone(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve("postmaster.pid"), gone.pid() + "\n" + dir + "\n1\n5432\n");
        assertThat(DatabaseConfiguration.runningServerPort(dir)).isEmpty();
    }

    @Test
    void startsItsOwnServerWhenThereIsNoPidFile(@TempDir Path dir) {
        assertThat(DatabaseConfiguration.runningServerPort(dir)).isEmpty();
    }
}
