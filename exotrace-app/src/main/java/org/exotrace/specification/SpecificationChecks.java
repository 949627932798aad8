package org.exotrace.specification;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks shared by everything that reads a specification together with a lot's observations. */
final class SpecificationChecks {

    private SpecificationChecks() {
    }

    static void checkCodesUnique(List<TestDefinition> spec) {
        if (spec == null || spec.isEmpty()) {
            throw new InvalidSpecification("a specification needs at least one test");
        }
        Set<String> codes = new HashSet<>();
        for (TestDefinition test : spec) {
            if (!codes.add(test.code())) {
                throw new InvalidSpecification("test code " + test.code() + " appears twice in the specification");
            }
        }
    }

    /**
     * The checks a specification passes only as a whole: each derived test's factors are measured
     * numeric tests of the same specification (or the lot's fill volume) whose units multiply to the
     * derived test's unit, and at most one test is compared with the lot's declared concentration.
     */
    static void checkDerivations(List<TestDefinition> spec) {
        for (TestDefinition test : spec) {
            if (!test.derived()) continue;
            List<String> units = new java.util.ArrayList<>();
            for (String factor : test.derivation().factors()) {
                if (!factor.equals(Derivation.FILL_VOLUME)) {
                    TestDefinition input = spec.stream().filter(t -> t.code().equals(factor)).findFirst().orElseThrow(() ->
                            new InvalidSpecification("derived test " + test.code() + " multiplies " + factor + ", which is not a test of this specification"));
                    if (input.kind() != TestKind.NUMERIC) {
                        throw new InvalidSpecification("derived test " + test.code() + " multiplies " + factor + ", which is categorical");
                    }
                    if (input.derived()) {
                        throw new InvalidSpecification("derived test " + test.code() + " multiplies " + factor
                                + ", which is derived itself: name its measured factors instead");
                    }
                }
                units.add(Derivation.unitOf(factor, spec));
            }
            try {
                MeasurementUnits.productScale(units, test.unit());
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecification("derived test " + test.code() + " = " + test.derivation().text() + ": " + e.getMessage());
            }
        }
        if (spec.stream().filter(t -> t.declaredTolerance() != null).count() > 1) {
            throw new InvalidSpecification("only one test can be compared with the lot's declared concentration");
        }
    }

    /** The observations of the specification's tests by test code; others are left out. */
    static Map<String, Observation> byCode(List<TestDefinition> spec, Collection<Observation> observations) {
        Set<String> codes = new HashSet<>();
        spec.forEach(test -> codes.add(test.code()));
        Map<String, Observation> byCode = new HashMap<>();
        for (Observation observation : observations == null ? List.<Observation>of() : observations) {
            if (codes.contains(observation.testCode())
                    && byCode.putIfAbsent(observation.testCode(), observation) != null) {
                throw new IllegalArgumentException("two observations of test " + observation.testCode()
                        + "; pass only the latest valid one");
            }
        }
        return byCode;
    }
}
