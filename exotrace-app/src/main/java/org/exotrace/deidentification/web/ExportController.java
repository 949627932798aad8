package org.exotrace.deidentification.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.deidentification.DeidentifiedExport;
import org.exotrace.evidence.Cohorts;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The de-identified export's page: the form, the past exports and the form's download. */
@Controller
class ExportController {

    /** The page's form as posted: a saved cohort (blank: every course), the instrument, visits as "0, 28, 84", window and k. */
    record ExportForm(String cohortId, String instrument, String visits, String window, String k) {}

    private final DeidentifiedExport exports;
    private final Cohorts cohorts;

    ExportController(DeidentifiedExport exports, Cohorts cohorts) {
        this.exports = exports;
        this.cohorts = cohorts;
    }

    @GetMapping("/evidence/export")
    String page(Model model) {
        return page(new ExportForm("", Instrument.EASI.name(), "0, 28, 84", "14", String.valueOf(exports.leastK())), Map.of(), model);
    }

    @PostMapping("/evidence/export")
    Object download(ExportForm form, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> visits = new ArrayList<>();
        for (String v : (form.visits() == null ? "" : form.visits()).split("[\\s,;]+")) {
            if (v.isBlank()) continue;
            try {
                visits.add(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                errors.put("visits", "'" + v + "' is not a whole number of days");
            }
        }
        Integer window = number(form.window(), "window", errors);
        Integer k = number(form.k(), "k", errors);
        UUID cohort = null;
        try {
            cohort = form.cohortId() == null || form.cohortId().isBlank() ? null : UUID.fromString(form.cohortId().strip());
        } catch (IllegalArgumentException e) {
            errors.put("cohortId", "choose a saved cohort");
        }
        if (errors.isEmpty()) {
            try {
                return file(exports.export(new DeidentifiedExport.Request(cohort, null, form.instrument(), visits, window, k)));
            } catch (DomainProblem p) {
                errors.putAll(p.fieldErrors());
                if (p.fieldErrors().isEmpty()) errors.put("form", p.getMessage());
            }
        }
        response.setStatus(400);
        return page(form, errors, model);
    }

    private static Integer number(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "a whole number");
            return null;
        }
    }

    static ResponseEntity<byte[]> file(DeidentifiedExport.Export e) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(e.fileName()).build().toString())
                .header("X-Export-Sha256", e.sha256()).contentType(MediaType.parseMediaType("application/zip")).body(e.zip());
    }

    private String page(ExportForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("cohorts", cohorts.all());
        model.addAttribute("instruments", Instrument.values());
        model.addAttribute("leastK", exports.leastK());
        model.addAttribute("past", exports.past());
        return "evidence/export";
    }
}
