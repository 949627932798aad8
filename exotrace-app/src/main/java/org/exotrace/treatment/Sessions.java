package org.exotrace.treatment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.PatientConsent;
import org.exotrace.clinic.Patients;
import org.exotrace.compliance.ComplianceDecision;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.RegulatoryRules;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.Donors;
import org.exotrace.donor.SourceType;
import org.exotrace.release.ReleasedConcentration;
import org.exotrace.release.Releases;
import org.exotrace.shared.Role;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.exotrace.supply.Shipments;
import org.exotrace.supply.UnitCheck;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment sessions, each traced to the unit it used. Before a session is recorded the unit is
 * checked ({@link Shipments#check}: received by this clinic, lot released, not expired, not used
 * before), the patient's treatment consent is checked, and the use is checked again against the
 * clinic's regulatory rules with the source the unit really came from (its lot's donors), which
 * may differ from the source named when the course was planned. A use the rules forbid is refused
 * with the citation; a caution is recorded with the session.
 */
@Service
public class Sessions {

    /** A session as entered; {@code route} empty means the plan's route, {@code operator} empty the current user. */
    public record NewSession(String unitCode, LocalDate performedOn, Double volumeMl, String route, String device, Double needleDepthMm,
                             Double energyMj, Integer passes, String settingsNote, String operator, String area, String side) {}

    /** An adverse event as reported; {@code seriousness} lists ICH criteria and makes the event serious when not empty. */
    public record NewAdverseEvent(String term, LocalDate onsetOn, String severity, List<String> seriousness, String causality, String outcome,
                                  LocalDate resolvedOn, String actionTaken, String description) {}

    /** A follow-up of an adverse event's outcome. */
    public record OutcomeUpdate(String outcome, LocalDate resolvedOn, String reason) {}

    /**
     * What the clinician sees after scanning a unit, before recording: whether it may be used and
     * why not, the lot, its concentration and the dose per mL.
     */
    public record UnitPreview(String unitCode, String lotCode, String productCode, Double unitVolumeMl, Double particlesPerMl,
                              TreatmentSession.ConcentrationSource concentrationSource, String concentrationBasis, LocalDate expiresOn,
                              List<SourceType> sourceTypes, List<String> refusals) {

        public UnitPreview {
            sourceTypes = List.copyOf(sourceTypes);
            refusals = List.copyOf(refusals);
        }

        @JsonProperty("usable")
        public boolean usable() {
            return refusals.isEmpty();
        }

        /** The particles in {@code volumeMl} of this unit, or null when the lot has no concentration. */
        public Double dose(double volumeMl) {
            return particlesPerMl == null ? null : particlesPerMl * volumeMl;
        }
    }

    static final int MAX_SESSIONS = 100;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TreatmentPlans plans;
    private final Patients patients;
    private final Clinics clinics;
    private final Shipments shipments;
    private final Lots lots;
    private final Donors donors;
    private final Releases releases;
    private final RegulatoryRules rules;

    Sessions(JdbcClient jdbc, ApplicationEventPublisher events, TreatmentPlans plans, Patients patients, Clinics clinics, Shipments shipments,
             Lots lots, Donors donors, Releases releases, RegulatoryRules rules) {
        this.jdbc = jdbc;
        this.events = events;
        this.plans = plans;
        this.patients = patients;
        this.clinics = clinics;
        this.shipments = shipments;
        this.lots = lots;
        this.donors = donors;
        this.releases = releases;
        this.rules = rules;
    }

