package org.exotrace.followup;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.compliance.ComplianceDecision;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.RegulatoryRules;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.outcome.BaselineComparison.Response.Outcome;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adjustment suggestions from the rules of a plan's template (table {@code adjustment_rule}),
 * evaluated against the patient's {@link Progress}, and the clinician's decisions on them.
 *
 * <p>A rule ({@link AdjustmentRule}, edited by the clinic through {@link AdjustmentRules}) names an
 * instrument, a criterion and a week. It is due once the endpoint has an assessment at least that
 * many weeks after its baseline (weeks count from the baseline, as the responses on the progress
 * page do), and it fires when the latest assessment does not meet the
 * criterion: a named response ("EASI-50") not achieved, or a percent improvement from baseline
 * below the rule's threshold. A response that is not applicable (a baseline of 0) fires nothing.
 * The endpoint is the whole-area series, or on a split-face plan the treated side's when the user
 * may know it.
 *
 * <p>A suggestion that proposes a route ("where permitted") is checked against the regulatory
 * rules of the clinic's jurisdiction for the plan's source and purpose, as a plan would be; when
 * the rules block it, or no rule covers it, it is shown as not permitted here with the decision's
 * message and cannot be accepted. A suggestion for the route the plan already uses is not made.
 * Suggestions are evaluated while a plan is running (its last visit is today or later); decisions
 * stay listed after that, and after their rule stops firing.
 *
 * <p>Accepting or overriding (with a reason) writes one decision per plan and rule, audited under
 * the pseudonym. Nothing here changes the plan: the clinician adjusts it.
 */
@Service
public class Suggestions {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Patients patients;
    private final Clinics clinics;
    private final TreatmentPlans plans;
    private final Assessments assessments;
    private final RegulatoryRules regulatoryRules;

    Suggestions(JdbcClient jdbc, ApplicationEventPublisher events, Patients patients, Clinics clinics, TreatmentPlans plans,
                Assessments assessments, RegulatoryRules regulatoryRules) {
        this.jdbc = jdbc;
        this.events = events;
        this.patients = patients;
        this.clinics = clinics;
        this.plans = plans;
        this.assessments = assessments;
        this.regulatoryRules = regulatoryRules;
    }

    /**
     * The plan's suggestions, open and decided; "not found" to anyone outside the patient's clinic.
     * None for the blinded assessor of a split-face plan: a suggestion's finding comes from the
     * treated side's scores, which would give the allocation away.
     */
    @Transactional(readOnly = true)
    public List<Suggestion> forPlan(UUID planId) {
        TreatmentPlan plan = plans.get(planId);
        return plan.allocationConcealed() ? List.of() : forPlan(plan, assessments.forPatient(plan.patientId()));
    }

    /** Every suggestion of every plan of the patient, newest plan first. */
    @Transactional(readOnly = true)
    public List<Suggestion> forPatient(UUID patientId) {
        List<Assessment> all = assessments.forPatient(patientId);
        return plans.forPatient(patientId).stream().filter(p -> !p.allocationConcealed()).flatMap(p -> forPlan(p, all).stream()).toList();
    }

