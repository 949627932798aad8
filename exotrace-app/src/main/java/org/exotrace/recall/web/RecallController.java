package org.exotrace.recall.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.recall.Recall;
import org.exotrace.recall.RecallClass;
import org.exotrace.recall.RecallScope;
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

/** QA's recall pages: the list, the form that opens a recall, a recall with its progress, the lab's units and the signed closure. */
@Controller
class RecallController {

    /** What the open form sends back on a refusal, so nothing typed is lost. */
    record OpenForm(String lotCode, String recallClass, String reason, String scope, String unitCodes) {}

    private final Recalls recalls;
    private final MessageSource messages;
    private final String lab;

    RecallController(Recalls recalls, MessageSource messages, @org.springframework.beans.factory.annotation.Value("${exotrace.lab.name}") String lab) {
        this.recalls = recalls;
        this.messages = messages;
        this.lab = lab;
    }

    @GetMapping("/recalls/{id}/report.pdf")
    org.springframework.http.ResponseEntity<byte[]> report(@PathVariable UUID id) {
        Recall r = recalls.get(id);
        byte[] pdf = RecallReportPdf.render(new RecallReportPdf.Content(r, recalls.effectiveness(id), recalls.notices(id), recalls.units(id, null),
                recalls.lookBack(id, null), lab));
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(r.code() + ".pdf").build().toString())
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping("/recalls")
    String list(Model model) {
        List<Recall> all = recalls.all();
        model.addAttribute("recalls", all);
        model.addAttribute("effectiveness", all.stream().collect(java.util.stream.Collectors.toMap(Recall::id, r -> recalls.effectiveness(r.id()))));
        return "recall/list";
    }

    @GetMapping("/recalls/new")
    String form(@RequestParam(defaultValue = "") String lotCode, Model model) {
        return openPage(new OpenForm(lotCode, "", "", RecallScope.LOT_AND_DESCENDANTS.name(), ""), Map.of(), model);
    }

    @PostMapping("/recalls")
    String open(OpenForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            List<String> codes = form.unitCodes() == null ? List.of() : Arrays.stream(form.unitCodes().split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
            Recall r = recalls.open(new Recalls.NewRecall(form.lotCode(), form.recallClass(), form.reason(), form.scope(), codes));
            redirect.addFlashAttribute("message", text("recall.opened", r.code(), recalls.effectiveness(r.id()).overall().total(), recalls.notices(r.id()).size()));
            return "redirect:/recalls/" + r.id();
        } catch (DomainProblem p) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (errors.isEmpty()) errors.put("form", p.getMessage());
            return openPage(form, errors, model);
        }
    }

    @GetMapping("/recalls/{id}")
    String recall(@PathVariable UUID id, Model model) {
        return recallPage(id, "", Map.of(), model);
    }

    @PostMapping("/recalls/{id}/units/{code}/report")
    String reportLabUnit(@PathVariable UUID id, @PathVariable String code, @RequestParam(defaultValue = "") String status,
                         @RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            recalls.report(id, code, status, note);
            redirect.addFlashAttribute("message", text("recall.unitReported", code));
            return "redirect:/recalls/" + id + "#lab-units";
        } catch (DomainProblem p) {
            response.setStatus(p.kind() == DomainProblem.Kind.CONFLICT ? 409 : 400);
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("unit-" + code, p.fieldErrors().isEmpty() ? p.getMessage() : String.join("; ", p.fieldErrors().values()));
            return recallPage(id, "", errors, model);
        }
    }

    @PostMapping("/recalls/{id}/closure")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String justification, @RequestParam(defaultValue = "false") boolean confirm, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!confirm) errors.put("confirm", text("recall.close.confirmRequired"));
        if (errors.isEmpty()) {
            try {
                Recall closed = recalls.close(id, new Recalls.Closure(username, password, justification));
                redirect.addFlashAttribute("message", text("recall.closed", closed.code()));
                return "redirect:/recalls/" + id;
            } catch (DomainProblem p) {
                errors.putAll(p.fieldErrors());
                if (p.fieldErrors().isEmpty()) errors.put("form", p.getMessage());
                response.setStatus(p.kind() == DomainProblem.Kind.FORBIDDEN ? 403 : p.kind() == DomainProblem.Kind.CONFLICT ? 409 : 400);
            }
        } else {
            response.setStatus(400);
        }
        return recallPage(id, justification, errors, model);
    }

    private String recallPage(UUID id, String justification, Map<String, String> errors, Model model) {
        Recall recall = recalls.get(id);
        model.addAttribute("recall", recall);
        model.addAttribute("effectiveness", recalls.effectiveness(id));
        model.addAttribute("notices", recalls.notices(id));
        model.addAttribute("units", recalls.units(id, null));
        model.addAttribute("lookBack", recalls.lookBack(id, null));
        model.addAttribute("statuses", List.of(UnitStatus.RETURNED, UnitStatus.DESTROYED, UnitStatus.USED));
        model.addAttribute("justification", justification);
        model.addAttribute("errors", errors);
        model.addAttribute("mayClose", recall.open() && org.exotrace.shared.Actors.holdsAny(org.exotrace.shared.Role.QA_RELEASER));
        return "recall/detail";
    }

    private String openPage(OpenForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("classes", RecallClass.values());
        model.addAttribute("scopes", RecallScope.values());
        return "recall/new";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
