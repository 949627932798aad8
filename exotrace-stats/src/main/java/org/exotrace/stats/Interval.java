package org.exotrace.stats;

/** A two-sided confidence interval in the unit of the estimate it belongs to. */
public record Interval(double lower, double upper) {

    static Interval of(org.apache.commons.statistics.interval.Interval interval) {
        return new Interval(interval.getLowerBound(), interval.getUpperBound());
    }

    /** The estimate plus and minus a half-width. */
    static Interval around(double estimate, double halfWidth) {
        return new Interval(estimate - halfWidth, estimate + halfWidth);
    }

    /** Whether the interval holds the value (bounds included). */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
