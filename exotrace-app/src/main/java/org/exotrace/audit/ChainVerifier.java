package org.exotrace.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.exotrace.audit.AuditAnchor.Checkpoint;
import org.exotrace.audit.AuditTrail.Verification;
import org.exotrace.audit.AuditTrail.Verification.Break;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One pass over the chain and the anchor that reports every break, not only the first: per entry
 * its position, link, content hash and MAC; per checkpoint line its signature and whether the
 * chain still holds the entry it recorded with the same hash; finally the head table. Runs in the
 * caller's transaction (a repeatable-read snapshot, so entries, pages and head agree).
 *
 * <p>Consecutive entries with the same problem (every entry after a rewrite carries a MAC that no
 * longer matches) are reported as one break over their range.
 *
 * <p>Memory does not grow with the chain: entries are read in pages of {@code pageSize} by their
 * sequence number (keyset, {@code seq > last order by seq limit pageSize}), and of the breaks only
 * the first {@value AuditTrail.Verification#LISTED} in report order are kept, the rest counted. What
 * still grows is the set of checkpoint lines read from the anchor file, one small record each.
 */
final class ChainVerifier {

    /**
     * Entries read per query. The driver holds a whole page (about 2 kB of heap per entry of
     * typical size): at 1,000 a 64 MB heap verifies without a full collection, at 5,000 it spends
     * half its time collecting (docs/benchmarks.md).
     */
    static final int PAGE_SIZE = 1_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The verification and the last entry it read (0 and the genesis hash for an empty chain). */
    record Outcome(Verification verification, long lastSeq, String lastHash) {}

    private final JdbcClient jdbc;
    private final AuditAnchor anchor;
    private final int pageSize;

    ChainVerifier(JdbcClient jdbc, AuditAnchor anchor) {
        this(jdbc, anchor, PAGE_SIZE);
    }

    /** @param pageSize entries read per query, at least 1 */
    ChainVerifier(JdbcClient jdbc, AuditAnchor anchor, int pageSize) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        this.jdbc = jdbc;
        this.anchor = anchor;
        this.pageSize = pageSize;
    }

    Outcome verify(boolean adopting) {
        return verify(adopting, AuditTrail.Progress.NONE);
    }

    /**
     * @param adopting true while deciding whether to adopt a chain written before anchoring: entries
     *                 without a MAC are then accepted wherever they are
     * @param progress told after every page how many entries were checked
     */
    Outcome verify(boolean adopting, AuditTrail.Progress progress) {
        Breaks breaks = new Breaks();
        TreeMap<Long, List<Checkpoint>> checkpoints = new TreeMap<>();
        long adoptedUpTo = adopting ? Long.MAX_VALUE : 0;
        int checkpointLines = 0;
        for (AuditAnchor.Line line : anchor.lines()) {
            checkpointLines++;
            if (line.checkpoint() == null) {
                breaks.add(Stage.ANCHOR, null, null, "line " + line.number() + " of " + AuditAnchor.CHECKPOINTS_FILE
                        + " cannot be read: it was damaged or edited");
            } else if (!line.signed()) {
                breaks.add(Stage.ANCHOR, line.checkpoint().seq(), null, "line " + line.number() + " of " + AuditAnchor.CHECKPOINTS_FILE
                        + " (a checkpoint at entry " + line.checkpoint().seq() + ") is not signed by the audit key: it was forged or edited");
            } else {
                Checkpoint c = line.checkpoint();
                checkpoints.computeIfAbsent(c.seq(), s -> new ArrayList<>()).add(c);
                if (c.source() == Checkpoint.Source.ADOPTION) adoptedUpTo = Math.max(adoptedUpTo, c.seq());
            }
        }

        long total = jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
        Pass pass = new Pass(breaks, checkpoints, adoptedUpTo);
        long after = 0;
        int read;
        do {
            long before = pass.checked;
            jdbc.sql("select * from audit_entry where seq > ? order by seq limit ?").params(after, pageSize)
                    .query((ResultSet rs) -> pass.check(rs));
            read = (int) (pass.checked - before);
            after = pass.lastSeq;
            progress.checked(pass.checked, Math.max(total, pass.lastSeq));
        } while (read == pageSize);

        long last = pass.lastSeq; // every checkpoint at or below it was compared or reported on the way
        if (!checkpoints.isEmpty() && checkpoints.lastKey() > last) {
            long seq = checkpoints.lastKey();
            String at = TIME.format(checkpoints.lastEntry().getValue().get(0).at());
            breaks.add(Stage.END, last + 1, seq > last + 1 ? seq : null, last == 0
                    ? "the chain is empty, but the checkpoint of " + at + " outside the database recorded " + seq
                            + (seq == 1 ? " entry" : " entries") + ": the audit trail was wiped (entries 1 to " + seq + " are gone)"
                    : "the chain ends at entry " + last + ", but the checkpoint of " + at + " outside the database recorded entry "
                            + seq + ": entries " + (last + 1) + " to " + seq + " were removed");
        }

        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_head where id = 1").query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(null);
        if (head == null) {
            if (last > 0) breaks.add(Stage.END, null, null, "the recorded head of the chain is missing, but the chain has " + last + " entries");
        } else if (head.seq() > last) {
            breaks.add(Stage.END, last + 1, null, "the chain ends at entry " + last + " but entries up to " + head.seq() + " were written");
        } else if (head.seq() < last) {
            breaks.add(Stage.END, head.seq() + 1, null, "the recorded head of the chain is entry " + head.seq()
                    + ", but the chain goes on to entry " + last + ": entries were added without moving the head");
        } else if (!head.hash().equals(pass.previous)) {
            breaks.add(Stage.END, head.seq(), null, "the last entry does not match the recorded head of the chain");
        }

        return new Outcome(Verification.of(pass.checked, checkpointLines, breaks.listed(), breaks.count), last, pass.previous);
    }

    /** The walk along the chain, entry by entry in sequence order, across pages. */
    private final class Pass {

        private final Breaks breaks;
        private final Iterator<Map.Entry<Long, List<Checkpoint>>> checkpoints;
        private final long adoptionPoint;
        private final UnaryOperator<String> macs = anchor.macs();
        /** The latest break of each per-entry problem, which the next entry with that problem may extend. */
        private final Map<String, Breaks.Found> ranges = new HashMap<>();
        private Map.Entry<Long, List<Checkpoint>> nextCheckpoint;
        private long expected = 1;
        private String previous = AuditTrail.GENESIS;
        private long checked;
        private long lastSeq;

        Pass(Breaks breaks, TreeMap<Long, List<Checkpoint>> checkpoints, long adoptionPoint) {
            this.breaks = breaks;
            this.checkpoints = checkpoints.entrySet().iterator();
            this.nextCheckpoint = this.checkpoints.hasNext() ? this.checkpoints.next() : null;
            this.adoptionPoint = adoptionPoint;
        }

        void check(ResultSet rs) throws SQLException {
            AuditEntry e = entry(rs);
            String mac = rs.getString("mac");
            long seq = e.seq();
            checkpointsBefore(seq);
            if (seq != expected) {
                breaks.add(Stage.CHAIN, expected, seq - 1 > expected ? seq - 1 : null,
                        seq - 1 > expected ? "entries " + expected + " to " + (seq - 1) + " are missing" : "entry " + expected + " is missing");
            } else if (!e.previousHash().equals(previous)) {
                ranged(seq, "link to the previous entry does not match");
            }
            if (!e.hash().equals(AuditTrail.hash(seq, e.recordedAt(), e.actor(), e.recordType(), e.recordId(), e.action(),
                    e.oldValue(), e.newValue(), e.reason(), e.previousHash()))) {
                ranged(seq, "content was changed after being written");
            }
            if (mac == null) {
                if (seq > adoptionPoint) ranged(seq, "no signature of the audit key: written without the key");
            } else if (!AuditAnchor.same(macs.apply(e.hash()), mac)) {
                ranged(seq, "signature of the audit key does not match: rewritten, or written without the key");
            }
            if (nextCheckpoint != null && nextCheckpoint.getKey() == seq) {
                nextCheckpoint.getValue().stream().filter(c -> !c.hash().equals(e.hash())).min(Comparator.comparing(Checkpoint::at))
                        .ifPresent(c -> breaks.add(Stage.CHAIN, seq, null, "differs from the checkpoint of " + TIME.format(c.at())
                                + " outside the database: the chain was rewritten up to here"));
                advance();
            }
            expected = seq + 1;
            previous = e.hash();
            lastSeq = seq;
            checked++;
        }

        /** Reports the checkpoints recorded at entries below {@code seq} that the chain went past without holding. */
        void checkpointsBefore(long seq) {
            while (nextCheckpoint != null && nextCheckpoint.getKey() < seq) {
                breaks.add(Stage.MISSING_CHECKPOINT, nextCheckpoint.getKey(), null, "missing from the chain, although the checkpoint of "
                        + TIME.format(nextCheckpoint.getValue().get(0).at()) + " outside the database recorded it");
                advance();
            }
        }

        private void advance() {
            nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
        }

        /** Adds the break, or extends the previous one when it is the same problem on the entry just before. */
        private void ranged(long seq, String problem) {
            Breaks.Found latest = ranges.get(problem);
            if (latest != null && latest.end() == seq - 1) {
                latest.throughSeq = seq;
                return;
            }
            ranges.put(problem, breaks.add(Stage.CHAIN, seq, null, problem));
        }
    }

    /** Where a break was found; within one entry number, breaks are reported in this order, then in the order found. */
    private enum Stage { ANCHOR, CHAIN, MISSING_CHECKPOINT, END }

    /**
     * The first {@value AuditTrail.Verification#LISTED} breaks in report order (entry number, those
     * without one last; then as found) and the count of all.
     */
    private static final class Breaks {

        /** A break as found; its range grows while the same problem continues on the following entries. */
        static final class Found {
            final Long seq;
            final Stage stage;
            final long order;
            final String problem;
            Long throughSeq;

            Found(Long seq, Stage stage, long order, Long throughSeq, String problem) {
                this.seq = seq;
                this.stage = stage;
                this.order = order;
                this.throughSeq = throughSeq;
                this.problem = problem;
            }

            long end() {
                return throughSeq != null ? throughSeq : seq;
            }
        }

        private static final Comparator<Found> REPORT_ORDER = Comparator
                .comparing((Found f) -> f.seq, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(f -> f.stage).thenComparingLong(f -> f.order);

        private final TreeSet<Found> listed = new TreeSet<>(REPORT_ORDER);
        private long count;

        Found add(Stage stage, Long seq, Long throughSeq, String problem) {
            Found found = new Found(seq, stage, count++, throughSeq, problem);
            listed.add(found);
            if (listed.size() > Verification.LISTED) listed.pollLast();
            return found;
        }

        List<Break> listed() {
            return listed.stream().map(f -> new Break(f.seq, f.throughSeq, f.problem)).toList();
        }
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("record_type"), rs.getString("record_id"), rs.getString("action"), rs.getString("old_value"),
                rs.getString("new_value"), rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
