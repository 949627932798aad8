package org.exotrace.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Opens the audit anchor directory ({@code exotrace.audit.anchor-dir}, environment
 * {@code EXOTRACE_ANCHOR_DIR}, default {@code ./anchor}) and schedules the checkpoints.
 *
 * <p>A new key is created only for a chain the key has never signed: when the database holds
 * signed entries (or the directory holds checkpoints) but the key file is missing, the start is
 * refused, since a new key would make the whole trail look forged; the anchor directory has to be
 * restored from its backup or the property pointed at it. An anchor directory inside the data
 * directory is warned about: whoever copies or steals the data directory then has the key too.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditAnchorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchorConfiguration.class);

    @Bean
    AuditAnchor auditAnchor(@Value("${exotrace.audit.anchor-dir:./anchor}") String anchorDir,
                            @Value("${exotrace.data-dir:./data}") String dataDir, JdbcClient jdbc) {
        Path anchor = canonical(Path.of(anchorDir));
        Path data = canonical(Path.of(dataDir));
        if (anchor.startsWith(data)) {
            log.warn("The audit anchor directory {} lies inside the data directory {}: whoever holds a copy of the data holds the"
                    + " audit key too and can re-sign a rewritten audit trail. Set exotrace.audit.anchor-dir (EXOTRACE_ANCHOR_DIR)"
                    + " to a directory outside it.", anchor, data);
        }
        if (!AuditAnchor.hasKey(anchor)) {
            long signed = jdbc.sql("select count(*) from audit_entry where mac is not null").query(Long.class).single();
            boolean checkpoints = Files.exists(anchor.resolve(AuditAnchor.CHECKPOINTS_FILE));
            if (signed > 0 || checkpoints) {
                throw new IllegalStateException("The audit key " + anchor.resolve(AuditAnchor.KEY_FILE) + " is missing, but "
                        + (signed > 0 ? "the audit trail holds " + signed + " entries signed with it" : "checkpoints signed with it are there")
                        + ". A new key would make the whole trail look forged: restore the anchor directory from its backup,"
                        + " or point exotrace.audit.anchor-dir (EXOTRACE_ANCHOR_DIR) at it.");
            }
            AuditAnchor created = AuditAnchor.open(anchor);
            log.info("Created the audit key {}. Back it up separately from the data (never into the data directory): without it"
                    + " the audit trail can no longer be verified.", created.directory().resolve(AuditAnchor.KEY_FILE));
            return created;
        }
        return AuditAnchor.open(anchor);
    }

    /** The absolute path with symbolic links resolved as far as the path exists, so a link cannot hide that one lies in the other. */
    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return absolute;
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
