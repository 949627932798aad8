package org.exotrace.coldchain.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.exotrace.coldchain.ColdChain;
import org.exotrace.coldchain.ColdChainEvent;
import org.exotrace.coldchain.StorageLocation;
import org.exotrace.product.Products;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.UiText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The cold-chain pages: the overview (holds QA has to decide, each product's storage condition, the
 * lab's locations, a unit look-up) and a unit's record with its forms. A refused form comes back
 * with what was typed and a message beside each field (keys "form.field"), status 400.
 */
@Controller
class ColdChainController {

    private final ColdChain coldChain;
    private final Products products;

    ColdChainController(ColdChain coldChain, Products products) {
        this.coldChain = coldChain;
        this.products = products;
    }

    @GetMapping("/cold-chain")
    String overview(Model model) {
        return overviewPage(Map.of(), Map.of(), model);
    }

    @GetMapping("/cold-chain/units")
    String find(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
        if (code.isBlank()) {
            response.setStatus(400);
            return overviewPage(Map.of("find.code", "type a unit's code"), Map.of(), model);
        }
        return "redirect:/cold-chain/units/" + UriUtils.encodePathSegment(code.strip().toUpperCase(java.util.Locale.ROOT), StandardCharsets.UTF_8);
    }

    @PostMapping("/cold-chain/conditions")
    String declare(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt("condition", form, () -> coldChain.declare(form.getOrDefault("productCode", ""), new ColdChain.ConditionEntry(
                        number(form, "storedAtC"), number(form, "excursionMaxC"), integer(form, "excursionMaxMinutes"), integer(form, "maxThaws"),
                        form.get("reason"))),
                "redirect:/cold-chain#conditions", redirect, errors -> overviewPage(errors, form, model), response);
    }

    @PostMapping("/cold-chain/locations")
    String createLocation(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt("location", form, () -> coldChain.createLocation(new ColdChain.NewLocation(form.get("code"), form.get("kind"),
                form.get("parentCode"), form.get("name"))), "redirect:/cold-chain#locations", redirect, errors -> overviewPage(errors, form, model), response);
    }

    @PostMapping("/cold-chain/events/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt("decision-" + id, form, () -> coldChain.decide(id, new ColdChain.DecisionEntry(form.get("decision"), form.get("reason"))),
                "redirect:/cold-chain#holds", redirect, errors -> overviewPage(errors, form, model), response);
    }

    @GetMapping("/cold-chain/units/{code}")
    String unit(@PathVariable String code, Model model) {
        return unitPage(code, Map.of(), Map.of(), model);
    }

    @PostMapping("/cold-chain/units/{code}/place")
    String place(@PathVariable String code, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        return attempt("place", form, () -> coldChain.place(code, new ColdChain.Placement(form.get("boxCode"), form.get("position"))),
                unitUrl(code), redirect, errors -> unitPage(code, errors, form, model), response);
    }

    @PostMapping("/cold-chain/units/{code}/handovers")
    String handOver(@PathVariable String code, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        return attempt("handover", form, () -> coldChain.handOver(code, new ColdChain.Handover(form.get("fromPerson"), form.get("toPerson"), null,
                form.get("note"))), unitUrl(code), redirect, errors -> unitPage(code, errors, form, model), response);
    }

    @PostMapping("/cold-chain/units/{code}/excursions")
    String excursion(@PathVariable String code, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        return attempt("excursion", form, () -> coldChain.recordExcursion(code, new ColdChain.NewEvent(null, number(form, "highestC"),
                integer(form, "minutes"))), unitUrl(code), redirect, errors -> unitPage(code, errors, form, model), response);
    }

    @PostMapping("/cold-chain/units/{code}/thaws")
    String thaw(@PathVariable String code, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return attempt("thaw", Map.of(), () -> coldChain.recordThaw(code, new ColdChain.NewEvent(null, null, null)), unitUrl(code), redirect,
                errors -> unitPage(code, errors, Map.of(), model), response);
    }

    /** Runs the change; on success the redirect with a flash message, on refusal the page again with the field messages under "form.field". */
    private static String attempt(String formName, Map<String, String> form, Supplier<Object> change, String success, RedirectAttributes redirect,
                                  java.util.function.Function<Map<String, String>, String> again, HttpServletResponse response) {
        try {
            Object done = change.get();
            String kind = formName.startsWith("decision") ? "decision" : formName;
            redirect.addFlashAttribute("message", done instanceof ColdChainEvent e && e.awaitsDecision()
                    ? UiText.of("lab.coldchain.saved.held", e.holdReason()) : UiText.of("lab.coldchain.saved." + kind));
            return success;
        } catch (DomainProblem p) {
            if (p.kind() == DomainProblem.Kind.NOT_FOUND) throw p;
            response.setStatus(p.kind() == DomainProblem.Kind.FORBIDDEN ? 403 : p.kind() == DomainProblem.Kind.CONFLICT ? 409 : 400);
            Map<String, String> errors = new LinkedHashMap<>();
            p.fieldErrors().forEach((field, message) -> errors.put(formName + "." + field, message));
            if (p.fieldErrors().isEmpty()) errors.put(formName + ".form", p.getMessage());
            return again.apply(errors);
        }
    }

    private String overviewPage(Map<String, String> errors, Map<String, String> form, Model model) {
        model.addAttribute("holds", coldChain.awaitingDecision(200));
        model.addAttribute("holdCount", coldChain.awaitingDecisionCount());
        model.addAttribute("conditions", coldChain.conditions());
        model.addAttribute("products", products.all());
        model.addAttribute("locations", coldChain.locations());
        model.addAttribute("kinds", StorageLocation.Level.values());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "coldchain/overview";
    }

    private String unitPage(String code, Map<String, String> errors, Map<String, String> form, Model model) {
        model.addAttribute("record", coldChain.record(code));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "coldchain/unit";
    }

    private static String unitUrl(String code) {
        return "redirect:/cold-chain/units/" + UriUtils.encodePathSegment(code.strip().toUpperCase(java.util.Locale.ROOT), StandardCharsets.UTF_8);
    }

    /** A typed number, or null when blank; "not a number" when typed wrongly (the service then names the field). */
    private static Double number(Map<String, String> form, String field) {
        String v = form.getOrDefault(field, "").strip();
        if (v.isEmpty()) return null;
        try {
            return Double.valueOf(v.replace('−', '-'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Integer integer(Map<String, String> form, String field) {
        Double d = number(form, field);
        if (d == null) return null;
        return d.isNaN() || d != Math.rint(d) ? Integer.MIN_VALUE : d.intValue();
    }
}
