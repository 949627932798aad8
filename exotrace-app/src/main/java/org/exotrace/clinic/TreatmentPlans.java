package org.exotrace.clinic;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Products;
import org.exotrace.compliance.ComplianceDecision;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.RegulatoryRules;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protocol templates and the treatment plans made from them. A plan is checked against the
 * regulatory rules of the clinic's jurisdiction for its source, route and purpose: a prohibited
 * use, or one that needs a trial authorization without a trial id, is refused with the rule's
 * citation; a use permitted with caution, uncertain or not covered is planned with the warning
 * kept on the plan. The schedule (sessions, then follow-up visits) comes from the template.
 */
@Service
public class TreatmentPlans {

    public record NewPlan(UUID templateId, String productCode, String sourceType, String route, String purpose, String trialId,
                          LocalDate startOn) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Patients patients;
    private final Clinics clinics;
    private final Products products;
    private final RegulatoryRules rules;

    TreatmentPlans(JdbcClient jdbc, ApplicationEventPublisher events, Patients patients, Clinics clinics, Products products, RegulatoryRules rules) {
        this.jdbc = jdbc;
        this.events = events;
        this.patients = patients;
        this.clinics = clinics;
        this.products = products;
        this.rules = rules;
    }

    /** The shipped templates and the current user's clinics' copies. */
    @Transactional(readOnly = true)
    public List<ProtocolTemplate> templates() {
        return jdbc.sql("""
                select * from protocol_template where clinic_id is null
                   or clinic_id in (select clinic_id from clinic_member where username = ?) order by clinic_id nulls first, name""")
                .param(Actors.current()).query(TreatmentPlans::template).list();
    }

    @Transactional(readOnly = true)
    public ProtocolTemplate template(UUID id) {
        ProtocolTemplate t = jdbc.sql("select * from protocol_template where id = ?").param(id).query(TreatmentPlans::template).optional()
                .orElseThrow(() -> DomainProblem.notFound("Protocol template", id));
        if (t.clinicId() != null && !clinics.isMember(t.clinicId(), Actors.current())) throw DomainProblem.notFound("Protocol template", id);
        return t;
    }

    /** Copies a template into a clinic, to be adapted there. */
    @Transactional
    public ProtocolTemplate copy(UUID templateId, UUID clinicId) {
        ProtocolTemplate t = template(templateId);
        Clinic clinic = clinics.requireMember(clinicId);
        UUID id = UUID.randomUUID();
        String code = t.code().length() > 34 ? t.code().substring(0, 34) : t.code();
        int n = 1;
        while (jdbc.sql("select count(*) from protocol_template where clinic_id = ? and code = ?").params(clinicId, code + (n == 1 ? "" : "-" + n))
                .query(Long.class).single() > 0) n++;
        String newCode = code + (n == 1 ? "" : "-" + n);
        jdbc.sql("""
                insert into protocol_template (id, code, name, indication, investigational, route, sessions, interval_days, follow_up_days,
                  primary_endpoint, secondary_endpoints, delivery, evidence, clinic_id, copied_from, created_by)
                select ?, ?, name, indication, investigational, route, sessions, interval_days, follow_up_days, primary_endpoint,
                  secondary_endpoints, delivery, evidence, ?, id, ? from protocol_template where id = ?""")
                .params(id, newCode, clinicId, Actors.current(), templateId).update();
        events.publishEvent(RecordChanged.created("protocol_template", id, Map.of("copiedFrom", t.code(), "clinic", clinic.code(), "code", newCode)));
        return template(id);
    }

