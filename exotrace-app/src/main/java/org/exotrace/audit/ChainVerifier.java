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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.exotrace.audit.AuditAnchor.Checkpoint;
import org.exotrace.audit.AuditTrail.Verification;
import org.exotrace.audit.AuditTrail.Verification.Break;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One pass over the chain and the anchor that reports every break, not only the first: per entry
 * its position, link, content hash and MAC; per checkpoint line its signature and whether the
 * chain still holds the entry it recorded with the same hash; finally the head table. Runs in the
 * caller's transaction (a repeatable-read snapshot, so entries and head agree).
 *
 * <p>Consecutive entries with the same problem (every entry after a rewrite carries a MAC that no
 * longer matches) are reported as one break over their range.
 */
final class ChainVerifier {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The verification and the last entry it read (0 and the genesis hash for an empty chain). */
    record Outcome(Verification verification, long lastSeq, String lastHash) {}

    private final JdbcClient jdbc;
    private final AuditAnchor anchor;

    ChainVerifier(JdbcClient jdbc, AuditAnchor anchor) {
        this.jdbc = jdbc;
        this.anchor = anchor;
    }

    /**
     * @param adopting true while deciding whether to adopt a chain written before anchoring: entries
     *                 without a MAC are then accepted wherever they are
     */
    Outcome verify(boolean adopting) {
        List<Break> breaks = new ArrayList<>();
        Map<Long, List<Checkpoint>> checkpoints = new TreeMap<>();
        long adoptedUpTo = adopting ? Long.MAX_VALUE : 0;
        int checkpointLines = 0;
        for (AuditAnchor.Line line : anchor.lines()) {
            checkpointLines++;
            if (line.checkpoint() == null) {
                breaks.add(new Break(null, null, "line " + line.number() + " of " + AuditAnchor.CHECKPOINTS_FILE
                        + " cannot be read: it was damaged or edited"));
            } else if (!line.signed()) {
                breaks.add(new Break(line.checkpoint().seq(), null, "line " + line.number() + " of " + AuditAnchor.CHECKPOINTS_FILE
                        + " (a checkpoint at entry " + line.checkpoint().seq() + ") is not signed by the audit key: it was forged or edited"));
            } else {
                Checkpoint c = line.checkpoint();
                checkpoints.computeIfAbsent(c.seq(), s -> new ArrayList<>()).add(c);
                if (c.source() == Checkpoint.Source.ADOPTION) adoptedUpTo = Math.max(adoptedUpTo, c.seq());
            }
        }

        UnaryOperator<String> macs = anchor.macs();
        var chain = new Object() {
            long expected = 1;
            String previous = AuditTrail.GENESIS;
            long checked;
            long lastSeq;
            final Set<Long> checkpointsSeen = new HashSet<>();
            final Map<String, Integer> ranges = new HashMap<>();
        };
        long adoptionPoint = adoptedUpTo;
        jdbc.sql("select * from audit_entry order by seq").query((ResultSet rs) -> {
            AuditEntry e = entry(rs);
            String mac = rs.getString("mac");
            long seq = e.seq();
            if (seq != chain.expected) {
                breaks.add(new Break(chain.expected, seq - 1 > chain.expected ? seq - 1 : null,
                        seq - 1 > chain.expected ? "entries " + chain.expected + " to " + (seq - 1) + " are missing"
                                : "entry " + chain.expected + " is missing"));
            } else if (!e.previousHash().equals(chain.previous)) {
                add(breaks, chain.ranges, seq, "link to the previous entry does not match");
            }
            if (!e.hash().equals(AuditTrail.hash(seq, e.recordedAt(), e.actor(), e.recordType(), e.recordId(), e.action(),
                    e.oldValue(), e.newValue(), e.reason(), e.previousHash()))) {
                add(breaks, chain.ranges, seq, "content was changed after being written");
            }
            if (mac == null) {
                if (seq > adoptionPoint) add(breaks, chain.ranges, seq, "no signature of the audit key: written without the key");
            } else if (!AuditAnchor.same(macs.apply(e.hash()), mac)) {
                add(breaks, chain.ranges, seq, "signature of the audit key does not match: rewritten, or written without the key");
            }
            List<Checkpoint> recorded = checkpoints.get(seq);
            if (recorded != null) {
                chain.checkpointsSeen.add(seq);
                recorded.stream().filter(c -> !c.hash().equals(e.hash())).min(Comparator.comparing(Checkpoint::at))
                        .ifPresent(c -> breaks.add(new Break(seq, null, "differs from the checkpoint of " + TIME.format(c.at())
                                + " outside the database: the chain was rewritten up to here")));
            }
            chain.expected = seq + 1;
            chain.previous = e.hash();
            chain.lastSeq = seq;
            chain.checked++;
        });

        long last = chain.lastSeq;
        checkpoints.forEach((seq, recorded) -> {
            if (chain.checkpointsSeen.contains(seq) || seq > last) return;
            breaks.add(new Break(seq, null, "missing from the chain, although the checkpoint of " + TIME.format(recorded.get(0).at())
                    + " outside the database recorded it"));
        });
        checkpoints.entrySet().stream().filter(c -> c.getKey() > last).reduce((a, b) -> b).ifPresent(beyond -> {
            long seq = beyond.getKey();
            String at = TIME.format(beyond.getValue().get(0).at());
            breaks.add(new Break(last + 1, seq > last + 1 ? seq : null, last == 0
                    ? "the chain is empty, but the checkpoint of " + at + " outside the database recorded " + seq
                            + (seq == 1 ? " entry" : " entries") + ": the audit trail was wiped (entries 1 to " + seq + " are gone)"
                    : "the chain ends at entry " + last + ", but the checkpoint of " + at + " outside the database recorded entry "
                            + seq + ": entries " + (last + 1) + " to " + seq + " were removed"));
        });

        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_head where id = 1").query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(null);
        if (head == null) {
            if (last > 0) breaks.add(new Break(null, null, "the recorded head of the chain is missing, but the chain has " + last + " entries"));
        } else if (head.seq() > last) {
            breaks.add(new Break(last + 1, null, "the chain ends at entry " + last + " but entries up to " + head.seq() + " were written"));
        } else if (head.seq() < last) {
            breaks.add(new Break(head.seq() + 1, null, "the recorded head of the chain is entry " + head.seq()
                    + ", but the chain goes on to entry " + last + ": entries were added without moving the head"));
        } else if (!head.hash().equals(chain.previous)) {
            breaks.add(new Break(head.seq(), null, "the last entry does not match the recorded head of the chain"));
        }

        return new Outcome(Verification.of(chain.checked, checkpointLines, breaks), last, chain.previous);
    }

    /** Adds the break, or extends the previous one when it is the same problem on the entry just before. */
    private static void add(List<Break> breaks, Map<String, Integer> ranges, long seq, String problem) {
        Integer index = ranges.get(problem);
        if (index != null) {
            Break previous = breaks.get(index);
            long end = previous.throughSeq() != null ? previous.throughSeq() : previous.seq();
            if (end == seq - 1) {
                breaks.set(index, new Break(previous.seq(), seq, problem));
                return;
            }
        }
        ranges.put(problem, breaks.size());
        breaks.add(new Break(seq, null, problem));
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
