package org.exotrace.characterization.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.exotrace.characterization.NtaCalibration;
import org.exotrace.characterization.NtaCalibrationRequest;
import org.exotrace.characterization.NtaCalibrations;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The calibrations page (the list and the form that makes one from a bead standard's file) and a calibration's page. */
@Controller
class NtaCalibrationController {

    private final NtaCalibrations calibrations;

    private final MessageSource messages;

    NtaCalibrationController(NtaCalibrations calibrations, MessageSource messages) {
        this.messages = messages;
        this.calibrations = calibrations;
    }

    @GetMapping("/nta/calibrations")
    String list(Model model) {
        return listPage(NtaCalibrationRequest.blank(), Map.of(), model);
    }

    @PostMapping("/nta/calibrations")
    String create(@ModelAttribute NtaCalibrationRequest form, @RequestParam(value = "file", required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) {
        try {
            NtaCalibration c = NtaInput.withFile(file, upload -> calibrations.create(form, upload));
            redirect.addFlashAttribute("message", text("characterization.calibration.recorded", c.code(), c.volumeText()));
            return "redirect:/nta/calibrations/" + c.id();
        } catch (DomainProblem p) {
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (errors.isEmpty()) errors.put("form", p.getMessage());
            errors.putIfAbsent("file", text("characterization.chooseFileAgain"));
            return listPage(form, errors, model);
        }
    }

    @GetMapping("/nta/calibrations/{id}")
    String page(@PathVariable UUID id, Model model) {
        model.addAttribute("c", calibrations.get(id));
        model.addAttribute("today", java.time.LocalDate.now());
        return "characterization/calibration";
    }

    @PostMapping("/nta/calibrations/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        try {
            calibrations.withdraw(id, reason);
            redirect.addFlashAttribute("message", text("characterization.calibration.withdrawnMessage"));
            return "redirect:/nta/calibrations/" + id;
        } catch (DomainProblem p) {
            model.addAttribute("withdrawError", p.fieldErrors().isEmpty() ? p.getMessage() : String.join("; ", p.fieldErrors().values()));
            return page(id, model);
        }
    }

    @GetMapping("/nta/calibrations/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        NtaCalibration c = calibrations.get(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.filename()).build().toString())
                .header("X-Content-SHA256", c.sha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(calibrations.file(id));
    }

    private String listPage(NtaCalibrationRequest form, Map<String, String> errors, Model model) {
        model.addAttribute("calibrations", calibrations.all());
        model.addAttribute("today", java.time.LocalDate.now());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "characterization/calibrations";
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
