package org.exotrace.characterization.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.characterization.NtaCalibrations;
import org.exotrace.characterization.NtaMeasurement;
import org.exotrace.characterization.NtaMeasurements;
import org.exotrace.characterization.NtaRequest;
import org.exotrace.characterization.NtaSettingsRefused;
import org.exotrace.nta.settings.SettingProblem;
import org.exotrace.quality.LotQuality;
import org.exotrace.quality.SizeDistribution;
import org.exotrace.shared.DomainProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The NTA panel of a lot page (chart of the lot's size distribution, its measurements with live
 * progress, the upload form) and a measurement's own page. While an analysis runs the panel polls
 * itself; when one it was watching finishes, it tells the page so the evaluation refreshes.
 */
@Controller
class NtaController {

    /** Pages and panels fire this when recorded results may have changed; the quality panel listens. */
    static final String CHANGED = "lot-changed, results-changed";

    private final Lots lots;
    private final NtaMeasurements measurements;
    private final LotQuality quality;
    private final NtaCalibrations calibrations;

    private final MessageSource messages;

    NtaController(Lots lots, NtaMeasurements measurements, LotQuality quality, NtaCalibrations calibrations, MessageSource messages) {
        this.calibrations = calibrations;
        this.messages = messages;
        this.lots = lots;
        this.measurements = measurements;
        this.quality = quality;
    }

    @GetMapping("/lots/{lotId}/nta")
    String panel(@PathVariable UUID lotId, @RequestParam(defaultValue = "panel") String part, @RequestParam(required = false) List<UUID> watching,
                 Model model, HttpServletResponse response) {
        List<NtaMeasurement> list = measurements.forLot(lotId);
        if (watching != null && list.stream().anyMatch(m -> watching.contains(m.id()) && m.status().finished())) {
            response.setHeader("HX-Trigger", CHANGED);
        }
        String view = render(lotId, list, NtaRequest.blank(measurements.latestTrackSettings().orElse(null)), Map.of(), null, model);
        return "results".equals(part) ? "characterization/panel :: results" : view;
    }

    @PostMapping("/lots/{lotId}/nta")
    String upload(@PathVariable UUID lotId, @ModelAttribute NtaRequest form, @RequestParam(value = "file", required = false) MultipartFile file,
                  Model model, Locale locale) {
        try {
            NtaMeasurement m = NtaInput.withFile(file, upload -> measurements.submit(lotId, form, upload));
            return render(lotId, measurements.forLot(lotId), NtaRequest.blank(m.settings()), Map.of(),
                    text("characterization.panel.accepted", m.filename()),
                    model);
        } catch (DomainProblem p) {
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (p instanceof NtaSettingsRefused refused) refused.problems().forEach(x -> errors.put(x.field(), message(x, locale)));
            if (errors.isEmpty()) errors.put("form", p.getMessage());
            errors.putIfAbsent("file", text("characterization.chooseFileAgain"));
            return render(lotId, measurements.forLot(lotId), form, errors, null, model);
        }
    }

    @GetMapping("/nta/{id}")
    String page(@PathVariable UUID id, Model model) {
        NtaMeasurement m = measurements.get(id);
        model.addAttribute("m", m);
        model.addAttribute("lot", lots.get(m.lotId()));
        model.addAttribute("investigations", measurements.openInvestigations(m.lotId()));
        measurements.investigationOf(id).ifPresent(i -> model.addAttribute("rerunInvestigation", i));
        if (m.outcome() != null) {
            model.addAttribute("chart", DistributionChart.of(m.outcome().distribution().stream()
                    .map(p -> new SizeDistribution.Point(p.diameterNm(), p.fraction())).toList(), m.outcome().method()));
        }
        return "characterization/measurement";
    }

    @GetMapping("/nta/{id}/status")
    String status(@PathVariable UUID id, Model model, HttpServletResponse response) {
        NtaMeasurement m = measurements.get(id);
        if (m.status().finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("m", m);
        return "characterization/measurement :: status";
    }

    @PostMapping("/nta/{id}/rerun")
    String rerun(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                 @RequestParam(required = false) UUID investigationId, Model model) {
        try {
            NtaMeasurement again = measurements.rerun(id, reason, investigationId);
            return "redirect:/nta/" + again.id();
        } catch (DomainProblem p) {
            model.addAttribute("rerunError", p.fieldErrors().isEmpty() ? p.getMessage() : String.join("; ", p.fieldErrors().values()));
            return page(id, model);
        }
    }

    @GetMapping("/nta/{id}/input")
    ResponseEntity<StreamingResponseBody> input(@PathVariable UUID id) {
        return NtaInput.download(measurements, id);
    }

    /** A setting's problem in the page's language: the bundle's text for its key, or the catalogue's English. */
    private String message(SettingProblem problem, Locale locale) {
        String text = messages.getMessage(problem.key(), problem.args().toArray(), null, locale);
        return text == null || text.equals(problem.key()) ? problem.message() : text;
    }

    private String render(UUID lotId, List<NtaMeasurement> list, NtaRequest form, Map<String, String> errors, String notice, Model model) {
        Lot lot = lots.get(lotId);
        model.addAttribute("lot", lot);
        model.addAttribute("open", lot.acceptsResults());
        model.addAttribute("measurements", list);
        List<UUID> active = list.stream().filter(m -> !m.status().finished()).map(NtaMeasurement::id).toList();
        model.addAttribute("active", active);
        quality.sizeDistribution(lotId).ifPresent(d -> {
            model.addAttribute("distribution", d);
            model.addAttribute("chart", DistributionChart.of(d.points(), d.method()));
        });
        model.addAttribute("form", form);
        model.addAttribute("calibrations", calibrations.active());
        model.addAttribute("today", java.time.LocalDate.now());
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "characterization/panel :: panel";
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
