package org.exotrace.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.results.Result;
import org.exotrace.specification.DerivedValue;
import org.exotrace.specification.Evaluation;
import org.exotrace.specification.MisevReport;
import org.exotrace.specification.Specification;
import org.exotrace.specification.Verdict;

/**
 * A lot judged against its product's effective specification: a verdict for every test (pass,
 * warning, fail, missing, not tested), the result behind each verdict, the computed value of each
 * derived test, the lot's concentration declared and measured, and the MISEV completeness of the
 * characterization.
 *
 * @param derived       the value (or why none) of each derived test, by test code
 * @param concentration the declared and measured concentration and whether they agree; null when not known
 */
public record LotEvaluation(UUID lotId, Specification specification, Evaluation evaluation,
                            Map<String, Result> resultsByTest, MisevReport misev, Map<String, DerivedValue> derived,
                            LotConcentration concentration) {

    public LotEvaluation {
        derived = derived == null ? Map.of() : Map.copyOf(derived);
    }

    public LotEvaluation(UUID lotId, Specification specification, Evaluation evaluation, Map<String, Result> resultsByTest, MisevReport misev) {
        this(lotId, specification, evaluation, resultsByTest, misev, Map.of(), null);
    }

    public Verdict overall() { return evaluation.overall(); }

    /** No test fails, no required result is missing, and the declared and measured concentrations agree. */
    public boolean releasable() { return evaluation.releasable() && (concentration == null || concentration.agrees()); }

    public Optional<Result> resultFor(String testCode) { return Optional.ofNullable(resultsByTest.get(testCode)); }

    public Optional<DerivedValue> derivedFor(String testCode) { return Optional.ofNullable(derived.get(testCode)); }

    /** One sentence per failing or missing required test, and the concentration disagreement, for refusals and certificates. */
    public List<String> blockingReasons() {
        List<String> reasons = new java.util.ArrayList<>();
        evaluation.failing().forEach(t -> reasons.add(t.test().name() + " is out of specification: "
                + (t.observation() != null ? t.observation().resultLabel() + (t.test().unit() == null ? "" : " " + t.test().unit())
                        : resultFor(t.test().code()).map(Result::resultLabel).orElse("—"))
                + " (limits " + t.test().limitsLabel() + ")"));
        evaluation.missing().forEach(t -> reasons.add(derivedFor(t.test().code()).filter(d -> d.missing() != null)
                .map(d -> t.test().name() + " is required and is computed as " + t.test().derivation().formula(specification.tests())
                        + ", which cannot be computed: " + d.missing())
                .orElse(t.test().name() + " is required and has no valid result")));
        if (concentration != null && !concentration.agrees()) reasons.add(concentration.disagreement());
        return reasons;
    }
}
