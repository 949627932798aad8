package org.exotrace.clinic.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Design;
import org.exotrace.clinic.ProtocolTemplate;
import org.exotrace.clinic.TreatmentPlans;
import org.exotrace.shared.DomainProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A protocol template's page: what it prescribes, "copy to my clinic" for a shipped one, the edit form for a clinic's copy. */
@Controller
class ProtocolController {

    /** The edit form as typed: numbers stay text so that "abc" comes back with a field message, not a binding error. */
    record TemplateForm(String name, String sessions, String intervalDays, String followUpDays, String delivery, String primaryEndpoint,
                        String secondaryEndpoints, String design, String comparator, String reason) {

        static TemplateForm of(ProtocolTemplate t) {
            TreatmentPlans.TemplateEdit e = TreatmentPlans.TemplateEdit.of(t);
            return new TemplateForm(e.name(), String.valueOf(e.sessions()), String.valueOf(e.intervalDays()), e.followUpDays(), e.delivery(),
                    e.primaryEndpoint(), e.secondaryEndpoints(), e.design(), e.comparator(), "");
        }

        TreatmentPlans.TemplateEdit edit() {
            return new TreatmentPlans.TemplateEdit(name, number(sessions), number(intervalDays), followUpDays, delivery, primaryEndpoint,
                    secondaryEndpoints, design, comparator);
        }

        /** Not a whole number: out of every range, so the service names the field. */
        private static Integer number(String text) {
            try {
                return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private final TreatmentPlans plans;
    private final Clinics clinics;

    ProtocolController(TreatmentPlans plans, Clinics clinics) {
        this.plans = plans;
        this.clinics = clinics;
    }

    @GetMapping("/protocol-templates/{id}")
    String show(@PathVariable UUID id, Model model) {
        ProtocolTemplate t = plans.template(id);
        return page(t, TemplateForm.of(t), Map.of(), model);
    }

    @PostMapping("/protocol-templates/{id}")
    String update(@PathVariable UUID id, @ModelAttribute TemplateForm form, Model model, RedirectAttributes redirect) {
        ProtocolTemplate t = plans.template(id);
        try {
            plans.update(id, form.edit(), form.reason());
            redirect.addFlashAttribute("message", "Template saved; plans made earlier keep their schedule.");
            return "redirect:/protocol-templates/" + id;
        } catch (DomainProblem e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.isEmpty()) errors.put("form", e.getMessage());
            return page(t, form, errors, model);
        }
    }

    @PostMapping("/protocol-templates/{id}/copies")
    String copy(@PathVariable UUID id, @RequestParam(required = false) UUID clinicId, RedirectAttributes redirect) {
        try {
            if (clinicId == null) throw DomainProblem.invalid("clinicId", "choose the clinic");
            ProtocolTemplate copy = plans.copy(id, clinicId);
            redirect.addFlashAttribute("message", "Copied to your clinic as " + copy.code() + "; adapt it below.");
            return "redirect:/protocol-templates/" + copy.id();
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("message", "Not copied: " + e.getMessage());
            return "redirect:/protocol-templates/" + id;
        }
    }

    private String page(ProtocolTemplate t, TemplateForm form, Map<String, String> errors, Model model) {
        List<Clinic> mine = clinics.mine();
        model.addAttribute("template", t);
        model.addAttribute("owner", t.clinicId() == null ? null : clinics.get(t.clinicId()));
        model.addAttribute("copiedFrom", copiedFrom(t));
        model.addAttribute("myClinics", mine);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("designs", Design.values());
        return "clinic/protocol";
    }

    /** The template this one was copied from, when the current user may still read it. */
    private ProtocolTemplate copiedFrom(ProtocolTemplate t) {
        if (t.copiedFrom() == null) return null;
        try {
            return plans.template(t.copiedFrom());
        } catch (DomainProblem e) {
            return null;
        }
    }
}
