package org.exotrace.recall.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.recall.RecallNotice;
import org.exotrace.recall.Recalls;
import org.exotrace.recall.UnitStatus;
import org.exotrace.shared.DomainProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clinic's recall inbox: the notices of the clinician's clinics, acknowledgement, each unit's report and the look-back list. */
@Controller
class RecallNoticeController {

    private final Recalls recalls;
    private final MessageSource messages;

    RecallNoticeController(Recalls recalls, MessageSource messages) {
        this.recalls = recalls;
        this.messages = messages;
    }

    @GetMapping("/recall-notices")
    String inbox(Model model) {
        model.addAttribute("entries", recalls.inbox());
        return "recall/inbox";
    }

    @GetMapping("/recall-notices/{id}")
    String notice(@PathVariable UUID id, Model model) {
        return noticePage(id, Map.of(), model);
    }

    @PostMapping("/recall-notices/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            recalls.acknowledge(id);
            redirect.addFlashAttribute("message", text("recall.notice.acknowledgedFlash"));
            return "redirect:/recall-notices/" + id;
        } catch (DomainProblem p) {
            if (p.kind() == DomainProblem.Kind.NOT_FOUND) throw p;
            response.setStatus(409);
            return noticePage(id, Map.of("form", p.getMessage()), model);
        }
    }

    @PostMapping("/recall-notices/{id}/units/{code}/report")
    String report(@PathVariable UUID id, @PathVariable String code, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        RecallNotice n = recalls.notice(id);
        try {
            recalls.report(n.recallId(), code, status, note);
            redirect.addFlashAttribute("message", text("recall.unitReported", code));
            return "redirect:/recall-notices/" + id + "#units";
        } catch (DomainProblem p) {
            if (p.kind() == DomainProblem.Kind.NOT_FOUND) throw p;
            response.setStatus(p.kind() == DomainProblem.Kind.CONFLICT ? 409 : 400);
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("unit-" + code, p.fieldErrors().isEmpty() ? p.getMessage() : String.join("; ", p.fieldErrors().values()));
            return noticePage(id, errors, model);
        }
    }

    private String noticePage(UUID id, Map<String, String> errors, Model model) {
        RecallNotice n = recalls.notice(id);
        model.addAttribute("notice", n);
        model.addAttribute("recall", recalls.get(n.recallId()));
        model.addAttribute("units", recalls.units(n.recallId(), n.clinicId()));
        model.addAttribute("lookBack", recalls.lookBack(n.recallId(), n.clinicId()));
        model.addAttribute("share", recalls.effectiveness(n.recallId()).places().stream().filter(s -> n.clinicId().equals(s.clinicId())).findFirst()
                .orElse(null));
        model.addAttribute("statuses", List.of(UnitStatus.RETURNED, UnitStatus.DESTROYED, UnitStatus.USED));
        model.addAttribute("errors", errors);
        return "recall/notice";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
