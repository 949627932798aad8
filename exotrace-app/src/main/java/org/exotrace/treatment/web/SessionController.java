package org.exotrace.treatment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.treatment.AdverseEvent;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.treatment.TreatmentSession;
import org.exotrace.compliance.Route;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.ScientificNotation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A treatment plan's page: its visits and what was done at each, the session form (scan a unit,
 * see at once whether it may be used and the dose it gives), and adverse events.
 */
@Controller
class SessionController {

    /** The session form as typed. */
    record SessionForm(String unitCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate performedOn, Double volumeMl, String route,
                       String device, Double needleDepthMm, Double energyMj, Integer passes, String settingsNote, String operator, String area,
                       String side) {

        Sessions.NewSession toSession() {
            return new Sessions.NewSession(unitCode, performedOn, volumeMl, route, device, needleDepthMm, energyMj, passes, settingsNote, operator,
                    area, side);
        }
    }

    /** A scheduled visit and, for a session visit, the session recorded for it. */
    record VisitRow(TreatmentPlan.Visit visit, TreatmentSession session, String status) {}

    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final Patients patients;
    private final Clinics clinics;
    private final MessageSource messages;

    SessionController(TreatmentPlans plans, Sessions sessions, Patients patients, Clinics clinics, MessageSource messages) {
        this.messages = messages;
        this.plans = plans;
        this.sessions = sessions;
        this.patients = patients;
        this.clinics = clinics;
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable UUID id, Model model) {
        TreatmentPlan plan = plans.get(id);
        return page(plan, new SessionForm("", LocalDate.now(), null, plan.route().name(), "", null, null, null, "", "", "",
                plan.treatedSide() == null ? Side.BOTH.name() : plan.treatedSide().name()),
                Map.of(), List.of(), model);
    }

    @GetMapping("/plans/{id}/unit-preview")
    String preview(@PathVariable UUID id, @RequestParam(defaultValue = "") String unitCode, @RequestParam(required = false) Double volumeMl,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate performedOn, Model model) {
        TreatmentPlan plan = plans.get(id);
        if (!unitCode.isBlank()) {
            Sessions.UnitPreview preview = sessions.preview(plan.clinicId(), unitCode, performedOn);
            model.addAttribute("preview", preview);
            model.addAttribute("dose", volumeMl == null || !(volumeMl > 0) || preview.particlesPerMl() == null ? null
                    : particles(preview.dose(volumeMl)));
            model.addAttribute("concentration", preview.particlesPerMl() == null ? null
                    : text("clinic.session.preview.concentration", ScientificNotation.format(preview.particlesPerMl()), preview.concentrationBasis()));
        }
        return "clinic/plan :: unit-preview";
    }

    @PostMapping("/plans/{id}/sessions")
    String record(@PathVariable UUID id, SessionForm form, Model model, RedirectAttributes redirect) {
        TreatmentPlan plan = plans.get(id);
        try {
            TreatmentSession s = sessions.record(id, form.toSession());
            redirect.addFlashAttribute("message", s.doseParticles() == null ? text("clinic.session.recorded.doseUnknown", s.number(), s.unitCode())
                    : text("clinic.session.recorded", s.number(), s.unitCode(), particles(s.doseParticles())));
            return "redirect:/plans/" + id + "#sessions";
        } catch (DomainProblem e) {
            Map<String, String> errors = e.fieldErrors();
            List<String> refusal = new ArrayList<>();
            if (errors.isEmpty()) {
                refusal.add(e.title());
                refusal.addAll(e.reasons().isEmpty() ? List.of(e.getMessage()) : e.reasons());
            }
            return page(plan, form, errors, refusal, model);
        }
    }

    @PostMapping("/sessions/{id}/adverse-events")
    String report(@PathVariable UUID id, @RequestParam(defaultValue = "") String term,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate onsetOn,
                  @RequestParam(defaultValue = "") String severity, @RequestParam(required = false) List<String> seriousness,
                  @RequestParam(defaultValue = "") String causality, @RequestParam(defaultValue = "") String outcome,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resolvedOn,
                  @RequestParam(defaultValue = "") String actionTaken, @RequestParam(defaultValue = "") String description,
                  RedirectAttributes redirect) {
        TreatmentSession s = sessions.get(id);
        try {
            AdverseEvent e = sessions.report(id, new Sessions.NewAdverseEvent(term, onsetOn, severity, seriousness, causality, outcome, resolvedOn,
                    actionTaken, description));
            redirect.addFlashAttribute("message", text(e.serious() ? "clinic.ae.reported.serious" : "clinic.ae.reported"));
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("aeSession", id);
            redirect.addFlashAttribute("aeErrors", e.fieldErrors().isEmpty() ? Map.of("form", e.getMessage()) : e.fieldErrors());
        }
        return "redirect:/plans/" + s.planId() + "#adverse-events";
    }

