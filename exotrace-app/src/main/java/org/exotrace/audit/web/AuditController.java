package org.exotrace.audit.web;

import org.exotrace.audit.AuditTrail;
import org.exotrace.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String list(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String actor,
                @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("page", trail.search(type, actor, q, new Page.Request(page, 50)));
        model.addAttribute("type", type);
        model.addAttribute("actor", actor);
        model.addAttribute("q", q);
        return htmx != null ? "audit/list :: rows" : "audit/list";
    }

    @GetMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        return "audit/verify :: result";
    }
}
