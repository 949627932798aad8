package org.exotrace.donor.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.donor.CollectionJurisdictions;
import org.exotrace.donor.ScreeningPanel;
import org.exotrace.donor.ScreeningPanels;
import org.exotrace.donor.ScreeningTest;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.DomainProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screening panels page (the lab and compliance read it) and QA's editor: add a panel, require
 * a test, change a test's window or stop requiring it, each change with a reason and field
 * messages beside the fields.
 */
@Controller
class ScreeningPanelController {

    /** A form's texts as typed, so that a refused entry comes back as it was. */
    record RequiredTestForm(String testCode, String daysBefore, String daysAfter, String source, Boolean verified, String reason) {}

    record RemovalForm(String reason) {}

    private final ScreeningPanels panels;

    ScreeningPanelController(ScreeningPanels panels) {
        this.panels = panels;
    }

    @GetMapping("/screening-panels")
    String list(Model model) {
        model.addAttribute("panels", panels.all());
        model.addAttribute("catalog", panels.catalog());
        return "donor/panels";
    }

    @GetMapping("/screening-panels/new")
    String newPanel(Model model) {
        return panelForm(new ScreeningPanels.PanelInput("", "", ""), Map.of(), model);
    }

    @PostMapping("/screening-panels")
    String create(@ModelAttribute ScreeningPanels.PanelInput input, Model model, RedirectAttributes redirect) {
        try {
            ScreeningPanel p = panels.create(input);
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.panel.added", p.title()));
            return "redirect:/screening-panels/" + p.id() + "/edit";
        } catch (DomainProblem p) {
            return panelForm(input, errors(p), model);
        }
    }

    @GetMapping("/screening-panels/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        return editForm(panels.get(id), new RequiredTestForm("", "7", "7", "", false, ""), Map.of(), model);
    }

    @PostMapping("/screening-panels/{id}/tests")
    String addTest(@PathVariable UUID id, @ModelAttribute RequiredTestForm form, Model model, RedirectAttributes redirect) {
        ScreeningPanel panel = panels.get(id);
        Map<String, String> typed = new LinkedHashMap<>();
        ScreeningPanels.RequiredTestInput input = input(form, typed);
        Map<String, String> errors;
        try {
            ScreeningPanel after = panels.addTest(id, input, form.reason());
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.panel.testRequired", after.test(input.testCode().strip().toUpperCase(java.util.Locale.ROOT))
                    .map(t -> t.test().name()).orElse(input.testCode().strip()), String.valueOf(after.version())));
            return "redirect:/screening-panels/" + id + "/edit";
        } catch (DomainProblem p) {
            errors = errors(p);
            errors.putAll(typed);
        }
        return editForm(panel, form, errors, model);
    }

    @GetMapping("/screening-panels/{id}/tests/{testCode}/edit")
    String editTest(@PathVariable UUID id, @PathVariable String testCode, Model model) {
        ScreeningPanel panel = panels.get(id);
        ScreeningPanel.RequiredTest t = required(panel, testCode);
        return testForm(panel, t, new RequiredTestForm(t.test().code(), String.valueOf(t.window().daysBefore()),
                String.valueOf(t.window().daysAfter()), t.source(), t.verified(), ""), Map.of(), Map.of(), model);
    }

    @PostMapping("/screening-panels/{id}/tests/{testCode}")
    String changeTest(@PathVariable UUID id, @PathVariable String testCode, @ModelAttribute RequiredTestForm form, Model model,
                      RedirectAttributes redirect) {
        ScreeningPanel panel = panels.get(id);
        ScreeningPanel.RequiredTest t = required(panel, testCode);
        Map<String, String> typed = new LinkedHashMap<>();
        ScreeningPanels.RequiredTestInput input = input(form, typed);
        Map<String, String> errors;
        try {
            ScreeningPanel after = panels.changeTest(id, testCode, input, form.reason());
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.panel.testChanged", t.test().name(), String.valueOf(after.version())));
            return "redirect:/screening-panels/" + id + "/edit";
        } catch (DomainProblem p) {
            errors = errors(p);
            errors.putAll(typed);
        }
        return testForm(panel, t, form, errors, Map.of(), model);
    }

    @PostMapping("/screening-panels/{id}/tests/{testCode}/removal")
    String removeTest(@PathVariable UUID id, @PathVariable String testCode, @ModelAttribute RemovalForm form, Model model,
                      RedirectAttributes redirect) {
        ScreeningPanel panel = panels.get(id);
        ScreeningPanel.RequiredTest t = required(panel, testCode);
        try {
            ScreeningPanel after = panels.removeTest(id, testCode, form.reason());
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.panel.testRemoved", t.test().name(), String.valueOf(after.version())));
            return "redirect:/screening-panels/" + id + "/edit";
        } catch (DomainProblem p) {
            return testForm(panel, t, new RequiredTestForm(t.test().code(), String.valueOf(t.window().daysBefore()),
                    String.valueOf(t.window().daysAfter()), t.source(), t.verified(), ""), Map.of(), errors(p), model);
        }
    }

    private String panelForm(ScreeningPanels.PanelInput input, Map<String, String> errors, Model model) {
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("humanSources", Arrays.stream(SourceType.values()).filter(SourceType::isHuman).toList());
        model.addAttribute("jurisdictions", CollectionJurisdictions.panelJurisdictions());
        return "donor/panel-new";
    }

    private String editForm(ScreeningPanel panel, RequiredTestForm form, Map<String, String> errors, Model model) {
        model.addAttribute("panel", panel);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<ScreeningTest> addable = panels.catalog().stream().filter(t -> panel.test(t.code()).isEmpty()).toList();
        model.addAttribute("addable", addable);
        return "donor/panel-edit";
    }

    private String testForm(ScreeningPanel panel, ScreeningPanel.RequiredTest test, RequiredTestForm form, Map<String, String> errors,
                            Map<String, String> removalErrors, Model model) {
        model.addAttribute("panel", panel);
        model.addAttribute("required", test);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("removalErrors", removalErrors);
        return "donor/panel-test";
    }

    private static ScreeningPanel.RequiredTest required(ScreeningPanel panel, String testCode) {
        return panel.test(testCode).orElseThrow(() -> DomainProblem.notFound("Required test", testCode));
    }

    /** Whole days as typed; anything else is a field message, as the API's number check would give. */
    private static ScreeningPanels.RequiredTestInput input(RequiredTestForm form, Map<String, String> errors) {
        return new ScreeningPanels.RequiredTestInput(form.testCode(), days("daysBefore", form.daysBefore(), errors),
                days("daysAfter", form.daysAfter(), errors), form.source(), Boolean.TRUE.equals(form.verified()));
    }

    private static Integer days(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + text + "' is not a whole number of days");
            return null;
        }
    }

    private static Map<String, String> errors(DomainProblem p) {
        Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
        if (errors.isEmpty()) errors.put("form", p.getMessage());
        return errors;
    }
}
