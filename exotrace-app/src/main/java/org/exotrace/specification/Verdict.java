package org.exotrace.specification;

/**
 * Outcome of judging one test, or a whole lot, against a specification.
 *
 * <ul>
 *   <li>{@link #PASS}: within limits (or an accepted category, or a report-only test with a result).
 *   <li>{@link #WARNING}: within limits but outside the warning band; does not block release.
 *   <li>{@link #FAIL}: out of specification; blocks release.
 *   <li>{@link #MISSING}: a required test without a valid result; blocks release.
 *   <li>{@link #NOT_TESTED}: an optional test without a valid result; does not block release.
 * </ul>
 */
public enum Verdict implements org.exotrace.shared.Labelled {
    PASS("Pass"),
    WARNING("Pass, with warning"),
    FAIL("Out of specification"),
    MISSING("Missing"),
    NOT_TESTED("Not tested");

    private final String label;

    Verdict(String label) { this.label = label; }

    /** The verdict as people read it on a page or a certificate; the API keeps the code. */
    @Override
    public String label() { return label; }
}
