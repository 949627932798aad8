package org.exotrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.exotrace.IntegrationTest;
import org.exotrace.audit.AuditAnchor.Checkpoint;
import org.exotrace.audit.AuditTrail.Verification;
import org.exotrace.audit.AuditTrail.Verification.Break;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail anchored outside the database: entries signed with a key the database never
 * holds, checkpoints of the chain in a file beside it. The two attacks of a database superuser,
 * wiping the trail with TRUNCATE and rewriting an entry with every later hash recomputed, are
 * played here and caught, and every break is reported, not only the first.
 *
 * <p>The database and the anchor directory are shared by the whole JVM: every attack runs in a
 * transaction that is rolled back (TRUNCATE included, which PostgreSQL rolls back too), a forged
 * checkpoint is written into a copy of the anchor directory, and the real chain is verified intact
 * afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditAnchoringIntegrationTests extends IntegrationTest {

    @Autowired AuditTrail trail;
    @Autowired AuditAnchor anchor;
    @Autowired AuditCheckpoints checkpoints;

    @TempDir Path scratch;
    TestUser analyst;

    @BeforeEach
    void analyst() {
        analyst = user(Role.LAB_ANALYST);
    }

    @Test
    void everyNewEntryIsSignedWithTheKeyInTheSameInsert() throws Exception {
        long seq = seqOf(registerDonor());

        record Signed(String hash, String mac) {}
        Signed entry = jdbc.sql("select hash, mac from audit_entry where seq = ?").param(seq)
                .query((rs, n) -> new Signed(rs.getString(1), rs.getString(2))).single();
        assertThat(entry.mac()).isEqualTo(anchor.mac(entry.hash())).isNotEqualTo(entry.hash()).hasSize(64);
    }

    @Test
    void changesAppendedInBulkAreLinkedAndSignedLikeSingleOnesAndMoveTheHeadOnce() {
        int count = 1203; // three insert statements
        List<RecordChanged> changes = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> RecordChanged.changed("donor", "BULK-" + i, "UPDATE", null, java.util.Map.of("n", i), "bulk"))
                .toList();

        transaction().executeWithoutResult(tx -> {
            long before = jdbc.sql("select seq from audit_head").query(Long.class).single();
            long last = trail.appendAll(changes);
            assertThat(last).isEqualTo(before + count);
            assertThat(jdbc.sql("select seq from audit_head").query(Long.class).single()).isEqualTo(last);
            assertThat(jdbc.sql("select hash from audit_head").query(String.class).single()).isEqualTo(hashOf(last));
            assertThat(jdbc.sql("select mac from audit_entry where seq = ?").param(last).query(String.class).single())
                    .isEqualTo(anchor.mac(hashOf(last)));
            Verification verification = new ChainVerifier(jdbc, anchor, 500).verify(false).verification();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(last);
            tx.setRollbackOnly();
        });
    }

    @Test
    void theHeadIsCheckpointedOnceAfterItMoved() throws Exception {
        registerDonor();
        AuditAnchor copy = copyOfTheAnchor(); // its own checkpoints, out of reach of the application's periodic task
        AuditCheckpoints copyCheckpoints = new AuditCheckpoints(jdbc, copy, transactionManager);
        copyCheckpoints.start();
        copyCheckpoints.checkpoint(Checkpoint.Source.INTERVAL);
        long seq = seqOf(registerDonor());

        assertThat(copyCheckpoints.checkpoint(Checkpoint.Source.INTERVAL)).isTrue();
        assertThat(copyCheckpoints.checkpoint(Checkpoint.Source.INTERVAL)).as("the head did not move").isFalse();
        AuditAnchor.Line last = copy.lines().get(copy.lines().size() - 1);
        assertThat(last.valid()).isTrue();
        assertThat(last.checkpoint().source()).isEqualTo(Checkpoint.Source.INTERVAL);
        assertThat(last.checkpoint().seq()).isEqualTo(seq);
        assertThat(last.checkpoint().hash()).isEqualTo(hashOf(seq));
    }

    @Test
    void aVerificationThatFindsTheChainIntactCheckpointsItsHead() throws Exception {
        AuditAnchor copy = copyOfTheAnchor();
        AuditCheckpoints copyCheckpoints = new AuditCheckpoints(jdbc, copy, transactionManager);
        copyCheckpoints.start();
        AuditTrail verifier = new AuditTrail(jdbc, copy, copyCheckpoints, transactionManager);
        long seq = seqOf(registerDonor());

        Verification verification = verifier.verify();

        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.checkpointsChecked()).isPositive();
        assertThat(verification.summary()).endsWith(verification.checkpointsChecked() + " checkpoints outside the database agree.");
        AuditAnchor.Line last = copy.lines().get(copy.lines().size() - 1);
        assertThat(last.checkpoint().source()).isEqualTo(Checkpoint.Source.VERIFIED);
        assertThat(last.checkpoint().seq()).isGreaterThanOrEqualTo(seq);
        assertThat(transaction().execute(tx -> verifier.verify()).intact()).isTrue();
        assertThat(copy.lines().get(copy.lines().size() - 1)).as("a verification inside a caller's transaction writes no checkpoint")
                .isEqualTo(last);
    }

    @Test
    void aTruncatedTrailIsReportedAsWipedEntries() throws Exception {
        registerDonor();
        assertThat(trail.verify().intact()).isTrue();
        long checkpointed = highestCheckpoint();

        Verification wiped = asRolledBackSuperuser(db -> {
            db.sql("set local session_replication_role = replica").update(); // no trigger fires, the statement ones included
            db.sql("truncate audit_entry").update();
            db.sql("truncate audit_head").update();
            assertThat(db.sql("select count(*) from audit_entry").query(Long.class).single()).isZero();
            return new ChainVerifier(db, anchor).verify(false).verification();
        });

        assertThat(wiped.intact()).isFalse();
        assertThat(wiped.entriesChecked()).isZero();
        assertThat(wiped.breaks()).hasSize(1);
        Break gone = wiped.breaks().get(0);
        assertThat(gone.seq()).isEqualTo(1);
        assertThat(gone.throughSeq()).isEqualTo(checkpointed);
        assertThat(gone.problem()).contains("the chain is empty").contains("was wiped").contains("entries 1 to " + checkpointed + " are gone");
        assertThat(wiped.summary()).startsWith("Audit chain BROKEN");
        assertThat(trail.verify().intact()).as("the attack was rolled back").isTrue();
    }

    @Test
    void rewritingAnEntryAndRecomputingEveryLaterHashIsReported() throws Exception {
        long rewritten = seqOf(registerDonor());
        registerDonor();
        assertThat(trail.verify().intact()).isTrue();
        long checkpointed = highestCheckpoint();
        assertThat(checkpointed).isGreaterThan(rewritten);

        Verification rehashed = asRolledBackSuperuser(db -> {
            db.sql("set local session_replication_role = replica").update();
            db.sql("update audit_entry set reason = 'Registered by mistake; withdrawn' where seq = ?").param(rewritten).update();
            String previous = db.sql("select hash from audit_entry where seq = ?").param(rewritten - 1).query(String.class).single();
            List<AuditEntry> later = db.sql("select * from audit_entry where seq >= ? order by seq").param(rewritten)
                    .query((rs, n) -> ChainVerifier.entry(rs)).list();
            for (AuditEntry e : later) {
                String hash = AuditTrail.hash(e.seq(), e.recordedAt(), e.actor(), e.recordType(), e.recordId(), e.action(),
                        e.oldValue(), e.newValue(), e.reason(), previous);
                db.sql("update audit_entry set prev_hash = ?, hash = ? where seq = ?").params(previous, hash, e.seq()).update();
                previous = hash;
            }
            db.sql("update audit_head set hash = ? where id = 1").param(previous).update();
            return new ChainVerifier(db, anchor).verify(false).verification();
        });

        long last = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        assertThat(rehashed.intact()).isFalse();
        assertThat(rehashed.breaks()).as("the SHA-256 chain itself is consistent: no link or content break")
                .noneMatch(b -> b.problem().contains("link") || b.problem().contains("content"));
        assertThat(rehashed.breaks()).contains(new Break(rewritten, last,
                "signature of the audit key does not match: rewritten, or written without the key"));
        assertThat(rehashed.breaks()).anySatisfy(b -> {
            assertThat(b.seq()).isEqualTo(checkpointed);
            assertThat(b.problem()).startsWith("differs from the checkpoint of").endsWith("the chain was rewritten up to here");
        });
        assertThat(trail.verify().intact()).as("the attack was rolled back").isTrue();
    }

    @Test
    void twoIndependentBreaksAreBothReported() throws Exception {
        long changed = seqOf(registerDonor());
        long deleted = seqOf(registerDonor());
        registerDonor();

        Verification broken = asRolledBackSuperuser(db -> {
            db.sql("set local session_replication_role = replica").update();
            db.sql("update audit_entry set new_value = replace(new_value, 'PLANT', 'ANIMAL') where seq = ?").param(changed).update();
            db.sql("delete from audit_entry where seq = ?").param(deleted).update();
            return new ChainVerifier(db, anchor).verify(false).verification();
        });

        assertThat(broken.intact()).isFalse();
        assertThat(broken.breaks()).contains(new Break(changed, null, "content was changed after being written"),
                new Break(deleted, null, "entry " + deleted + " is missing"));
        assertThat(broken.breakCount()).isGreaterThanOrEqualTo(2);
        assertThat(broken.firstBrokenSeq()).isEqualTo(changed);
        assertThat(broken.report()).contains("  Entry " + changed + ": content was changed after being written",
                "  Entry " + deleted + ": entry " + deleted + " is missing");
    }

    @Test
    void anEntryAppendedWithoutTheKeyIsReported() throws Exception {
        registerDonor();

        long[] appended = new long[1];
        Verification forged = asRolledBackSuperuser(db -> {
            db.sql("set local session_replication_role = replica").update();
            record Head(long seq, String hash) {}
            Head head = db.sql("select seq, hash from audit_entry order by seq desc limit 1")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
            long seq = head.seq() + 1;
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String hash = AuditTrail.hash(seq, at, "qa.lead", "lot", "L-0001", "UPDATE", null, "{\"state\":\"RELEASED\"}",
                    "released", head.hash());
            db.sql("""
                    insert into audit_entry (seq, recorded_at, actor, record_type, record_id, action, new_value, reason, prev_hash, hash)
                    values (?, ?, 'qa.lead', 'lot', 'L-0001', 'UPDATE', '{"state":"RELEASED"}', 'released', ?, ?)""")
                    .params(seq, Timestamp.from(at), head.hash(), hash).update();
            db.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
            appended[0] = seq;
            return new ChainVerifier(db, anchor).verify(false).verification();
        });

        assertThat(forged.breaks()).containsExactly(new Break(appended[0], null, "no signature of the audit key: written without the key"));
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aForgedCheckpointLineIsReported() throws Exception {
        registerDonor();
        assertThat(trail.verify().intact()).isTrue();
        AuditAnchor copy = copyOfTheAnchor();
        List<String> lines = Files.readAllLines(copy.checkpointsFile());
        String genuine = lines.get(lines.size() - 1);
        // Moves the genuine last checkpoint one entry back: the text changes, its signature does not.
        long seq = Long.parseLong(genuine.replaceAll(".* seq=(\\d+) .*", "$1"));
        String forged = genuine.replace(" seq=" + seq + " ", " seq=" + (seq - 1) + " ");
        Files.writeString(copy.checkpointsFile(), forged + "\n" + "interval seq=1 hash=" + "0".repeat(64) + "\n",
                StandardOpenOption.APPEND);

        Verification verification = asRolledBackSuperuser(db -> new ChainVerifier(db, copy).verify(false).verification());

        assertThat(verification.intact()).isFalse();
        assertThat(verification.breaks()).containsExactly(
                new Break(seq - 1, null, "line " + (lines.size() + 1) + " of checkpoints.log (a checkpoint at entry " + (seq - 1)
                        + ") is not signed by the audit key: it was forged or edited"),
                new Break(null, null, "line " + (lines.size() + 2) + " of checkpoints.log cannot be read: it was damaged or edited"));
        assertThat(trail.verify().intact()).as("the application's own checkpoints are untouched").isTrue();
    }

    @Test
    void truncateIsRefusedOnTheEntriesAndTheHeadToTheApplicationAndToTheSuperuser() throws Exception {
        registerDonor();
        long entries = count("audit_entry");

        for (String table : List.of("audit_entry", "audit_head")) {
            assertThatThrownBy(() -> jdbc.sql("truncate " + table).update())
                    .as("the application's role holds no TRUNCATE").isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("permission denied for table " + table);
            assertThatThrownBy(() -> asSuperuserRolledBack(db -> db.sql("truncate " + table).update()))
                    .as("the statement trigger stops even the owner").isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("the audit trail cannot be truncated");
        }
        assertThat(count("audit_entry")).isEqualTo(entries);
        assertThat(count("audit_head")).isOne();
    }

    @Test
    void aChainWrittenBeforeAnchoringIsAdoptedAndThenVerifiesIntact() throws Exception {
        registerDonor();
        AuditAnchor fresh = AuditAnchor.open(scratch.resolve("upgraded"));

        Verification adopted = asRolledBackSuperuser(db -> {
            db.sql("set local session_replication_role = replica").update();
            db.sql("update audit_entry set mac = null").update(); // as written before the upgrade
            Verification before = new ChainVerifier(db, fresh).verify(false).verification();
            assertThat(before.breaks()).as("unsigned entries are breaks until the chain is adopted").singleElement()
                    .satisfies(b -> assertThat(b.problem()).startsWith("no signature of the audit key"));
            new AuditCheckpoints(db, fresh, transactionManager).start();
            return new ChainVerifier(db, fresh).verify(false).verification();
        });

        assertThat(adopted.intact()).as(adopted.summary()).isTrue();
        List<AuditAnchor.Line> lines = fresh.lines();
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.valid()).isTrue();
            assertThat(l.checkpoint().source()).isEqualTo(Checkpoint.Source.ADOPTION);
        });
    }

    @Test
    void anEmptyTrailBesideExistingCheckpointsIsLoggedAsAnErrorAtStart(CapturedOutput output) throws Exception {
        registerDonor();
        trail.verify();
        AuditAnchor copy = copyOfTheAnchor();

        asRolledBackSuperuser(db -> {
            db.sql("set local session_replication_role = replica").update();
            db.sql("truncate audit_entry, audit_head").update();
            new AuditCheckpoints(db, copy, transactionManager).start();
            return null;
        });

        assertThat(output.getAll()).contains("The audit trail is EMPTY").contains("the audit trail was wiped");
    }

    @Test
    void aMissingKeyIsNotReplacedWhileTheTrailHoldsSignedEntries() throws Exception {
        registerDonor();

        assertThatThrownBy(() -> new AuditAnchorConfiguration().auditAnchor(scratch.resolve("elsewhere").toString(),
                DATA_DIR.toString(), jdbc))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audit.key is missing").hasMessageContaining("restore the anchor directory from its backup");
        assertThat(scratch.resolve("elsewhere").resolve("audit.key")).doesNotExist();
    }

    @Test
    void aCleanShutdownCheckpointsTheHead() throws Exception {
        AuditAnchor copy = copyOfTheAnchor();
        AuditCheckpoints copyCheckpoints = new AuditCheckpoints(jdbc, copy, transactionManager);
        copyCheckpoints.start();
        long seq = seqOf(registerDonor());

        copyCheckpoints.destroy();

        AuditAnchor.Line last = copy.lines().get(copy.lines().size() - 1);
        assertThat(last.checkpoint().source()).isEqualTo(Checkpoint.Source.SHUTDOWN);
        assertThat(last.checkpoint().seq()).isGreaterThanOrEqualTo(seq);
    }

    @Test
    void anAnchorDirectoryInsideTheDataDirectoryIsWarnedAbout(CapturedOutput output) throws Exception {
        Path data = scratch.resolve("data");
        Path inside = data.resolve("anchor");
        AuditAnchor copy = copyOfTheAnchor();
        Files.createDirectories(inside);
        Files.copy(copy.directory().resolve(AuditAnchor.KEY_FILE), inside.resolve(AuditAnchor.KEY_FILE));

        new AuditAnchorConfiguration().auditAnchor(inside.toString(), data.toString(), jdbc);

        assertThat(output.getAll()).contains("The audit anchor directory " + inside.toRealPath() + " lies inside the data directory");
    }

    // ---------------------------------------------------------------------------------------------

    /** The attack, as the database superuser, in a transaction that is always rolled back (see {@link #asSuperuserRolledBack}). */
    private <T> T asRolledBackSuperuser(Function<JdbcClient, T> attack) {
        return asSuperuserRolledBack(attack);
    }

    private AuditAnchor copyOfTheAnchor() throws IOException {
        Path copy = Files.createDirectories(scratch.resolve("anchor-copy"));
        Files.copy(anchor.directory().resolve(AuditAnchor.KEY_FILE), copy.resolve(AuditAnchor.KEY_FILE));
        Files.copy(anchor.checkpointsFile(), copy.resolve(AuditAnchor.CHECKPOINTS_FILE));
        return AuditAnchor.open(copy);
    }

    private long highestCheckpoint() {
        return anchor.lines().stream().filter(AuditAnchor.Line::valid).mapToLong(l -> l.checkpoint().seq()).max().orElseThrow();
    }

    private String registerDonor() throws Exception {
        var result = postJson("/api/donors", analyst, """
                {"sourceType": "PLANT", "sourceDetail": "Citrus limon peel"}""")
                .andExpect(status().isCreated())
                .andReturn();
        return read(result, "$.id");
    }

    private long seqOf(String donorId) {
        return jdbc.sql("select seq from audit_entry where record_type = 'donor' and record_id = ? and action = 'CREATE'")
                .param(donorId).query(Long.class).single();
    }

    private String hashOf(long seq) {
        return jdbc.sql("select hash from audit_entry where seq = ?").param(seq).query(String.class).single();
    }

}
