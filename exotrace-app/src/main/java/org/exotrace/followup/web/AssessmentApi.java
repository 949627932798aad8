package org.exotrace.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.followup.Assessment;
import org.exotrace.followup.Assessments;
import org.exotrace.followup.Progress;
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
@Tag(name = "Outcomes", description = "Outcome assessments of a clinic's patients (EASI, SCORAD, PASI, DLQI, TEWL...) and progress against baseline")
class AssessmentApi {

    /** A correction: the complete corrected components and why. */
    record Correction(Map<String, Object> components, String reason) {}

    private final Assessments assessments;

    AssessmentApi(Assessments assessments) {
        this.assessments = assessments;
    }

    @PostMapping("/patients/{id}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an assessment: the score and band are computed from the components; every missing or out-of-range "
            + "component is refused by field name (errors.\"headNeck.erythema\")")
    Assessment record(@PathVariable UUID id, @RequestBody Assessments.NewAssessment body) {
        return assessments.record(id, body);
    }

    @GetMapping("/patients/{id}/assessments")
    @Operation(summary = "The patient's assessments, newest first, corrected ones included")
    List<Assessment> list(@PathVariable UUID id) {
        return assessments.forPatient(id);
    }

    @PostMapping("/assessments/{id}/correction")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct an assessment's components (reason required); the old one is kept, superseded by the new one")
    Assessment correct(@PathVariable UUID id, @RequestBody Correction body) {
        return assessments.correct(id, body.components(), body.reason());
    }

    @GetMapping("/patients/{id}/progress")
    @Operation(summary = "Per endpoint: values by date, the baseline, the latest change and the responses (EASI-75...); the next visit due")
    Progress progress(@PathVariable UUID id) {
        return assessments.progress(id);
    }
}
