package org.exotrace.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of signatures and decisions. Rows are only inserted, never changed. */
@Repository
class DecisionRecords {

    private final JdbcClient jdbc;

    DecisionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The concentration a release states, as stored with its decision. */
    record Concentration(double perMl, boolean measured, String method, UUID resultId) {}

    Decision insert(ElectronicSignature s, UUID lotId, String reason, UUID specificationId, String specificationReference,
                    String certificateNumber, List<String> evaluationSnapshot, Concentration concentration) {
        insertSignature(s);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into lot_decision (id, lot_id, kind, reason, specification_id, specification_reference, certificate_number,
                  signature_id, evaluation_snapshot, decided_at, released_concentration_per_ml, released_concentration_measured,
                  released_concentration_method, released_concentration_result_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lotId, s.meaning().name(), reason, specificationId, specificationReference, certificateNumber, s.id(),
                        String.join("\n", evaluationSnapshot), java.sql.Timestamp.from(s.signedAt()),
                        concentration == null ? null : concentration.perMl(), concentration == null ? null : concentration.measured(),
                        concentration == null ? null : concentration.method(), concentration == null ? null : concentration.resultId())
                .update();
        return forLot(lotId).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** Stores a signature alone: a lot's decision, or another module's record (a recall's closure). */
    void insertSignature(ElectronicSignature s) {
        jdbc.sql("""
                insert into electronic_signature (id, record_type, record_id, username, printed_name, meaning, signed_at, content_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.recordType(), s.recordId(), s.username(), s.printedName(), s.meaning().name(),
                        java.sql.Timestamp.from(s.signedAt()), s.contentHash())
                .update();
    }

    List<Decision> forLot(UUID lotId) {
        return jdbc.sql("""
                select d.*, s.record_type, s.record_id, s.username, s.printed_name, s.meaning, s.signed_at, s.content_hash
                from lot_decision d join electronic_signature s on s.id = d.signature_id
                where d.lot_id = ? order by d.decided_at""").param(lotId).query(DecisionRecords::decision).list();
    }

    String nextCertificateNumber(int year) {
        long n = jdbc.sql("""
                insert into certificate_sequence (year, last) values (?, 1)
                on conflict (year) do update set last = certificate_sequence.last + 1 returning last""")
                .param(year).query(Long.class).single();
        return String.format("CoA-%d-%05d", year, n);
    }

    private static Decision decision(ResultSet rs, int n) throws SQLException {
        ElectronicSignature s = new ElectronicSignature(rs.getObject("signature_id", UUID.class), rs.getString("record_type"),
                rs.getObject("record_id", UUID.class), rs.getString("username"), rs.getString("printed_name"),
                SignatureMeaning.valueOf(rs.getString("meaning")), rs.getTimestamp("signed_at").toInstant(), rs.getString("content_hash"));
        String snapshot = rs.getString("evaluation_snapshot");
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class), SignatureMeaning.valueOf(rs.getString("kind")),
                rs.getString("reason"), rs.getObject("specification_id", UUID.class), rs.getString("specification_reference"),
                rs.getString("certificate_number"), s, snapshot == null || snapshot.isEmpty() ? List.of() : Arrays.asList(snapshot.split("\n")),
                rs.getTimestamp("decided_at").toInstant(), concentration(rs));
    }

    private static ReleasedConcentration concentration(ResultSet rs) throws SQLException {
        Double perMl = (Double) rs.getObject("released_concentration_per_ml");
        String certificate = rs.getString("certificate_number");
        if (perMl == null || certificate == null) return null;
        return new ReleasedConcentration(perMl, rs.getBoolean("released_concentration_measured"), rs.getString("released_concentration_method"),
                rs.getObject("released_concentration_result_id", UUID.class), rs.getTimestamp("decided_at").toInstant(), certificate);
    }
}
