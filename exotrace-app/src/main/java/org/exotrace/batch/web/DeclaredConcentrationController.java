package org.exotrace.batch.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotState;
import org.exotrace.batch.Lots;
import org.exotrace.shared.DomainProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lot page's declared concentration (htmx fragment): the value typed when the lot was made,
 * every correction with its reason, and the form that corrects it while the lot is in testing or
 * quarantine. A correction tells the page, so the evaluation and the release panel look again.
 */
@Controller
class DeclaredConcentrationController {

    private final Lots lots;

    DeclaredConcentrationController(Lots lots) {
        this.lots = lots;
    }

    @GetMapping("/lots/{id}/declared-concentration")
    String fragment(@PathVariable UUID id, Model model) {
        return render(lots.get(id), "", "", Map.of(), null, model);
    }

    @PostMapping("/lots/{id}/declared-concentration")
    String correct(@PathVariable UUID id, @RequestParam(defaultValue = "") String concentrationPerMl,
                   @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Double value = null;
        if (!concentrationPerMl.isBlank()) {
            try {
                value = Double.valueOf(concentrationPerMl.strip());
            } catch (NumberFormatException e) {
                errors.put("concentrationPerMl", "'" + concentrationPerMl.strip() + "' is not a number; write e.g. 3.5e9");
            }
        }
        if (errors.isEmpty()) {
            try {
                Lot lot = lots.correctDeclaredConcentration(id, value, reason);
                response.setHeader("HX-Trigger", "lot-changed, results-changed");
                return render(lot, "", "", Map.of(), "Declared concentration corrected; the reason is in the audit trail.", model);
            } catch (DomainProblem p) {
                errors.putAll(p.fieldErrors());
                if (p.fieldErrors().isEmpty()) errors.put("form", p.getMessage());
            }
        }
        return render(lots.get(id), concentrationPerMl, reason, errors, null, model);
    }

    private String render(Lot lot, String value, String reason, Map<String, String> errors, String notice, Model model) {
        model.addAttribute("lot", lot);
        model.addAttribute("open", lot.state() == LotState.IN_TESTING || lot.state() == LotState.QUARANTINED);
        model.addAttribute("corrections", lots.concentrationCorrections(lot.id()));
        model.addAttribute("value", value);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "batch/declared-concentration :: declared";
    }
}
