package org.exotrace.course.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.supply.Inventory;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.PatientConsent;
import org.exotrace.clinic.Patients;
import org.exotrace.treatment.ProtocolTemplate;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.followup.Worklist;
import org.exotrace.product.Product;
import org.exotrace.product.Products;
import org.exotrace.compliance.Purpose;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinician's pages that draw on the whole course: the clinic home (their clinics' patients, the visits due, the units
 * on their way) and a patient's page (their record and consents, plans, refused plans and the plan form).
 */
@Controller
class ClinicController {

    /** Patients the clinic home lists per clinic (by name); the search finds any other. */
    static final int HOME_PATIENTS = 50;

    private final Clinics clinics;
    private final Patients patients;
    private final TreatmentPlans plans;
    private final Products products;
    private final Worklist worklist;
    private final Inventory inventory;

    private final MessageSource messages;

    ClinicController(Clinics clinics, Patients patients, TreatmentPlans plans, Products products, Worklist worklist, Inventory inventory, MessageSource messages) {
        this.messages = messages;
        this.inventory = inventory;
        this.clinics = clinics;
        this.patients = patients;
        this.plans = plans;
        this.products = products;
        this.worklist = worklist;
    }

    @GetMapping("/clinic")
    String home(@RequestParam(defaultValue = "") String q, Model model) {
        List<Clinic> mine = clinics.mine();
        Map<Clinic, Page<Patient>> byClinic = new LinkedHashMap<>();
        mine.forEach(c -> byClinic.put(c, patients.search(c.id(), q, new Page.Request(0, HOME_PATIENTS))));
        model.addAttribute("clinics", byClinic);
        model.addAttribute("worklists", worklist.mine(LocalDate.now()));
        model.addAttribute("incoming", inventory.incomingCounts());
        model.addAttribute("q", q);
        return "clinic/home";
    }

    @GetMapping("/patients/{id}")
    String patient(@PathVariable UUID id, Model model) {
        Patient p = patients.get(id);
        model.addAttribute("patient", p);
        model.addAttribute("clinic", clinics.get(p.clinicId()));
        model.addAttribute("consents", patients.consents(id));
        model.addAttribute("kinds", PatientConsent.Kind.values());
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("planForm")) model.addAttribute("planForm", PlanForm.blank());
        if (!model.containsAttribute("planErrors")) model.addAttribute("planErrors", Map.of());
        model.addAttribute("plans", plans.forPatient(id));
        model.addAttribute("refusals", plans.refusals(id));
        List<ProtocolTemplate> templates = plans.templates();
        model.addAttribute("templates", templates);
        model.addAttribute("templateNames", templates.stream().collect(Collectors.toMap(ProtocolTemplate::id, ProtocolTemplate::name)));
        planChoices(id, (PlanForm) model.getAttribute("planForm"), model);
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("assessors", clinics.members(p.clinicId()).stream().filter(m -> !m.equals(Actors.current())).toList());
        return "clinic/patient";
    }

    /** The plan form as typed, kept when the plan is refused so nothing has to be chosen again. */
    record PlanForm(String templateId, String productCode, String sourceType, String purpose, String trialId,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startOn, String allocation, String blindedAssessor,
                    Boolean confirmDuplicate) {

        static PlanForm blank() {
            return new PlanForm("", "", "", "", "", LocalDate.now(), "RANDOM", "", false);
        }

        /** An unticked box is not sent at all. */
        public boolean duplicateConfirmed() {
            return Boolean.TRUE.equals(confirmDuplicate);
        }

        UUID template() {
            try {
                return templateId == null || templateId.isBlank() ? null : UUID.fromString(templateId);
            } catch (IllegalArgumentException e) {
                return null; // an unknown template reads as none chosen, and gets its field message
            }
        }
    }

    /** The fields that depend on the protocol and the product (route, products that fit it, the product's sources), for htmx. */
    @GetMapping("/patients/{id}/plan-fields")
    String planFields(@PathVariable UUID id, PlanForm form, Model model) {
        model.addAttribute("patient", patients.get(id));
        model.addAttribute("planForm", form);
        model.addAttribute("planErrors", Map.of());
        planChoices(id, form, model);
        return "clinic/patient :: plan-fields";
    }

    /**
     * What the plan form offers: the chosen protocol's route, the products that route can deliver, and
     * the chosen product's sources; every product and source before a protocol is chosen.
     */
    private void planChoices(UUID patientId, PlanForm form, Model model) {
        ProtocolTemplate chosen = null;
        if (form.template() != null) {
            try {
                chosen = plans.template(form.template());
            } catch (DomainProblem notVisible) {
                // another clinic's copy or an unknown id: offered nothing special, refused on submit
            }
        }
        List<Product> offered = chosen == null ? products.all() : plans.productsFor(chosen);
        Product product = offered.stream().filter(p -> p.code().equals(form.productCode())).findFirst()
                .orElse(offered.size() == 1 ? offered.get(0) : null);
        model.addAttribute("chosenTemplate", chosen);
        model.addAttribute("chosenProduct", product);
        model.addAttribute("products", offered);
        model.addAttribute("sources", product == null ? List.of(SourceType.values())
                : Arrays.stream(SourceType.values()).filter(product.sourceTypes()::contains).toList());
        model.addAttribute("duplicate", chosen == null || product == null ? null
                : plans.duplicate(patientId, chosen.id(), product.code()).orElse(null));
    }

    @PostMapping("/patients/{id}/plans")
    String plan(@PathVariable UUID id, PlanForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            TreatmentPlan p = plans.plan(id, new TreatmentPlans.NewPlan(form.template(), form.productCode(), form.sourceType(), null,
                    form.purpose(), form.trialId(), form.startOn(), form.allocation(), form.blindedAssessor(), form.duplicateConfirmed()));
            redirect.addFlashAttribute("message", text("clinic.plan.created", p.visits().size())
                    + (p.splitFace() ? " " + text(Boolean.TRUE.equals(p.randomized()) ? "clinic.plan.created.randomized" : "clinic.plan.created.splitFace",
                    p.allocation()) : ""));
            return "redirect:/patients/" + id + "#plans";
        } catch (DomainProblem e) {
            response.setStatus(switch (e.kind()) {
                case RULE_VIOLATION -> 422;
                case CONFLICT -> 409;
                default -> 400;
            });
            model.addAttribute("planError", switch (e.kind()) {
                case INVALID_INPUT -> text("clinic.plan.refused.invalid", e.title());
                case CONFLICT -> text("clinic.plan.refused.duplicate");
                default -> e.title();
            });
            model.addAttribute("planReasons", e.reasons().isEmpty() && e.kind() != DomainProblem.Kind.INVALID_INPUT ? List.of(e.getMessage())
                    : e.reasons());
            model.addAttribute("planErrors", e.fieldErrors());
            model.addAttribute("planForm", form);
            return patient(id, model);
        }
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
