package org.exotrace.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.Page;
import org.exotrace.shared.SearchText;
import org.exotrace.shared.RecordChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends, reads and verifies the hash-chained audit trail.
 *
 * <p>Link hash: SHA-256 over the length-prefixed fields seq, recorded-at (ISO-8601, microseconds),
 * actor, record type, record id, action, old value, new value, reason and the previous hash. The
 * first entry's previous hash is 64 zeros. Appends take a transaction-scoped advisory lock so the
 * chain stays linear under concurrent writers.
 *
 * <p>Anchoring: each entry also carries {@code mac}, the HMAC-SHA256 of its hash under the key in
 * the anchor directory ({@link AuditAnchor}), which the database never holds; {@link AuditCheckpoints}
 * writes the chain's head to the checkpoints file there. {@link #verify()} checks both, so a chain
 * rewritten and re-hashed, or wiped, by someone with full access to the database is detected.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x45584f5452414345L;
    private static final int ROWS_PER_INSERT = 500;

    private final JdbcClient jdbc;
    private final AuditAnchor anchor;
    private final AuditCheckpoints checkpoints;
    private final TransactionTemplate snapshot;
    private final int verifyPageSize;
    private final JsonMapper json = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    AuditTrail(JdbcClient jdbc, AuditAnchor anchor, AuditCheckpoints checkpoints, PlatformTransactionManager transactions) {
        this(jdbc, anchor, checkpoints, transactions, ChainVerifier.PAGE_SIZE);
    }

    /** @param verifyPageSize entries a verification reads per query ({@code exotrace.audit.verify-page-size}) */
    @Autowired
    AuditTrail(JdbcClient jdbc, AuditAnchor anchor, AuditCheckpoints checkpoints, PlatformTransactionManager transactions,
               @Value("${exotrace.audit.verify-page-size:" + ChainVerifier.PAGE_SIZE + "}") int verifyPageSize) {
        if (verifyPageSize < 1) throw new IllegalArgumentException("exotrace.audit.verify-page-size must be at least 1, was " + verifyPageSize);
        this.jdbc = jdbc;
        this.anchor = anchor;
        this.checkpoints = checkpoints;
        this.snapshot = AuditCheckpoints.snapshot(transactions);
        this.verifyPageSize = verifyPageSize;
    }

    /** Appends the change in the publisher's transaction: no change commits without its entry. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RecordChanged change) {
        appendAll(List.of(change));
    }

    /**
     * Appends the changes in this order, in the caller's transaction, as {@link #on} appends one:
     * under the chain's lock, hashed and signed the same way, the head moved once at the end. For
     * loading many records at once (a scale generator, a benchmark), where one event per record
     * would cost a round trip per entry; the changes are written {@value #ROWS_PER_INSERT} to an
     * insert statement.
     *
     * @return the number of the last entry appended (the head's when {@code changes} is empty)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long appendAll(List<RecordChanged> changes) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_entry order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(new Head(0, GENESIS));
        if (changes.isEmpty()) return head.seq();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        java.sql.Timestamp recordedAt = java.sql.Timestamp.from(at);
        String actor = Actors.current();
        UnaryOperator<String> macs = anchor.macs();
        long seq = head.seq();
        String previous = head.hash();
        for (int from = 0; from < changes.size(); from += ROWS_PER_INSERT) {
            List<RecordChanged> rows = changes.subList(from, Math.min(changes.size(), from + ROWS_PER_INSERT));
            List<Object> params = new ArrayList<>(rows.size() * 12);
            for (RecordChanged change : rows) {
                seq++;
                String oldValue = toJson(change.before());
                String newValue = toJson(change.after());
                String hash = hash(seq, at, actor, change.recordType(), change.recordId(), change.action(), oldValue, newValue,
                        change.reason(), previous);
                params.addAll(Arrays.asList(seq, recordedAt, actor, change.recordType(), change.recordId(), change.action(),
                        oldValue, newValue, change.reason(), previous, hash, macs.apply(hash)));
                previous = hash;
            }
            jdbc.sql("insert into audit_entry (seq, recorded_at, actor, record_type, record_id, action, old_value, new_value, reason,"
                    + " prev_hash, hash, mac) values " + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
                    .params(params).update();
        }
        jdbc.sql("insert into audit_head (id, seq, hash) values (1, ?, ?) on conflict (id) do update set seq = excluded.seq, hash = excluded.hash")
                .params(seq, previous).update();
        return seq;
    }

    /** The history of one record, oldest first: the timeline a detail page shows. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String recordType, String recordId) {
        return jdbc.sql("select * from audit_entry where record_type = ? and record_id = ? order by seq")
                .params(recordType, recordId).query(AuditTrail::entry).list();
    }

    /** The history of several records of one type together, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String recordType, java.util.Collection<String> recordIds) {
        if (recordIds.isEmpty()) return List.of();
        return jdbc.sql("select * from audit_entry where record_type = ? and record_id = any(?) order by seq")
                .params(recordType, recordIds.toArray(String[]::new)).query(AuditTrail::entry).list();
    }

    /** Newest first, optionally filtered by record type, actor or a text in the record id or reason. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(String recordType, String actor, String text, Page.Request page) {
        String where = " where (:type = '' or record_type = :type) and (:actor = '' or actor = :actor)"
                + " and (:text = '' or record_id ilike :like or reason ilike :like or new_value ilike :like)";
        String type = recordType == null ? "" : recordType.strip();
        String who = actor == null ? "" : actor.strip();
        String q = SearchText.of("q", text).text();
        String like = new SearchText(q).containsPattern();
        long total = jdbc.sql("select count(*) from audit_entry" + where)
                .param("type", type).param("actor", who).param("text", q).param("like", like)
                .query(Long.class).single();
        List<AuditEntry> rows = jdbc.sql("select * from audit_entry" + where + " order by seq desc limit :limit offset :offset")
                .param("type", type).param("actor", who).param("text", q).param("like", like)
                .param("limit", page.size()).param("offset", page.offset())
                .query(AuditTrail::entry).list();
        return new Page<>(rows, page.number(), page.size(), total);
    }

    /**
     * The outcome of a chain check: every break found, in chain order ({@code breaks} lists the first
     * {@value #LISTED}, {@code breakCount} counts them all). {@code firstBrokenSeq} and
     * {@code problem} repeat the first break for callers that only need one; both are null when
     * the chain is intact. {@code entriesChecked} counts the entries read, {@code checkpointsChecked}
     * the lines of the checkpoints file outside the database.
     */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem,
                               long checkpointsChecked, List<Break> breaks, long breakCount) {

        /** How many breaks a verification lists; the rest are counted. */
        public static final int LISTED = 100;

        /**
         * One break: the entry it concerns ({@code seq}, through {@code throughSeq} when it spans a
         * range of entries; seq is null for a damaged line of the checkpoints file or a missing
         * head) and the problem in words.
         */
        public record Break(Long seq, Long throughSeq, String problem) {

            /** "Entry 42: content was changed after being written", "Entries 42 to 60: …", "Line 7 of checkpoints.log …". */
            public String text() {
                if (seq == null) return Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
                return (throughSeq == null ? "Entry " + seq : "Entries " + seq + " to " + throughSeq) + ": " + problem;
            }
        }

        public Verification {
            breaks = List.copyOf(breaks);
        }

        /** One break, or none when {@code intact}. */
        public Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {
            this(intact, entriesChecked, firstBrokenSeq, problem, 0,
                    intact ? List.of() : List.of(new Break(firstBrokenSeq, null, problem)), intact ? 0 : 1);
        }

        /** From the first {@value #LISTED} breaks in report order (entry number, those without one last) and the count of all. */
        static Verification of(long entriesChecked, long checkpointsChecked, List<Break> listed, long breakCount) {
            if (breakCount == 0) return new Verification(true, entriesChecked, null, null, checkpointsChecked, List.of(), 0);
            Break first = listed.get(0);
            return new Verification(false, entriesChecked, first.seq(), first.problem(), checkpointsChecked, listed, breakCount);
        }

        /** Breaks found but not listed. */
        public long unlisted() {
            return breakCount - breaks.size();
        }

        public String summary() {
            if (intact) {
                return "Audit chain intact: " + entriesChecked + " entries verified."
                        + (checkpointsChecked > 0 ? " " + checkpointsChecked + " checkpoints outside the database agree."
                                : " No checkpoint outside the database yet.");
            }
            return "Audit chain BROKEN: " + breakCount + (breakCount == 1 ? " problem" : " problems") + " found in " + entriesChecked
                    + " entries checked. " + breaks.get(0).text() + (breakCount > 1 ? " (and " + (breakCount - 1) + " more)." : ".");
        }

        /** The summary, then each listed break on its own line, then how many more were found: what {@code audit verify} prints. */
        public List<String> report() {
            List<String> lines = new java.util.ArrayList<>();
            lines.add(summary());
            if (!intact) {
                breaks.forEach(b -> lines.add("  " + b.text()));
                if (unlisted() > 0) lines.add("  … and " + unlisted() + " more");
            }
            return lines;
        }
    }

    /** How far a verification got: called now and then while it reads the chain, not once per entry. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (checked, total) -> { };

        /**
         * @param checked entries checked so far
         * @param total   the number of the chain's last entry when the verification began (what
         *                {@code checked} reaches when no entry is missing)
         */
        void checked(long checked, long total);
    }

    /**
     * Recomputes every link, hash and key signature in one snapshot, compares the chain with the
     * checkpoints outside the database and the head, and reports every break. When the chain is
     * intact and the check ran in its own transaction (it saw committed entries only), its head
     * is written as a checkpoint.
     */
    public Verification verify() {
        return verify(Progress.NONE);
    }

    /** {@link #verify()}, telling {@code progress} how far it got after every page of entries read. */
    public Verification verify(Progress progress) {
        boolean callersTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        ChainVerifier.Outcome outcome = snapshot.execute(tx -> new ChainVerifier(jdbc, anchor, verifyPageSize).verify(false, progress));
        if (!callersTransaction && outcome.verification().intact()) {
            checkpoints.verified(outcome.lastSeq(), outcome.lastHash());
        }
        return outcome.verification();
    }

    static String hash(long seq, Instant at, String actor, String type, String id, String action,
                       String oldValue, String newValue, String reason, String previous) {
        StringBuilder sb = new StringBuilder(256);
        for (String field : new String[] {Long.toString(seq), at.toString(), actor, type, id, action, oldValue, newValue, reason, previous}) {
            if (field == null) sb.append("-1:");
            else sb.append(field.length()).append(':').append(field);
            sb.append('\n');
        }
        return Hashes.sha256(sb.toString());
    }

    private String toJson(Object value) {
        if (value == null) return null;
        return value instanceof String s ? json.writeValueAsString(s) : json.writeValueAsString(value);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return ChainVerifier.entry(rs);
    }
}
