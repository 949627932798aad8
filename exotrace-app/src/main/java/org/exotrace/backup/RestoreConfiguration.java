package org.exotrace.backup;

import org.exotrace.platform.DatabaseOwner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code ./exotrace restore FILE} (property {@code exotrace.restore.file}): the start-up migration
 * becomes the restore ({@link DatabaseRestore}), so it runs with the application's own Flyway
 * configuration and before anything else touches the database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("exotrace.restore.file")
class RestoreConfiguration {

    @Bean
    FlywayMigrationStrategy restoreInsteadOfMigrate(DatabaseOwner owner, @Value("${exotrace.restore.file}") String file, Environment environment) {
        return flyway -> {
            try {
                DatabaseRestore.restore(flyway, owner, Path.of(file), AnchorDirectory.of(environment), System.out::println);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }
}
