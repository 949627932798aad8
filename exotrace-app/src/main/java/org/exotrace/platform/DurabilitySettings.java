package org.exotrace.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * The settings that decide whether a write PostgreSQL acknowledged survives a crash, as the server
 * reports them to the application's own connection ({@code SHOW}), so a per-database or per-role
 * override ({@code ALTER ROLE ... SET synchronous_commit = off}) is seen too.
 *
 * <ul>
 *   <li>{@code synchronous_commit}: with {@code off} a commit is acknowledged before its WAL record
 *       reaches the disk; a crash of the server loses up to three times {@code wal_writer_delay}
 *       of acknowledged transactions, audit entries included. Any other value waits for the local
 *       WAL flush.</li>
 *   <li>{@code fsync}: with {@code off} nothing is forced to disk; an operating-system crash or power
 *       cut can lose or corrupt the whole database.</li>
 *   <li>{@code full_page_writes}: with {@code off} a page half-written at a power cut cannot be repaired
 *       from the WAL.</li>
 * </ul>
 */
record DurabilitySettings(String synchronousCommit, String fsync, String fullPageWrites, String walSyncMethod) {

    /** Reads the effective settings through one connection of the pool. */
    static DurabilitySettings of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return new DurabilitySettings(show(statement, "synchronous_commit"), show(statement, "fsync"),
                    show(statement, "full_page_writes"), show(statement, "wal_sync_method"));
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("show " + setting)) {
            return rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : "unknown";
        }
    }

    /** What can lose or corrupt acknowledged writes, one sentence each; empty when every write is durable. */
    List<String> risks() {
        List<String> risks = new ArrayList<>();
        if (synchronousCommit.equals("off")) {
            risks.add("synchronous_commit is off: a crash of the database server loses the last transactions it acknowledged,"
                    + " audit entries included");
        }
        if (fsync.equals("off")) {
            risks.add("fsync is off: an operating-system crash or power cut can lose or corrupt the database");
        }
        if (fullPageWrites.equals("off")) {
            risks.add("full_page_writes is off: a page torn by a power cut cannot be repaired");
        }
        return risks;
    }

    String summary() {
        return "synchronous_commit=" + synchronousCommit + ", fsync=" + fsync + ", full_page_writes=" + fullPageWrites
                + ", wal_sync_method=" + walSyncMethod;
    }

    /** One INFO line with the settings; a WARN per risk, saying what to change. */
    void log(Logger log, String server, String remedy) {
        log.info("PostgreSQL durability ({}): {}", server, summary());
        for (String risk : risks()) {
            log.warn("PostgreSQL ({}) does not make every acknowledged write durable: {}. {}", server, risk, remedy);
        }
    }
}