    /**
     * Records the clinician's decision on an open suggestion: ACCEPTED, or OVERRIDDEN with a reason.
     * Every bad field is named at once and nothing is written then.
     */
    @Transactional
    public Suggestion decide(UUID planId, String ruleCode, String decision, String reason) {
        TreatmentPlan plan = plans.get(planId);
        if (plan.allocationConcealed()) {
            throw DomainProblem.forbidden("You assess this patient blinded: a colleague who knows the allocation decides on adjustments.");
        }
        Patient patient = patients.get(plan.patientId());
        Map<String, String> errors = new LinkedHashMap<>();
        Suggestion.Outcome outcome = Choices.parse(Suggestion.Outcome.class, decision, "decision", errors);
        if (outcome == Suggestion.Outcome.OVERRIDDEN && Texts.blankToNull(reason) == null) {
            errors.put("reason", "say why you override the suggestion");
        } else {
            Texts.check(errors, "reason", reason, 1000, false);
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid decision", errors);
        Suggestion s = forPlan(plan, assessments.forPatient(plan.patientId())).stream().filter(x -> x.ruleCode().equals(ruleCode)).findFirst()
                .orElseThrow(() -> DomainProblem.notFound("Suggestion", ruleCode));
        if (s.decision() != null) throw DomainProblem.conflict("This suggestion was already decided: " + s.decision().text());
        if (!s.permitted()) {
            throw DomainProblem.ruleViolation("Not permitted here", List.of(s.compliance() == null ? "the proposed route is not permitted" : s.compliance()));
        }
        String shown = truncate(s.finding() + " " + s.text(), 2000);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into adjustment_decision (id, plan_id, rule_code, kind, decision, reason, suggestion, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, planId, ruleCode, s.kind().name(), outcome.name(), Texts.blankToNull(reason), shown, Actors.current()).update();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", patient.pseudonym());
        audit.put("plan", planId.toString());
        audit.put("rule", ruleCode);
        audit.put("kind", s.kind().name());
        audit.put("suggestion", shown);
        audit.put("decision", outcome.name());
        if (Texts.blankToNull(reason) != null) audit.put("reason", reason.strip());
        events.publishEvent(RecordChanged.created("adjustment_decision", id, audit));
        return forPlan(plan, assessments.forPatient(plan.patientId())).stream().filter(x -> x.ruleCode().equals(ruleCode)).findFirst().orElseThrow();
    }

    private List<Suggestion> forPlan(TreatmentPlan plan, List<Assessment> all) {
        Progress progress = Progress.of(patients.get(plan.patientId()), course(plan, all), List.of(plan), List.of(), LocalDate.now());
        Clinic clinic = clinics.get(plan.clinicId());
        List<AdjustmentRule> rules = jdbc.sql("select * from adjustment_rule where template_id = ? order by by_week, code").param(plan.templateId())
                .query(AdjustmentRules::rule).list();
        Map<String, Stored> decisions = new LinkedHashMap<>();
        jdbc.sql("select * from adjustment_decision where plan_id = ? order by decided_at").param(plan.id())
                .query(Suggestions::stored).list().forEach(d -> decisions.put(d.ruleCode(), d));
        LocalDate today = LocalDate.now();
        boolean running = plan.visits().stream().map(TreatmentPlan.Visit::dueOn).max(Comparator.naturalOrder()).map(d -> !d.isBefore(today))
                .orElse(true);
        Function<Route, ComplianceDecision> check = route -> regulatoryRules.check(clinic.jurisdiction(), plan.sourceType(), route,
                plan.purpose(), today);
        return evaluate(plan, running ? rules : List.of(), progress, check, decisions);
    }

    /**
     * The assessments of this course: those recorded under the plan, and those recorded under no plan
     * from its start. A second course is judged from its own baseline, not the first course's.
     */
    static List<Assessment> course(TreatmentPlan plan, List<Assessment> all) {
        return all.stream().filter(a -> plan.id().equals(a.planId()) || (a.planId() == null && !a.assessedOn().isBefore(plan.startOn()))).toList();
    }

    /** The suggestions of the rules that fire on {@code progress}, then the decided ones whose rules no longer fire. */
    static List<Suggestion> evaluate(TreatmentPlan plan, List<AdjustmentRule> rules, Progress progress, Function<Route, ComplianceDecision> check,
                                     Map<String, Stored> decisions) {
        List<Suggestion> out = new ArrayList<>();
        for (AdjustmentRule rule : rules) {
            if (rule.proposedRoute() == plan.route()) continue;
            Optional<String> finding = finding(plan, rule, progress);
            if (finding.isEmpty()) continue;
            boolean permitted = true;
            String compliance = null;
            if (rule.proposedRoute() != null) {
                ComplianceDecision d = check.apply(rule.proposedRoute());
                boolean authorizedTrial = d.verdict() == RuleVerdict.NEEDS_TRIAL_AUTHORIZATION && plan.purpose() == Purpose.CLINICAL_INVESTIGATION
                        && plan.trialId() != null;
                permitted = d.verdict() != null && (!d.blocks() || authorizedTrial);
                compliance = (permitted ? "" : "Not permitted here: ") + d.message();
            }
            Stored stored = decisions.get(rule.code());
            out.add(new Suggestion(plan.id(), rule.code(), rule.kind(), finding.get(), rule.text(), rule.proposedRoute(), permitted, compliance,
                    stored == null ? null : stored.decision(), true));
        }
        decisions.values().stream().filter(d -> out.stream().noneMatch(s -> s.ruleCode().equals(d.ruleCode())))
                .forEach(d -> out.add(new Suggestion(plan.id(), d.ruleCode(), d.kind(), "No longer indicated by the latest assessments.",
                        d.suggestion(), null, true, null, d.decision(), false)));
        return out;
    }

    /** Why the rule fires on this plan's endpoint, or empty when it does not (not due yet, criterion met, no such endpoint). */
    private static Optional<String> finding(TreatmentPlan plan, AdjustmentRule rule, Progress progress) {
        Optional<Progress.Series> series = progress.series().stream()
                .filter(s -> s.instrument() == rule.instrument() && s.part() == null && s.comparison() != null)
                .filter(s -> s.side() == Side.BOTH || s.side() == plan.treatedSide())
                .min(Comparator.comparing(s -> s.side() == Side.BOTH ? 1 : 0));
        if (series.isEmpty() || series.get().points().size() < 2) return Optional.empty();
        Progress.Series s = series.get();
        LocalDate baselineOn = s.baseline().on();
        LocalDate latestOn = s.latest().on();
        if (latestOn.isBefore(baselineOn.plusWeeks(rule.byWeek()))) return Optional.empty();
        BigDecimal improvement = s.comparison().percentImprovement();
        if (rule.responseName() != null) {
            Optional<Progress.ResponseStatus> status = s.responses().stream().filter(r -> r.name().equals(rule.responseName())).findFirst();
            if (status.isEmpty() || status.get().outcome() != Outcome.NOT_ACHIEVED) return Optional.empty();
        } else if (improvement == null || improvement.compareTo(rule.improvementBelow()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(rule.criterion() + " by week " + rule.byWeek() + ": " + s.endpoint() + " " + s.baseline().value().toPlainString()
                + " at baseline (" + baselineOn + "), " + s.latest().value().toPlainString() + " at " + Progress.when(baselineOn, latestOn)
                + " (" + latestOn + ")" + (improvement == null ? "" : ", " + improvement.toPlainString() + " % improvement") + ".");
    }

    /** A decision as stored, with the suggestion's text as it was shown. */
    record Stored(String ruleCode, Suggestion.Kind kind, String suggestion, Suggestion.Decision decision) {}

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getString("rule_code"), Suggestion.Kind.valueOf(rs.getString("kind")), rs.getString("suggestion"),
                new Suggestion.Decision(Suggestion.Outcome.valueOf(rs.getString("decision")), rs.getString("reason"),
                        rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()));
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