    /** The scanned unit as the session form shows it, with every reason it may not be used here on {@code on}. */
    @Transactional(readOnly = true)
    public UnitPreview preview(UUID clinicId, String unitCode, LocalDate on) {
        UnitCheck check = shipments.check(clinicId, unitCode, on);
        Optional<LotUnit> unit = lots.unitByCode(check.unitCode());
        // A unit this clinic never received is refused without its lot's details: they are another clinic's business.
        if (unit.isEmpty() || !check.received()) {
            return new UnitPreview(check.unitCode(), null, null, null, null, null, null, null, List.of(), check.reasons());
        }
        List<String> refusals = new ArrayList<>(check.reasons());
        jdbc.sql("select number, performed_on from treatment_session where unit_id = ? and status = 'RECORDED'").param(unit.get().id())
                .query((rs, n) -> "unit " + check.unitCode() + " was already used on " + rs.getDate(2).toLocalDate() + ": a unit is used once")
                .optional().ifPresent(refusals::add);
        Lot lot = lots.get(unit.get().lotId());
        Concentration c = concentration(lot);
        return new UnitPreview(check.unitCode(), lot.code(), lot.productCode(), unit.get().volumeMl(), c.perMl(), c.source(), c.basis(),
                lot.expiresOn(), sources(lot), refusals);
    }

