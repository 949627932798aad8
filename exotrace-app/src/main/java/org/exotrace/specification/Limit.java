package org.exotrace.specification;

/**
 * One end of a specification range. An inclusive limit accepts a value equal to it; an
 * exclusive limit does not.
 *
 * @param value the limit in the test's unit; must be finite
 * @param inclusive whether a value exactly at the limit is within specification
 */
public record Limit(double value, boolean inclusive) {

    public Limit {
        if (!Double.isFinite(value)) {
            throw new InvalidSpecification("a limit must be a finite number, not " + value);
        }
    }

    /** A limit that a value equal to it meets (≥ or ≤). */
    public static Limit including(double value) {
        return new Limit(value, true);
    }

    /** A limit that a value equal to it does not meet (&gt; or &lt;). */
    public static Limit excluding(double value) {
        return new Limit(value, false);
    }

    boolean admitsAsLower(double observed) {
        return observed > value || (inclusive && observed == value);
    }

    boolean admitsAsUpper(double observed) {
        return observed < value || (inclusive && observed == value);
    }
}
