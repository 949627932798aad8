package org.exotrace.backup;

import java.time.Instant;
import java.util.List;

/**
 * What a backup file ({@code manifest.json} inside the zip) says it holds: enough to refuse a file
 * that is not a backup or comes from a newer format, to migrate the target to the backup's schema
 * version before loading, and to check every entry (rows, bytes, SHA-256) while loading it.
 *
 * @param format         always {@link #FORMAT}
 * @param formatVersion  {@link #FORMAT_VERSION} when written; a restore refuses a higher one
 * @param exotraceVersion the version of Exotrace that wrote it
 * @param schemaVersion  the highest Flyway version applied to the database when it was written
 * @param createdAt      when the backup's snapshot was taken
 * @param tables         every table of the schema except Flyway's history, in COPY binary format
 * @param largeObjects   every large object (stored NTA files), by its oid
 * @param sequences      every sequence's position
 * @param checkpoints    the audit anchor's {@code checkpoints.log}, or null when there was none
 */
public record BackupManifest(String format, int formatVersion, String exotraceVersion, String schemaVersion, Instant createdAt,
                             List<Table> tables, List<LargeObject> largeObjects, List<Sequence> sequences, Entry checkpoints) {

    public static final String FORMAT = "exotrace-backup";
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST_ENTRY = "manifest.json";

    /** A table's rows: the columns in the order of the COPY data. */
    public record Table(String name, List<String> columns, long rows, String entry, long bytes, String sha256) {
    }

    public record LargeObject(long oid, String entry, long bytes, String sha256) {
    }

    public record Sequence(String name, long lastValue, boolean isCalled) {
    }

    public record Entry(String entry, long bytes, String sha256) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
