package org.exotrace.specification;

/**
 * A valid observed result of one test, already converted to the specification's unit. Exactly
 * one of {@code value} (numeric tests) and {@code category} (categorical tests) is given.
 * Invalidated results are not observations: the caller leaves them out.
 *
 * @param testCode the {@link TestDefinition#code()} the result belongs to
 * @param value the numeric result in the test's unit, or null
 * @param category the categorical result, or null
 */
public record Observation(String testCode, Double value, String category) {

    public Observation {
        if (testCode == null || testCode.isBlank()) {
            throw new IllegalArgumentException("an observation needs the code of its test");
        }
        if ((value == null) == (category == null)) {
            throw new IllegalArgumentException(
                    "observation of " + testCode + " needs exactly one of a number or a category");
        }
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("observation of " + testCode + " is not a finite number: " + value);
        }
        if (category != null && category.isBlank()) {
            throw new IllegalArgumentException("observation of " + testCode + " has a blank category");
        }
    }

    public static Observation numeric(String testCode, double value) {
        return new Observation(testCode, value, null);
    }

    public static Observation categorical(String testCode, String category) {
        return new Observation(testCode, null, category);
    }

    /** The result as a QA person would read it, without unit: a plain number or the category. */
    public String resultText() {
        return value != null ? Numbers.format(value) : category;
    }

    /** As people read it: the category in words ("No growth") or the number. */
    public String resultLabel() {
        return category != null ? org.exotrace.shared.Words.words(category) : org.exotrace.shared.ScientificNotation.inText(resultText());
    }
}
