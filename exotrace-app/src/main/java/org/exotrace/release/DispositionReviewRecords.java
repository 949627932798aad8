package org.exotrace.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.donor.ConsentScope;
import org.exotrace.release.DispositionReview.Cause;
import org.exotrace.release.DispositionReview.CauseKind;
import org.exotrace.release.DispositionReview.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of disposition reviews and their causes. A review row is inserted open and updated once,
 * when its outcome is recorded; causes are only inserted (the database refuses anything else).
 */
@Repository
class DispositionReviewRecords {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    DispositionReviewRecords(JdbcClient jdbc, @Value("${exotrace.zone:}") String zone) {
        this.jdbc = jdbc;
        this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    /** Today in the lab's time zone. */
    LocalDate today() {
        return LocalDate.now(zone);
    }

    /** Opens a review of the lot unless one is open; either way answers the open review's id. */
    UUID openOrJoin(UUID lotId, String lotCode, Instant at, String by) {
        UUID created = jdbc.sql("""
                insert into disposition_review (id, lot_id, lot_code, opened_at, opened_by) values (?, ?, ?, ?, ?)
                on conflict (lot_id) where outcome is null do nothing returning id""")
                .params(UUID.randomUUID(), lotId, lotCode, Timestamp.from(at), by).query(UUID.class).optional().orElse(null);
        return created != null ? created : lockOpen(lotId).orElseThrow();
    }

    /** The lot's open review's id, locked until the end of the transaction so that one person decides it. */
    Optional<UUID> lockOpen(UUID lotId) {
        return jdbc.sql("select id from disposition_review where lot_id = ? and outcome is null for update").param(lotId).query(UUID.class).optional();
    }

    void addCause(UUID reviewId, CauseKind kind, String subject, ConsentScope scope, LocalDate occurredOn, String reason, UUID sourceId,
                  Instant at, String by) {
        jdbc.sql("""
                insert into disposition_review_cause (id, review_id, kind, subject, scope, occurred_on, reason, source_id, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), reviewId, kind.name(), subject, scope == null ? null : scope.name(), occurredOn, reason, sourceId,
                        Timestamp.from(at), by)
                .update();
    }

    /** Records the outcome of an open review; false when it was no longer open. */
    boolean decide(UUID reviewId, Outcome outcome, String reason, UUID decisionId, String by, Instant at) {
        return jdbc.sql("""
                update disposition_review set outcome = ?, outcome_reason = ?, decision_id = ?, decided_by = ?, decided_at = ?
                where id = ? and outcome is null""")
                .params(outcome.name(), reason, decisionId, by, Timestamp.from(at), reviewId).update() == 1;
    }

    Optional<DispositionReview> get(UUID reviewId) {
        return load("where r.id = ?", reviewId).stream().findFirst();
    }

    List<DispositionReview> open() {
        return load("where r.outcome is null order by r.opened_at, r.lot_code");
    }

    List<DispositionReview> openFor(Collection<UUID> lotIds) {
        if (lotIds.isEmpty()) return List.of();
        return load("where r.outcome is null and r.lot_id = any(?) order by r.opened_at", (Object) lotIds.toArray(UUID[]::new));
    }

    long openCount() {
        return jdbc.sql("select count(*) from disposition_review where outcome is null").query(Long.class).single();
    }

    /** Every review of the lot, oldest first. */
    List<DispositionReview> forLot(UUID lotId) {
        return load("where r.lot_id = ? order by r.opened_at", lotId);
    }

    /** The review that recalled the lot, if any. */
    Optional<DispositionReview> recall(UUID lotId) {
        return load("where r.lot_id = ? and r.outcome = 'RECALL' order by r.decided_at desc", lotId).stream().findFirst();
    }

    /** Whether the lot was ever released under signature: only then can its units be in use. */
    boolean everReleased(UUID lotId) {
        return jdbc.sql("select exists (select 1 from lot_decision where lot_id = ? and kind = 'RELEASE')").param(lotId).query(Boolean.class).single();
    }

    /** Whether this signature recorded the outcome of a review (so the quarantine it caused is not a new cause). */
    boolean signedAnOutcome(UUID signatureId) {
        return jdbc.sql("""
                select exists (select 1 from disposition_review r join lot_decision d on d.id = r.decision_id where d.signature_id = ?)""")
                .param(signatureId).query(Boolean.class).single();
    }

    /** The printed name under a signature, if it exists. */
    Optional<String> signer(UUID signatureId) {
        return jdbc.sql("select printed_name from electronic_signature where id = ?").param(signatureId).query(String.class).optional();
    }

    private List<DispositionReview> load(String where, Object... params) {
        List<DispositionReview> reviews = jdbc.sql("select r.* from disposition_review r " + where).params(params).query(this::review).list();
        if (reviews.isEmpty()) return reviews;
        Map<UUID, List<Cause>> causes = new LinkedHashMap<>();
        jdbc.sql("select * from disposition_review_cause where review_id = any(?) order by recorded_at, id")
                .param(reviews.stream().map(DispositionReview::id).toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    causes.computeIfAbsent(rs.getObject("review_id", UUID.class), k -> new ArrayList<>()).add(cause(rs));
                });
        return reviews.stream().map(r -> new DispositionReview(r.id(), r.lotId(), r.lotCode(), r.openedAt(), r.openedOn(), r.openedBy(),
                causes.getOrDefault(r.id(), List.of()), r.outcome(), r.outcomeReason(), r.decisionId(), r.decidedBy(), r.decidedAt(),
                r.decidedOn())).toList();
    }

    private DispositionReview review(ResultSet rs, int n) throws SQLException {
        Instant opened = rs.getTimestamp("opened_at").toInstant();
        Timestamp decided = rs.getTimestamp("decided_at");
        String outcome = rs.getString("outcome");
        return new DispositionReview(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class), rs.getString("lot_code"), opened,
                opened.atZone(zone).toLocalDate(), rs.getString("opened_by"), List.of(), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getString("outcome_reason"), rs.getObject("decision_id", UUID.class), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), decided == null ? null : decided.toInstant().atZone(zone).toLocalDate());
    }

    private static Cause cause(ResultSet rs) throws SQLException {
        String scope = rs.getString("scope");
        return new Cause(rs.getObject("id", UUID.class), CauseKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                scope == null ? null : ConsentScope.valueOf(scope), rs.getDate("occurred_on").toLocalDate(), rs.getString("reason"),
                rs.getObject("source_id", UUID.class), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }
}
