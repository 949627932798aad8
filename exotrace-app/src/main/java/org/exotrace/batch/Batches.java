package org.exotrace.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.exotrace.shared.SearchText;
import org.exotrace.shared.RecordChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The batches collection: record an isolation run, correct it with a reason, look it up. */
@Service
public class Batches {

    /** The facts of an isolation run as entered; {@code operator} defaults to the signed-in user. */
    public record NewBatch(UUID donorId, IsolationMethod method, Double gForce, Integer durationMinutes, String methodDetail,
                           Double inputVolumeMl, Long inputCellCount, Integer passage, LocalDate startedOn, LocalDate completedOn,
                           String operator, String notes) {}

    private final JdbcClient jdbc;
    private final Donors donors;
    private final Codes codes;
    private final ApplicationEventPublisher events;

    Batches(JdbcClient jdbc, Donors donors, Codes codes, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.donors = donors;
        this.codes = codes;
        this.events = events;
    }

    @Transactional
    public Batch record(NewBatch b) {
        validate(b, null);
        UUID id = UUID.randomUUID();
        String operator = Checks.blankToNull(b.operator()) == null ? Actors.current() : b.operator().strip();
        jdbc.sql("""
                insert into batch (id, code, donor_id, method, g_force, duration_minutes, method_detail, input_volume_ml, input_cell_count,
                                   passage, started_on, completed_on, operator, notes, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, codes.next("B"), b.donorId(), b.method().name(), b.gForce(), b.durationMinutes(), Checks.blankToNull(b.methodDetail()),
                        b.inputVolumeMl(), b.inputCellCount(), b.passage(), b.startedOn(), b.completedOn(), operator,
                        Checks.blankToNull(b.notes()), Actors.current())
                .update();
        Batch batch = get(id);
        events.publishEvent(RecordChanged.created("batch", id, snapshot(batch)));
        return batch;
    }

    /** A change after first entry: the reason is required and the audit trail keeps the old and new values. */
    @Transactional
    public Batch correct(UUID id, NewBatch b, String reason) {
        Batch before = get(id);
        Checks reasonCheck = new Checks();
        reasonCheck.text("reason", reason, 1000, true);
        reasonCheck.throwIfAny();
        validate(b, before);
        if (!b.donorId().equals(before.donorId()) && hasLots(id)) {
            throw DomainProblem.conflict("Batch " + before.code() + " already has lots; its donor cannot be changed. Record a new batch instead.");
        }
        String operator = Checks.blankToNull(b.operator()) == null ? before.operator() : b.operator().strip();
        jdbc.sql("""
                update batch set donor_id = ?, method = ?, g_force = ?, duration_minutes = ?, method_detail = ?, input_volume_ml = ?,
                                 input_cell_count = ?, passage = ?, started_on = ?, completed_on = ?, operator = ?, notes = ?
                where id = ?""")
                .params(b.donorId(), b.method().name(), b.gForce(), b.durationMinutes(), Checks.blankToNull(b.methodDetail()), b.inputVolumeMl(),
                        b.inputCellCount(), b.passage(), b.startedOn(), b.completedOn(), operator, Checks.blankToNull(b.notes()), id)
                .update();
        Batch after = get(id);
        Map<String, Object> old = snapshot(before);
        Map<String, Object> now = snapshot(after);
        if (old.equals(now)) throw DomainProblem.conflict("The correction changes nothing in batch " + before.code() + ".");
        events.publishEvent(RecordChanged.changed("batch", id, "UPDATE", old, now, reason.strip()));
        return after;
    }

    @Transactional(readOnly = true)
    public Batch get(UUID id) {
        return find(id).orElseThrow(() -> DomainProblem.notFound("Batch", id));
    }

    @Transactional(readOnly = true)
    public Optional<Batch> find(UUID id) {
        return jdbc.sql("select * from batch where id = ?").param(id).query(Batches::batch).optional();
    }

    /** The batch with this code, as printed (surrounding spaces and case do not matter). */
    @Transactional(readOnly = true)
    public Optional<Batch> findByCode(String code) {
        if (code == null || code.isBlank()) return Optional.empty();
        return jdbc.sql("select * from batch where code = ?").param(code.strip().toUpperCase()).query(Batches::batch).optional();
    }

    /** Searches by batch code, method, operator or the donor's code. Newest first. */
    @Transactional(readOnly = true)
    public Page<Batch> search(String text, Page.Request page) {
        SearchText typed = SearchText.of("q", text);
        String q = typed.text();
        String like = typed.containsPattern();
        // only those who may see donor codes may find batches by one
        UUID donor = q.isEmpty() || !Donors.mayIdentifyDonors() ? null : donors.findByCode(q).map(Donor::id).orElse(null);
        String where = " where (:q = '' or code ilike :like or method ilike :like or coalesce(operator, '') ilike :like"
                + " or coalesce(method_detail, '') ilike :like or donor_id = :donor)";
        long total = jdbc.sql("select count(*) from batch" + where).param("q", q).param("like", like).param("donor", donor)
                .query(Long.class).single();
        List<Batch> rows = jdbc.sql("select * from batch" + where + " order by created_at desc, code desc limit :limit offset :offset")
                .param("q", q).param("like", like).param("donor", donor).param("limit", page.size()).param("offset", page.offset())
                .query(Batches::batch).list();
        return new Page<>(rows, page.number(), page.size(), total);
    }

    /** How many batches there are: the count kept by the triggers of migration V2026_12_12_0300, not a count of every batch. */
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select batches from batch_count").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<Batch> ofDonor(UUID donorId) {
        return jdbc.sql("select * from batch where donor_id = ? order by started_on, code").param(donorId).query(Batches::batch).list();
    }

    private boolean hasLots(UUID batchId) {
        return jdbc.sql("select count(*) from lot where batch_id = ?").param(batchId).query(Long.class).single() > 0;
    }

    private void validate(NewBatch b, Batch existing) {
        Checks c = new Checks();
        c.required("donorId", b.donorId());
        if (b.donorId() != null) {
            Optional<Donor> donor = donors.find(b.donorId());
            boolean sameDonor = existing != null && existing.donorId().equals(b.donorId());
            if (donor.isEmpty()) c.fail("donorId", "no donor with id " + b.donorId());
            else if (donor.get().retired() && !sameDonor) c.fail("donorId", "donor " + donor.get().code().display() + " is retired; no new batches");
        }
        c.required("method", b.method());
        c.finite("gForce", b.gForce());
        c.positive("gForce", b.gForce());
        c.atMost("gForce", b.gForce(), Bounds.G_FORCE, "× g");
        c.positive("durationMinutes", b.durationMinutes());
        c.atMost("durationMinutes", b.durationMinutes(), Bounds.DURATION_MINUTES, "minutes");
        if (b.method() != null && b.method().needsCentrifugation()) {
            if (b.gForce() == null) c.fail("gForce", "give the g-force: ultracentrifugation is not reproducible without it");
            if (b.durationMinutes() == null) c.fail("durationMinutes", "give the duration in minutes of the ultracentrifugation");
        }
        c.text("methodDetail", b.methodDetail(), 500, false);
        c.finite("inputVolumeMl", b.inputVolumeMl());
        c.notNegative("inputVolumeMl", b.inputVolumeMl());
        c.atMost("inputVolumeMl", b.inputVolumeMl(), Bounds.BULK_VOLUME_ML, "mL");
        c.notNegative("inputCellCount", b.inputCellCount());
        c.atMost("inputCellCount", b.inputCellCount(), Bounds.CELL_COUNT, "cells");
        c.notNegative("passage", b.passage());
        c.atMost("passage", b.passage(), Bounds.PASSAGE, "");
        c.past("startedOn", b.startedOn(), true);
        c.past("completedOn", b.completedOn(), false);
        if (b.startedOn() != null && b.completedOn() != null && b.completedOn().isBefore(b.startedOn())) {
            c.fail("completedOn", "cannot be before the start (" + b.startedOn() + ")");
        }
        c.text("operator", b.operator(), 120, false);
        c.text("notes", b.notes(), 2000, false);
        c.throwIfAny();
    }

    static Map<String, Object> snapshot(Batch b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", b.code());
        m.put("donorId", Objects.toString(b.donorId(), null));
        m.put("method", b.method().name());
        m.put("gForce", b.gForce());
        m.put("durationMinutes", b.durationMinutes());
        m.put("methodDetail", b.methodDetail());
        m.put("inputVolumeMl", b.inputVolumeMl());
        m.put("inputCellCount", b.inputCellCount());
        m.put("passage", b.passage());
        m.put("startedOn", Objects.toString(b.startedOn(), null));
        m.put("completedOn", Objects.toString(b.completedOn(), null));
        m.put("operator", b.operator());
        m.put("notes", b.notes());
        return m;
    }

    private static Batch batch(ResultSet rs, int n) throws SQLException {
        return new Batch(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("donor_id", UUID.class),
                IsolationMethod.valueOf(rs.getString("method")), (Double) rs.getObject("g_force"), (Integer) rs.getObject("duration_minutes"),
                rs.getString("method_detail"), (Double) rs.getObject("input_volume_ml"), (Long) rs.getObject("input_cell_count"),
                (Integer) rs.getObject("passage"), rs.getObject("started_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                rs.getString("operator"), rs.getString("notes"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
