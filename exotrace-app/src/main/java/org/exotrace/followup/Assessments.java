package org.exotrace.followup;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.outcome.ComponentEntry;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.Role;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.TreatmentPlans;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outcome assessments of a clinic's patients. The components entered are read into the
 * instrument's calculator ({@link ComponentEntry}), which computes the score and band; every
 * missing or out-of-range component is refused at once, by field name, and nothing is written.
 * The EASI weights follow the patient's age on the day of the assessment, from their date of birth.
 * A correction adds the corrected assessment and marks the old one as superseded by it, with the
 * reason; nothing is edited in place.
 *
 * <p>Like {@link Patients}, every method first checks that the current user works at the
 * patient's clinic; to anyone else the assessments do not exist. Audit entries carry the
 * pseudonym, the instrument, the value and the band, never the patient's identity.
 */
@Service
public class Assessments {

    /**
     * An assessment as entered.
     *
     * @param instrument the instrument's code ("EASI", "vIGA-AD") or name ("VIGA_AD")
     * @param assessedOn the day of the assessment; today when null
     * @param planId the plan it belongs to, or null
     * @param side LEFT, RIGHT or BOTH (the default)
     * @param components the components by field name, flat ({@code "headNeck.erythema": 1}) or grouped
     *     ({@code "headNeck": {"erythema": 1}}); see {@link ComponentEntry#fields}
     */
    public record NewAssessment(String instrument, LocalDate assessedOn, UUID planId, String side, Map<String, Object> components) {}

    private static final String RECORD_TYPE = "outcome_assessment";
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Patients patients;
    private final TreatmentPlans plans;
    private final Sessions sessions;

    Assessments(JdbcClient jdbc, ApplicationEventPublisher events, Patients patients, TreatmentPlans plans, Sessions sessions) {
        this.jdbc = jdbc;
        this.events = events;
        this.patients = patients;
        this.plans = plans;
        this.sessions = sessions;
    }

    /** The instrument of a code ("vIGA-AD") or a name ("VIGA_AD"), ignoring case. */
    public static Instrument instrument(String codeOrName, Map<String, String> errors) {
        String text = codeOrName == null ? "" : codeOrName.strip();
        for (Instrument i : Instrument.values()) {
            if (i.code().equalsIgnoreCase(text) || i.name().equalsIgnoreCase(text.replace('-', '_').replace(' ', '_'))) return i;
        }
        errors.put("instrument", (text.isEmpty() ? "choose" : "\"" + text + "\" is not") + " one of "
                + Arrays.stream(Instrument.values()).map(Instrument::code).toList());
        return null;
    }

