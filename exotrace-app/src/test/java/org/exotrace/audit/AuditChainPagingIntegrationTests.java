package org.exotrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.audit.AuditTrail.Verification;
import org.exotrace.audit.AuditTrail.Verification.Break;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain is read in pages, and a break is reported the same whatever the page size: a tampered
 * entry on either side of a page boundary, a deleted run of entries across one, a rewritten tail
 * over many pages, and more breaks than a report lists. Each case appends a few hundred valid
 * entries (hashed and signed as the application does) in a superuser's transaction that is rolled
 * back, tampers with them, and compares the verification in pages of a few entries with the one
 * that reads the whole chain in a single page.
 */
class AuditChainPagingIntegrationTests extends IntegrationTest {

    /** Small enough that the appended entries span dozens of pages. */
    private static final int PAGE = 7;
    private static final int[] PAGE_SIZES = {1, 2, PAGE, 64};

    @Autowired AuditAnchor anchor;

    @Test
    void anIntactChainReadInPagesVerifiesAsInOnePage() {
        Run run = asSuperuserRolledBack(db -> run(db, append(db, 40), PAGE_SIZES));

        assertThat(run.oneShot().intact()).as(run.oneShot().summary()).isTrue();
        assertThat(run.inPages()).allSatisfy(v -> assertThat(v).isEqualTo(run.oneShot()));
    }

    @Test
    void aTamperedRunAcrossAPageBoundaryAndATamperedLastEntryOfAPageAreReportedAsInOnePage() {
        Run run = asSuperuserRolledBack(db -> {
            long boundary = boundaryAfter(append(db, 60));
            tamperContent(db, boundary);
            tamperContent(db, boundary + 1);
            tamperContent(db, boundary + PAGE);
            return run(db, boundary, PAGE_SIZES);
        });

        long boundary = run.at();
        assertThat(run.oneShot().breaks()).containsExactly(
                new Break(boundary, boundary + 1, "content was changed after being written"),
                new Break(boundary + PAGE, null, "content was changed after being written"));
        assertThat(run.inPages()).allSatisfy(v -> assertThat(v).isEqualTo(run.oneShot()));
    }

    @Test
    void aDeletedRunAcrossAPageBoundaryIsOneBreakAsInOnePage() {
        Run run = asSuperuserRolledBack(db -> {
            long boundary = boundaryAfter(append(db, 60));
            db.sql("delete from audit_entry where seq between ? and ?").params(boundary - 1, boundary + 2).update();
            return run(db, boundary, PAGE_SIZES);
        });

        long boundary = run.at();
        assertThat(run.oneShot().breaks()).containsExactly(
                new Break(boundary - 1, boundary + 2, "entries " + (boundary - 1) + " to " + (boundary + 2) + " are missing"));
        assertThat(run.inPages()).allSatisfy(v -> assertThat(v).isEqualTo(run.oneShot()));
    }

    @Test
    void aRewrittenTailIsOneBreakOverEveryPageAsInOnePage() {
        Run run = asSuperuserRolledBack(db -> {
            long boundary = boundaryAfter(append(db, 60));
            List<AuditEntry> tail = db.sql("select * from audit_entry where seq >= ? order by seq").param(boundary)
                    .query((rs, n) -> ChainVerifier.entry(rs)).list();
            String previous = tail.get(0).previousHash();
            for (AuditEntry e : tail) {
                String reason = e.seq() == boundary ? "rewritten" : e.reason();
                String hash = AuditTrail.hash(e.seq(), e.recordedAt(), e.actor(), e.recordType(), e.recordId(), e.action(),
                        e.oldValue(), e.newValue(), reason, previous);
                db.sql("update audit_entry set reason = ?, prev_hash = ?, hash = ? where seq = ?")
                        .params(reason, previous, hash, e.seq()).update();
                previous = hash;
            }
            db.sql("update audit_head set hash = ? where id = 1").param(previous).update();
            return run(db, boundary, PAGE_SIZES);
        });

        long last = run.oneShot().entriesChecked();
        assertThat(run.oneShot().breaks()).as("the SHA-256 chain is consistent again; only the key's signatures give it away")
                .containsExactly(new Break(run.at(), last, "signature of the audit key does not match: rewritten, or written without the key"));
        assertThat(run.inPages()).allSatisfy(v -> assertThat(v).isEqualTo(run.oneShot()));
    }

