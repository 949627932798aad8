package org.exotrace.compliance.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.exotrace.compliance.Confidence;
import org.exotrace.compliance.Jurisdictions;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.RegulatoryRules;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.Rule;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.DomainProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rules page (read by everyone, with a check form) and the compliance officer's rule editor. */
@Controller
class ComplianceController {

    private final RegulatoryRules rules;

    ComplianceController(RegulatoryRules rules) {
        this.rules = rules;
    }

    @GetMapping("/compliance")
    String list(@RequestParam(defaultValue = "") String jurisdiction, Model model) {
        model.addAttribute("rules", rules.all(jurisdiction));
        model.addAttribute("jurisdiction", jurisdiction);
        options(model);
        return "compliance/rules";
    }

    @GetMapping("/compliance/check")
    String check(@RequestParam String jurisdiction, @RequestParam SourceType source, @RequestParam Route route,
                 @RequestParam Purpose purpose, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                 Model model) {
        try {
            model.addAttribute("decision", rules.check(jurisdiction, source, route, purpose, on));
        } catch (DomainProblem p) {
            model.addAttribute("checkError", p.getMessage());
        }
        return "compliance/rules :: decision";
    }

    @GetMapping("/compliance/rules/new")
    String newRule(Model model) {
        return form(null, new RegulatoryRules.RuleInput("", "HUMAN", "ANY", "ANY", "", "", "", "", null, null), Map.of(), model);
    }

    @GetMapping("/compliance/rules/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Rule r = rules.get(id);
        return form(r, new RegulatoryRules.RuleInput(r.jurisdiction(), r.source(), r.route(), r.purpose(), r.verdict().name(),
                r.confidence().name(), r.citation(), r.note(), r.effectiveFrom(), r.effectiveTo()), Map.of(), model);
    }

    @PostMapping("/compliance/rules")
    String create(@ModelAttribute RegulatoryRules.RuleInput input, Model model, RedirectAttributes redirect) {
        try {
            Rule r = rules.create(input);
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.rules.added", Jurisdictions.name(r.jurisdiction())));
            return "redirect:/compliance?jurisdiction=" + r.jurisdiction();
        } catch (DomainProblem p) {
            return form(null, input, errors(p), model);
        }
    }

    @PostMapping("/compliance/rules/{id}")
    String update(@PathVariable UUID id, @ModelAttribute RegulatoryRules.RuleInput input, @RequestParam(defaultValue = "") String reason,
                  Model model, RedirectAttributes redirect) {
        try {
            Rule r = rules.update(id, input, reason);
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.rules.changed", String.valueOf(r.version())));
            return "redirect:/compliance?jurisdiction=" + r.jurisdiction();
        } catch (DomainProblem p) {
            return form(rules.get(id), input, errors(p), model);
        }
    }

    private String form(Rule rule, RegulatoryRules.RuleInput input, Map<String, String> errors, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        options(model);
        return "compliance/edit";
    }

    private static Map<String, String> errors(DomainProblem p) {
        Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
        if (errors.isEmpty()) errors.put("form", p.getMessage());
        return errors;
    }

    private static void options(Model model) {
        model.addAttribute("jurisdictions", Jurisdictions.all());
        model.addAttribute("sources", SourceType.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("routeGroups", Route.Group.values());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("verdicts", RuleVerdict.values());
        model.addAttribute("confidences", Confidence.values());
    }
}