    /** Scores and records an assessment, or refuses it with a message for every bad field. */
    @Transactional
    public Assessment record(UUID patientId, NewAssessment a) {
        Patient patient = patients.get(patientId);
        Map<String, String> errors = new LinkedHashMap<>();
        Instrument instrument = instrument(a.instrument(), errors);
        LocalDate on = a.assessedOn() == null ? LocalDate.now() : a.assessedOn();
        if (on.isAfter(LocalDate.now())) errors.put("assessedOn", "cannot be in the future");
        else if (on.isBefore(patient.dateOfBirth())) errors.put("assessedOn", "cannot be before the patient's date of birth");
        Side side = Texts.blankToNull(a.side()) == null ? Side.BOTH : Choices.parse(Side.class, a.side(), "side", errors);
        if (a.planId() != null && plans.forPatient(patientId).stream().noneMatch(p -> p.id().equals(a.planId()))) {
            errors.put("planId", "is not one of this patient's plans");
        }
        ComponentEntry.Result result = null;
        if (instrument != null) {
            try {
                result = ComponentEntry.read(instrument, a.components(), patient.ageOn(errors.containsKey("assessedOn") ? LocalDate.now() : on));
            } catch (DomainProblem p) {
                errors.putAll(p.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw DomainProblem.invalid(instrument == null ? "Invalid assessment" : "Invalid " + instrument.code() + " assessment", errors);
        }
        UUID id = insert(patientId, a.planId(), on, side, result);
        events.publishEvent(RecordChanged.created(RECORD_TYPE, id, audit(patient, get(id))));
        return get(id);
    }

    /**
     * Replaces a valid assessment with one of corrected components (same instrument, day, side and
     * plan); the old one stays, marked CORRECTED with the reason and the id of its replacement.
     *
     * @return the new assessment
     */
    @Transactional
    public Assessment correct(UUID assessmentId, Map<String, Object> components, String reason) {
        Assessment old = get(assessmentId);
        Patient patient = patients.get(old.patientId());
        if (!old.valid()) throw DomainProblem.conflict("This assessment was already corrected; correct its replacement " + old.supersededBy() + ".");
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Texts.check("reason", reason, 1000, true);
        } catch (DomainProblem p) {
            errors.putAll(p.fieldErrors());
        }
        ComponentEntry.Result result = null;
        try {
            result = ComponentEntry.read(old.instrument(), components, patient.ageOn(old.assessedOn()));
        } catch (DomainProblem p) {
            errors.putAll(p.fieldErrors());
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid correction of " + old.instrument().code(), errors);
        UUID id = insert(old.patientId(), old.planId(), old.assessedOn(), old.side(), result);
        int updated = jdbc.sql("""
                update outcome_assessment set status = 'CORRECTED', superseded_by = ?, correction_reason = ? where id = ? and status = 'VALID'""")
                .params(id, reason.strip(), assessmentId).update();
        if (updated != 1) throw DomainProblem.conflict("This assessment was corrected by someone else meanwhile.");
        Assessment corrected = get(id);
        Map<String, Object> after = audit(patient, corrected);
        after.put("corrects", assessmentId.toString());
        events.publishEvent(RecordChanged.created(RECORD_TYPE, id, after));
        Map<String, Object> before = audit(patient, old);
        before.put("status", "VALID");
        Map<String, Object> superseded = audit(patient, old);
        superseded.put("status", "CORRECTED");
        superseded.put("supersededBy", id.toString());
        events.publishEvent(RecordChanged.changed(RECORD_TYPE, assessmentId, "CORRECT", before, superseded, reason.strip()));
        return corrected;
    }

    /** The assessment, for the staff of the patient's clinic; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public Assessment get(UUID id) {
        Assessment a = jdbc.sql("select * from outcome_assessment where id = ?").param(id).query(Assessments::row).optional()
                .orElseThrow(() -> DomainProblem.notFound("Assessment", id));
        patients.ofRecord(a.patientId(), "Assessment", id);
        return a;
    }

    /** Every assessment of the patient, newest first, corrected ones included. */
    @Transactional(readOnly = true)
    public List<Assessment> forPatient(UUID patientId) {
        patients.get(patientId);
        return jdbc.sql("select * from outcome_assessment where patient_id = ? order by assessed_on desc, created_at desc")
                .param(patientId).query(Assessments::row).list();
    }

    /** The valid assessments (none corrected away) of these patients, for research, by patient and day. */
    @Transactional(readOnly = true)
    public List<Assessment> forResearch(Collection<UUID> patientIds) {
        if (!Actors.holdsAny(Role.RESEARCHER)) throw DomainProblem.forbidden("Only researchers read records for research.");
        if (patientIds.isEmpty()) return List.of();
        return jdbc.sql("select * from outcome_assessment where patient_id = any(?) and status = 'VALID' order by patient_id, assessed_on")
                .param(patientIds.toArray(UUID[]::new)).query(Assessments::row).list();
    }

    /** The patient's progress per endpoint against baseline, and the next visit due that has not been given yet. */
    @Transactional(readOnly = true)
    public Progress progress(UUID patientId) {
        Patient patient = patients.get(patientId);
        return Progress.of(patient, forPatient(patientId), plans.forPatient(patientId), sessions.forPatient(patientId), LocalDate.now());
    }

    private UUID insert(UUID patientId, UUID planId, LocalDate on, Side side, ComponentEntry.Result result) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into outcome_assessment (id, patient_id, plan_id, assessed_on, instrument, components, value, band, parts, side, assessor)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?)""")
                .params(id, patientId, planId, Date.valueOf(on), result.instrument().name(), JSON.writeValueAsString(result.components()),
                        result.value(), result.band(), JSON.writeValueAsString(result.parts().entrySet().stream()
                                .map(e -> Map.of("part", e.getKey(), "value", e.getValue())).toList()), side.name(), Actors.current())
                .update();
        return id;
    }

    /** What the audit trail keeps of an assessment: no identity, only the pseudonym. */
    private static Map<String, Object> audit(Patient patient, Assessment a) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", patient.pseudonym());
        audit.put("instrument", a.instrument().code());
        audit.put("assessedOn", a.assessedOn().toString());
        audit.put("side", a.side().name());
        if (a.value() != null) audit.put("value", a.value().toPlainString());
        if (a.band() != null) audit.put("band", a.band());
        return audit;
    }

    private static Assessment row(ResultSet rs, int n) throws SQLException {
        UUID plan = rs.getObject("plan_id", UUID.class);
        BigDecimal value = rs.getBigDecimal("value");
        Instrument instrument = Instrument.valueOf(rs.getString("instrument"));
        // jsonb keeps no key order: components come back in the form's order, parts are stored as a list
        Map<String, Object> stored = JSON.readValue(rs.getString("components"), new TypeReference<Map<String, Object>>() {});
        Map<String, Object> components = new LinkedHashMap<>();
        ComponentEntry.fields(instrument).forEach(f -> { if (stored.containsKey(f.name())) components.put(f.name(), stored.get(f.name())); });
        components.putAll(stored);
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        JSON.readValue(rs.getString("parts"), new TypeReference<List<Map<String, Object>>>() {})
                .forEach(p -> parts.put((String) p.get("part"), new BigDecimal(p.get("value").toString())));
        return new Assessment(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), plan,
                rs.getDate("assessed_on").toLocalDate(), instrument, Side.valueOf(rs.getString("side")), components,
                value == null ? null : plain(value), rs.getString("band"), parts, rs.getString("assessor"),
                Assessment.Status.valueOf(rs.getString("status")), rs.getObject("superseded_by", UUID.class),
                rs.getString("correction_reason"), rs.getTimestamp("created_at").toInstant());
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
