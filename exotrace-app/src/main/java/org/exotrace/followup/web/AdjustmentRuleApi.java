package org.exotrace.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.exotrace.followup.AdjustmentRule;
import org.exotrace.followup.AdjustmentRules;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/protocol-templates/{id}/adjustment-rules")
@Tag(name = "Adjustment rules", description = "The rules of a protocol template from which plans get adjustment suggestions; "
        + "a clinic edits its copies' rules, shipped templates are read-only")
class AdjustmentRuleApi {

    /** A changed rule and why it changes. */
    record RuleChange(AdjustmentRules.RuleInput rule, String reason) {}

    private final AdjustmentRules rules;

    AdjustmentRuleApi(AdjustmentRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "The template's adjustment rules, by week")
    List<AdjustmentRule> list(@PathVariable UUID id) {
        return rules.forTemplate(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a rule to your clinic's copy (shipped templates: 409); a blank code is generated, e.g. EASI50-W8-INTERVAL; "
            + "every wrong field is named in errors and nothing is written")
    AdjustmentRule add(@PathVariable UUID id, @RequestBody(required = false) AdjustmentRules.RuleInput body) {
        return rules.add(id, body);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a rule of your clinic's copy, with a reason; the code stays and decisions already taken keep their text")
    AdjustmentRule update(@PathVariable UUID id, @PathVariable String code, @RequestBody(required = false) RuleChange body) {
        return rules.update(id, code, body == null ? null : body.rule(), body == null ? null : body.reason());
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a rule from your clinic's copy, with ?reason=; decisions already taken stay on their plans")
    void remove(@PathVariable UUID id, @PathVariable String code, @RequestParam(required = false) String reason) {
        rules.remove(id, code, reason);
    }
}
