package org.exotrace.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.shared.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "Search the audit trail, newest first")
    Page<AuditEntry> search(@RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        return trail.search(type, actor, q, Page.Request.of(page, size));
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chain, check each entry's key signature, compare the chain with the checkpoints kept outside the database and report every break")
    AuditTrail.Verification verify() {
        return trail.verify();
    }
}
