package org.exotrace.specification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a product's specification. Versions are never edited: a change makes a new
 * version, and the previous one is superseded but kept, so every release names the exact version
 * it was judged against.
 */
public record Specification(UUID id, String productCode, int version, Status status, Instant effectiveFrom,
                            String createdBy, String changeReason, List<TestDefinition> tests) {

    public enum Status { EFFECTIVE, SUPERSEDED }

    public Specification {
        tests = List.copyOf(tests);
    }

    /** How certificates and release records cite it, e.g. {@code HMSC-EXO-SERUM version 2}. */
    public String reference() {
        return productCode + " version " + version;
    }

    public java.util.Optional<TestDefinition> test(String code) {
        return tests.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The test with this code, when the specification has it. */
    public java.util.Optional<TestDefinition> test(TestCode code) {
        return test(code.value());
    }
}