    @PostMapping("/sessions/{id}/void")
    String voidSession(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        TreatmentSession s = sessions.get(id);
        try {
            sessions.voidSession(id, reason);
            redirect.addFlashAttribute("message", text("clinic.session.voided", s.number(), s.unitCode()));
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("voidSession", id);
            redirect.addFlashAttribute("voidError", e.fieldErrors().isEmpty() ? e.getMessage() : text("clinic.session.void.reasonError", e.fieldErrors().get("reason")));
        }
        return "redirect:/plans/" + s.planId() + "#sessions";
    }

    @PostMapping("/adverse-events/{id}/follow-ups")
    String followUp(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resolvedOn,
                    @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        AdverseEvent event = sessions.adverseEvent(id);
        try {
            sessions.updateOutcome(id, new Sessions.OutcomeUpdate(outcome, resolvedOn, reason));
            redirect.addFlashAttribute("message", text("clinic.ae.followUpRecorded"));
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("followUpError", e.fieldErrors().isEmpty() ? e.getMessage()
                    : e.fieldErrors().entrySet().stream().map(en -> en.getKey() + ": " + en.getValue()).collect(Collectors.joining("; ")));
        }
        return "redirect:/plans/" + sessions.get(event.sessionId()).planId() + "#adverse-events";
    }

    private String page(TreatmentPlan plan, SessionForm form, Map<String, String> errors, List<String> refusal, Model model) {
        Patient patient = patients.get(plan.patientId());
        List<TreatmentSession> done = sessions.forPlan(plan.id());
        List<AdverseEvent> events = sessions.adverseEvents(patient.id()).stream()
                .filter(e -> done.stream().anyMatch(s -> s.id().equals(e.sessionId()))).toList();
        model.addAttribute("plan", plan);
        model.addAttribute("template", plans.template(plan.templateId()));
        model.addAttribute("patient", patient);
        model.addAttribute("clinic", clinics.get(plan.clinicId()));
        model.addAttribute("visits", visits(plan, done));
        model.addAttribute("sessions", done);
        model.addAttribute("voided", sessions.voided(plan.id()));
        model.addAttribute("doses", done.stream().collect(Collectors.toMap(TreatmentSession::id,
                s -> s.doseParticles() == null ? text("clinic.sessions.dose.unknown") : particles(s.doseParticles()))));
        model.addAttribute("devices", done.stream().collect(Collectors.toMap(TreatmentSession::id, s -> String.join(" · ", s.device().settings()))));
        model.addAttribute("notes", done.stream().collect(Collectors.toMap(TreatmentSession::id,
                s -> s.warnings().stream().filter(w -> !plan.complianceMessage().startsWith(w)).toList())));
        model.addAttribute("events", events);
        model.addAttribute("sessionNumbers", done.stream().collect(Collectors.toMap(TreatmentSession::id, TreatmentSession::number)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("members", clinics.members(plan.clinicId()));
        model.addAttribute("routes", Route.values());
        model.addAttribute("sides", Side.values());
        model.addAttribute("severities", AdverseEvent.Severity.values());
        model.addAttribute("seriousness", AdverseEvent.Seriousness.values());
        model.addAttribute("causalities", AdverseEvent.Causality.values());
        model.addAttribute("outcomes", AdverseEvent.Outcome.values());
        model.addAttribute("today", LocalDate.now());
        return "clinic/plan";
    }

    /** A message of the clinic bundle in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A particle count as people read it, "2 × 10⁹ particles". */
    private String particles(double count) {
        return text("clinic.particles", ScientificNotation.format(count));
    }

    /** Each scheduled visit with its session, when one was recorded: sessions are matched to session visits by number. */
    static List<VisitRow> visits(TreatmentPlan plan, List<TreatmentSession> done) {
        Map<Integer, TreatmentSession> byNumber = new LinkedHashMap<>();
        done.forEach(s -> byNumber.put(s.number(), s));
        LocalDate today = LocalDate.now();
        List<VisitRow> rows = new ArrayList<>();
        for (TreatmentPlan.Visit v : plan.visits()) {
            Optional<TreatmentSession> s = v.kind() == TreatmentPlan.VisitKind.SESSION ? Optional.ofNullable(byNumber.get(v.number())) : Optional.empty();
            String status = s.isPresent() ? "DONE" : v.dueOn().isBefore(today) ? "OVERDUE" : v.dueOn().equals(today) ? "TODAY" : "SCHEDULED";
            rows.add(new VisitRow(v, s.orElse(null), status));
        }
        return rows;
    }
}
