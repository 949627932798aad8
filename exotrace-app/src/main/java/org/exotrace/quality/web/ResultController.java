package org.exotrace.quality.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.Verdict;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The quality panel of a lot page, served as an htmx fragment: evaluation (an out-of-specification
 * result links to its investigation), MISEV completeness, every result on record with its status,
 * reason and investigation, the lot's investigations, and the result entry form. Posting a result
 * answers with the refreshed panel (field messages when refused) and tells the page that the lot
 * changed.
 */
@Controller
class ResultController {

    /** The entry form, bound as text so that a mistyped number gets a field message, not a binding error. */
    record ResultForm(String testCode, String value, String unit, String category, String detail, String method,
                      String instrument, LocalDateTime performedAt, UUID retestOf, String retestReason) {
        static ResultForm blank() {
            return new ResultForm("", "", "", "", "", "", "", LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES), null, "");
        }
    }

    private final Lots lots;
    private final Results results;
    private final LotQuality quality;
    private final SpecificationCatalog specifications;
    private final OosInvestigations investigations;

    private final MessageSource messages;

    ResultController(Lots lots, Results results, LotQuality quality, SpecificationCatalog specifications, OosInvestigations investigations, MessageSource messages) {
        this.messages = messages;
        this.investigations = investigations;
        this.lots = lots;
        this.results = results;
        this.quality = quality;
        this.specifications = specifications;
    }

    @GetMapping("/lots/{lotId}/quality")
    String panel(@PathVariable UUID lotId, Model model) {
        return render(lotId, ResultForm.blank(), Map.of(), null, model);
    }

    @PostMapping("/lots/{lotId}/results")
    String record(@PathVariable UUID lotId, @ModelAttribute ResultForm form, @RequestParam(value = "file", required = false) MultipartFile file,
                  Model model, HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        Double value = RawFiles.value(form.value(), "98.5", errors);
        if (form.performedAt() == null) errors.put("performedAt", "give when the test was performed");
        if (errors.isEmpty()) {
            try {
                Results.Upload upload = RawFiles.upload(file);
                Result r = results.record(lotId, new Results.Entry(form.testCode(), value, form.unit(), form.category(), form.detail(),
                        form.method(), form.instrument(), form.performedAt().atZone(ZoneId.systemDefault()).toInstant(),
                        form.retestOf(), form.retestReason()), upload);
                response.setHeader("HX-Trigger", "lot-changed");
                String notice = r.verdictAtEntry() == Verdict.FAIL
                        ? text("quality.result.outOfSpecification", r.testCode(), r.resultLabel(), investigations.forResult(r.id()).map(i -> i.number()).orElse(""))
                        : text("quality.result.recorded", r.testCode(), r.resultLabel(), r.verdictAtEntry().label().toLowerCase(java.util.Locale.ROOT));
                investigations.forResult(r.id()).ifPresent(i -> model.addAttribute("opened", i));
                return render(lotId, ResultForm.blank(), Map.of(), notice, model);
            } catch (DomainProblem p) {
                if (p.fieldErrors().isEmpty()) errors.put("form", p.getMessage());
                errors.putAll(p.fieldErrors());
            }
        }
        return render(lotId, form, errors, null, model);
    }

    @PostMapping("/results/{id}/invalidation")
    String invalidate(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
        Result r = results.get(id);
        if (reason.isBlank()) {
            return render(r.lotId(), ResultForm.blank(), Map.of("form", text("quality.result.invalidationReason")), null, model);
        }
        try {
            results.invalidate(id, reason);
            response.setHeader("HX-Trigger", "lot-changed");
            return render(r.lotId(), ResultForm.blank(), Map.of(), text("quality.result.invalidated", r.testCode()), model);
        } catch (DomainProblem p) {
            return render(r.lotId(), ResultForm.blank(), Map.of("form", p.getMessage()), null, model);
        }
    }

    @GetMapping("/results/{id}/raw-file")
    ResponseEntity<byte[]> rawFile(@PathVariable UUID id) {
        return RawFiles.download(results, id);
    }

    private String render(UUID lotId, ResultForm form, Map<String, String> errors, String notice, Model model) {
        Lot lot = lots.get(lotId);
        model.addAttribute("lot", lot);
        model.addAttribute("open", lot.acceptsResults());
        specifications.effective(lot.productCode()).ifPresent(spec -> {
            model.addAttribute("spec", spec);
            model.addAttribute("evaluation", quality.evaluate(lotId));
        });
        model.addAttribute("results", results.forLot(lotId));
        var onRecord = investigations.onRecord(lotId);
        model.addAttribute("onRecord", onRecord);
        Map<UUID, org.exotrace.results.OosInvestigation> investigationOf = new LinkedHashMap<>();
        onRecord.lines().stream().filter(l -> l.investigation() != null).forEach(l -> investigationOf.put(l.result().id(), l.investigation()));
        model.addAttribute("investigationOf", investigationOf);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "quality/panel :: panel";
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
