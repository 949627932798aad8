package org.exotrace.outcome;

import java.math.BigDecimal;
import org.exotrace.shared.DomainProblem;

/**
 * Refusals of missing or out-of-range components, all worded alike: the field names the
 * component, the message gives the allowed values and what was entered.
 */
final class Check {

    private Check() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw DomainProblem.invalid(field, "required");
        }
        return value;
    }

    /** A whole number in {@code [min, max]}. */
    static int whole(String field, Integer value, int min, int max) {
        if (value == null) {
            throw DomainProblem.invalid(field, "required: a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw DomainProblem.invalid(field, "must be a whole number from " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    /** A number in {@code [min, max]} in steps of 0.5 (0, 0.5, 1, ...). */
    static BigDecimal halfPoint(String field, Double value, int min, int max) {
        String allowed = "from " + min + " to " + max + " in half points (0, 0.5, 1, ...)";
        if (value == null) {
            throw DomainProblem.invalid(field, "required: " + allowed);
        }
        if (!(value >= min && value <= max) || value * 2 != Math.rint(value * 2)) {
            throw DomainProblem.invalid(field, "must be " + allowed + ", was " + text(value));
        }
        return BigDecimal.valueOf(value);
    }

    /** A number in {@code [min, max]}, decimals allowed. */
    static BigDecimal decimal(String field, Double value, double min, double max, String unit) {
        String allowed = "from " + text(min) + " to " + text(max) + unit;
        if (value == null) {
            throw DomainProblem.invalid(field, "required: " + allowed);
        }
        if (!(value >= min && value <= max)) {
            throw DomainProblem.invalid(field, "must be " + allowed + ", was " + text(value));
        }
        return BigDecimal.valueOf(value);
    }

    /** A finite number of 0 or more (a reading without an upper limit). */
    static BigDecimal notNegative(String field, Double value, String unit) {
        if (value == null) {
            throw DomainProblem.invalid(field, "required: a number of 0 or more" + unit);
        }
        if (!(value >= 0) || value.isInfinite()) {
            throw DomainProblem.invalid(field, "must be a number of 0 or more" + unit + ", was " + text(value));
        }
        return BigDecimal.valueOf(value);
    }

    /** A number above zero (a length, a ratio's denominator). */
    static BigDecimal positive(String field, Double value, String unit) {
        if (value == null) {
            throw DomainProblem.invalid(field, "required: a number above 0" + unit);
        }
        if (!(value > 0) || value.isInfinite()) {
            throw DomainProblem.invalid(field, "must be a number above 0" + unit + ", was " + text(value));
        }
        return BigDecimal.valueOf(value);
    }

    static String text(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The decimal without trailing zeros and never in exponent form: 72.00 becomes 72, 5.90 becomes 5.9. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
