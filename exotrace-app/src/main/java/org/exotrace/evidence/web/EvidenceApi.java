package org.exotrace.evidence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.exotrace.evidence.AnalysisPlan;
import org.exotrace.evidence.AnalysisPlans;
import org.exotrace.evidence.AnalysisReport;
import org.exotrace.evidence.AnalysisSpec;
import org.exotrace.evidence.Analyses;
import org.exotrace.evidence.Cohort;
import org.exotrace.evidence.CohortFilter;
import org.exotrace.evidence.Cohorts;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The workbench for scripts: cohorts, analyses (exploratory) and locked plans with their pre-specified results. */
@RestController
@RequestMapping("/api/evidence")
@Tag(name = "Evidence", description = "Cohort analyses of consenting patients' pseudonymous data; locked analysis plans (researcher only)")
class EvidenceApi {

    /** A cohort to save: its name and filter. */
    record NewCohort(String name, CohortFilter filter) {}

    /** An analysis to run on a filter (or a saved cohort's). */
    record AnalysisRequest(UUID cohortId, CohortFilter filter, AnalysisSpec analysis) {}

    /** A plan to lock: a title, a saved cohort or a filter, and the analyses. */
    record NewPlan(String title, UUID cohortId, CohortFilter filter, List<AnalysisSpec> analyses) {}

    /** A cohort's size. */
    record CohortSize(int courses, long patients) {}

    private final Analyses analyses;
    private final Cohorts cohorts;
    private final AnalysisPlans plans;

    EvidenceApi(Analyses analyses, Cohorts cohorts, AnalysisPlans plans) {
        this.analyses = analyses;
        this.cohorts = cohorts;
        this.plans = plans;
    }

    @GetMapping("/cohorts")
    @Operation(summary = "The saved cohorts, by name")
    List<Cohort> cohorts() {
        return cohorts.all();
    }

    @PostMapping("/cohorts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a cohort under a name no other cohort has")
    Cohort saveCohort(@RequestBody NewCohort body) {
        return cohorts.save(body.name(), body.filter() == null ? CohortFilter.ALL : body.filter());
    }

    @PostMapping("/cohort-size")
    @Operation(summary = "How many courses (and patients) a filter admits")
    CohortSize size(@RequestBody CohortFilter filter) {
        var courses = analyses.cohort(filter == null ? CohortFilter.ALL : filter);
        return new CohortSize(courses.size(), courses.stream().map(c -> c.pseudonym()).distinct().count());
    }

    @PostMapping("/analyses")
    @Operation(summary = "Run one analysis on a cohort; the result is marked exploratory")
    AnalysisReport analyse(@RequestBody AnalysisRequest body) {
        if (body.analysis() == null) throw DomainProblem.invalid("analysis", "is required");
        CohortFilter filter = body.cohortId() != null ? cohorts.get(body.cohortId()).filter() : body.filter() == null ? CohortFilter.ALL : body.filter();
        return analyses.run(filter, body.analysis(), AnalysisReport.Provenance.EXPLORATORY);
    }

    @GetMapping("/plans")
    @Operation(summary = "The locked analysis plans, newest first")
    List<AnalysisPlan> plans() {
        return plans.all();
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Lock an analysis plan (its text hashed with SHA-256 and audited) before its results are shown")
    AnalysisPlan lock(@RequestBody NewPlan body) {
        return plans.lock(body.title(), body.cohortId(), body.filter(), body.analyses());
    }

    @GetMapping("/plans/{id}/results")
    @Operation(summary = "The plan's analyses run on its cohort as it stands; each result is marked pre-specified")
    List<AnalysisReport> results(@PathVariable UUID id) {
        return plans.run(id);
    }
}