    /** Records a session of the plan, or refuses it with every reason and writes nothing. */
    @Transactional
    public TreatmentSession record(UUID planId, NewSession s) {
        TreatmentPlan plan = plans.get(planId);
        if (plan.allocationConcealed()) {
            throw DomainProblem.forbidden("You assess this patient blinded: a colleague who knows the allocation records the sessions.");
        }
        // One session at a time per plan: the number is the next free one, and a double click waits for the first to finish.
        jdbc.sql("select id from treatment_plan where id = ? for update").param(planId).query(UUID.class).single();
        Patient patient = patients.get(plan.patientId());
        Clinic clinic = clinics.get(plan.clinicId());
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = s.performedOn() == null ? LocalDate.now() : s.performedOn();
        if (day.isAfter(LocalDate.now())) errors.put("performedOn", "cannot be in the future");
        else if (day.isBefore(plan.startOn())) errors.put("performedOn", "cannot be before the plan starts, " + plan.startOn());
        if (s.unitCode() == null || s.unitCode().isBlank()) errors.put("unitCode", "scan or type the unit's code from its label");
        Route route = s.route() == null || s.route().isBlank() ? plan.route() : Choices.parse(Route.class, s.route(), "route", errors);
        Side side = s.side() == null || s.side().isBlank() ? (plan.treatedSide() == null ? Side.BOTH : plan.treatedSide())
                : Choices.parse(Side.class, s.side(), "side", errors);
        Texts.check(errors, "area", s.area(), 200, true);
        Texts.check(errors, "device", s.device(), 200, false);
        Texts.check(errors, "settingsNote", s.settingsNote(), 1000, false);
        range(errors, "needleDepthMm", s.needleDepthMm(), 0, 5, "mm");
        range(errors, "energyMj", s.energyMj(), 0, 1000, "mJ");
        if (s.passes() != null && (s.passes() < 1 || s.passes() > 20)) errors.put("passes", "must be from 1 to 20, was " + s.passes());
        String operator = Texts.blankToNull(s.operator()) == null ? Actors.current() : s.operator().strip();
        if (!clinics.isMember(clinic.id(), operator)) errors.put("operator", operator + " is not on " + clinic.name() + "'s staff");
        UnitPreview unit = null;
        if (!errors.containsKey("unitCode") && !errors.containsKey("performedOn")) {
            unit = preview(clinic.id(), s.unitCode(), day);
            if (s.volumeMl() != null && unit.unitVolumeMl() != null && s.volumeMl() > unit.unitVolumeMl() + 1e-9) {
                errors.put("volumeMl", "the unit holds " + unit.unitVolumeMl() + " mL; " + s.volumeMl() + " mL cannot come from it");
            }
        }
        if (s.volumeMl() == null) errors.put("volumeMl", "the volume applied, in mL");
        else if (!(s.volumeMl() > 0) || s.volumeMl() > 100) errors.put("volumeMl", "must be above 0 and at most 100 mL, was " + s.volumeMl());
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid session", errors);
        if (!unit.usable()) throw DomainProblem.ruleViolation("Unit " + unit.unitCode() + " cannot be used", unit.refusals());
        if (patients.consents(patient.id()).stream().noneMatch(c -> c.kind() == PatientConsent.Kind.TREATMENT && c.activeOn(day))) {
            throw DomainProblem.ruleViolation("No treatment consent", List.of("the patient has no active treatment consent on " + day
                    + ": record the signed consent first"));
        }
        List<String> warnings = new ArrayList<>();
        ComplianceDecision decision = decide(clinic, unit.sourceTypes(), route, plan.purpose(), day);
        boolean authorizedTrial = decision.verdict() == RuleVerdict.NEEDS_TRIAL_AUTHORIZATION && plan.purpose() == Purpose.CLINICAL_INVESTIGATION
                && plan.trialId() != null;
        if (decision.blocks() && !authorizedTrial) {
            throw DomainProblem.ruleViolation("Not permitted in " + clinic.jurisdiction(), List.of(decision.message(), decision.disclaimer()));
        }
        if (decision.needsAttention()) warnings.add(decision.message());
        if (plan.treatedSide() != null && side != plan.treatedSide()) {
            warnings.add("split-face plan: the product was allocated to the " + plan.treatedSide().label().toLowerCase(java.util.Locale.ROOT)
                    + " side, this session records " + side.label().toLowerCase(java.util.Locale.ROOT));
        }
        if (!unit.productCode().equals(plan.productCode())) {
            warnings.add("the unit is " + unit.productCode() + "; the plan named " + plan.productCode());
        }
        if (!unit.sourceTypes().contains(plan.sourceType())) {
            warnings.add("the unit's source is " + labels(unit.sourceTypes()) + "; the plan named " + plan.sourceType().label()
                    + ": checked against the rules with the unit's real source");
        }
        if (unit.particlesPerMl() == null) warnings.add("lot " + unit.lotCode() + " has no particle concentration: the dose is not known");
        // The lowest number not held by a recorded session: a voided session gives its number back.
        int number = jdbc.sql("""
                select min(n) from generate_series(1, 101) n
                where not exists (select 1 from treatment_session t where t.plan_id = ? and t.number = n and t.status = 'RECORDED')""")
                .param(planId).query(Integer.class).single();
        if (number > MAX_SESSIONS) throw DomainProblem.conflict("This plan already has " + MAX_SESSIONS + " sessions: plan a new course.");
        LotUnit lotUnit = lots.unitByCode(unit.unitCode()).orElseThrow();
        UUID id = UUID.randomUUID();
        Double dose = unit.dose(s.volumeMl());
        String message = decision.message().length() > 2000 ? decision.message().substring(0, 2000) : decision.message();
        jdbc.sql("""
                insert into treatment_session (id, plan_id, patient_id, clinic_id, number, performed_on, unit_id, unit_code, lot_id, lot_code,
                  product_code, source_types, volume_ml, particles_per_ml, concentration_source, dose_particles, route, device, needle_depth_mm,
                  energy_mj, passes, settings_note, operator, area, side, compliance_verdict, compliance_message, warnings, recorded_by,
                  concentration_basis)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, planId, patient.id(), clinic.id(), number, Date.valueOf(day), lotUnit.id(), unit.unitCode(), lotUnit.lotId(),
                        unit.lotCode(), unit.productCode(), String.join(",", unit.sourceTypes().stream().map(Enum::name).toList()), s.volumeMl(),
                        unit.particlesPerMl(), unit.concentrationSource() == null ? null : unit.concentrationSource().name(), dose, route.name(),
                        Texts.blankToNull(s.device()), s.needleDepthMm(), s.energyMj(), s.passes(), Texts.blankToNull(s.settingsNote()), operator,
                        s.area().strip(), side.name(), decision.verdict() == null ? null : decision.verdict().name(), message,
                        warnings.isEmpty() ? null : truncate(String.join("\n", warnings), 2000), Actors.current(),
                        unit.concentrationBasis() == null ? null : truncate(unit.concentrationBasis(), 300))
                .update();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", patient.pseudonym());
        audit.put("session", number);
        audit.put("unit", unit.unitCode());
        audit.put("lot", unit.lotCode());
        audit.put("volumeMl", s.volumeMl());
        if (dose != null) audit.put("doseParticles", dose);
        if (unit.concentrationBasis() != null) audit.put("concentration", unit.concentrationBasis());
        audit.put("route", route.name());
        audit.put("compliance", decision.verdict() == null ? "NO_RULE" : decision.verdict().name());
        events.publishEvent(RecordChanged.created("treatment_session", id, audit));
        return get(id);
    }

    /** The session; its side is null for the plan's blinded assessor on a split-face plan (the side would reveal the allocation). */
    @Transactional(readOnly = true)
    public TreatmentSession get(UUID id) {
        TreatmentSession s = jdbc.sql("select * from treatment_session where id = ?").param(id).query(Sessions::session).optional()
                .orElseThrow(() -> DomainProblem.notFound("Session", id));
        patients.ofRecord(s.patientId(), "Session", id);
        return concealed(plans.get(s.planId()), s);
    }

    @Transactional(readOnly = true)
    public List<TreatmentSession> forPlan(UUID planId) {
        TreatmentPlan plan = plans.get(planId);
        return jdbc.sql("select * from treatment_session where plan_id = ? and status = 'RECORDED' order by number").param(planId)
                .query(Sessions::session).list()
                .stream().map(s -> concealed(plan, s)).toList();
    }

    @Transactional(readOnly = true)
    public List<TreatmentSession> forPatient(UUID patientId) {
        Map<UUID, TreatmentPlan> byId = new LinkedHashMap<>();
        plans.forPatient(patientId).forEach(p -> byId.put(p.id(), p));
        return jdbc.sql("select * from treatment_session where patient_id = ? and status = 'RECORDED' order by performed_on, number").param(patientId)
                .query(Sessions::session).list().stream().map(s -> concealed(byId.get(s.planId()), s)).toList();
    }

    /** The recorded (not voided) sessions of these patients, for research, by patient and day. */
    @Transactional(readOnly = true)
    public List<TreatmentSession> forResearch(Collection<UUID> patientIds) {
        if (!Actors.holdsAny(Role.RESEARCHER)) throw DomainProblem.forbidden("Only researchers read records for research.");
        if (patientIds.isEmpty()) return List.of();
        return jdbc.sql("select * from treatment_session where patient_id = any(?) and status = 'RECORDED' order by patient_id, performed_on, number")
                .param(patientIds.toArray(UUID[]::new)).query(Sessions::session).list();
    }

    /** The adverse events of these patients, for research. */
    @Transactional(readOnly = true)
    public List<AdverseEvent> adverseEventsForResearch(Collection<UUID> patientIds) {
        if (!Actors.holdsAny(Role.RESEARCHER)) throw DomainProblem.forbidden("Only researchers read records for research.");
        if (patientIds.isEmpty()) return List.of();
        return jdbc.sql("select * from adverse_event where patient_id = any(?) order by patient_id, onset_on").param(patientIds.toArray(UUID[]::new))
                .query(Sessions::adverseEvent).list();
    }

    /**
     * One use of a unit, without anything that identifies the patient: the session, the patient's id
     * (its pseudonym and identity are the clinic module's to give) and the clinic where it was used.
     */
    public record UnitUse(UUID sessionId, UUID unitId, String unitCode, UUID patientId, UUID clinicId, LocalDate performedOn) {}

    /**
     * The recorded (not voided) sessions that used these units, for a trace: one index look-up per
     * unit, and no check of the caller's clinic, since nothing here names a patient.
     */
    @Transactional(readOnly = true)
    public List<UnitUse> usesOf(Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) return List.of();
        return jdbc.sql("""
                select id, unit_id, unit_code, patient_id, clinic_id, performed_on from treatment_session
                where unit_id = any(?) and status = 'RECORDED' order by performed_on, unit_code""").param(unitIds.toArray(UUID[]::new))
                .query(Sessions::unitUse).list();
    }

    /** The unit this recorded session used, without anything that identifies the patient (the backward trace of a session). */
    @Transactional(readOnly = true)
    public Optional<UnitUse> useOf(UUID sessionId) {
        return jdbc.sql("select id, unit_id, unit_code, patient_id, clinic_id, performed_on from treatment_session where id = ? and status = 'RECORDED'")
                .param(sessionId).query(Sessions::unitUse).optional();
    }

    /** Every unit the patient received in recorded sessions, in order of treatment (the backward trace of a patient). */
    @Transactional(readOnly = true)
    public List<UnitUse> usesByPatient(UUID patientId) {
        return jdbc.sql("""
                select id, unit_id, unit_code, patient_id, clinic_id, performed_on from treatment_session
                where patient_id = ? and status = 'RECORDED' order by performed_on, number""").param(patientId).query(Sessions::unitUse).list();
    }

    private static UnitUse unitUse(ResultSet rs, int n) throws SQLException {
        return new UnitUse(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
                rs.getObject("patient_id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getDate("performed_on").toLocalDate());
    }

    private static TreatmentSession concealed(TreatmentPlan plan, TreatmentSession s) {
        return plan.allocationConcealed() ? s.withoutSide() : s;
    }

    /** A session voided because it was recorded in error, with why, by whom and when. */
    public record VoidedSession(TreatmentSession session, String reason, String voidedBy, java.time.Instant voidedAt) {}

    /**
     * Voids a session recorded in error (the wrong unit scanned, the wrong patient): it is kept, marked
     * voided with the reason, and no longer holds its unit (which may be used again) or its number.
     * A session with adverse events is not voided: they stay linked to its unit.
     */
    @Transactional
    public VoidedSession voidSession(UUID sessionId, String reason) {
        TreatmentSession s = get(sessionId);
        Patient patient = patients.get(s.patientId());
        if (plans.get(s.planId()).allocationConcealed()) {
            throw DomainProblem.forbidden("You assess this patient blinded: a colleague who knows the allocation corrects the sessions.");
        }
        Texts.check("reason", reason, 1000, true);
        if (jdbc.sql("select count(*) from adverse_event where session_id = ?").param(sessionId).query(Long.class).single() > 0) {
            throw DomainProblem.conflict("Session " + s.number() + " has adverse events reported against unit " + s.unitCode()
                    + ": it stays on record and cannot be voided.");
        }
        int updated = jdbc.sql("""
                update treatment_session set status = 'VOIDED', void_reason = ?, voided_by = ?, voided_at = now()
                where id = ? and status = 'RECORDED'""").params(reason.strip(), Actors.current(), sessionId).update();
        if (updated != 1) throw DomainProblem.conflict("This session was already voided.");
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("patient", patient.pseudonym());
        before.put("session", s.number());
        before.put("unit", s.unitCode());
        before.put("status", "RECORDED");
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("status", "VOIDED");
        events.publishEvent(RecordChanged.changed("treatment_session", sessionId, "VOID", before, after, reason.strip()));
        return voided(s.planId()).stream().filter(v -> v.session().id().equals(sessionId)).findFirst().orElseThrow();
    }

    /** The plan's voided sessions, newest first. */
    @Transactional(readOnly = true)
    public List<VoidedSession> voided(UUID planId) {
        TreatmentPlan plan = plans.get(planId);
        return jdbc.sql("select * from treatment_session where plan_id = ? and status = 'VOIDED' order by voided_at desc").param(planId)
                .query((rs, n) -> new VoidedSession(concealed(plan, session(rs, n)), rs.getString("void_reason"), rs.getString("voided_by"),
                        rs.getTimestamp("voided_at").toInstant())).list();
    }

    /** Reports an adverse event after a session; linked to the session's unit and lot. */
    @Transactional
    public AdverseEvent report(UUID sessionId, NewAdverseEvent e) {
        TreatmentSession session = get(sessionId);
        if ("VOIDED".equals(jdbc.sql("select status from treatment_session where id = ?").param(sessionId).query(String.class).single())) {
            throw DomainProblem.conflict("Session " + session.number() + " was voided as recorded in error: report the event against the session given.");
        }
        Patient patient = patients.get(session.patientId());
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.check(errors, "term", e.term(), 200, true);
        if (e.onsetOn() == null) errors.put("onsetOn", "is required");
        else if (e.onsetOn().isBefore(session.performedOn())) {
            errors.put("onsetOn", "cannot be before the session, " + session.performedOn() + "; report an event before treatment as history");
        } else if (e.onsetOn().isAfter(LocalDate.now())) errors.put("onsetOn", "cannot be in the future");
        AdverseEvent.Severity severity = Choices.parse(AdverseEvent.Severity.class, e.severity(), "severity", errors);
        AdverseEvent.Causality causality = Choices.parse(AdverseEvent.Causality.class, e.causality(), "causality", errors);
        AdverseEvent.Outcome outcome = Choices.parse(AdverseEvent.Outcome.class, e.outcome(), "outcome", errors);
        Set<AdverseEvent.Seriousness> seriousness = EnumSet.noneOf(AdverseEvent.Seriousness.class);
        for (String criterion : e.seriousness() == null ? List.<String>of() : e.seriousness()) {
            if (criterion == null || criterion.isBlank()) continue;
            AdverseEvent.Seriousness c = Choices.parse(AdverseEvent.Seriousness.class, criterion, "seriousness", errors);
            if (c != null) seriousness.add(c);
        }
        if (outcome == AdverseEvent.Outcome.FATAL && !seriousness.contains(AdverseEvent.Seriousness.DEATH)) {
            errors.put("seriousness", "a fatal outcome is serious: tick 'results in death'");
        }
        resolution(errors, outcome, e.resolvedOn(), e.onsetOn());
        Texts.check(errors, "actionTaken", e.actionTaken(), 1000, false);
        Texts.check(errors, "description", e.description(), 2000, false);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid adverse event", errors);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into adverse_event (id, session_id, patient_id, unit_code, lot_id, lot_code, term, onset_on, severity, serious, seriousness,
                  causality, outcome, resolved_on, action_taken, description, reported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sessionId, patient.id(), session.unitCode(), session.lotId(), session.lotCode(), e.term().strip(),
                        Date.valueOf(e.onsetOn()), severity.name(), !seriousness.isEmpty(),
                        seriousness.isEmpty() ? null : String.join(",", seriousness.stream().map(Enum::name).toList()), causality.name(),
                        outcome.name(), e.resolvedOn() == null ? null : Date.valueOf(e.resolvedOn()), Texts.blankToNull(e.actionTaken()),
                        Texts.blankToNull(e.description()), Actors.current())
                .update();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", patient.pseudonym());
        audit.put("session", session.number());
        audit.put("unit", session.unitCode());
        audit.put("lot", session.lotCode());
        audit.put("term", e.term().strip());
        audit.put("severity", severity.name());
        audit.put("serious", !seriousness.isEmpty());
        audit.put("causality", causality.name());
        audit.put("outcome", outcome.name());
        events.publishEvent(RecordChanged.created("adverse_event", id, audit));
        return adverseEvent(id);
    }

    /** Follows up an adverse event: its outcome changes, with a reason kept in the audit trail. */
    @Transactional
    public AdverseEvent updateOutcome(UUID eventId, OutcomeUpdate u) {
        AdverseEvent before = adverseEvent(eventId);
        Patient patient = patients.get(before.patientId());
        Map<String, String> errors = new LinkedHashMap<>();
        AdverseEvent.Outcome outcome = Choices.parse(AdverseEvent.Outcome.class, u.outcome(), "outcome", errors);
        resolution(errors, outcome, u.resolvedOn(), before.onsetOn());
        if (outcome == AdverseEvent.Outcome.FATAL && !before.seriousness().contains(AdverseEvent.Seriousness.DEATH)) {
            errors.put("outcome", "a fatal outcome makes the event serious: report it as a new serious event");
        }
        Texts.check(errors, "reason", u.reason(), 1000, true);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid follow-up", errors);
        jdbc.sql("update adverse_event set outcome = ?, resolved_on = ? where id = ?")
                .params(outcome.name(), u.resolvedOn() == null ? null : Date.valueOf(u.resolvedOn()), eventId).update();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("patient", patient.pseudonym());
        was.put("outcome", before.outcome().name());
        if (before.resolvedOn() != null) was.put("resolvedOn", before.resolvedOn().toString());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("patient", patient.pseudonym());
        now.put("outcome", outcome.name());
        if (u.resolvedOn() != null) now.put("resolvedOn", u.resolvedOn().toString());
        events.publishEvent(RecordChanged.changed("adverse_event", eventId, "FOLLOW_UP", was, now, u.reason().strip()));
        return adverseEvent(eventId);
    }

    @Transactional(readOnly = true)
    public AdverseEvent adverseEvent(UUID id) {
        AdverseEvent e = jdbc.sql("select * from adverse_event where id = ?").param(id).query(Sessions::adverseEvent).optional()
                .orElseThrow(() -> DomainProblem.notFound("Adverse event", id));
        patients.ofRecord(e.patientId(), "Adverse event", id);
        return e;
    }

    @Transactional(readOnly = true)
    public List<AdverseEvent> adverseEvents(UUID patientId) {
        patients.get(patientId);
        return jdbc.sql("select * from adverse_event where patient_id = ? order by onset_on, reported_at").param(patientId)
                .query(Sessions::adverseEvent).list();
    }

    /** Every source of the lot's donors; decisions use the most restrictive of them. */
    private List<SourceType> sources(Lot lot) {
        return lots.donorIds(lot.id()).stream().map(id -> donors.get(id).sourceType()).distinct().sorted().toList();
    }

    /** The decision for the most restrictive of the sources: a blocking one first, then one needing attention. */
    private ComplianceDecision decide(Clinic clinic, List<SourceType> sources, Route route, Purpose purpose, LocalDate day) {
        List<ComplianceDecision> decisions = sources.stream().map(s -> rules.check(clinic.jurisdiction(), s, route, purpose, day)).toList();
        if (decisions.isEmpty()) {
            throw DomainProblem.ruleViolation("Unknown source", List.of("the unit's lot has no donor, so its source cannot be checked"));
        }
        return decisions.stream().max(Comparator.comparingInt(Sessions::restrictiveness)).orElseThrow();
    }

    /** Prohibited above needing a trial authorization (which a trial may satisfy), above caution or no rule, above permitted. */
    private static int restrictiveness(ComplianceDecision d) {
        if (d.verdict() == RuleVerdict.PROHIBITED) return 4;
        if (d.blocks()) return 3;
        if (d.needsAttention()) return d.verdict() == null ? 2 : 1;
        return 0;
    }

    private record Concentration(Double perMl, TreatmentSession.ConcentrationSource source, String basis) {}

    /**
     * The concentration the lot was released with (recorded with its release decision), else, for a lot
     * released before releases stated one, the concentration declared on the lot, said to be so.
     */
    private Concentration concentration(Lot lot) {
        Optional<ReleasedConcentration> released = releases.releasedConcentration(lot.id());
        if (released.isPresent()) {
            ReleasedConcentration r = released.get();
            return new Concentration(r.particlesPerMl(), r.measured() ? TreatmentSession.ConcentrationSource.MEASURED
                    : TreatmentSession.ConcentrationSource.DECLARED, r.describe(ZoneId.systemDefault()));
        }
        if (lot.concentrationPerMl() != null && lot.concentrationPerMl() > 0) {
            return new Concentration(lot.concentrationPerMl(), TreatmentSession.ConcentrationSource.DECLARED,
                    "declared on the lot; no released concentration is on record");
        }
        return new Concentration(null, null, null);
    }

    private static void resolution(Map<String, String> errors, AdverseEvent.Outcome outcome, LocalDate resolvedOn, LocalDate onsetOn) {
        boolean resolved = outcome == AdverseEvent.Outcome.RECOVERED || outcome == AdverseEvent.Outcome.RECOVERED_WITH_SEQUELAE;
        if (resolvedOn != null && !resolved) errors.put("resolvedOn", "only a recovered event has a resolution date");
        else if (resolvedOn != null && onsetOn != null && resolvedOn.isBefore(onsetOn)) errors.put("resolvedOn", "cannot be before the onset, " + onsetOn);
        else if (resolvedOn != null && resolvedOn.isAfter(LocalDate.now())) errors.put("resolvedOn", "cannot be in the future");
    }

    private static void range(Map<String, String> errors, String field, Double value, double min, double max, String unit) {
        if (value != null && !(value >= min && value <= max)) {
            errors.put(field, "must be from " + Texts.number(min) + " to " + Texts.number(max) + " " + unit + ", was " + Texts.number(value));
        }
    }

    private static String labels(List<SourceType> sources) {
        return String.join(" + ", sources.stream().map(SourceType::label).toList());
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static TreatmentSession session(ResultSet rs, int n) throws SQLException {
        String source = rs.getString("concentration_source");
        String verdict = rs.getString("compliance_verdict");
        String warnings = rs.getString("warnings");
        return new TreatmentSession(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("clinic_id", UUID.class), rs.getInt("number"), rs.getDate("performed_on").toLocalDate(), rs.getString("unit_code"),
                rs.getObject("lot_id", UUID.class), rs.getString("lot_code"), rs.getString("product_code"),
                Arrays.stream(rs.getString("source_types").split(",")).map(SourceType::valueOf).toList(), rs.getDouble("volume_ml"),
                rs.getObject("particles_per_ml", Double.class), source == null ? null : TreatmentSession.ConcentrationSource.valueOf(source),
                rs.getString("concentration_basis"),
                rs.getObject("dose_particles", Double.class), Route.valueOf(rs.getString("route")),
                new TreatmentSession.Device(rs.getString("device"), rs.getObject("needle_depth_mm", Double.class),
                        rs.getObject("energy_mj", Double.class), rs.getObject("passes", Integer.class), rs.getString("settings_note")),
                rs.getString("operator"), rs.getString("area"), Side.valueOf(rs.getString("side")),
                verdict == null ? null : RuleVerdict.valueOf(verdict), rs.getString("compliance_message"),
                warnings == null ? List.of() : List.of(warnings.split("\n")), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    private static AdverseEvent adverseEvent(ResultSet rs, int n) throws SQLException {
        String seriousness = rs.getString("seriousness");
        Date resolved = rs.getDate("resolved_on");
        return new AdverseEvent(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("unit_code"), rs.getObject("lot_id", UUID.class), rs.getString("lot_code"), rs.getString("term"),
                rs.getDate("onset_on").toLocalDate(), AdverseEvent.Severity.valueOf(rs.getString("severity")), rs.getBoolean("serious"),
                seriousness == null ? Set.of() : Arrays.stream(seriousness.split(",")).map(AdverseEvent.Seriousness::valueOf)
                        .collect(java.util.stream.Collectors.toSet()),
                AdverseEvent.Causality.valueOf(rs.getString("causality")), AdverseEvent.Outcome.valueOf(rs.getString("outcome")),
                resolved == null ? null : resolved.toLocalDate(), rs.getString("action_taken"), rs.getString("description"),
                rs.getString("reported_by"), rs.getTimestamp("reported_at").toInstant());
    }
}
