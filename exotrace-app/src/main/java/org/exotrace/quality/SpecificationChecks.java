package org.exotrace.quality;

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
