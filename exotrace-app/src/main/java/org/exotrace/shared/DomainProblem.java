package org.exotrace.shared;

import java.util.List;
import java.util.Map;

/**
 * A business rule refused a request. Carries what the web layer needs to answer with an RFC 9457
 * problem: a status, a title, a detail a person can act on, and optionally field messages or a
 * list of reasons. Nothing is written when one is thrown inside a transaction.
 */
public class DomainProblem extends RuntimeException {

    /** The HTTP-independent kind of refusal; the web layer maps each to a status code. */
    public enum Kind { INVALID_INPUT, NOT_FOUND, CONFLICT, RULE_VIOLATION, FORBIDDEN }

    private final Kind kind;
    private final String title;
    private final Map<String, String> fieldErrors;
    private final List<String> reasons;

    public DomainProblem(Kind kind, String title, String detail, Map<String, String> fieldErrors, List<String> reasons) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.reasons = List.copyOf(reasons);
    }

    public static DomainProblem notFound(String what, Object id) {
        return new DomainProblem(Kind.NOT_FOUND, what + " not found", "No " + what.toLowerCase() + " with id " + id + ".", Map.of(), List.of());
    }

    public static DomainProblem invalid(String field, String message) {
        return new DomainProblem(Kind.INVALID_INPUT, "Invalid input", field + ": " + message, Map.of(field, message), List.of());
    }

    /** Several fields wrong at once: each keeps its own message, and the detail lists them all. */
    public static DomainProblem invalid(String title, Map<String, String> fieldErrors) {
        String detail = String.join("; ", fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        return new DomainProblem(Kind.INVALID_INPUT, title, detail, fieldErrors, List.of());
    }

    public static DomainProblem conflict(String detail) {
        return new DomainProblem(Kind.CONFLICT, "Conflict", detail, Map.of(), List.of());
    }

    public static DomainProblem ruleViolation(String title, List<String> reasons) {
        return new DomainProblem(Kind.RULE_VIOLATION, title, String.join("; ", reasons), Map.of(), reasons);
    }

    public static DomainProblem forbidden(String detail) {
        return new DomainProblem(Kind.FORBIDDEN, "Not allowed", detail, Map.of(), List.of());
    }

    public Kind kind() { return kind; }

    public String title() { return title; }

    public Map<String, String> fieldErrors() { return fieldErrors; }

    public List<String> reasons() { return reasons; }
}
