package org.exotrace.course.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.followup.AdjustmentRule;
import org.exotrace.followup.AdjustmentRules;
import org.exotrace.clinic.Clinics;
import org.exotrace.treatment.Design;
import org.exotrace.treatment.ProtocolTemplate;
import org.exotrace.followup.Suggestion;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.compliance.Route;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.DomainProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A protocol template's page: what it prescribes and its adjustment rules, "copy to my clinic" for a shipped one, the edit
 * forms of the template and of its rules for a clinic's copy.
 */
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

    /** An adjustment rule as typed; the threshold and the week stay text, as in {@link TemplateForm}. */
    record RuleForm(String code, String instrument, String responseName, String improvementBelow, String byWeek, String kind,
                    String proposedRoute, String text, String reason) {

        static final RuleForm BLANK = new RuleForm("", "EASI", "", "", "8", "REVIEW", "", "", "");

        static RuleForm of(AdjustmentRule r) {
            return new RuleForm(r.code(), r.instrument().name(), r.responseName() == null ? "" : r.responseName(),
                    r.improvementBelow() == null ? "" : r.improvementBelow().stripTrailingZeros().toPlainString(), String.valueOf(r.byWeek()),
                    r.kind().name(), r.proposedRoute() == null ? "" : r.proposedRoute().name(), r.text(), "");
        }

        AdjustmentRules.RuleInput input() {
            return new AdjustmentRules.RuleInput(code, instrument, responseName, decimal(improvementBelow), TemplateForm.number(byWeek), kind,
                    proposedRoute, text);
        }

        /** Not a number: out of range, so the service names the field. */
        private static BigDecimal decimal(String text) {
            try {
                return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return BigDecimal.valueOf(-1);
            }
        }
    }

    private final TreatmentPlans plans;
    private final AdjustmentRules rules;
    private final Clinics clinics;

    private final MessageSource messages;

    ProtocolController(TreatmentPlans plans, AdjustmentRules rules, Clinics clinics, MessageSource messages) {
        this.messages = messages;
        this.plans = plans;
        this.rules = rules;
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
            redirect.addFlashAttribute("message", text("clinic.protocol.saved"));
            return "redirect:/protocol-templates/" + id;
        } catch (DomainProblem e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.isEmpty()) errors.put("form", e.getMessage());
            return page(t, form, errors, model);
        }
    }

    @PostMapping("/protocol-templates/{id}/adjustment-rules")
    String addRule(@PathVariable UUID id, @ModelAttribute RuleForm form, Model model, RedirectAttributes redirect) {
        ProtocolTemplate t = plans.template(id);
        try {
            AdjustmentRule added = rules.add(id, form.input());
            redirect.addFlashAttribute("message", text("clinic.protocol.ruleAdded", added.code()));
            return "redirect:/protocol-templates/" + id + "#adjustment-rules";
        } catch (DomainProblem e) {
            return page(t, TemplateForm.of(t), Map.of(), RuleRefusal.of(NEW, form, e), model);
        }
    }

    @PostMapping("/protocol-templates/{id}/adjustment-rules/{code}")
    String updateRule(@PathVariable UUID id, @PathVariable String code, @ModelAttribute RuleForm form, Model model,
                      RedirectAttributes redirect) {
        ProtocolTemplate t = plans.template(id);
        try {
            rules.update(id, code, form.input(), form.reason());
            redirect.addFlashAttribute("message", text("clinic.protocol.ruleSaved", code));
            return "redirect:/protocol-templates/" + id + "#adjustment-rules";
        } catch (DomainProblem e) {
            return page(t, TemplateForm.of(t), Map.of(), RuleRefusal.of(code, form, e), model);
        }
    }

    @PostMapping("/protocol-templates/{id}/adjustment-rules/{code}/removal")
    String removeRule(@PathVariable UUID id, @PathVariable String code, @RequestParam(required = false) String reason, Model model,
                      RedirectAttributes redirect) {
        ProtocolTemplate t = plans.template(id);
        try {
            rules.remove(id, code, reason);
            redirect.addFlashAttribute("message", text("clinic.protocol.ruleRemoved", code));
            return "redirect:/protocol-templates/" + id + "#adjustment-rules";
        } catch (DomainProblem e) {
            return page(t, TemplateForm.of(t), Map.of(), RuleRefusal.of(code, null, e).removing(reason), model);
        }
    }

    @PostMapping("/protocol-templates/{id}/copies")
    String copy(@PathVariable UUID id, @RequestParam(required = false) UUID clinicId, RedirectAttributes redirect) {
        try {
            if (clinicId == null) throw DomainProblem.invalid("clinicId", "choose the clinic");
            ProtocolTemplate copy = plans.copy(id, clinicId);
            redirect.addFlashAttribute("message", text("clinic.protocol.copied", copy.code()));
            return "redirect:/protocol-templates/" + copy.id();
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("message", text("clinic.protocol.notCopied", e.getMessage()));
            return "redirect:/protocol-templates/" + id;
        }
    }

    /** The key of the add form in {@code ruleForms} and {@code ruleErrors}; rule codes never contain a space. */
    private static final String NEW = "new rule";

    /**
     * A refused rule form, shown again open with its messages beside its fields (a refusal without fields above the form).
     *
     * @param key   the rule's code, or {@link #NEW} for the add form
     * @param typed what was typed, or null for a removal (the rule's form shows the rule as stored)
     */
    record RuleRefusal(String key, RuleForm typed, Map<String, String> errors, String removalReason) {

        static final RuleRefusal NONE = new RuleRefusal("", null, Map.of(), "");

        static RuleRefusal of(String key, RuleForm typed, DomainProblem e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.isEmpty()) errors.put("form", e.getMessage());
            return new RuleRefusal(key, typed, errors, "");
        }

        RuleRefusal removing(String reason) {
            return new RuleRefusal(key, typed, errors, reason == null ? "" : reason);
        }
    }

    private String page(ProtocolTemplate t, TemplateForm form, Map<String, String> errors, Model model) {
        return page(t, form, errors, RuleRefusal.NONE, model);
    }

    private String page(ProtocolTemplate t, TemplateForm form, Map<String, String> errors, RuleRefusal refusal, Model model) {
        List<AdjustmentRule> ruleList = rules.forTemplate(t.id());
        Map<String, RuleForm> ruleForms = new LinkedHashMap<>();
        Map<String, Map<String, String>> ruleErrors = new LinkedHashMap<>();
        for (AdjustmentRule r : ruleList) {
            ruleForms.put(r.code(), RuleForm.of(r));
            ruleErrors.put(r.code(), Map.of());
        }
        ruleForms.put(NEW, RuleForm.BLANK);
        ruleErrors.put(NEW, Map.of());
        if (refusal.typed() != null) ruleForms.put(refusal.key(), refusal.typed());
        ruleErrors.put(refusal.key(), refusal.errors());
        Map<Instrument, List<String>> responses = new LinkedHashMap<>();
        for (Instrument i : AdjustmentRules.instruments()) {
            if (!AdjustmentRules.responses(i).isEmpty()) responses.put(i, AdjustmentRules.responses(i));
        }
        model.addAttribute("rules", ruleList);
        model.addAttribute("ruleForms", ruleForms);
        model.addAttribute("ruleErrors", ruleErrors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("newRuleKey", NEW);
        model.addAttribute("instruments", AdjustmentRules.instruments());
        model.addAttribute("responses", responses);
        model.addAttribute("kinds", Suggestion.Kind.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("template", t);
        model.addAttribute("owner", t.clinicId() == null ? null : clinics.get(t.clinicId()));
        model.addAttribute("copiedFrom", copiedFrom(t));
        model.addAttribute("myClinics", clinics.mine());
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

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
