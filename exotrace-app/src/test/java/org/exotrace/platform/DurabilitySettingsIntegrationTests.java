package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.exotrace.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The test suite's throw-away database skips the disk flush ({@code fsync=off}, see
 * {@link IntegrationTest}) but commits synchronously like production, so the tests run the same
 * commit path; {@link CrashRecoveryIntegrationTests} checks the production settings. An external
 * server whose settings can lose acknowledged writes is used, with a warning.
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

    @Test
    void warnsButStartsWhenAnExternalServerAcknowledgesCommitsBeforeTheyAreOnDisk() throws Exception {
        // An administrator's per-role override on an otherwise well-configured server: only SHOW on
        // the application's own connection sees it.
        String role = "durability_probe_" + UUID.randomUUID().toString().substring(0, 8);
        int port = jdbc.sql("select current_setting('port')::int").query(Integer.class).single();
        String password = DatabaseSecrets.generate();
        superuser().sql("create role " + role + " login password '" + password + "'").update();
        superuser().sql("alter role " + role + " set synchronous_commit = off").update();
        Logger logger = (Logger) LoggerFactory.getLogger(DatabaseConfiguration.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (HikariDataSource external = (HikariDataSource) new DatabaseConfiguration().dataSource(
                "jdbc:postgresql://localhost:" + port + "/postgres", role, password, "", "", "unused", 2, java.time.Duration.ofSeconds(3))) {
            assertThat(DurabilitySettings.of(external).synchronousCommit()).isEqualTo("off");
        } finally {
            logger.detachAppender(logged);
            superuser().sql("drop role " + role).update();
        }
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("external server").contains("synchronous_commit is off")
                        .contains("postgresql.conf"));
    }
}
