package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.exotrace.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The test suite's throw-away database skips the disk flush ({@code fsync=off}, see
 * {@link IntegrationTest}) but commits synchronously like production, so the tests run the same
 * commit path; {@link CrashRecoveryIntegrationTests} checks the production settings.
 */
class DurabilitySettingsIntegrationTests extends IntegrationTest {

    @Autowired DataSource dataSource;

    @Test
    void theTestDatabaseCommitsSynchronouslyAndOnlySkipsTheDiskFlush() throws Exception {
        DurabilitySettings settings = DurabilitySettings.of(dataSource);
        assertThat(settings.synchronousCommit()).isEqualTo("on");
        assertThat(settings.fullPageWrites()).isEqualTo("on");
        assertThat(settings.fsync()).isEqualTo("off");
        assertThat(settings.risks()).singleElement().asString().startsWith("fsync is off");
    }
}
