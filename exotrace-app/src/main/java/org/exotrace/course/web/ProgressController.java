package org.exotrace.course.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.followup.Assessment;
import org.exotrace.followup.Assessments;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.followup.Progress;
import org.exotrace.treatment.Side;
import org.exotrace.followup.Suggestion;
import org.exotrace.followup.Suggestions;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.course.report.ProgressReport;
import org.exotrace.outcome.ComponentEntry;
import org.exotrace.outcome.Easi;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.DomainProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * A patient's progress page: the assessment entry form (the chosen instrument's component fields,
 * swapped in with htmx when another instrument is chosen), the trend of every endpoint against its
 * baseline with the responses, the next visit due, and the adjustment suggestions of the patient's plans with an
 * accept or override (with a reason) for each open one. Everything shown comes from {@link Assessments#progress} and
 * {@link Suggestions}, the same views the progress report PDF prints.
 */
@Controller
class ProgressController {

    /** Component fields are posted as {@code c.headNeck.erythema}, apart from the assessment's own fields. */
    static final String COMPONENT = "c.";

    /** The entry form as typed. */
    record EntryForm(String instrument, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn, String side, UUID planId,
                     Map<String, String> components) {}

    /** A run of fields under one heading (an EASI region), in the instrument's order. */
    record FieldGroup(String name, List<ComponentEntry.Field> fields) {}

    private final Patients patients;
    private final Assessments assessments;
    private final TreatmentPlans plans;
    private final Suggestions suggestions;
    private final ProgressReport report;

    private final MessageSource messages;

    ProgressController(Patients patients, Assessments assessments, TreatmentPlans plans, Suggestions suggestions, ProgressReport report, MessageSource messages) {
        this.messages = messages;
        this.patients = patients;
        this.assessments = assessments;
        this.plans = plans;
        this.suggestions = suggestions;
        this.report = report;
    }

    /** The progress report as a PDF download; each export is audited. */
    @GetMapping("/patients/{id}/progress.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        byte[] pdf = report.pdf(id);
        String name = "progress-" + patients.get(id).pseudonym() + "-" + LocalDate.now() + ".pdf";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    /** Accept or override (with a reason) a suggestion, then back to the progress page with the decision or what was wrong. */
    @PostMapping("/plans/{planId}/suggestions/{code}/decision")
    String decide(@PathVariable UUID planId, @PathVariable String code, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        UUID patientId = plans.get(planId).patientId();
        try {
            Suggestion s = suggestions.decide(planId, code, decision, reason);
            redirect.addFlashAttribute("message", text("clinic.suggestion.recorded", s.decision().text()));
        } catch (DomainProblem e) {
            String text = !e.fieldErrors().isEmpty() ? String.join("; ", e.fieldErrors().entrySet().stream()
                    .map(f -> f.getKey() + ": " + f.getValue()).toList())
                    : !e.reasons().isEmpty() ? e.title() + ": " + String.join("; ", e.reasons()) : e.getMessage();
            redirect.addFlashAttribute("suggestionErrors", Map.of(planId + "/" + code, text("clinic.suggestion.notRecorded", text)));
            redirect.addFlashAttribute("suggestionReason", Map.of(planId + "/" + code, reason == null ? "" : reason));
        }
        return "redirect:/patients/" + patientId + "/progress#suggestions";
    }

    @GetMapping("/patients/{id}/progress")
    String progress(@PathVariable UUID id, @RequestParam(required = false) String instrument, @RequestParam(required = false) UUID saved,
                    @RequestParam(required = false) UUID correct, Model model) {
        if (correct != null) {
            Assessment a = correctable(id, correct);
            model.addAttribute("correcting", a);
            return page(id, a.instrument(), new EntryForm(a.instrument().name(), a.assessedOn(), a.side().name(), a.planId(),
                    flatten("", a.components())), Map.of(), model);
        }
        Instrument chosen = chosen(instrument);
        EntryForm blank = new EntryForm(chosen.name(), LocalDate.now(), Side.BOTH.name(), null, Map.of());
        if (saved != null) {
            Assessment a = assessments.get(saved);
            model.addAttribute("saved", a);
            model.addAttribute("savedParts", partLabels(a));
        }
        return page(id, chosen, blank, Map.of(), model);
    }

    /** The component fields of another instrument, for htmx to swap into the form. */
    @GetMapping("/patients/{id}/progress/fields")
    String fields(@PathVariable UUID id, @RequestParam(required = false) String instrument, Model model) {
        Patient patient = patients.get(id);
        fieldModel(patient, chosen(instrument), Map.of(), Map.of(), model);
        return "clinic/progress :: fields";
    }

    @PostMapping("/patients/{id}/assessments")
    String record(@PathVariable UUID id, @RequestParam Map<String, String> params,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn,
                  @RequestParam(required = false) UUID planId, Model model, RedirectAttributes redirect) {
        Map<String, String> components = components(params);
        EntryForm form = new EntryForm(params.getOrDefault("instrument", ""), assessedOn, params.getOrDefault("side", ""), planId, components);
        try {
            Assessment a = assessments.record(id, new Assessments.NewAssessment(form.instrument(), form.assessedOn(), form.planId(),
                    form.side(), Map.copyOf(components)));
            redirect.addFlashAttribute("message", text("clinic.assessment.saved", a.summary(), a.assessedOn()));
            return "redirect:/patients/" + id + "/progress?instrument=" + a.instrument().name() + "&saved=" + a.id();
        } catch (DomainProblem e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.isEmpty()) errors.put("form", e.getMessage());
            model.addAttribute("formError", e.title());
            return page(id, chosen(form.instrument()), form, errors, model);
        }
    }

    /**
     * Corrects an assessment from the progress page: the same component fields, prefilled with what
     * was entered, and a reason. The earlier assessment is kept, marked corrected.
     */
    @PostMapping("/assessments/{assessmentId}/correction")
    String correct(@PathVariable UUID assessmentId, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Assessment old = assessments.get(assessmentId);
        Map<String, String> components = components(params);
        try {
            Assessment a = assessments.correct(assessmentId, Map.copyOf(components), params.get("reason"));
            redirect.addFlashAttribute("message", text("clinic.assessment.corrected", a.summary(), a.assessedOn(), old.summary()));
            return "redirect:/patients/" + a.patientId() + "/progress?instrument=" + a.instrument().name() + "&saved=" + a.id();
        } catch (DomainProblem e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.isEmpty()) errors.put("form", e.getMessage());
            model.addAttribute("formError", e.title());
            model.addAttribute("correcting", old);
            model.addAttribute("reason", params.getOrDefault("reason", ""));
            return page(old.patientId(), old.instrument(), new EntryForm(old.instrument().name(), old.assessedOn(), old.side().name(),
                    old.planId(), components), errors, model);
        }
    }

    private Assessment correctable(UUID patientId, UUID assessmentId) {
        Assessment a = assessments.get(assessmentId);
        if (!a.patientId().equals(patientId)) throw DomainProblem.notFound("Assessment", assessmentId);
        if (!a.valid()) throw DomainProblem.conflict("This assessment was already corrected; correct its replacement.");
        return a;
    }

    /** The components as the form names them: nested maps become dotted names ({@code headNeck.erythema}). */
    static Map<String, String> flatten(String prefix, Map<String, Object> components) {
        Map<String, String> flat = new LinkedHashMap<>();
        components.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> inner = new LinkedHashMap<>();
                nested.forEach((k, v) -> inner.put(String.valueOf(k), v));
                flat.putAll(flatten(prefix + name + ".", inner));
            } else if (value != null) {
                flat.put(prefix + name, String.valueOf(value));
            }
        });
        return flat;
    }

    private static Map<String, String> components(Map<String, String> params) {
        Map<String, String> components = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(COMPONENT)) components.put(name.substring(COMPONENT.length()), value);
        });
        return components;
    }

    private String page(UUID id, Instrument chosen, EntryForm form, Map<String, String> errors, Model model) {
        Patient patient = patients.get(id);
        Progress progress = assessments.progress(id);
        model.addAttribute("patient", patient);
        model.addAttribute("progress", progress);
        Map<String, TrendChart> charts = new LinkedHashMap<>();
        progress.series().stream().filter(Progress.Series::numeric)
                .forEach(s -> charts.put(s.endpoint() + "/" + s.side(), TrendChart.of(s)));
        model.addAttribute("charts", charts);
        model.addAttribute("assessments", assessments.forPatient(id));
        List<TreatmentPlan> patientPlans = plans.forPatient(id);
        model.addAttribute("plans", patientPlans);
        Map<UUID, String> planLabels = new LinkedHashMap<>();
        patientPlans.forEach(p -> planLabels.put(p.id(), plans.template(p.templateId()).code() + " from " + p.startOn()));
        model.addAttribute("planLabels", planLabels);
        model.addAttribute("suggestions", suggestions.forPatient(id));
        if (!model.containsAttribute("suggestionErrors")) model.addAttribute("suggestionErrors", Map.of());
        if (!model.containsAttribute("suggestionReason")) model.addAttribute("suggestionReason", Map.of());
        model.addAttribute("instruments", Instrument.values());
        model.addAttribute("sides", Side.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now());
        fieldModel(patient, chosen, form.components(), errors, model);
        return "clinic/progress";
    }

    private static void fieldModel(Patient patient, Instrument instrument, Map<String, String> values, Map<String, String> errors, Model model) {
        Map<String, List<ComponentEntry.Field>> groups = new LinkedHashMap<>();
        ComponentEntry.fields(instrument).forEach(f -> groups.computeIfAbsent(f.group() == null ? "" : f.group(), g -> new ArrayList<>()).add(f));
        model.addAttribute("instrument", instrument);
        model.addAttribute("groups", groups.entrySet().stream().map(e -> new FieldGroup(e.getKey(), e.getValue())).toList());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("ageToday", patient.ageOn(LocalDate.now()));
        model.addAttribute("childWeightsBelow", Easi.ADULT_WEIGHTS_FROM_AGE);
    }

    /** Each part's value under the name the form gives it: "Head and neck" for EASI's headNeck, "Itchy skin" for POEM's itch. */
    static Map<String, String> partLabels(Assessment a) {
        List<ComponentEntry.Field> fields = ComponentEntry.fields(a.instrument());
        Map<String, String> labelled = new LinkedHashMap<>();
        a.parts().forEach((part, value) -> {
            String label = fields.stream().filter(f -> f.name().equals(part)).map(ComponentEntry.Field::label).findFirst()
                    .or(() -> fields.stream().filter(f -> f.name().startsWith(part + ".") && f.group() != null)
                            .map(ComponentEntry.Field::group).findFirst())
                    .orElse(part);
            labelled.put(label, value.toPlainString());
        });
        return labelled;
    }

    private static Instrument chosen(String instrument) {
        if (instrument == null || instrument.isBlank()) return Instrument.EASI;
        Instrument i = Assessments.instrument(instrument, new LinkedHashMap<>());
        return i == null ? Instrument.EASI : i;
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
