package org.exotrace.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.Page;
import org.exotrace.shared.SearchText;
import org.exotrace.shared.RecordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
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
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x45584f5452414345L;

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the change in the publisher's transaction: no change commits without its entry. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(RecordChanged change) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_entry order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(new Head(0, GENESIS));
        long seq = head.seq() + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String actor = Actors.current();
        String oldValue = toJson(change.before());
        String newValue = toJson(change.after());
        String hash = hash(seq, at, actor, change.recordType(), change.recordId(), change.action(), oldValue, newValue,
                change.reason(), head.hash());
        jdbc.sql("""
                insert into audit_entry (seq, recorded_at, actor, record_type, record_id, action, old_value, new_value, reason, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, java.sql.Timestamp.from(at), actor, change.recordType(), change.recordId(), change.action(),
                        oldValue, newValue, change.reason(), head.hash(), hash)
                .update();
        jdbc.sql("insert into audit_head (id, seq, hash) values (1, ?, ?) on conflict (id) do update set seq = excluded.seq, hash = excluded.hash")
                .params(seq, hash).update();
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

    /** The outcome of a chain check. {@code firstBrokenSeq} is null when the chain is intact. */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {
        public String summary() {
            return intact
                    ? "Audit chain intact: " + entriesChecked + " entries verified."
                    : "Audit chain BROKEN at entry " + firstBrokenSeq + ": " + problem + " (" + entriesChecked + " entries checked before it).";
        }
    }

    /** Recomputes every link in order and reports the first entry whose content, hash or position does not match. */
    @Transactional(readOnly = true)
    public Verification verify() {
        var state = new Object() {
            long expectedSeq = 1;
            String previous = GENESIS;
            long checked = 0;
            Verification broken;
        };
        jdbc.sql("select * from audit_entry order by seq").query((ResultSet rs) -> {
            if (state.broken != null) return;
            AuditEntry e = entry(rs, 0);
            String problem = null;
            if (e.seq() != state.expectedSeq) {
                problem = "entry " + state.expectedSeq + " is missing";
            } else if (!e.previousHash().equals(state.previous)) {
                problem = "its link to the previous entry does not match";
            } else if (!e.hash().equals(hash(e.seq(), e.recordedAt(), e.actor(), e.recordType(), e.recordId(), e.action(),
                    e.oldValue(), e.newValue(), e.reason(), e.previousHash()))) {
                problem = "its content was changed after it was written";
            }
            if (problem != null) {
                state.broken = new Verification(false, state.checked, Math.min(e.seq(), state.expectedSeq), problem);
                return;
            }
            state.checked++;
            state.expectedSeq++;
            state.previous = e.hash();
        });
        if (state.broken != null) return state.broken;
        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select seq, hash from audit_head where id = 1").query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(new Head(0, GENESIS));
        if (head.seq() > state.checked) {
            return new Verification(false, state.checked, state.checked + 1,
                    "the chain ends at entry " + state.checked + " but entries up to " + head.seq() + " were written");
        }
        if (head.seq() == state.checked && head.seq() > 0 && !head.hash().equals(state.previous)) {
            return new Verification(false, state.checked, head.seq(), "the last entry does not match the recorded head of the chain");
        }
        return new Verification(true, state.checked, null, null);
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
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
                rs.getString("record_type"), rs.getString("record_id"), rs.getString("action"), rs.getString("old_value"),
                rs.getString("new_value"), rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
