package org.exotrace.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.exotrace.specification.DerivedValue;
import org.exotrace.quality.LotConcentration;
import org.exotrace.quality.LotEvaluation;
import org.exotrace.quality.LotQuality;
import org.exotrace.specification.MisevReport;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.quality.SizeDistribution;
import org.exotrace.specification.Specification;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.TestDefinition;
import org.exotrace.specification.TestEvaluation;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
@Tag(name = "Quality control", description = "Specifications, results, evaluation and MISEV completeness")
class QualityApi {

    record RecordResult(@NotBlank @Size(max = 48) String testCode, Double value, @Size(max = 40) String unit,
                        @Size(max = 60) String category, @Size(max = 1000) String detail,
                        @NotBlank @Size(max = 200) String method, @Size(max = 200) String instrument,
                        @NotNull Instant performedAt, UUID retestOf, @Size(max = 1000) String retestReason) {}

    record Reason(@NotBlank @Size(max = 1000) String reason) {}

    record NewVersion(@NotEmpty @Size(max = 100) List<@NotNull TestDefinition> tests, @Size(max = 1000) String reason) {}

    record Distribution(@NotBlank @Size(max = 200) String method, @NotNull @Size(min = 2, max = 5000) List<SizeDistribution.@NotNull Point> points) {}

    /**
     * One test's verdict. A derived test has no result id: {@code computedAs} names its factors,
     * {@code derivation} shows the numbers ("5.6 × 10⁹ particles = 2.8 × 10⁹ particles/mL × 2 mL") and
     * {@code missing} says why it could not be computed.
     */
    record TestVerdict(String code, String name, String limits, boolean required, String verdict, String result, UUID resultId,
                       String computedAs, String derivation, String missing) {}

    /** The lot's declared and measured concentration; {@code disagreement} is the blocking reason when they differ too much. */
    record ConcentrationView(Double declaredPerMl, Double measuredPerMl, Double fold, Double tolerance, boolean agrees, String disagreement) {
        static ConcentrationView of(LotConcentration c) {
            return c == null ? null : new ConcentrationView(c.declaredPerMl(), c.measuredPerMl(), c.fold(),
                    c.test() == null ? null : c.test().declaredTolerance(), c.agrees(), c.disagreement());
        }
    }

    record EvaluationView(UUID lotId, String specification, String overall, boolean releasable, List<TestVerdict> tests,
                          List<String> blockingReasons, MisevReport misev, ConcentrationView concentration) {
        static EvaluationView of(LotEvaluation e) {
            return new EvaluationView(e.lotId(), e.specification().reference(), e.overall().name(), e.releasable(),
                    e.evaluation().tests().stream().map(t -> verdict(e, t)).toList(), e.blockingReasons(), e.misev(),
                    ConcentrationView.of(e.concentration()));
        }

        private static TestVerdict verdict(LotEvaluation e, TestEvaluation t) {
            String code = t.test().code();
            DerivedValue d = e.derivedFor(code).orElse(null);
            if (d != null) {
                return new TestVerdict(code, t.test().name(), t.test().limitsText(), t.test().required(), t.verdict().name(),
                        t.observation() == null ? null : t.observation().resultText() + " " + t.test().unit(), null,
                        t.test().derivation().formula(e.specification().tests()), d.expression(), d.missing());
            }
            return new TestVerdict(code, t.test().name(), t.test().limitsText(), t.test().required(), t.verdict().name(),
                    e.resultFor(code).map(Result::resultText).orElse(null), e.resultFor(code).map(Result::id).orElse(null), null, null, null);
        }
    }

    private final SpecificationCatalog specifications;
    private final Results results;
    private final LotQuality quality;

    QualityApi(SpecificationCatalog specifications, Results results, LotQuality quality) {
        this.specifications = specifications;
        this.results = results;
        this.quality = quality;
    }

    @GetMapping("/specifications")
    @Operation(summary = "The effective specification of every product")
    List<Specification> specifications() {
        return specifications.allEffective();
    }

    @GetMapping("/specifications/{productCode}")
    Specification effective(@PathVariable String productCode) {
        return specifications.effective(productCode).orElseThrow(() -> DomainProblem.notFound("Specification for product", productCode));
    }

    @GetMapping("/specifications/{productCode}/versions")
    List<Specification> versions(@PathVariable String productCode) {
        return specifications.versions(productCode);
    }

    @PostMapping("/specifications/{productCode}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new version of a product's specification (QA); the previous one is superseded")
    Specification publish(@PathVariable String productCode, @Valid @RequestBody NewVersion body) {
        return specifications.publish(productCode, body.tests(), body.reason());
    }

    @GetMapping("/lots/{lotId}/results")
    List<Result> results(@PathVariable UUID lotId) {
        return results.forLot(lotId);
    }

    @PostMapping("/lots/{lotId}/results")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a result; the answer says at once whether it is out of specification (verdictAtEntry)")
    Result record(@PathVariable UUID lotId, @Valid @RequestBody RecordResult body) {
        return results.record(lotId, new Results.Entry(body.testCode(), body.value(), body.unit(), body.category(), body.detail(),
                body.method(), body.instrument(), body.performedAt(), body.retestOf(), body.retestReason()), null);
    }

    @GetMapping("/results/{id}")
    Result result(@PathVariable UUID id) {
        return results.get(id);
    }

    @PostMapping("/results/{id}/invalidation")
    @Operation(summary = "Invalidate a result with a reason; it stays on record")
    Result invalidate(@PathVariable UUID id, @Valid @RequestBody Reason body) {
        return results.invalidate(id, body.reason());
    }

    @PostMapping(path = "/results/{id}/raw-file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach the raw data file of a result (at most 20 MB); its SHA-256 is kept")
    Result attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file) throws IOException {
        return results.attachRawFile(id, new Results.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
    }

    @GetMapping("/results/{id}/raw-file")
    ResponseEntity<byte[]> rawFile(@PathVariable UUID id) {
        return RawFiles.download(results, id);
    }

    @GetMapping("/lots/{lotId}/evaluation")
    @Operation(summary = "Pass, warning, fail or missing for every test of the lot's specification")
    EvaluationView evaluation(@PathVariable UUID lotId) {
        return EvaluationView.of(quality.evaluate(lotId));
    }

    @GetMapping("/lots/{lotId}/misev")
    @Operation(summary = "MISEV completeness of the lot's characterization")
    MisevReport misev(@PathVariable UUID lotId) {
        return quality.evaluate(lotId).misev();
    }

    @GetMapping("/lots/{lotId}/size-distribution")
    SizeDistribution sizeDistribution(@PathVariable UUID lotId) {
        return quality.sizeDistribution(lotId).orElseThrow(() -> DomainProblem.notFound("Size distribution of lot", lotId));
    }

    @PutMapping("/lots/{lotId}/size-distribution")
    @Operation(summary = "Record the lot's number-weighted size distribution (fractions sum to 1)")
    SizeDistribution putSizeDistribution(@PathVariable UUID lotId, @Valid @RequestBody Distribution body) {
        return quality.recordSizeDistribution(lotId, body.method(), body.points());
    }
}
