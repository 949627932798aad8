package org.exotrace.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A lot judged against its product's effective specification: a verdict for every test (pass,
 * warning, fail, missing, not tested), the result behind each verdict, and the MISEV
 * completeness of the characterization.
 */
public record LotEvaluation(UUID lotId, Specification specification, Evaluation evaluation,
                            Map<String, Result> resultsByTest, MisevReport misev) {

    public Verdict overall() { return evaluation.overall(); }

    public boolean releasable() { return evaluation.releasable(); }

    public Optional<Result> resultFor(String testCode) { return Optional.ofNullable(resultsByTest.get(testCode)); }

    /** One sentence per failing or missing required test, for refusals and certificates. */
    public List<String> blockingReasons() {
        List<String> reasons = new java.util.ArrayList<>();
        evaluation.failing().forEach(t -> reasons.add(t.test().name() + " is out of specification: "
                + (t.observation() != null ? t.observation().resultText() + (t.test().unit() == null ? "" : " " + t.test().unit())
                        : resultFor(t.test().code()).map(Result::resultText).orElse("—"))
                + " (limits " + t.test().limitsText() + ")"));
        evaluation.missing().forEach(t -> reasons.add(t.test().name() + " is required and has no valid result"));
        return reasons;
    }
}
