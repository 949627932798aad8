package org.exotrace.specification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lot's results judged against a specification, one {@link TestEvaluation} per test in
 * specification order. A lot with a failing or missing required result cannot be released;
 * warnings and optional tests without results do not block release.
 *
 * @param tests the evaluation of every test of the specification; not empty
 */
public record Evaluation(List<TestEvaluation> tests) {

    public Evaluation {
        tests = List.copyOf(tests);
        if (tests.isEmpty()) {
            throw new InvalidSpecification("a specification needs at least one test");
        }
    }

    /**
     * Judges the latest valid observation of each test of the specification.
     *
     * @param spec the tests, with unique codes
     * @param observations at most one per test code, in the test's unit; observations of codes
     *     not in the specification are ignored
     * @throws InvalidSpecification if the specification is empty or repeats a code
     * @throws IllegalArgumentException if a test has two observations or one that does not fit
     *     the test's kind or vocabulary
     */
    public static Evaluation of(List<TestDefinition> spec, Collection<Observation> observations) {
        return of(spec, observations, Set.of());
    }

    /**
     * As {@link #of(List, Collection)}, but every test named in {@code outOfSpecificationOnRecord}
     * fails whatever its observation says: a test with a valid result that was out of
     * specification at entry fails until that result is invalidated (for an assignable cause, by
     * its investigation), however many later results pass. No testing into compliance.
     *
     * @param outOfSpecificationOnRecord codes of tests with a valid out-of-specification result
     */
    public static Evaluation of(List<TestDefinition> spec, Collection<Observation> observations, Set<String> outOfSpecificationOnRecord) {
        SpecificationChecks.checkCodesUnique(spec);
        Map<String, Observation> byCode = SpecificationChecks.byCode(spec, observations);
        return new Evaluation(spec.stream()
                .map(test -> {
                    Observation observation = byCode.get(test.code());
                    Verdict verdict = outOfSpecificationOnRecord.contains(test.code()) ? Verdict.FAIL : test.judge(observation);
                    return new TestEvaluation(test, observation, verdict);
                })
                .toList());
    }

    /**
     * The lot's verdict: {@link Verdict#FAIL} if any test fails, else {@link Verdict#MISSING} if a
     * required result is missing, else {@link Verdict#WARNING} if any result warns, else
     * {@link Verdict#PASS}.
     */
    public Verdict overall() {
        for (Verdict verdict : List.of(Verdict.FAIL, Verdict.MISSING, Verdict.WARNING)) {
            if (tests.stream().anyMatch(test -> test.verdict() == verdict)) {
                return verdict;
            }
        }
        return Verdict.PASS;
    }

    /** The tests out of specification. */
    public List<TestEvaluation> failing() {
        return withVerdict(Verdict.FAIL);
    }

    /** The required tests without a valid result. */
    public List<TestEvaluation> missing() {
        return withVerdict(Verdict.MISSING);
    }

    /** Whether no test fails and no required result is missing. */
    public boolean releasable() {
        return failing().isEmpty() && missing().isEmpty();
    }

    private List<TestEvaluation> withVerdict(Verdict verdict) {
        return tests.stream().filter(test -> test.verdict() == verdict).toList();
    }
}
