package org.exotrace.backup;

import org.exotrace.platform.DatabaseOwner;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import tools.jackson.core.JacksonException;

/**
 * Loads a {@link DatabaseBackup} into an empty database: migrates it to the backup's schema version,
 * loads every table, large object and sequence as the owner with triggers off
 * ({@code session_replication_role = replica}, so the audit trail's append-only guard and the foreign
 * keys accept the rows as they were), in one transaction, checking each entry's rows, bytes and
 * SHA-256 against the manifest; then applies this version's newer migrations. A failure rolls the
 * load back: the database is left migrated but empty, and the restore can be run again.
 *
 * <p><b>Empty</b> means: no Exotrace schema yet, or one with no account, no audit entry and no stored
 * file (only the rows the migrations seed, which the backup's rows replace).
 */
public final class DatabaseRestore {

    public static final String EMPTY = "a database is empty when it has no Exotrace tables, or has them with no account,"
            + " no audit entry and no stored file";

    private DatabaseRestore() {
    }

    /** The backup's manifest, or {@link DatabaseBackup.Refused} when the file is missing, not a backup or of a newer format. */
    public static BackupManifest inspect(Path file) {
        if (!Files.isRegularFile(file)) throw new DatabaseBackup.Refused("there is no file " + file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(BackupManifest.MANIFEST_ENTRY);
            if (entry == null) throw notABackup(file);
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = DatabaseBackup.JSON.readValue(in.readAllBytes(), BackupManifest.class);
            }
            if (!BackupManifest.FORMAT.equals(manifest.format()) || manifest.tables() == null || manifest.schemaVersion() == null) {
                throw notABackup(file);
            }
            if (manifest.formatVersion() > BackupManifest.FORMAT_VERSION) {
                throw new DatabaseBackup.Refused(file + " is a backup of format " + manifest.formatVersion() + ", written by Exotrace "
                        + manifest.exotraceVersion() + "; this version reads format " + BackupManifest.FORMAT_VERSION + " at most");
            }
            for (String name : entryNames(manifest)) {
                if (zip.getEntry(name) == null) throw new DatabaseBackup.Refused(file + " is incomplete: it lacks " + name);
            }
            return manifest;
        } catch (ZipException | JacksonException e) {
            throw notABackup(file);
        } catch (IOException e) {
            throw new DatabaseBackup.Refused("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static DatabaseBackup.Refused notABackup(Path file) {
        return new DatabaseBackup.Refused(file + " is not an Exotrace backup");
    }

    private static List<String> entryNames(BackupManifest m) {
        return java.util.stream.Stream.of(
                        m.tables().stream().map(BackupManifest.Table::entry),
                        m.largeObjects() == null ? java.util.stream.Stream.<String>empty() : m.largeObjects().stream().map(BackupManifest.LargeObject::entry),
                        m.checkpoints() == null ? java.util.stream.Stream.<String>empty() : java.util.stream.Stream.of(m.checkpoints().entry()))
                .flatMap(s -> s).toList();
    }

    /**
     * The whole restore, run by Flyway's start-up migration in place of a plain {@code migrate}:
     * refuses a database that is not {@link #EMPTY empty} or a backup newer than this version's migrations.
     */
    static void restore(Flyway flyway, DatabaseOwner owner, Path file, Path anchorDir, Consumer<String> progress) throws IOException, SQLException {
        BackupManifest manifest = inspect(file);
        try (Connection c = owner.connect()) {
            String refusal = notEmpty(c);
            if (refusal != null) {
                throw new DatabaseBackup.Refused("the target database is not empty (" + refusal + "); restore only into a new data"
                        + " directory (set EXOTRACE_DATA_DIR to an empty folder): " + EMPTY);
            }
        }
        MigrationVersion backupVersion = MigrationVersion.fromVersion(manifest.schemaVersion());
        MigrationVersion newest = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        if (backupVersion.isNewerThan(newest)) {
            throw new DatabaseBackup.Refused(file + " was written by a newer Exotrace (" + manifest.exotraceVersion() + ", schema "
                    + backupVersion + "; this version knows schema " + newest + " at most)");
        }
        progress.accept("Creating the schema up to the backup's version " + backupVersion);
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .target(backupVersion).load().migrate();
        load(owner, file, manifest, progress);
        progress.accept("Applying this version's newer migrations, if any");
        flyway.migrate();
        restoreCheckpoints(file, manifest, anchorDir, progress);
    }

    /** Why the database is not empty, or null when it is. */
    static String notEmpty(Connection c) throws SQLException {
        if (!DatabaseBackup.exists(c, "flyway_schema_history")) return null;
        long accounts = DatabaseBackup.exists(c, "account") ? count(c, "select count(*) from account") : 0;
        long entries = DatabaseBackup.exists(c, "audit_entry") ? count(c, "select count(*) from audit_entry") : 0;
        long files = count(c, "select count(*) from pg_largeobject_metadata");
        if (accounts + entries + files == 0) return null;
        return accounts + " accounts, " + entries + " audit entries, " + files + " stored files (large objects)";
    }

    private static long count(Connection c, String query) throws SQLException {
        try (Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void load(DatabaseOwner owner, Path file, BackupManifest manifest, Consumer<String> progress) throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(file.toFile()); Connection c = owner.connect()) {
            c.setAutoCommit(false);
            try {
                try (Statement sql = c.createStatement()) {
                    sql.execute("set local session_replication_role = replica");
                }
                progress.accept("Loading " + manifest.tables().size() + " tables (" + manifest.totalRows() + " rows)");
                for (BackupManifest.Table table : manifest.tables()) {
                    if (!DatabaseBackup.exists(c, table.name())) {
                        throw new IllegalStateException("the backup has a table " + table.name() + " that schema " + manifest.schemaVersion()
                                + " here does not have");
                    }
                    try (Statement sql = c.createStatement()) {
                        sql.execute("delete from " + DatabaseBackup.quote(table.name()));
                    }
                    long rows;
                    Checked in = new Checked(zip.getInputStream(zip.getEntry(table.entry())));
                    try (in) {
                        rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + DatabaseBackup.quote(table.name()) + " ("
                                + DatabaseBackup.columnList(table.columns()) + ") from stdin (format binary)", in);
                    }
                    in.expect(table.entry(), table.bytes(), table.sha256());
                    if (rows != table.rows()) {
                        throw new IllegalStateException(table.entry() + " held " + rows + " rows, the manifest says " + table.rows());
                    }
                    if (rows > 0) progress.accept("  " + table.name() + ": " + rows + (rows == 1 ? " row" : " rows"));
                }
                List<BackupManifest.LargeObject> objects = manifest.largeObjects() == null ? List.of() : manifest.largeObjects();
                if (!objects.isEmpty()) progress.accept("Loading " + (objects.size() == 1 ? "1 stored file" : objects.size() + " stored files") + " (large objects)");
                LargeObjectManager manager = c.unwrap(PGConnection.class).getLargeObjectAPI();
                byte[] buffer = new byte[1 << 16];
                for (BackupManifest.LargeObject object : objects) {
                    try (PreparedStatement sql = c.prepareStatement("select lo_create(?)")) {
                        sql.setLong(1, object.oid());
                        sql.executeQuery().close();
                    }
                    Checked in = new Checked(zip.getInputStream(zip.getEntry(object.entry())));
                    try (in; LargeObject target = manager.open(object.oid(), LargeObjectManager.WRITE)) {
                        int n;
                        while ((n = in.read(buffer)) > 0) target.write(buffer, 0, n);
                    }
                    in.expect(object.entry(), object.bytes(), object.sha256());
                    progress.accept("  stored file " + object.oid() + ": " + DatabaseBackup.megabytes(object.bytes()));
                }
                for (BackupManifest.Sequence sequence : manifest.sequences() == null ? List.<BackupManifest.Sequence>of() : manifest.sequences()) {
                    try (PreparedStatement sql = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                        sql.setString(1, DatabaseBackup.quote(sequence.name()));
                        sql.setLong(2, sequence.lastValue());
                        sql.setBoolean(3, sequence.isCalled());
                        sql.executeQuery().close();
                    }
                }
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void restoreCheckpoints(Path file, BackupManifest manifest, Path anchorDir, Consumer<String> progress) throws IOException {
        if (manifest.checkpoints() == null || anchorDir == null) return;
        Path log = anchorDir.resolve("checkpoints.log");
        if (Files.exists(log)) {
            progress.accept("Kept the checkpoints.log already in " + anchorDir + " (the backup's copy was not written over it)");
            return;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Checked in = new Checked(zip.getInputStream(zip.getEntry(manifest.checkpoints().entry())));
            byte[] content;
            try (in) {
                content = in.readAllBytes();
            }
            in.expect(manifest.checkpoints().entry(), manifest.checkpoints().bytes(), manifest.checkpoints().sha256());
            if (!Files.isDirectory(anchorDir)) {
                Files.createDirectories(anchorDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.write(log, content);
            progress.accept("Wrote the audit anchor's checkpoints.log to " + anchorDir);
        }
    }

    /** Counts and hashes what is read, to compare with the manifest once the entry is used up. */
    private static final class Checked extends FilterInputStream {
        private final MessageDigest digest = DatabaseBackup.sha256();
        private long bytes;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                bytes += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            return 0;
        }

        void expect(String entry, long expectedBytes, String expectedSha256) {
            String sha = HexFormat.of().formatHex(digest.digest());
            if (bytes != expectedBytes || !sha.equals(expectedSha256)) {
                throw new IllegalStateException(entry + " in the backup is damaged (" + bytes + " bytes, SHA-256 " + sha
                        + "; the manifest says " + expectedBytes + " bytes, " + expectedSha256 + ")");
            }
        }
    }
}
