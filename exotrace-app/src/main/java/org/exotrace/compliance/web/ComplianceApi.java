package org.exotrace.compliance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.compliance.ComplianceDecision;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.RegulatoryRules;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.Rule;
import org.exotrace.donor.SourceType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/compliance")
@Tag(name = "Compliance", description = "Regulatory rules as data and the check of a use against them (decision support, not legal advice)")
class ComplianceApi {

    record Change(@NotNull @Valid RegulatoryRules.RuleInput rule, @NotBlank @Size(max = 1000) String reason) {}

    record Retirement(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @NotBlank @Size(max = 1000) String reason) {}

    private final RegulatoryRules rules;

    ComplianceApi(RegulatoryRules rules) {
        this.rules = rules;
    }

    @GetMapping("/check")
    @Operation(summary = "Decide a use: source type x route x purpose in a jurisdiction, on a day (today by default); the answer cites its rule")
    ComplianceDecision check(@RequestParam String jurisdiction, @RequestParam SourceType source, @RequestParam Route route,
                             @RequestParam Purpose purpose, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return rules.check(jurisdiction, source, route, purpose, on);
    }

    @GetMapping("/rules")
    List<Rule> all(@RequestParam(required = false) String jurisdiction) {
        return rules.all(jurisdiction);
    }

    @GetMapping("/rules/{id}")
    Rule get(@PathVariable UUID id) {
        return rules.get(id);
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a rule (compliance officer)")
    Rule create(@RequestBody RegulatoryRules.RuleInput body) {
        return rules.create(body);
    }

    @PutMapping("/rules/{id}")
    @Operation(summary = "Change a rule with a reason (compliance officer); the audit trail keeps the earlier text")
    Rule update(@PathVariable UUID id, @Valid @RequestBody Change body) {
        return rules.update(id, body.rule(), body.reason());
    }

    @PostMapping("/rules/{id}/retirement")
    @Operation(summary = "Stop a rule applying from a day (compliance officer), with a reason")
    Rule retire(@PathVariable UUID id, @Valid @RequestBody Retirement body) {
        return rules.retire(id, body.from(), body.reason());
    }
}
