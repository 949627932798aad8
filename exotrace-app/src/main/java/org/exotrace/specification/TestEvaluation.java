package org.exotrace.specification;

import java.util.Objects;

/**
 * The verdict on one test of a specification for one lot.
 *
 * @param test the test as specified
 * @param observation the valid result judged, or null when there is none
 * @param verdict the outcome; {@link Verdict#MISSING} or {@link Verdict#NOT_TESTED} when there is
 *     no observation
 */
public record TestEvaluation(TestDefinition test, Observation observation, Verdict verdict) {

    public TestEvaluation {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(verdict, "verdict");
    }
}
