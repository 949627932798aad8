package org.exotrace.backup;

import org.exotrace.platform.DatabaseOwner;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consistent online backup of the database in one zip file, written over JDBC: the server's own
 * {@code pg_dump} is not shipped by the embedded library and another major version's refuses the
 * server. Everything is read in one {@code REPEATABLE READ READ ONLY} transaction, so the file is
 * one snapshot while the application keeps working: every table of the schema (except Flyway's
 * history, which a restore rebuilds) as {@code COPY ... (FORMAT binary)}, every large object (the
 * stored NTA files; photographs are rows), every sequence's position and the schema version, plus
 * the audit anchor's {@code checkpoints.log} (read before the snapshot, so it never names an entry
 * the snapshot lacks). Never the audit key.
 *
 * <p>The zip is written to a hidden file beside the target, flushed to disk and renamed: a backup that
 * fails leaves no file, or a half one, under the name asked for.
 */
public final class DatabaseBackup {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A backup or restore that cannot proceed because of its input; the message is one line for the person. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private DatabaseBackup() {
    }

    /** Writes the backup to {@code file}, which must not exist yet; {@code progress} receives one line per step. */
    public static BackupManifest write(DatabaseOwner owner, Path anchorDir, Path file, String exotraceVersion, Consumer<String> progress)
            throws IOException, SQLException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) throw new Refused(target + " already exists; choose another name");
        if (!Files.isDirectory(target.getParent())) throw new Refused("there is no folder " + target.getParent());
        byte[] checkpoints = readCheckpoints(anchorDir);
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        boolean written = false;
        try {
            BackupManifest manifest;
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
                zip.setLevel(Deflater.BEST_SPEED);
                manifest = writeEntries(owner, zip, checkpoints, exotraceVersion, progress);
                zip.putNextEntry(new ZipEntry(BackupManifest.MANIFEST_ENTRY));
                zip.write(JSON.writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            written = true;
            return manifest;
        } finally {
            if (!written) Files.deleteIfExists(partial);
        }
    }

    private static byte[] readCheckpoints(Path anchorDir) throws IOException {
        if (anchorDir == null) return null;
        Path log = anchorDir.resolve("checkpoints.log");
        return Files.isRegularFile(log) ? Files.readAllBytes(log) : null;
    }

    private static BackupManifest writeEntries(DatabaseOwner owner, ZipOutputStream zip, byte[] checkpoints, String exotraceVersion,
                                               Consumer<String> progress) throws IOException, SQLException {
        try (Connection c = owner.connect()) {
            c.setAutoCommit(false);
            try (Statement sql = c.createStatement()) {
                sql.execute("set transaction isolation level repeatable read, read only");
            }
            Instant snapshot = Instant.now();
            String schemaVersion = schemaVersion(c);
            List<BackupManifest.Table> tables = new ArrayList<>();
            List<String> names = tableNames(c);
            progress.accept("Backing up " + names.size() + " tables at schema version " + schemaVersion + " (one consistent snapshot)");
            for (String table : names) {
                List<String> columns = columns(c, table);
                String entry = "tables/" + table + ".copy";
                zip.putNextEntry(new ZipEntry(entry));
                Digesting out = new Digesting(zip);
                long rows = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("copy " + quote(table) + " (" + columnList(columns) + ") to stdout (format binary)", out);
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table, columns, rows, entry, out.bytes, out.hex()));
                if (rows > 0) progress.accept("  " + table + ": " + rows + (rows == 1 ? " row" : " rows"));
            }
            List<BackupManifest.LargeObject> objects = new ArrayList<>();
            List<Long> oids = largeObjects(c);
            if (!oids.isEmpty()) progress.accept("Backing up " + (oids.size() == 1 ? "1 stored file" : oids.size() + " stored files") + " (large objects)");
            LargeObjectManager manager = c.unwrap(PGConnection.class).getLargeObjectAPI();
            byte[] buffer = new byte[1 << 16];
            for (long oid : oids) {
                String entry = "large-objects/" + oid;
                zip.putNextEntry(new ZipEntry(entry));
                Digesting out = new Digesting(zip);
                try (LargeObject object = manager.open(oid, LargeObjectManager.READ)) {
                    int n;
                    while ((n = object.read(buffer, 0, buffer.length)) > 0) out.write(buffer, 0, n);
                }
                zip.closeEntry();
                objects.add(new BackupManifest.LargeObject(oid, entry, out.bytes, out.hex()));
                progress.accept("  stored file " + oid + ": " + megabytes(out.bytes));
            }
            List<BackupManifest.Sequence> sequences = sequences(c);
            c.commit();
            BackupManifest.Entry anchored = null;
            if (checkpoints != null) {
                String entry = "anchor/checkpoints.log";
                zip.putNextEntry(new ZipEntry(entry));
                Digesting out = new Digesting(zip);
                out.write(checkpoints);
                zip.closeEntry();
                anchored = new BackupManifest.Entry(entry, out.bytes, out.hex());
                progress.accept("  the audit anchor's checkpoints.log: " + megabytes(out.bytes));
            }
            return new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION, exotraceVersion, schemaVersion, snapshot,
                    tables, objects, sequences, anchored);
        }
    }

    /** The highest version Flyway applied; refuses a database without an Exotrace schema. */
    static String schemaVersion(Connection c) throws SQLException {
        if (!exists(c, "flyway_schema_history")) throw new Refused("the database has no Exotrace schema (no flyway_schema_history)");
        MigrationVersion highest = null;
        try (Statement sql = c.createStatement();
             ResultSet rs = sql.executeQuery("select version from flyway_schema_history where success and version is not null")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (highest == null || v.isNewerThan(highest)) highest = v;
            }
        }
        if (highest == null) throw new Refused("the database has no applied migration");
        return highest.getVersion();
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("select to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)) is not null")) {
            sql.setString(1, table);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The schema's ordinary and partitioned tables except Flyway's history and the open sessions
     * (a restored database must not sign anyone in), by name.
     */
    static List<String> tableNames(Connection c) throws SQLException {
        return strings(c, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                  and c.relname <> 'flyway_schema_history' and c.relname not in ('spring_session', 'spring_session_attributes')
                order by c.relname""", null);
    }

    /** The columns a COPY reads and writes: every live column except generated ones, in table order. */
    static List<String> columns(Connection c, String table) throws SQLException {
        return strings(c, """
                select a.attname from pg_attribute a
                where a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass
                  and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""", table);
    }

    private static List<Long> largeObjects(Connection c) throws SQLException {
        List<Long> oids = new ArrayList<>();
        try (Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery("select oid from pg_largeobject_metadata order by oid")) {
            while (rs.next()) oids.add(rs.getLong(1));
        }
        return oids;
    }

    private static List<BackupManifest.Sequence> sequences(Connection c) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (String name : strings(c, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'S' order by c.relname""", null)) {
            try (Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery("select last_value, is_called from " + quote(name))) {
                rs.next();
                sequences.add(new BackupManifest.Sequence(name, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return sequences;
    }

    private static List<String> strings(Connection c, String query, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement sql = c.prepareStatement(query)) {
            if (parameter != null) sql.setString(1, parameter);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) values.add(rs.getString(1));
            }
        }
        return values;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
    }

    static String megabytes(long bytes) {
        return bytes < 100_000 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes bytes on to the zip entry (never closing it) while counting and hashing them. */
    private static final class Digesting extends FilterOutputStream {
        private final MessageDigest digest = DatabaseBackup.sha256();
        long bytes;

        Digesting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() {
            // the zip entry is closed by its owner
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
