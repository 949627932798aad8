package org.exotrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * {@code ./exotrace backup FILE} and {@code ./exotrace restore FILE}: the demo data (with its stored
 * NTA files) plus a photograph are backed up while the application runs, restored into a new data
 * directory (a second embedded server), and found there row for row and byte for byte, with an
 * intact audit trail. Bad input and a database that is not empty are refused with one line.
 */
@SpringBootTest(properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class BackupRestoreIntegrationTests extends IntegrationTest {

    private final Path work = Path.of("target", "backup-tests-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();

    @Value("${exotrace.audit.anchor-dir:anchor}") String anchorDir;

    @Test
    void aBackupRestoredIntoANewDataDirectoryHasEveryRowAndStoredFileAndAnIntactAuditTrail() throws Exception {
        addPhotograph();
        Files.createDirectories(work);
        Map<String, Long> rows = rowCounts(superuser());
        Map<Long, String> files = largeObjectHashes(superuser());
        Map<String, String> photographs = photographHashes(superuser());
        assertThat(files).as("the demo's NTA files").isNotEmpty();
        assertThat(photographs).isNotEmpty();
        assertThat(rows.get("audit_entry")).isPositive();

        Path backup = work.resolve("exotrace-backup.zip");
        Run made = cli("backup", backup.toString());
        assertThat(made.code()).as(made.toString()).isZero();
        assertThat(made.out()).contains("Backup written to " + backup).contains("audit.key");
        assertThat(backup).isRegularFile();
        try (var listed = Files.list(work)) {
            assertThat(listed.map(p -> p.getFileName().toString())).as("no partial file beside it").containsExactly("exotrace-backup.zip");
        }

        Path data = work.resolve("restored-data");
        Path anchor = work.resolve("restored-anchor");
        Path key = Path.of(anchorDir).resolve("audit.key");
        if (Files.isRegularFile(key)) {
            // kept apart from the backups, as the README says, and put back before the restore
            Files.createDirectories(anchor);
            Files.copy(key, anchor.resolve("audit.key"));
        }
        Path damaged = damagedCopy(backup, "tables/patient_photograph.copy");
        Run failed = cli("restore", damaged.toString(), "--exotrace.data-dir=" + data, "--exotrace.audit.anchor-dir=" + anchor);
        assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("rolled back").hasLineCount(1);

        // the failed load left the new database empty, so the good backup goes in
        Run restored = cli("restore", backup.toString(), "--exotrace.data-dir=" + data, "--exotrace.audit.anchor-dir=" + anchor);
        assertThat(restored.code()).as(restored.toString()).isZero();
        assertThat(restored.out()).contains("Restored.").containsIgnoringCase("intact");

        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres")).setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .setConnectConfig("password", Files.readString(data.resolve("secrets/postgres.password")).strip()).start()) {
            JdbcClient copy = JdbcClient.create(server.getPostgresDatabase(Map.of("password",
                    Files.readString(data.resolve("secrets/postgres.password")).strip())));
            assertThat(rowCounts(copy)).isEqualTo(rows);
            assertThat(largeObjectHashes(copy)).isEqualTo(files);
            assertThat(photographHashes(copy)).isEqualTo(photographs);
            assertThat(copy.sql("select last_value from patient_number").query(Long.class).single())
                    .isEqualTo(superuser().sql("select last_value from patient_number").query(Long.class).single());
            JdbcClient application = JdbcClient.create(server.getDatabase("exotrace_app", "postgres", Map.of("password",
                    Files.readString(data.resolve("secrets/exotrace_app.password")).strip())));
            assertThat(largeObjectHashes(application)).as("the application reads every restored file").isEqualTo(files);
        }
    }

    @Test
    void refusesToRestoreIntoADatabaseThatIsNotEmpty() throws Exception {
        Files.createDirectories(work);
        Path backup = work.resolve("small.zip");
        assertThat(cli("backup", backup.toString()).code()).isZero();
        List<Long> before = counts("account", "audit_entry", "donor");

        Run refused = cli("restore", backup.toString(), "--exotrace.data-dir=" + DATA_DIR);

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip()).doesNotContain("\n").contains("not empty").contains("no account, no audit entry");
        assertThat(counts("account", "audit_entry", "donor")).isEqualTo(before);
    }

    @Test
    void refusesAMissingFileAFileThatIsNotABackupAndANewerFormatWithOneLine() throws Exception {
        Files.createDirectories(work);
        Run missing = cli("restore", work.resolve("nothing-here.zip").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("exotrace: there is no file").hasLineCount(1);

        Path text = Files.writeString(work.resolve("notes.txt"), "not a backup");
        Run notABackup = cli("restore", text.toString());
        assertThat(notABackup.code()).isEqualTo(2);
        assertThat(notABackup.err()).contains("is not an Exotrace backup").hasLineCount(1);

        Path newer = work.resolve("newer.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(newer))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("""
                    {"format": "exotrace-backup", "formatVersion": 99, "exotraceVersion": "9.0", "schemaVersion": "9999",
                     "createdAt": "2030-01-01T00:00:00Z", "tables": [], "largeObjects": [], "sequences": []}"""
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Run fromTheFuture = cli("restore", newer.toString());
        assertThat(fromTheFuture.code()).isEqualTo(2);
        assertThat(fromTheFuture.err()).contains("format 99").contains("Exotrace 9.0").hasLineCount(1);

        Run overwrite = cli("backup", text.toString());
        assertThat(overwrite.code()).isEqualTo(2);
        assertThat(overwrite.err()).contains("already exists");
        assertThat(Files.readString(text)).isEqualTo("not a backup");
    }

    /** A copy of the backup with one byte of one entry changed, as a bad disk or a bad copy would leave it. */
    private Path damagedCopy(Path backup, String damagedEntry) throws Exception {
        Path damaged = work.resolve("damaged.zip");
        try (ZipFile original = new ZipFile(backup.toFile()); ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (ZipEntry entry : java.util.Collections.list(original.entries())) {
                byte[] content = original.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(damagedEntry)) content[content.length - 20] ^= 0x01;
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return damaged;
    }

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ExotraceApplication.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Run run = new Run(code, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        out.print(run.out());
        err.print(run.err());
        return run;
    }

    /** Rows per table, except Flyway's history and the open sessions, which a backup leaves out (a restore signs nobody in). */
    private static Map<String, Long> rowCounts(JdbcClient db) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : db.sql("""
                        select tablename from pg_tables where schemaname = 'public'
                          and tablename not in ('flyway_schema_history', 'spring_session', 'spring_session_attributes')""")
                .query(String.class).list()) {
            counts.put(table, db.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
        }
        return counts;
    }

    private static Map<Long, String> largeObjectHashes(JdbcClient db) {
        Map<Long, String> hashes = new TreeMap<>();
        for (long oid : db.sql("select oid::bigint from pg_largeobject_metadata").query(Long.class).list()) {
            hashes.put(oid, sha256(db.sql("select lo_get(?::oid)").param(oid).query(byte[].class).single()));
        }
        return hashes;
    }

    private static Map<String, String> photographHashes(JdbcClient db) {
        Map<String, String> hashes = new TreeMap<>();
        db.sql("select id::text, content from patient_photograph").query((rs, n) -> hashes.put(rs.getString(1), sha256(rs.getBytes(2)))).list();
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addPhotograph() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        String patient = clinics.patient(clinics.clinic("KR", doctor), doctor, "melasma");
        postJson("/api/patients/" + patient + "/consents", doctor, """
                {"kind": "PHOTOGRAPHS", "formVersion": "PH-1", "signedOn": "%s", "signedBy": "the patient"}"""
                .formatted(LocalDate.now().minusDays(10))).andExpect(status().isCreated());
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 5, 0xC08040);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        mvc.perform(multipart("/api/patients/" + patient + "/photographs")
                        .file(new MockMultipartFile("file", "baseline.png", "image/png", png.toByteArray())).with(doctor.basic())
                        .param("view", "FRONTAL").param("takenOn", LocalDate.now().minusDays(1).toString()).param("visitLabel", "Baseline"))
                .andExpect(status().isCreated());
    }
}
