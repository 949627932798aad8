package org.exotrace.costing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.exotrace.costing.Costs;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Evidence costs", description = "Lot and session costs, cost per course and per responder by group")
class CostApi {

    private final Costs costs;

    CostApi(Costs costs) {
        this.costs = costs;
    }

    @PostMapping("/api/evidence/costs/lots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a lot's cost (code, amount, ISO 4217 currency, note); the newest is in force")
    Costs.Cost lotCost(@RequestBody Costs.NewCost body) {
        return costs.recordLotCost(body);
    }

    @PostMapping("/api/evidence/costs/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a clinic's procedure cost per session (code is the clinic's); the newest is in force")
    Costs.Cost sessionCost(@RequestBody Costs.NewCost body) {
        return costs.recordSessionCost(body);
    }

    @GetMapping("/api/evidence/costs")
    @Operation(summary = "Cost per course and per responder by group (ALL, SOURCE_TYPE, ROUTE, PRODUCT, CLINIC) for a saved cohort; "
            + "a responder's score at day ± window is at most (100 - dropPercent) % of baseline; missing costs are counted, never zero")
    Costs.Report report(@RequestParam(required = false) UUID cohortId, @RequestParam(defaultValue = "ALL") String groupBy,
                        @RequestParam(defaultValue = "") String instrument, @RequestParam(required = false) Integer day,
                        @RequestParam(required = false) Integer window, @RequestParam(required = false) Double dropPercent) {
        return costs.report(new Costs.Query(cohortId, null, groupBy, instrument, day, window, dropPercent));
    }
}
