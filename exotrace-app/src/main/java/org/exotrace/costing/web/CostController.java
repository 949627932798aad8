package org.exotrace.costing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.exotrace.costing.Costs;
import org.exotrace.evidence.Cohorts;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.DomainProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The costs page: the costs in force, the forms that record them and the cost per responder by group. */
@Controller
class CostController {

    /** The page's query as typed: text, so that a refusal shows what was typed. */
    record QueryForm(String cohortId, String groupBy, String instrument, String day, String window, String dropPercent) {}

    private final Costs costs;
    private final Cohorts cohorts;

    CostController(Costs costs, Cohorts cohorts) {
        this.costs = costs;
        this.cohorts = cohorts;
    }

    @GetMapping("/evidence/costs")
    String page(QueryForm query, Model model, HttpServletResponse response) {
        QueryForm q = query.instrument() == null ? new QueryForm("", "SOURCE_TYPE", "EASI", "84", "14", "50") : query;
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            UUID cohort = q.cohortId() == null || q.cohortId().isBlank() ? null : UUID.fromString(q.cohortId().strip());
            model.addAttribute("report", costs.report(new Costs.Query(cohort, null, q.groupBy(), q.instrument(), integer(q.day(), "day"),
                    integer(q.window(), "window"), decimal(q.dropPercent()))));
        } catch (DomainProblem p) {
            errors.putAll(p.fieldErrors());
            if (p.fieldErrors().isEmpty()) errors.put("form", p.getMessage());
        } catch (IllegalArgumentException e) {
            errors.put("cohortId", "choose a saved cohort");
        }
        if (!errors.isEmpty()) response.setStatus(400);
        return page(q, errors, Map.of(), model);
    }

    @PostMapping("/evidence/costs/lots")
    String recordLot(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String amount,
                     @RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String note, Model model,
                     RedirectAttributes redirect, HttpServletResponse response) {
        return record("lot", code, amount, currency, note, model, redirect, response);
    }

    @PostMapping("/evidence/costs/sessions")
    String recordSession(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String amount,
                         @RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String note, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        return record("session", code, amount, currency, note, model, redirect, response);
    }

    private String record(String kind, String code, String amount, String currency, String note, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal value = null;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            errors.put(kind + ".amount", "give an amount such as 1200.50");
        }
        if (errors.isEmpty()) {
            try {
                Costs.NewCost c = new Costs.NewCost(code, value, currency, note);
                Costs.Cost saved = kind.equals("lot") ? costs.recordLotCost(c) : costs.recordSessionCost(c);
                redirect.addFlashAttribute("recorded", saved.code());
                return "redirect:/evidence/costs#" + kind + "-costs";
            } catch (DomainProblem p) {
                p.fieldErrors().forEach((f, m) -> errors.put(kind + "." + f, m));
                if (p.fieldErrors().isEmpty()) errors.put(kind + ".form", p.getMessage());
            }
        }
        response.setStatus(400);
        return page(new QueryForm("", "SOURCE_TYPE", "EASI", "84", "14", "50"), errors,
                Map.of("kind", kind, "code", code, "amount", amount, "currency", currency, "note", note), model);
    }

    private static Integer integer(String v, String field) {
        try {
            return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw DomainProblem.invalid(field, "a whole number of days");
        }
    }

    private static Double decimal(String v) {
        try {
            return v == null || v.isBlank() ? null : Double.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw DomainProblem.invalid("dropPercent", "a percentage such as 50");
        }
    }

    private String page(QueryForm q, Map<String, String> errors, Map<String, String> typed, Model model) {
        model.addAttribute("query", q);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("cohorts", cohorts.all());
        model.addAttribute("instruments", Instrument.values());
        model.addAttribute("groupings", Costs.Grouping.values());
        model.addAttribute("lotCosts", costs.lotCosts());
        model.addAttribute("sessionCosts", costs.sessionCosts());
        if (!model.containsAttribute("report")) model.addAttribute("report", null);
        return "evidence/costs";
    }
}
