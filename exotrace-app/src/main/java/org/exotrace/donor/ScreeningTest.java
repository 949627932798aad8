package org.exotrace.donor;

import java.util.List;
import java.util.Optional;

/**
 * A coded donor screening test of the catalog, e.g. {@code ANTI_HCV} (anti-HCV, antibodies to the
 * hepatitis C virus). Its results are a closed list; each result says whether it counts as
 * negative (satisfies a panel), positive (makes the donor ineligible) or inconclusive (the
 * determination stays pending). The catalog is data (migration {@code V10_10}), not constants.
 *
 * @param source the text the entry relies on, marked UNVERIFIED where no primary source was read
 */
public record ScreeningTest(String code, String name, String detects, Kind kind, List<ResultOption> results, String source) {

    public ScreeningTest {
        results = List.copyOf(results);
    }

    /** How the test detects its agent. */
    public enum Kind {
        SEROLOGY("Serology (antibody or antigen)"),
        NAT("Nucleic acid test");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** What a result means for eligibility. */
    public enum Meaning {
        NEGATIVE("Negative"),
        POSITIVE("Positive"),
        INCONCLUSIVE("Inconclusive");

        private final String label;

        Meaning(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** One allowed result, e.g. {@code NON_REACTIVE} "Non-reactive", negative. */
    public record ResultOption(String code, String label, Meaning meaning) {}

    public Optional<ResultOption> result(String code) {
        return results.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The first result that counts as negative: what a clean sample gives. */
    public ResultOption negativeResult() {
        return results.stream().filter(r -> r.meaning() == Meaning.NEGATIVE).findFirst()
                .orElseThrow(() -> new IllegalStateException("screening test " + code + " has no negative result"));
    }

    /** The result codes, for field messages: {@code NON_REACTIVE, REACTIVE, INDETERMINATE}. */
    public String resultCodes() {
        return String.join(", ", results.stream().map(ResultOption::code).toList());
    }
}