    /** Plans a course for a patient, or refuses it with the rule that forbids it. */
    @Transactional
    public TreatmentPlan plan(UUID patientId, NewPlan p) {
        Patient patient = patients.get(patientId);
        Clinic clinic = clinics.get(patient.clinicId());
        Map<String, String> errors = new LinkedHashMap<>();
        ProtocolTemplate template = null;
        if (p.templateId() == null) errors.put("templateId", "choose a protocol template");
        else template = template(p.templateId());
        if (p.productCode() == null || p.productCode().isBlank() || products.find(p.productCode().strip()).isEmpty()) {
            errors.put("productCode", "choose one of the lab's products");
        }
        SourceType source = Choices.parse(SourceType.class, p.sourceType(), "sourceType", errors);
        Route route = p.route() == null || p.route().isBlank() ? (template == null ? null : template.route()) : Choices.parse(Route.class, p.route(), "route", errors);
        Purpose purpose = Choices.parse(Purpose.class, p.purpose(), "purpose", errors);
        if (purpose == Purpose.CLINICAL_INVESTIGATION && (p.trialId() == null || p.trialId().isBlank())) {
            errors.put("trialId", "a clinical investigation names its trial (registry id or authorization number)");
        }
        if (p.trialId() != null && p.trialId().length() > 100) errors.put("trialId", "at most 100 characters");
        LocalDate start = p.startOn() == null ? LocalDate.now() : p.startOn();
        if (start.isBefore(LocalDate.now().minusYears(1)) || start.isAfter(LocalDate.now().plusYears(2))) {
            errors.put("startOn", "must be within a year before and two years after today");
        }
        if (!errors.isEmpty()) {
            throw DomainProblem.invalid("Invalid plan", errors);
        }
        ComplianceDecision decision = rules.check(clinic.jurisdiction(), source, route, purpose, start);
        boolean authorizedTrial = decision.verdict() == RuleVerdict.NEEDS_TRIAL_AUTHORIZATION && purpose == Purpose.CLINICAL_INVESTIGATION;
        if (decision.blocks() && !authorizedTrial) {
            throw DomainProblem.ruleViolation("Not permitted in " + clinic.jurisdiction(), List.of(decision.message(), decision.disclaimer()));
        }
        String message = decision.message() + (template.investigational()
                ? " Investigational: no human exosome clinical study was found for " + template.indication() + "." : "")
                + (authorizedTrial ? " Planned under trial " + p.trialId().strip() + "." : "");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into treatment_plan (id, patient_id, clinic_id, template_id, product_code, source_type, route, purpose, trial_id, start_on,
                  compliance_verdict, compliance_message, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patientId, clinic.id(), template.id(), p.productCode().strip(), source.name(), route.name(), purpose.name(),
                        Texts.blankToNull(p.trialId()), Date.valueOf(start), decision.verdict() == null ? null : decision.verdict().name(),
                        message.length() > 2000 ? message.substring(0, 2000) : message, Actors.current())
                .update();
        List<TreatmentPlan.Visit> visits = schedule(template, start);
        for (TreatmentPlan.Visit v : visits) {
            jdbc.sql("insert into plan_visit (id, plan_id, kind, number, due_on) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), id, v.kind().name(), v.number(), Date.valueOf(v.dueOn())).update();
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", patient.pseudonym());
        audit.put("template", template.code());
        audit.put("product", p.productCode().strip());
        audit.put("route", route.name());
        audit.put("purpose", purpose.name());
        audit.put("compliance", decision.verdict() == null ? "NO_RULE" : decision.verdict().name());
        events.publishEvent(RecordChanged.created("treatment_plan", id, audit));
        return get(id);
    }

    /** Sessions every interval from the start, then follow-up visits counted from the last session. */
    static List<TreatmentPlan.Visit> schedule(ProtocolTemplate t, LocalDate start) {
        List<TreatmentPlan.Visit> visits = new ArrayList<>();
        LocalDate last = start;
        for (int i = 0; i < t.sessions(); i++) {
            last = start.plusDays((long) i * t.intervalDays());
            visits.add(new TreatmentPlan.Visit(TreatmentPlan.VisitKind.SESSION, i + 1, last));
        }
        int n = 1;
        for (int days : t.followUpDays()) visits.add(new TreatmentPlan.Visit(TreatmentPlan.VisitKind.FOLLOW_UP, n++, last.plusDays(days)));
        return visits;
    }

    @Transactional(readOnly = true)
    public TreatmentPlan get(UUID id) {
        TreatmentPlan p = jdbc.sql("select * from treatment_plan where id = ?").param(id).query(this::plan).optional()
                .orElseThrow(() -> DomainProblem.notFound("Treatment plan", id));
        patients.get(p.patientId());
        return p;
    }

    @Transactional(readOnly = true)
    public List<TreatmentPlan> forPatient(UUID patientId) {
        patients.get(patientId);
        return jdbc.sql("select * from treatment_plan where patient_id = ? order by start_on desc").param(patientId).query(this::plan).list();
    }

    private TreatmentPlan plan(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<TreatmentPlan.Visit> visits = jdbc.sql("select kind, number, due_on from plan_visit where plan_id = ? order by due_on, kind desc, number")
                .param(id).query((r, i) -> new TreatmentPlan.Visit(TreatmentPlan.VisitKind.valueOf(r.getString(1)), r.getInt(2),
                        r.getDate(3).toLocalDate())).list();
        String verdict = rs.getString("compliance_verdict");
        return new TreatmentPlan(id, rs.getObject("patient_id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getObject("template_id", UUID.class), rs.getString("product_code"), SourceType.valueOf(rs.getString("source_type")),
                Route.valueOf(rs.getString("route")), Purpose.valueOf(rs.getString("purpose")), rs.getString("trial_id"),
                rs.getDate("start_on").toLocalDate(), verdict == null ? null : RuleVerdict.valueOf(verdict), rs.getString("compliance_message"),
                visits, rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static ProtocolTemplate template(ResultSet rs, int n) throws SQLException {
        List<Integer> followUps = Arrays.stream(rs.getString("follow_up_days").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).toList();
        return new ProtocolTemplate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("indication"),
                rs.getBoolean("investigational"), Route.valueOf(rs.getString("route")), rs.getInt("sessions"), rs.getInt("interval_days"),
                followUps, rs.getString("primary_endpoint"), rs.getString("secondary_endpoints"), rs.getString("delivery"),
                rs.getString("evidence"), rs.getObject("clinic_id", UUID.class), rs.getObject("copied_from", UUID.class));
    }
}
