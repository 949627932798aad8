package org.exotrace.results.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.exotrace.results.OosInvestigation;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.results.ResultsOnRecord;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "OOS investigations", description = "Out-of-specification investigations after the FDA OOS guidance: phase I, phase II, "
        + "additional results, a conclusion approved by a second QA person")
class InvestigationApi {

    record PhaseOne(@Size(max = 1000) String calculationCheck, @Size(max = 1000) String instrumentCheck,
                    @Size(max = 1000) String standardCheck, @Size(max = 1000) String samplePreparationCheck,
                    @Size(max = 2000) String hypothesis) {}

    record PhaseTwo(@Size(max = 2000) String productionReview, @Size(max = 2000) String plan,
                    @Size(max = 1000) String resamplingJustification) {}

    record AdditionalResult(@NotBlank @Size(max = 48) String testCode, Double value, @Size(max = 40) String unit,
                            @Size(max = 60) String category, @Size(max = 1000) String detail,
                            @NotBlank @Size(max = 200) String method, @Size(max = 200) String instrument,
                            @NotNull Instant performedAt, UUID retestOf, @Size(max = 1000) String retestReason,
                            @Size(max = 10) String kind) {}

    record Proposal(@Size(max = 20) String conclusion, @Size(max = 30) String causeCategory,
                    @Size(max = 2000) String causeDescription, @Size(max = 2000) String summary) {}

    record Approval(@Size(max = 40) String username, @Size(max = 128) String password, @Size(max = 1000) String comment) {}

    record Return(@NotBlank @Size(max = 1000) String reason) {}

    private final OosInvestigations investigations;

    InvestigationApi(OosInvestigations investigations) {
        this.investigations = investigations;
    }

    @GetMapping("/investigations")
    @Operation(summary = "Open OOS investigations, oldest first (status=OPEN, the default), or the newest 200 of any state (status=ALL)")
    List<OosInvestigation> list(@RequestParam(defaultValue = "OPEN") String status) {
        return switch (status.strip().toUpperCase()) {
            case "OPEN" -> investigations.open();
            case "ALL" -> investigations.recent(200);
            default -> throw DomainProblem.invalid("status", "must be OPEN or ALL");
        };
    }

    @GetMapping("/investigations/{id}")
    OosInvestigation get(@PathVariable UUID id) {
        return investigations.get(id);
    }

    @GetMapping("/lots/{lotId}/investigations")
    @Operation(summary = "The lot's OOS investigations, oldest first")
    List<OosInvestigation> forLot(@PathVariable UUID lotId) {
        return investigations.forLot(lotId);
    }

    @GetMapping("/lots/{lotId}/results-on-record")
    @Operation(summary = "Every result of the lot with its status, reason and investigation, and every investigation")
    ResultsOnRecord onRecord(@PathVariable UUID lotId) {
        return investigations.onRecord(lotId);
    }

    @PostMapping("/investigations/{id}/phase-one")
    @Operation(summary = "Record (or amend, in phase I) the laboratory investigation: calculation, instrument, standard and sample preparation checked, and the hypothesis")
    OosInvestigation phaseOne(@PathVariable UUID id, @Valid @RequestBody PhaseOne body) {
        return investigations.recordPhaseOne(id, new OosInvestigations.PhaseOneEntry(body.calculationCheck(), body.instrumentCheck(),
                body.standardCheck(), body.samplePreparationCheck(), body.hypothesis()));
    }

    @PostMapping("/investigations/{id}/phase-two")
    @Operation(summary = "No assignable laboratory cause: start the full-scale investigation with the production review and the predefined plan")
    OosInvestigation phaseTwo(@PathVariable UUID id, @Valid @RequestBody PhaseTwo body) {
        return investigations.escalate(id, new OosInvestigations.PhaseTwoEntry(body.productionReview(), body.plan(), body.resamplingJustification()));
    }

    @PostMapping("/investigations/{id}/results")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an additional result (RETEST or RESAMPLE) inside the investigation; the original result stays valid")
    Result result(@PathVariable UUID id, @Valid @RequestBody AdditionalResult body) {
        return investigations.recordResult(id, new Results.Entry(body.testCode(), body.value(), body.unit(), body.category(), body.detail(),
                body.method(), body.instrument(), body.performedAt(), body.retestOf(), body.retestReason()), null, body.kind());
    }

    @PostMapping("/investigations/{id}/proposal")
    @Operation(summary = "Propose the conclusion: OOS_CONFIRMED (with a summary) or INVALIDATED (with the assignable cause's category and description)")
    OosInvestigation propose(@PathVariable UUID id, @Valid @RequestBody Proposal body) {
        return investigations.propose(id, new OosInvestigations.ProposalEntry(body.conclusion(), body.causeCategory(), body.causeDescription(),
                body.summary()));
    }

    @PostMapping("/investigations/{id}/approval")
    @Operation(summary = "QA approves the proposed conclusion with user name and password re-entered; a second person, who did not test")
    OosInvestigation approve(@PathVariable UUID id, @Valid @RequestBody Approval body) {
        return investigations.approve(id, new OosInvestigations.ApprovalEntry(body.username(), body.password(), body.comment()));
    }

    @PostMapping("/investigations/{id}/return")
    @Operation(summary = "QA returns the proposed conclusion with a reason; the investigation goes on")
    OosInvestigation returnProposal(@PathVariable UUID id, @Valid @RequestBody Return body) {
        return investigations.returnProposal(id, body.reason());
    }
}
