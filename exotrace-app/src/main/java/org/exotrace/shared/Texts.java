package org.exotrace.shared;

/** Checks and normalisation of free text that every module applies to what people type. */
public final class Texts {

    private Texts() {}

    /** Refuses a missing required text or a text longer than {@code max}, naming the field. */
    public static void check(String field, String value, int max, boolean required) {
        if (required && (value == null || value.isBlank())) throw DomainProblem.invalid(field, "is required");
        if (value != null && value.length() > max) {
            throw DomainProblem.invalid(field, "is too long (" + value.length() + " characters; at most " + max + ")");
        }
    }

    /** Null for null or blank, the stripped text otherwise. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
