package org.exotrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.exotrace.audit.AuditTrail;
import org.exotrace.audit.AttackerView;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The audit chain: intact after normal work, protected from UPDATE and DELETE by a trigger, and when
 * someone disables the trigger the chain names the first changed or missing entry. Every tampering
 * happens in a transaction that is rolled back, because the database is shared by the whole JVM.
 */
class AuditTrailIntegrationTests extends IntegrationTest {

    @Autowired AuditTrail trail;
    @Autowired org.springframework.context.ApplicationContext context;

    TestUser analyst;
    TestUser releaser;

    @BeforeEach
    void accounts() {
        analyst = user(Role.LAB_ANALYST);
        releaser = user(Role.QA_RELEASER);
    }

    @Test
    void verifyThroughTheApiReportsAnIntactChainAfterRegisteringADonor() throws Exception {
        long before = count("audit_entry");
        String donorId = registerDonor();

        assertThat(seqOf("donor", donorId)).isGreaterThan(before);
        getJson("/api/audit/verify", releaser)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entriesChecked").value(count("audit_entry")))
                .andExpect(jsonPath("$.firstBrokenSeq").doesNotExist());
    }

    @Test
    void verifyNamesTheEntryWhoseContentWasChanged() throws Exception {
        String donorId = registerDonor();
        registerDonor();
        long seq = seqOf("donor", donorId);
        assertThat(trail.verify().intact()).isTrue();

        AuditTrail.Verification tampered = asSuperuserRolledBack(db -> {
            db.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            int changed = db.sql("update audit_entry set new_value = replace(new_value, 'PLANT', 'ANIMAL') where seq = ?")
                    .param(seq).update();
            db.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
            assertThat(changed).isEqualTo(1);
            return verifiedOn(db);
        });

        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.firstBrokenSeq()).isEqualTo(seq);
        assertThat(tampered.entriesChecked()).as("every entry is checked, not only those before the break").isEqualTo(count("audit_entry"));
        assertThat(tampered.problem()).contains("changed");
        assertThat(tampered.breaks()).as("the hash, key signature and checkpoints of the other entries still hold")
                .containsExactly(new AuditTrail.Verification.Break(seq, null, "content was changed after being written"));
        assertThat(trail.verify().intact()).as("the tampering was rolled back").isTrue();
    }

    @Test
    void verifyDetectsAnEntryDeletedWhileTheTriggerWasDisabled() throws Exception {
        String donorId = registerDonor();
        registerDonor();
        long seq = seqOf("donor", donorId);

        AuditTrail.Verification tampered = asSuperuserRolledBack(db -> {
            db.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            int deleted = db.sql("delete from audit_entry where seq = ?").param(seq).update();
            db.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
            assertThat(deleted).isEqualTo(1);
            return verifiedOn(db);
        });

        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.firstBrokenSeq()).isEqualTo(seq);
        assertThat(tampered.problem()).isEqualTo("entry " + seq + " is missing");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void verifyDetectsTheNewestEntriesDeletedWhileTheTriggerWasDisabled() throws Exception {
        registerDonor();

        AuditTrail.Verification tampered = asSuperuserRolledBack(db -> {
            long last = db.sql("select max(seq) from audit_entry").query(Long.class).single();
            db.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            int deleted = db.sql("delete from audit_entry where seq >= ?").param(last - 1).update();
            db.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
            assertThat(deleted).isEqualTo(2);
            return verifiedOn(db);
        });

        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.breaks()).extracting(AuditTrail.Verification.Break::problem).anyMatch(p -> p.contains("were written"));
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void auditHeadRefusesToMoveBackwards() {
        registerDonorQuietly();
        assertThatThrownBy(() -> jdbc.sql("update audit_head set seq = seq - 1").update())
                .hasMessageContaining("only moves forward");
    }

    @Test
    void aPlainUpdateOfAnEntryIsRefusedToTheApplicationByItsGrantsAndToTheSuperuserByTheTrigger() throws Exception {
        long seq = seqOf("donor", registerDonor());

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set reason = 'edited' where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> asSuperuserRolledBack(db -> db.sql("update audit_entry set reason = 'edited' where seq = ?").param(seq).update()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_entry where seq = ?").param(seq).query(Long.class).single()).isOne();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aPlainDeleteOfAnEntryIsRefusedToTheApplicationByItsGrantsAndToTheSuperuserByTheTrigger() throws Exception {
        long seq = seqOf("donor", registerDonor());

        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = ?").param(seq).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> asSuperuserRolledBack(db -> db.sql("delete from audit_entry where seq = ?").param(seq).update()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_entry where seq = ?").param(seq).query(Long.class).single()).isOne();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void auditVerifyCommandPrintsTheSummaryAndExitsZeroForAnIntactChainAndTheTimeTakenOnStderr() {
        registerDonorQuietly();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = ExotraceApplication.run(new String[] {"audit", "verify"});
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }

        long entries = count("audit_entry");
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Audit chain intact: " + entries + " entries verified.")
                .as("progress and timing stay off stdout").doesNotContain("Checked ");
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("Checked " + String.format(java.util.Locale.ROOT, "%,d", entries)
                + " entries in \\d+\\.\\d s\\.");
    }

    @Test
    void brokenChainSummaryNamesTheEntryAndTheProblem() {
        var broken = new AuditTrail.Verification(false, 41, 42L, "content was changed after being written");

        assertThat(broken.summary())
                .isEqualTo("Audit chain BROKEN: 1 problem found in 41 entries checked. Entry 42: content was changed after being written.");
        assertThat(broken.report()).containsExactly(broken.summary(), "  Entry 42: content was changed after being written");
    }

    private String registerDonor() throws Exception {
        var result = postJson("/api/donors", analyst, """
                {"sourceType": "PLANT", "sourceDetail": "Citrus limon peel"}""")
                .andExpect(status().isCreated())
                .andReturn();
        return read(result, "$.id");
    }

    private void registerDonorQuietly() {
        try {
            registerDonor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long seqOf(String recordType, String recordId) {
        return jdbc.sql("select seq from audit_entry where record_type = ? and record_id = ? and action = 'CREATE'")
                .params(recordType, recordId).query(Long.class).single();
    }

    /** The verification the application would report, run on the attacker's uncommitted snapshot. */
    private AuditTrail.Verification verifiedOn(org.springframework.jdbc.core.simple.JdbcClient db) {
        return AttackerView.verification(db, context);
    }
}
