package org.exotrace.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.shared.DomainProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of OOS investigations and the results recorded inside them. Rows are inserted and moved forward, never deleted. */
@Repository
class InvestigationRecords {

    private final JdbcClient jdbc;

    InvestigationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the investigation of an out-of-specification result, numbered OOS-yyyy-nnnn in the year it opens. */
    UUID open(Result result, String openedBy, int year) {
        long n = jdbc.sql("""
                insert into oos_sequence (year, last) values (?, 1)
                on conflict (year) do update set last = oos_sequence.last + 1 returning last""").param(year).query(Long.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into oos_investigation (id, number, lot_id, test_code, result_id, status, phase, opened_by)
                values (?, ?, ?, ?, ?, 'OPEN', 'PHASE_I', ?)""")
                .params(id, String.format("OOS-%d-%04d", year, n), result.lotId(), result.testCode(), result.id(), openedBy).update();
        return id;
    }

    void phaseOne(UUID id, OosInvestigation.PhaseOne p) {
        jdbc.sql("""
                update oos_investigation set p1_calculation = ?, p1_instrument = ?, p1_standard = ?, p1_sample_preparation = ?,
                  p1_hypothesis = ?, p1_by = ?, p1_at = now() where id = ?""")
                .params(p.calculationCheck(), p.instrumentCheck(), p.standardCheck(), p.samplePreparationCheck(), p.hypothesis(),
                        p.recordedBy(), id).update();
    }

    void phaseTwo(UUID id, OosInvestigation.PhaseTwo p) {
        jdbc.sql("""
                update oos_investigation set phase = 'PHASE_II', p2_production_review = ?, p2_plan = ?, p2_resampling = ?, p2_by = ?,
                  p2_at = now() where id = ?""")
                .params(p.productionReview(), p.plan(), p.resamplingJustification(), p.recordedBy(), id).update();
    }

    void propose(UUID id, OosInvestigation.Proposal p) {
        jdbc.sql("""
                update oos_investigation set proposed_conclusion = ?, cause_category = ?, cause_description = ?, proposal_summary = ?,
                  proposed_by = ?, proposed_at = now() where id = ?""")
                .params(p.conclusion().name(), p.causeCategory() == null ? null : p.causeCategory().name(), p.causeDescription(),
                        p.summary(), p.proposedBy(), id).update();
    }

    void clearProposal(UUID id) {
        jdbc.sql("""
                update oos_investigation set proposed_conclusion = null, cause_category = null, cause_description = null,
                  proposal_summary = null, proposed_by = null, proposed_at = null where id = ?""").param(id).update();
    }

    void approve(UUID id, OosInvestigation.Approval a) {
        jdbc.sql("""
                update oos_investigation set status = 'CLOSED', approved_by = ?, approver_name = ?, approved_at = ?, approval_meaning = ?,
                  approval_hash = ?, approval_comment = ? where id = ? and status = 'OPEN'""")
                .params(a.username(), a.printedName(), Timestamp.from(a.approvedAt()), a.meaning(), a.contentHash(), a.comment(), id).update();
    }

    void addResult(UUID investigationId, UUID resultId, OosInvestigation.Testing kind, OosInvestigation.Phase phase) {
        jdbc.sql("insert into oos_additional_result (result_id, investigation_id, kind, phase) values (?, ?, ?, ?)")
                .params(resultId, investigationId, kind.name(), phase.name()).update();
    }

    OosInvestigation get(UUID id) {
        return find(id).orElseThrow(() -> DomainProblem.notFound("OOS investigation", id));
    }

    Optional<OosInvestigation> find(UUID id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::investigation).optional();
    }

    /** Locks the investigation's row for the rest of the transaction, so two people cannot move it at once. */
    OosInvestigation getForUpdate(UUID id) {
        jdbc.sql("select id from oos_investigation where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> DomainProblem.notFound("OOS investigation", id));
        return get(id);
    }

    /** The investigation the result opened or was recorded in. */
    Optional<OosInvestigation> forResult(UUID resultId) {
        return jdbc.sql(SELECT + " where i.result_id = ? or i.id = (select investigation_id from oos_additional_result where result_id = ?)")
                .params(resultId, resultId).query(this::investigation).optional();
    }

    List<OosInvestigation> forLot(UUID lotId) {
        return jdbc.sql(SELECT + " where i.lot_id = ? order by i.opened_at, i.number").param(lotId).query(this::investigation).list();
    }

    List<OosInvestigation> open() {
        return jdbc.sql(SELECT + " where i.status = 'OPEN' order by i.opened_at, i.number").query(this::investigation).list();
    }

    List<OosInvestigation> recent(int limit) {
        return jdbc.sql(SELECT + " order by i.opened_at desc, i.number desc limit ?").param(limit).query(this::investigation).list();
    }

    long countOpen() {
        return jdbc.sql("select count(*) from oos_investigation where status = 'OPEN'").query(Long.class).single();
    }

    private static final String SELECT = """
            select i.*, r.analyst from oos_investigation i join result r on r.id = i.result_id""";

    private OosInvestigation investigation(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        OosInvestigation.PhaseOne one = rs.getString("p1_by") == null ? null : new OosInvestigation.PhaseOne(rs.getString("p1_calculation"),
                rs.getString("p1_instrument"), rs.getString("p1_standard"), rs.getString("p1_sample_preparation"), rs.getString("p1_hypothesis"),
                rs.getString("p1_by"), instant(rs.getTimestamp("p1_at")));
        OosInvestigation.PhaseTwo two = rs.getString("p2_by") == null ? null : new OosInvestigation.PhaseTwo(rs.getString("p2_production_review"),
                rs.getString("p2_plan"), rs.getString("p2_resampling"), rs.getString("p2_by"), instant(rs.getTimestamp("p2_at")));
        String conclusion = rs.getString("proposed_conclusion");
        String cause = rs.getString("cause_category");
        OosInvestigation.Proposal proposal = conclusion == null ? null : new OosInvestigation.Proposal(
                OosInvestigation.Conclusion.valueOf(conclusion), cause == null ? null : OosInvestigation.Cause.valueOf(cause),
                rs.getString("cause_description"), rs.getString("proposal_summary"), rs.getString("proposed_by"),
                instant(rs.getTimestamp("proposed_at")));
        OosInvestigation.Approval approval = rs.getString("approved_by") == null ? null : new OosInvestigation.Approval(
                rs.getString("approved_by"), rs.getString("approver_name"), instant(rs.getTimestamp("approved_at")),
                rs.getString("approval_meaning"), rs.getString("approval_hash"), rs.getString("approval_comment"));
        return new OosInvestigation(id, rs.getString("number"), rs.getObject("lot_id", UUID.class), rs.getString("test_code"),
                rs.getObject("result_id", UUID.class), rs.getString("analyst"), OosInvestigation.Status.valueOf(rs.getString("status")),
                OosInvestigation.Phase.valueOf(rs.getString("phase")), instant(rs.getTimestamp("opened_at")), rs.getString("opened_by"),
                one, two, proposal, approval, additional(id));
    }

    private List<OosInvestigation.AdditionalResult> additional(UUID investigationId) {
        return jdbc.sql("""
                select a.result_id, a.kind, a.phase from oos_additional_result a join result r on r.id = a.result_id
                where a.investigation_id = ? order by r.recorded_at""").param(investigationId)
                .query((rs, n) -> new OosInvestigation.AdditionalResult(rs.getObject(1, UUID.class),
                        OosInvestigation.Testing.valueOf(rs.getString(2)), OosInvestigation.Phase.valueOf(rs.getString(3))))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