    @Test
    void moreBreaksThanAreListedAreCountedAndTheFirstListedAsInOnePage() {
        int tampered = Verification.LISTED + 25;
        Run run = asSuperuserRolledBack(db -> {
            long first = append(db, 2 * tampered + 4) + 1;
            for (int i = 0; i < tampered; i++) tamperContent(db, first + 2L * i);
            return run(db, first, PAGE, 64);
        });

        long first = run.at();
        Verification oneShot = run.oneShot();
        assertThat(oneShot.breakCount()).isEqualTo(tampered);
        assertThat(oneShot.breaks()).hasSize(Verification.LISTED);
        assertThat(oneShot.breaks().get(0)).isEqualTo(new Break(first, null, "content was changed after being written"));
        assertThat(oneShot.breaks().get(Verification.LISTED - 1).seq()).isEqualTo(first + 2L * (Verification.LISTED - 1));
        assertThat(oneShot.report()).last().isEqualTo("  … and 25 more");
        assertThat(run.inPages()).allSatisfy(v -> assertThat(v).isEqualTo(oneShot));
    }

    @Test
    void progressIsToldAfterEveryPageUpToEveryEntry() {
        record Told(long checked, long total) {}
        List<Told> told = new ArrayList<>();
        Verification verification = asSuperuserRolledBack(db -> {
            append(db, 30);
            return new ChainVerifier(db, anchor, PAGE).verify(false, (checked, total) -> told.add(new Told(checked, total))).verification();
        });

        long entries = verification.entriesChecked();
        assertThat(verification.intact()).isTrue();
        assertThat(told).hasSize((int) (entries / PAGE + 1));
        assertThat(told).extracting(Told::total).containsOnly(entries);
        assertThat(told).extracting(Told::checked).isSorted().last().isEqualTo(entries);
        assertThat(told.get(0).checked()).isEqualTo(PAGE);
    }

    // ---------------------------------------------------------------------------------------------

    /** The chain verified in one page and in pages of each size, and the entry the case tampered with. */
    private record Run(long at, Verification oneShot, List<Verification> inPages) {}

    private Run run(JdbcClient db, long at, int... pageSizes) {
        List<Verification> inPages = new ArrayList<>();
        for (int size : pageSizes) inPages.add(inPages(db, size));
        return new Run(at, inOnePage(db), inPages);
    }

    private Verification inOnePage(JdbcClient db) {
        return new ChainVerifier(db, anchor, Integer.MAX_VALUE).verify(false).verification();
    }

    private Verification inPages(JdbcClient db, int size) {
        return new ChainVerifier(db, anchor, size).verify(false).verification();
    }

    /** The first entry after {@code seq} that is the last of a page of {@value #PAGE}, with room for a few more before the end. */
    private static long boundaryAfter(long seq) {
        return (seq / PAGE + 2) * PAGE;
    }

    /**
     * Appends {@code count} entries hashed and signed as {@link AuditTrail} does, moves the head, and
     * turns the append-only triggers off for the rest of the (rolled back) transaction; returns the
     * number of the last entry before them.
     */
    private long append(JdbcClient db, int count) {
        db.sql("set local session_replication_role = replica").update();
        record Head(long seq, String hash) {}
        Head head = db.sql("select seq, hash from audit_entry order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(new Head(0, AuditTrail.GENESIS));
        String previous = head.hash();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (long seq = head.seq() + 1; seq <= head.seq() + count; seq++) {
            String value = "{\"page\":" + seq + "}";
            String hash = AuditTrail.hash(seq, at, "paging.test", "donor", "PAGING-" + seq, "UPDATE", null, value, "paging", previous);
            db.sql("""
                    insert into audit_entry (seq, recorded_at, actor, record_type, record_id, action, new_value, reason, prev_hash, hash, mac)
                    values (?, ?, 'paging.test', 'donor', ?, 'UPDATE', ?, 'paging', ?, ?, ?)""")
                    .params(seq, Timestamp.from(at), "PAGING-" + seq, value, previous, hash, anchor.mac(hash)).update();
            previous = hash;
        }
        db.sql("update audit_head set seq = ?, hash = ? where id = 1").params(head.seq() + count, previous).update();
        return head.seq();
    }

    private static void tamperContent(JdbcClient db, long seq) {
        assertThat(db.sql("update audit_entry set reason = 'edited' where seq = ?").param(seq).update()).isOne();
    }
}
