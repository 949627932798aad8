package org.exotrace.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.exotrace.followup.Suggestion;
import org.exotrace.followup.Suggestions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Suggestions", description = "Adjustment suggestions from the plan template's rules, and the clinician's accept or override")
class SuggestionApi {

    /** ACCEPTED, or OVERRIDDEN with a reason. */
    record DecisionRequest(String decision, String reason) {}

    private final Suggestions suggestions;

    SuggestionApi(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping("/plans/{id}/suggestions")
    @Operation(summary = "The plan's suggestions: what fired each rule, the suggestion, whether a proposed route is permitted here "
            + "(with the regulatory citation) and the decision once made")
    List<Suggestion> forPlan(@PathVariable UUID id) {
        return suggestions.forPlan(id);
    }

    @GetMapping("/patients/{id}/suggestions")
    @Operation(summary = "The suggestions of every plan of the patient")
    List<Suggestion> forPatient(@PathVariable UUID id) {
        return suggestions.forPatient(id);
    }

    @PostMapping("/plans/{id}/suggestions/{code}/decision")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Accept a suggestion, or override it with a reason (errors.reason when missing); decided once, audited")
    Suggestion decide(@PathVariable UUID id, @PathVariable String code, @RequestBody DecisionRequest body) {
        return suggestions.decide(id, code, body.decision(), body.reason());
    }
}
