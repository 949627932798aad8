package org.exotrace.treatment;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.product.Product;
import org.exotrace.product.Products;
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
import org.exotrace.donor.SourceType;
import org.exotrace.shared.Role;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Hashes;
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

    /**
     * A plan as requested.
     *
     * @param allocation      for a split-face template: LEFT or RIGHT (the side that receives the product) as the clinician chose it,
     *                        or RANDOM (the default when blank) to draw it; must be blank or RANDOM for a whole-area template
     * @param blindedAssessor for a split-face template: the user name of a clinician of the same clinic who assesses without
     *                        knowing the allocation; optional
     * @param sourceType      one of the product's sources; may be blank when the product has only one
     * @param route           blank, or the template's route: the template sets it
     * @param confirmDuplicate true to plan although the patient has an active plan from the same template with the same product
     */
    public record NewPlan(UUID templateId, String productCode, String sourceType, String route, String purpose, String trialId,
                          LocalDate startOn, String allocation, String blindedAssessor, Boolean confirmDuplicate) {

        public NewPlan {
            confirmDuplicate = Boolean.TRUE.equals(confirmDuplicate);
        }

        public NewPlan(UUID templateId, String productCode, String sourceType, String route, String purpose, String trialId,
                       LocalDate startOn, String allocation, String blindedAssessor) {
            this(templateId, productCode, sourceType, route, purpose, trialId, startOn, allocation, blindedAssessor, false);
        }

        /** A plan without allocation choices: randomized, with no blinded assessor, when the template is split-face. */
        public NewPlan(UUID templateId, String productCode, String sourceType, String route, String purpose, String trialId, LocalDate startOn) {
            this(templateId, productCode, sourceType, route, purpose, trialId, startOn, null, null, false);
        }
    }

    /** A plan of the patient that is still running (its last visit is today or later) from the same template with the same product. */
    public record Duplicate(UUID planId, LocalDate startOn, LocalDate lastVisitOn) {}

    /**
     * A clinic's change to its copy of a template. Follow-ups are typed as a comma-separated list of
     * days after the last session, e.g. {@code "28, 84"}.
     */
    public record TemplateEdit(String name, Integer sessions, Integer intervalDays, String followUpDays, String delivery,
                               String primaryEndpoint, String secondaryEndpoints, String design, String comparator) {

        public static TemplateEdit of(ProtocolTemplate t) {
            return new TemplateEdit(t.name(), t.sessions(), t.intervalDays(),
                    String.join(", ", t.followUpDays().stream().map(String::valueOf).toList()), t.delivery(), t.primaryEndpoint(),
                    t.secondaryEndpoints(), t.design().name(), t.comparator());
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** These templates, clinics' copies included, for research (which reads the plans made from them). */
    @Transactional(readOnly = true)
    public List<ProtocolTemplate> templatesForResearch(Collection<UUID> ids) {
        if (!Actors.holdsAny(Role.RESEARCHER)) throw DomainProblem.forbidden("Only researchers read records for research.");
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from protocol_template where id = any(?)").param(ids.toArray(UUID[]::new)).query(TreatmentPlans::template).list();
    }

    /** Copies a template into a clinic, to be adapted there; {@link TemplateCopied} lets the follow-up module copy its rules with it. */
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
                  primary_endpoint, secondary_endpoints, delivery, evidence, design, comparator, clinic_id, copied_from, created_by)
                select ?, ?, name, indication, investigational, route, sessions, interval_days, follow_up_days, primary_endpoint,
                  secondary_endpoints, delivery, evidence, design, comparator, ?, id, ? from protocol_template where id = ?""")
                .params(id, newCode, clinicId, Actors.current(), templateId).update();
        events.publishEvent(new TemplateCopied(templateId, id));
        events.publishEvent(RecordChanged.created("protocol_template", id, Map.of("copiedFrom", t.code(), "clinic", clinic.code(), "code", newCode)));
        return template(id);
    }

    /**
     * Changes a clinic's copy of a template, with a reason; the audit trail keeps the earlier values.
     * An edit that changes nothing writes nothing. Shipped templates are read-only (a conflict: copy them first). Plans made earlier keep the
     * schedule, design and comparator they were made with. Every wrong field is named at once and
     * nothing is written then.
     */
    @Transactional
    public ProtocolTemplate update(UUID templateId, TemplateEdit edit, String reason) {
        ProtocolTemplate before = template(templateId);
        if (before.shipped()) {
            throw DomainProblem.conflict("Shipped protocol templates are read-only: copy " + before.code() + " to your clinic and edit the copy.");
        }
        clinics.requireMember(before.clinicId());
        Map<String, String> errors = new LinkedHashMap<>();
        if (edit == null) edit = new TemplateEdit(null, null, null, null, null, null, null, null, null);
        String name = text("name", edit.name(), 200, true, errors);
        if (edit.sessions() == null || edit.sessions() < 1 || edit.sessions() > 100) errors.put("sessions", "a whole number from 1 to 100");
        if (edit.intervalDays() == null || edit.intervalDays() < 0 || edit.intervalDays() > 365) {
            errors.put("intervalDays", "days between sessions, from 0 to 365");
        }
        List<Integer> followUps = followUps(edit.followUpDays(), errors);
        String delivery = text("delivery", edit.delivery(), 1000, false, errors);
        String primary = text("primaryEndpoint", edit.primaryEndpoint(), 300, true, errors);
        String secondary = text("secondaryEndpoints", edit.secondaryEndpoints(), 1000, false, errors);
        Design design = Choices.parse(Design.class, edit.design(), "design", errors);
        String comparator = text("comparator", edit.comparator(), 200, false, errors);
        if (design == Design.SPLIT_FACE && comparator == null && !errors.containsKey("comparator")) {
            errors.put("comparator", "a split-face design names what the other side receives, e.g. saline, placebo or the procedure alone");
        }
        if (design == Design.PARALLEL) comparator = null;
        if (reason == null || reason.isBlank()) errors.put("reason", "say why the template changes");
        else if (reason.length() > 1000) errors.put("reason", "at most 1000 characters");
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid template", errors);

        ProtocolTemplate edited = new ProtocolTemplate(before.id(), before.code(), name, before.indication(), before.investigational(),
                before.route(), edit.sessions(), edit.intervalDays(), followUps, primary, secondary, delivery, before.evidence(),
                before.clinicId(), before.copiedFrom(), design, comparator);
        if (snapshot(edited).equals(snapshot(before))) return before;
        String followUpText = String.join(",", followUps.stream().map(String::valueOf).toList());
        jdbc.sql("""
                update protocol_template set name = ?, sessions = ?, interval_days = ?, follow_up_days = ?, delivery = ?, primary_endpoint = ?,
                  secondary_endpoints = ?, design = ?, comparator = ?, changed_by = ?, changed_at = now()
                where id = ?""")
                .params(name, edit.sessions(), edit.intervalDays(), followUpText, delivery, primary, secondary, design.name(), comparator,
                        Actors.current(), templateId)
                .update();
        ProtocolTemplate after = template(templateId);
        events.publishEvent(RecordChanged.changed("protocol_template", templateId, "UPDATE", snapshot(before), snapshot(after), reason.strip()));
        return after;
    }

    private static String text(String field, String value, int max, boolean required, Map<String, String> errors) {
        String v = Texts.blankToNull(value);
        if (required && v == null) errors.put(field, "is required");
        else if (v != null && v.length() > max) errors.put(field, "at most " + max + " characters (" + v.length() + " typed)");
        return v;
    }

    /** "28, 84" as days; each a whole number from 1 to 730, at most 20 of them, in the order of the visits. */
    private static List<Integer> followUps(String text, Map<String, String> errors) {
        List<Integer> days = new ArrayList<>();
        if (text == null || text.isBlank()) return days;
        for (String part : text.split(",")) {
            String d = part.strip();
            if (d.isEmpty()) continue;
            try {
                int n = Integer.parseInt(d);
                if (n < 1 || n > 730) throw new NumberFormatException();
                days.add(n);
            } catch (NumberFormatException e) {
                errors.put("followUpDays", "'" + d + "' is not a day from 1 to 730; list the days after the last session, e.g. 28, 84");
                return days;
            }
        }
        if (days.size() > 20) errors.put("followUpDays", "at most 20 follow-up visits");
        else if (!days.stream().sorted().toList().equals(days) || days.stream().distinct().count() != days.size()) {
            errors.put("followUpDays", "list each day once, in increasing order, e.g. 28, 84");
        }
        return days;
    }

    private static Map<String, Object> snapshot(ProtocolTemplate t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", t.code());
        m.put("name", t.name());
        m.put("sessions", t.sessions());
        m.put("intervalDays", t.intervalDays());
        m.put("followUpDays", t.followUpDays());
        m.put("delivery", t.delivery());
        m.put("primaryEndpoint", t.primaryEndpoint());
        m.put("secondaryEndpoints", t.secondaryEndpoints());
        m.put("design", t.design().name());
        m.put("comparator", t.comparator());
        return m;
    }

    /**
     * Plans a course for a patient, or refuses it with the rule that forbids it. A refusal by the
     * rules is recorded ({@link #refusals}) and that record commits; invalid input writes nothing.
     */
    @Transactional(noRollbackFor = PlanRefused.class)
    public TreatmentPlan plan(UUID patientId, NewPlan p) {
        Patient patient = patients.get(patientId);
        Clinic clinic = clinics.get(patient.clinicId());
        Map<String, String> errors = new LinkedHashMap<>();
        ProtocolTemplate template = null;
        if (p.templateId() == null) errors.put("templateId", "choose a protocol template");
        else {
            template = template(p.templateId());
            if (template.clinicId() != null && !template.clinicId().equals(patient.clinicId())) {
                errors.put("templateId", "this copy belongs to another clinic: use a shipped template or your clinic's copy");
            }
        }
        Product product = p.productCode() == null || p.productCode().isBlank() ? null : products.find(p.productCode().strip()).orElse(null);
        if (product == null) errors.put("productCode", "choose one of the lab's products");
        Route route = template == null ? null : template.route();
        if (template != null && p.route() != null && !p.route().isBlank() && !p.route().strip().equalsIgnoreCase(template.route().name())) {
            errors.put("route", "the protocol sets the route: " + template.route().label().toLowerCase(Locale.ROOT));
        }
        if (product != null && route != null && !ProductRoutes.fits(product, route)) errors.put("productCode", ProductRoutes.misfit(product, route));
        SourceType source = sourceOf(product, p.sourceType(), errors);
        Purpose purpose = Choices.parse(Purpose.class, p.purpose(), "purpose", errors);
        if (purpose == Purpose.CLINICAL_INVESTIGATION && (p.trialId() == null || p.trialId().isBlank())) {
            errors.put("trialId", "a clinical investigation names its trial (registry id or authorization number)");
        }
        if (p.trialId() != null && p.trialId().length() > 100) errors.put("trialId", "at most 100 characters");
        LocalDate start = p.startOn() == null ? LocalDate.now() : p.startOn();
        if (start.isBefore(LocalDate.now().minusYears(1)) || start.isAfter(LocalDate.now().plusYears(2))) {
            errors.put("startOn", "must be within a year before and two years after today");
        }
        Allocation allocation = template == null ? null : allocation(template, clinic, p, errors);
        if (!errors.isEmpty()) {
            throw DomainProblem.invalid("Invalid plan", errors);
        }
        ComplianceDecision decision = rules.check(clinic.jurisdiction(), source, route, purpose, start);
        boolean authorizedTrial = decision.verdict() == RuleVerdict.NEEDS_TRIAL_AUTHORIZATION && purpose == Purpose.CLINICAL_INVESTIGATION;
        if (decision.blocks() && !authorizedTrial) {
            refused(patient, clinic, template, product.code(), source, route, purpose, decision);
            throw new PlanRefused(clinic.jurisdiction(), List.of(decision.message(), decision.disclaimer()));
        }
        // after the rules, so that an attempt the rules forbid is kept for the compliance officer whatever else is missing
        if (patients.consents(patientId).stream().noneMatch(c -> c.kind() == PatientConsent.Kind.TREATMENT && c.activeOn(start))) {
            throw DomainProblem.ruleViolation("No treatment consent", List.of("the patient has no treatment consent active on " + start
                    + ": record the signed consent on this page first, then plan the course"));
        }
        Optional<Duplicate> running = duplicate(patientId, template.id(), product.code());
        if (running.isPresent() && !p.confirmDuplicate()) { // never null: the constructor made it false
            throw DomainProblem.conflict("This patient already has a running plan from " + template.name() + " with " + product.name()
                    + " (started " + running.get().startOn() + ", last visit due " + running.get().lastVisitOn()
                    + "). Confirm to plan a second course alongside it.");
        }
        String message = decision.message() + (template.investigational()
                ? " Investigational: no human exosome clinical study was found for " + template.indication() + "." : "")
                + (authorizedTrial ? " Planned under trial " + p.trialId().strip() + "." : "");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into treatment_plan (id, patient_id, clinic_id, template_id, product_code, source_type, route, purpose, trial_id, start_on,
                  compliance_verdict, compliance_message, created_by, design, treated_side, comparator, randomized, blinded_assessor,
                  allocation_salt, allocation_commitment)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patientId, clinic.id(), template.id(), product.code(), source.name(), route.name(), purpose.name(),
                        Texts.blankToNull(p.trialId()), Date.valueOf(start), decision.verdict() == null ? null : decision.verdict().name(),
                        message.length() > 2000 ? message.substring(0, 2000) : message, Actors.current(), template.design().name(),
                        allocation.side() == null ? null : allocation.side().name(), allocation.comparator(), allocation.randomized(),
                        allocation.blindedAssessor(), allocation.salt(), allocation.commit(id))
                .update();
        List<TreatmentPlan.Visit> visits = schedule(template, start);
        for (TreatmentPlan.Visit v : visits) {
            jdbc.sql("insert into plan_visit (id, plan_id, kind, number, due_on) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), id, v.kind().name(), v.number(), Date.valueOf(v.dueOn())).update();
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", patient.pseudonym());
        audit.put("template", template.code());
        audit.put("product", product.code());
        audit.put("route", route.name());
        audit.put("purpose", purpose.name());
        audit.put("compliance", decision.verdict() == null ? "NO_RULE" : decision.verdict().name());
        audit.put("design", template.design().name());
        if (template.splitFace()) {
            // Never the side: the audit trail is read by people who must stay blind to it. The commitment proves it later.
            audit.put("comparator", allocation.comparator());
            audit.put("randomized", allocation.randomized());
            audit.put("allocation", "concealed");
            audit.put("allocationCommitment", allocation.commit(id));
            if (allocation.blindedAssessor() != null) audit.put("blindedAssessor", allocation.blindedAssessor());
        }
        events.publishEvent(RecordChanged.created("treatment_plan", id, audit));
        return get(id);
    }

    /** The sides of a split-face plan; all null for a whole-area plan. */
    private record Allocation(Side side, String comparator, Boolean randomized, String blindedAssessor, String salt) {

        static final Allocation NONE = new Allocation(null, null, null, null, null);

        String commit(UUID planId) {
            return side == null ? null : commitment(planId, side, salt);
        }
    }

    /**
     * The commitment to a split-face allocation: SHA-256 (lower-case hex) of
     * {@code planId + ":" + side + ":" + salt}, with a 256-bit random salt in hex. It is in the audit
     * trail from planning on; revealing the side and the salt later proves the side was not changed.
     */
    static String commitment(UUID planId, Side side, String salt) {
        return Hashes.sha256(planId + ":" + side.name() + ":" + salt);
    }

    private Allocation allocation(ProtocolTemplate template, Clinic clinic, NewPlan p, Map<String, String> errors) {
        String choice = p.allocation() == null ? "" : p.allocation().strip().toUpperCase(Locale.ROOT);
        String assessor = Texts.blankToNull(p.blindedAssessor());
        if (!template.splitFace()) {
            if (!choice.isEmpty() && !choice.equals("RANDOM")) {
                errors.put("allocation", "only a split-face design allocates sides; " + template.name() + " treats the whole area");
            }
            if (assessor != null) errors.put("blindedAssessor", "a blinded assessor is named for split-face designs only");
            return Allocation.NONE;
        }
        Side side = switch (choice) {
            case "", "RANDOM" -> RANDOM.nextBoolean() ? Side.LEFT : Side.RIGHT;
            case "LEFT" -> Side.LEFT;
            case "RIGHT" -> Side.RIGHT;
            default -> {
                errors.put("allocation", "the side that receives the exosome product: LEFT, RIGHT or RANDOM");
                yield null;
            }
        };
        if (assessor != null) {
            if (assessor.equals(Actors.current())) {
                errors.put("blindedAssessor", "you make the allocation, so you know it: name another clinician of " + clinic.name());
            } else if (!clinics.isMember(clinic.id(), assessor)) {
                errors.put("blindedAssessor", "no clinician named '" + assessor + "' works at " + clinic.name());
            }
        }
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return new Allocation(side, template.comparator(), choice.isEmpty() || choice.equals("RANDOM"), assessor, HexFormat.of().formatHex(salt));
    }

    private void refused(Patient patient, Clinic clinic, ProtocolTemplate template, String productCode, SourceType source, Route route,
                         Purpose purpose, ComplianceDecision decision) {
        UUID id = UUID.randomUUID();
        String message = decision.message().length() > 2000 ? decision.message().substring(0, 2000) : decision.message();
        jdbc.sql("""
                insert into plan_refusal (id, patient_id, clinic_id, template_id, product_code, source_type, route, purpose, jurisdiction, verdict,
                  message, refused_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patient.id(), clinic.id(), template.id(), productCode, source.name(), route.name(), purpose.name(), clinic.jurisdiction(),
                        decision.verdict().name(), message, Actors.current())
                .update();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", patient.pseudonym());
        audit.put("template", template.code());
        audit.put("product", productCode);
        audit.put("source", source.name());
        audit.put("route", route.name());
        audit.put("purpose", purpose.name());
        audit.put("verdict", decision.verdict().name());
        events.publishEvent(RecordChanged.created("plan_refusal", id, audit));
    }

    /**
     * The patient's running plan from the template with the product, if any: its last visit is due
     * today or later. A second identical course is allowed only when the clinician confirms it.
     */
    @Transactional(readOnly = true)
    public Optional<Duplicate> duplicate(UUID patientId, UUID templateId, String productCode) {
        return jdbc.sql("""
                select tp.id, tp.start_on, max(v.due_on) as last_visit from treatment_plan tp join plan_visit v on v.plan_id = tp.id
                where tp.patient_id = ? and tp.template_id = ? and tp.product_code = ?
                group by tp.id, tp.start_on having max(v.due_on) >= current_date order by tp.start_on desc limit 1""")
                .params(patientId, templateId, productCode)
                .query((rs, n) -> new Duplicate(rs.getObject("id", UUID.class), rs.getDate("start_on").toLocalDate(),
                        rs.getDate("last_visit").toLocalDate())).optional();
    }

    /** The products a template's route can deliver, for the plan form. */
    @Transactional(readOnly = true)
    public List<Product> productsFor(ProtocolTemplate template) {
        return products.all().stream().filter(p -> ProductRoutes.fits(p, template.route())).toList();
    }

    /** The product's source named in the request, or its only source when none is named. */
    private static SourceType sourceOf(Product product, String typed, Map<String, String> errors) {
        if ((typed == null || typed.isBlank()) && product != null && product.sourceTypes().size() == 1) {
            return product.sourceTypes().iterator().next();
        }
        SourceType source = Choices.parse(SourceType.class, typed, "sourceType", errors);
        if (source != null && product != null && !product.madeFrom(source)) {
            errors.put("sourceType", product.name() + " is made from " + product.sourcesText() + ", not " + Product.inSentence(source));
        }
        return source;
    }

    /** The refused plan attempts of a patient, newest first, for the staff of their clinic. */
    @Transactional(readOnly = true)
    public List<PlanRefusal> refusals(UUID patientId) {
        patients.get(patientId);
        return jdbc.sql(REFUSALS + " where r.patient_id = ? order by r.refused_at desc").param(patientId).query(TreatmentPlans::refusal).list();
    }

    /** Every refused plan attempt, newest first, under pseudonyms: what a compliance officer reviews. */
    @Transactional(readOnly = true)
    public List<PlanRefusal> allRefusals() {
        return jdbc.sql(REFUSALS + " order by r.refused_at desc limit 500").query(TreatmentPlans::refusal).list();
    }

    private static final String REFUSALS = """
            select r.*, p.pseudonym, t.name as template_name from plan_refusal r join patient p on p.id = r.patient_id
            join protocol_template t on t.id = r.template_id""";

    private static PlanRefusal refusal(ResultSet rs, int n) throws SQLException {
        return new PlanRefusal(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getString("pseudonym"),
                rs.getObject("clinic_id", UUID.class), rs.getString("jurisdiction"), rs.getObject("template_id", UUID.class),
                rs.getString("template_name"), rs.getString("product_code"), SourceType.valueOf(rs.getString("source_type")),
                Route.valueOf(rs.getString("route")), Purpose.valueOf(rs.getString("purpose")), RuleVerdict.valueOf(rs.getString("verdict")),
                rs.getString("message"), rs.getString("refused_by"), rs.getTimestamp("refused_at").toInstant());
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
        TreatmentPlan p = jdbc.sql(PLANS + " where tp.id = ?").param(id).query(this::plan).optional()
                .orElseThrow(() -> DomainProblem.notFound("Treatment plan", id));
        patients.ofRecord(p.patientId(), "Treatment plan", id);
        return p;
    }

    @Transactional(readOnly = true)
    public List<TreatmentPlan> forPatient(UUID patientId) {
        patients.get(patientId);
        return jdbc.sql(PLANS + " where tp.patient_id = ? order by tp.start_on desc").param(patientId).query(this::plan).list();
    }

    /** The plans of these patients, for research: the caller has read them through {@code Patients.researchSubjects()}. */
    @Transactional(readOnly = true)
    public List<TreatmentPlan> forResearch(Collection<UUID> patientIds) {
        if (!Actors.holdsAny(Role.RESEARCHER)) throw DomainProblem.forbidden("Only researchers read records for research.");
        if (patientIds.isEmpty()) return List.of();
        return jdbc.sql(PLANS + " where tp.patient_id = any(?) order by tp.start_on").param(patientIds.toArray(UUID[]::new)).query(this::plan).list();
    }

    /** Plans with their visits in the same row ("SESSION:1:2026-01-05,..."), so that a list of plans is one query. */
    private static final String PLANS = """
            select tp.*, (select string_agg(v.kind || ':' || v.number || ':' || v.due_on, ',' order by v.due_on, v.kind desc, v.number)
                          from plan_visit v where v.plan_id = tp.id) as visit_list
            from treatment_plan tp""";

    private TreatmentPlan plan(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String visitList = rs.getString("visit_list");
        List<TreatmentPlan.Visit> visits = visitList == null ? List.of() : Arrays.stream(visitList.split(",")).map(v -> v.split(":"))
                .map(v -> new TreatmentPlan.Visit(TreatmentPlan.VisitKind.valueOf(v[0]), Integer.parseInt(v[1]), LocalDate.parse(v[2]))).toList();
        String verdict = rs.getString("compliance_verdict");
        String side = rs.getString("treated_side");
        return new TreatmentPlan(id, rs.getObject("patient_id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getObject("template_id", UUID.class), rs.getString("product_code"), SourceType.valueOf(rs.getString("source_type")),
                Route.valueOf(rs.getString("route")), Purpose.valueOf(rs.getString("purpose")), rs.getString("trial_id"),
                rs.getDate("start_on").toLocalDate(), verdict == null ? null : RuleVerdict.valueOf(verdict), rs.getString("compliance_message"),
                visits, rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), Design.valueOf(rs.getString("design")),
                side == null ? null : Side.valueOf(side), rs.getString("comparator"), (Boolean) rs.getObject("randomized"),
                rs.getString("blinded_assessor"), rs.getString("allocation_commitment"), false).concealedFrom(Actors.current());
    }

    private static ProtocolTemplate template(ResultSet rs, int n) throws SQLException {
        List<Integer> followUps = Arrays.stream(rs.getString("follow_up_days").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).toList();
        return new ProtocolTemplate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("indication"),
                rs.getBoolean("investigational"), Route.valueOf(rs.getString("route")), rs.getInt("sessions"), rs.getInt("interval_days"),
                followUps, rs.getString("primary_endpoint"), rs.getString("secondary_endpoints"), rs.getString("delivery"),
                rs.getString("evidence"), rs.getObject("clinic_id", UUID.class), rs.getObject("copied_from", UUID.class),
                Design.valueOf(rs.getString("design")), rs.getString("comparator"));
    }
}
