package org.exotrace.batch;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exotrace.shared.DomainProblem;

/** Collects every field message of one request, so a form shows all of them at once, then refuses. */
final class Checks {

    private final Map<String, String> errors = new LinkedHashMap<>();

    void fail(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    boolean ok(String field) {
        return !errors.containsKey(field);
    }

    void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) fail(field, "is required");
    }

    void text(String field, String value, int max, boolean required) {
        if (required) required(field, value);
        if (value != null && value.length() > max) fail(field, "is too long (" + value.length() + " characters; at most " + max + ")");
    }

    void notNegative(String field, Number value) {
        if (value != null && value.doubleValue() < 0) fail(field, "cannot be negative");
    }

    void positive(String field, Number value) {
        if (value != null && !(value.doubleValue() > 0)) fail(field, "must be greater than zero");
    }

    /** Refuses a value above a plausibility bound (see {@link Bounds}), saying the bound and its unit. */
    void atMost(String field, Number value, double max, String unit) {
        if (value != null && value.doubleValue() > max && ok(field)) {
            String bound = max >= 1e7 ? org.exotrace.shared.ScientificNotation.format(max, 4) : org.exotrace.shared.Texts.number(max);
            fail(field, "must be at most " + bound + (unit.isEmpty() ? "" : " " + unit) + "; check the value");
        }
    }

    /** Refuses a positive value below the smallest that makes sense, saying the bound and its unit. */
    void atLeast(String field, Number value, double min, String unit) {
        if (value != null && value.doubleValue() > 0 && value.doubleValue() < min && ok(field)) {
            fail(field, "must be at least " + org.exotrace.shared.Texts.number(min) + (unit.isEmpty() ? "" : " " + unit) + "; check the value");
        }
    }

    void finite(String field, Double value) {
        if (value != null && (value.isNaN() || value.isInfinite())) fail(field, "must be a number");
    }

    void past(String field, LocalDate date, boolean required) {
        if (required) required(field, date);
        if (date != null && date.isAfter(LocalDate.now())) fail(field, "cannot be in the future");
    }

    /** Throws one INVALID_INPUT problem naming every field that failed; does nothing when all passed. */
    void throwIfAny() {
        if (errors.isEmpty()) return;
        throw DomainProblem.invalid("Invalid input", errors);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
