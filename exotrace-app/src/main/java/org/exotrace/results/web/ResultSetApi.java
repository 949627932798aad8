package org.exotrace.results.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.exotrace.results.Result;
import org.exotrace.results.ResultSets;
import org.exotrace.results.Results;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Quality control", description = "Specifications, results, evaluation and MISEV completeness")
class ResultSetApi {

    /** One result of a set: the lot and what a single result takes. */
    record SetEntry(UUID lotId, String testCode, Double value, String unit, String category, String detail, String method, String instrument,
                    Instant performedAt) {}

    record ResultSet(List<SetEntry> results) {}

    private final ResultSets sets;

    ResultSetApi(ResultSets sets) {
        this.sets = sets;
    }

    @PostMapping("/result-sets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record many results at once (all tests of a lot, or one test across lots), all or nothing: each is judged at entry "
            + "(verdictAtEntry); when any is refused nothing is recorded and the 400 names each field as results[i].field")
    List<Result> record(@RequestBody ResultSet body) {
        if (body == null || body.results() == null) throw DomainProblem.invalid("results", "enter at least one result");
        return sets.record(body.results().stream().map(e -> e == null ? null : new ResultSets.LotEntry(e.lotId(), new Results.Entry(e.testCode(),
                e.value(), e.unit(), e.category(), e.detail(), e.method(), e.instrument(), e.performedAt(), null, null))).toList());
    }
}
