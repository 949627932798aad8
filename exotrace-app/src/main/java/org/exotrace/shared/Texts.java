package org.exotrace.shared;

import java.util.Map;

/** Checks and normalisation of free text that every module applies to what people type. */
public final class Texts {

    private Texts() {}

    /** Refuses a missing required text, a text longer than {@code max} or one with control characters, naming the field. */
    public static void check(String field, String value, int max, boolean required) {
        if (required && (value == null || value.isBlank())) throw DomainProblem.invalid(field, "is required");
        if (value != null && value.length() > max) {
            throw DomainProblem.invalid(field, "is too long (" + value.length() + " characters; at most " + max + ")");
        }
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw DomainProblem.invalid(field, "contains a control character (such as NUL); remove it");
        }
    }

    /** As {@link #check(String, String, int, boolean)}, but gathers the field message into {@code errors} instead of throwing. */
    public static void check(Map<String, String> errors, String field, String value, int max, boolean required) {
        try {
            check(field, value, max, required);
        } catch (DomainProblem p) {
            errors.putAll(p.fieldErrors());
        }
    }

    /** A number as people write it: 0.5, 3, 1200 (no exponent, no trailing zeros). */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return String.valueOf(value);
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * A count or concentration as people read it, "5.6 × 10⁹", through {@link ScientificNotation#format(double)};
     * NaN and infinities, which that refuses, are written as Java writes them.
     */
    public static String scientific(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return String.valueOf(value);
        return ScientificNotation.format(value);
    }

    /** Null for null or blank, the stripped text otherwise. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
