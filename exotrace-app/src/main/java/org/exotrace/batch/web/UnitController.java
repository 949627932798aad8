package org.exotrace.batch.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.batch.Units;
import org.exotrace.shared.DomainProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Destroying a unit the lab holds, with the day and the reason. */
@Controller
class UnitController {

    private final Units units;
    private final Lots lots;

    UnitController(Units units, Lots lots) {
        this.units = units;
        this.lots = lots;
    }

    @GetMapping("/units/{id}/destruction")
    String form(@PathVariable UUID id, Model model) {
        return page(units.get(id), LocalDate.now(), "", Map.of(), model);
    }

    @PostMapping("/units/{id}/destruction")
    String destroy(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                   @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        LotUnit unit = units.get(id);
        try {
            LotUnit destroyed = units.destroy(id, on, reason);
            Lot lot = lots.get(destroyed.lotId());
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.units.destroyed", destroyed.code(), destroyed.destruction().on().toString()));
            return "redirect:" + UriComponentsBuilder.fromPath("/units").queryParam("lot", lot.code()).build().toUriString();
        } catch (DomainProblem p) {
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (errors.isEmpty()) errors.put("form", p.getMessage());
            response.setStatus(p.kind() == DomainProblem.Kind.CONFLICT ? 409 : 400);
            return page(unit, on, reason, errors, model);
        }
    }

    private String page(LotUnit unit, LocalDate on, String reason, Map<String, String> errors, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("lot", lots.get(unit.lotId()));
        model.addAttribute("on", on);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "batch/destroy";
    }
}
