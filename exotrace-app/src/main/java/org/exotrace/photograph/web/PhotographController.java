package org.exotrace.photograph.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.photograph.Photograph;
import org.exotrace.photograph.Photographs;
import org.exotrace.treatment.Side;
import org.exotrace.photograph.StandardView;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.shared.DomainProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's photographs page: the upload form, the gallery by visit and a side-by-side
 * comparison of one view at two visits (by default the first and the latest).
 */
@Controller
class PhotographController {

    /** The upload form as typed (the file comes separately). */
    record PhotoForm(String view, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate takenOn, String visitLabel, String side,
                     String note, UUID planId) {
        static PhotoForm blank() {
            return new PhotoForm(StandardView.FRONTAL.name(), LocalDate.now(), "", Side.BOTH.name(), "", null);
        }
    }

    /** One view at two visits, each with its photograph. */
    record Comparison(StandardView view, List<Photographs.Visit> visits, Photographs.Visit before, Photograph beforePhoto,
                      Photographs.Visit after, Photograph afterPhoto) {}

    private final Patients patients;
    private final Photographs photographs;
    private final TreatmentPlans plans;

    private final MessageSource messages;

    PhotographController(Patients patients, Photographs photographs, TreatmentPlans plans, MessageSource messages) {
        this.messages = messages;
        this.patients = patients;
        this.photographs = photographs;
        this.plans = plans;
    }

    @GetMapping("/patients/{id}/photographs")
    String page(@PathVariable UUID id, @RequestParam(required = false) String view, @RequestParam(required = false) String before,
                @RequestParam(required = false) String after, Model model) {
        return render(id, PhotoForm.blank(), Map.of(), view, before, after, model);
    }

    @PostMapping("/patients/{id}/photographs")
    String upload(@PathVariable UUID id, @ModelAttribute PhotoForm form, @RequestParam(value = "file", required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) throws IOException {
        try {
            Photograph p = photographs.upload(id, new Photographs.NewPhotograph(form.planId(), form.takenOn(), form.visitLabel(), form.view(),
                    form.side(), form.note()), PhotographApi.read(file));
            String view = messages.getMessage("common.enum.StandardView." + p.view().name(), null, p.view().label(), LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("message", text("clinic.photograph.stored", view, p.visitLabel(), p.takenOn()));
            return "redirect:/patients/" + id + "/photographs";
        } catch (DomainProblem e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.isEmpty()) errors.put("form", e.reasons().isEmpty() ? e.getMessage() : String.join(" ", e.reasons()));
            return render(id, form, errors, null, null, null, model);
        }
    }

    @GetMapping("/photographs/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        return PhotographApi.serve(photographs.content(id));
    }

    private String render(UUID id, PhotoForm form, Map<String, String> errors, String view, String before, String after, Model model) {
        Patient patient = patients.get(id);
        List<Photograph> all = photographs.forPatient(id);
        List<Photographs.Visit> visits = Photographs.byVisit(all);
        List<TreatmentPlan> patientPlans = plans.forPatient(id);
        model.addAttribute("patient", patient);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("views", StandardView.values());
        model.addAttribute("sides", Side.values());
        model.addAttribute("plans", patientPlans);
        model.addAttribute("visitSuggestions", suggestions(visits, patientPlans));
        model.addAttribute("visits", visits);
        model.addAttribute("withheld", all.isEmpty() ? null : all.get(0).withheld());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("comparison", compare(visits, view, before, after));
        return "clinic/photographs";
    }

    /**
     * The comparison asked for, or by default: the chosen view (else the first view photographed at
     * two visits, else frontal), its earliest and its latest visit.
     */
    static Comparison compare(List<Photographs.Visit> visits, String view, String before, String after) {
        StandardView chosen = parse(view).orElseGet(() -> java.util.Arrays.stream(StandardView.values())
                .filter(v -> visits.stream().filter(visit -> visit.of(v).isPresent()).count() >= 2).findFirst().orElse(StandardView.FRONTAL));
        List<Photographs.Visit> withView = visits.stream().filter(v -> v.of(chosen).isPresent()).toList();
        if (withView.isEmpty()) return new Comparison(chosen, withView, null, null, null, null);
        Photographs.Visit first = withView.stream().filter(v -> v.label().equals(before)).findFirst().orElse(withView.get(0));
        Photographs.Visit last = withView.stream().filter(v -> v.label().equals(after)).findFirst().orElse(withView.get(withView.size() - 1));
        return new Comparison(chosen, withView, first, first.of(chosen).orElseThrow(), last, last.of(chosen).orElseThrow());
    }

    private static Optional<StandardView> parse(String view) {
        if (view == null || view.isBlank()) return Optional.empty();
        try {
            return Optional.of(StandardView.valueOf(view));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Baseline, the visits of the patient's plans, and the labels already used. */
    private static Set<String> suggestions(List<Photographs.Visit> visits, List<TreatmentPlan> plans) {
        Set<String> labels = new LinkedHashSet<>();
        labels.add("Baseline");
        plans.forEach(p -> p.visits().forEach(v -> labels.add((v.kind() == TreatmentPlan.VisitKind.SESSION ? "Session " : "Follow-up ") + v.number())));
        visits.forEach(v -> labels.add(v.label()));
        return labels;
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
