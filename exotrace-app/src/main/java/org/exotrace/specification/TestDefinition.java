package org.exotrace.specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One test of a specification: what is measured, in which unit, which results pass, and whether
 * a lot needs the result to be released. Limits follow LIMS practice (e.g. SENAITE): lower and
 * upper limits, each inclusive or exclusive and either open, with an optional warning band inside
 * them.
 *
 * <p>A numeric test is judged {@link Verdict#FAIL} outside its limits, {@link Verdict#WARNING}
 * below {@code warnLower} or above {@code warnUpper} within the limits, else {@link Verdict#PASS}.
 * A numeric test without limits is report-only: any result passes. A categorical test passes
 * when the result is one of {@code acceptedValues}, matched case-insensitively.
 *
 * <p>Known unit spellings are stored in the canonical form of {@link MeasurementUnits#normalise};
 * accepted values are stored in the spelling of the vocabulary.
 *
 * @param code identifier of the test within a specification, {@code [a-z][a-z0-9_]{1,47}}
 * @param name human name of the test
 * @param kind numeric or categorical
 * @param unit unit of numeric results; null for categorical tests
 * @param lower lower limit, or null when open
 * @param upper upper limit, or null when open
 * @param warnLower results below this (but within limits) are a warning; null for none
 * @param warnUpper results above this (but within limits) are a warning; null for none
 * @param allowedValues vocabulary of a categorical test; empty for numeric tests
 * @param acceptedValues the part of the vocabulary that passes; empty for numeric tests
 * @param required whether a lot without a valid result cannot be released
 * @param misevItem the MISEV characterization item a result gives evidence for, or null
 * @param source where the limits come from, e.g. a paper or a product decision; null if not stated
 * @param derivation how the result is computed from other values of the lot (a derived test,
 *     never typed), or null for a measured test
 * @param declaredTolerance for a particle concentration test: the largest fold difference allowed
 *     between the measured result and the concentration declared on the lot (2 means the measured
 *     value lies between half and twice the declared one); a larger disagreement blocks release.
 *     Null for no comparison
 */
public record TestDefinition(String code, String name, TestKind kind, String unit,
        Limit lower, Limit upper,
        Double warnLower, Double warnUpper,
        List<String> allowedValues, List<String> acceptedValues,
        boolean required, MisevItem misevItem, String source,
        Derivation derivation, Double declaredTolerance) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,47}");
    /** The largest declared-versus-measured tolerance a specification may state: a thousandfold. */
    static final double MAX_DECLARED_TOLERANCE = 1000;

    /** A measured test, compared with nothing. */
    public TestDefinition(String code, String name, TestKind kind, String unit, Limit lower, Limit upper, Double warnLower,
                          Double warnUpper, List<String> allowedValues, List<String> acceptedValues, boolean required,
                          MisevItem misevItem, String source) {
        this(code, name, kind, unit, lower, upper, warnLower, warnUpper, allowedValues, acceptedValues, required, misevItem,
                source, null, null);
    }

    public TestDefinition {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidSpecification("test code '" + code + "' must be 2 to 48 characters of lower-case "
                    + "letters, digits and '_', starting with a letter, e.g. size_mode");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidSpecification("test " + code + " needs a name");
        }
        if (kind == null) {
            throw new InvalidSpecification("test " + code + " needs a kind: NUMERIC or CATEGORICAL");
        }
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        acceptedValues = acceptedValues == null ? List.of() : List.copyOf(acceptedValues);
        source = source == null || source.isBlank() ? null : source.strip();
        if (kind == TestKind.NUMERIC) {
            unit = checkNumeric(code, unit, allowedValues, acceptedValues);
            checkRange(code, lower, upper, warnLower, warnUpper);
        } else {
            checkCategorical(code, unit, lower, upper, warnLower, warnUpper, allowedValues);
            acceptedValues = inVocabularySpelling(code, allowedValues, acceptedValues);
        }
        if (derivation != null && kind != TestKind.NUMERIC) {
            throw new InvalidSpecification("categorical test " + code + " cannot be derived; only a number can be computed");
        }
        if (derivation != null && derivation.tests().contains(code)) {
            throw new InvalidSpecification("test " + code + " cannot be derived from itself");
        }
        if (declaredTolerance != null) checkDeclaredTolerance(code, kind, unit, derivation, declaredTolerance);
    }

    private static void checkDeclaredTolerance(String code, TestKind kind, String unit, Derivation derivation, double tolerance) {
        if (kind != TestKind.NUMERIC || !MeasurementUnits.compatible(unit, "particles/mL")) {
            throw new InvalidSpecification("test " + code + ": only a particle concentration (particles/mL) can be compared with "
                    + "the concentration declared on the lot");
        }
        if (derivation != null) {
            throw new InvalidSpecification("test " + code + " is derived: compare the measured concentration with the declared one instead");
        }
        if (!Double.isFinite(tolerance) || !(tolerance > 1) || tolerance > MAX_DECLARED_TOLERANCE) {
            throw new InvalidSpecification("test " + code + ": the declared-versus-measured tolerance is a fold difference above 1 "
                    + "(2 = within half to twice the declared value) and at most " + Numbers.format(MAX_DECLARED_TOLERANCE)
                    + ", not " + Numbers.format(tolerance));
        }
    }

    /** Whether the result is computed ({@link #derivation()}) rather than entered. */
    public boolean derived() {
        return derivation != null;
    }

    /** "within ×/÷ 2 of the declared concentration", or null when not compared. */
    public String declaredToleranceText() {
        return declaredTolerance == null ? null : "within ×/÷ " + Numbers.format(declaredTolerance) + " of the declared concentration";
    }

    private static String checkNumeric(String code, String unit, List<String> allowed, List<String> accepted) {
        if (unit == null || unit.isBlank()) {
            throw new InvalidSpecification("numeric test " + code + " needs a unit, e.g. nm or particles/mL");
        }
        if (!allowed.isEmpty() || !accepted.isEmpty()) {
            throw new InvalidSpecification("numeric test " + code + " cannot have allowed or accepted values; "
                    + "make it CATEGORICAL or remove the values");
        }
        return MeasurementUnits.normalise(unit);
    }

    private static void checkRange(String code, Limit lower, Limit upper, Double warnLower, Double warnUpper) {
        if (lower != null && upper != null && (lower.value() > upper.value()
                || (lower.value() == upper.value() && !(lower.inclusive() && upper.inclusive())))) {
            throw new InvalidSpecification("test " + code + ": lower limit " + Numbers.format(lower.value())
                    + " must be below upper limit " + Numbers.format(upper.value()));
        }
        checkWarning(code, "lower", warnLower, lower, upper);
        checkWarning(code, "upper", warnUpper, lower, upper);
        if (warnLower != null && warnUpper != null && warnLower > warnUpper) {
            throw new InvalidSpecification("test " + code + ": lower warning " + Numbers.format(warnLower)
                    + " must not be above upper warning " + Numbers.format(warnUpper));
        }
    }

    private static void checkWarning(String code, String side, Double warning, Limit lower, Limit upper) {
        if (warning == null) {
            return;
        }
        if (!Double.isFinite(warning)) {
            throw new InvalidSpecification("test " + code + ": " + side + " warning must be a finite number");
        }
        boolean outside = (lower != null && warning < lower.value()) || (upper != null && warning > upper.value());
        if (outside) {
            throw new InvalidSpecification("test " + code + ": " + side + " warning " + Numbers.format(warning)
                    + " must lie within the limits " + limitsText(lower, upper, ""));
        }
    }

    private static void checkCategorical(String code, String unit, Limit lower, Limit upper,
            Double warnLower, Double warnUpper, List<String> allowed) {
        if (unit != null) {
            throw new InvalidSpecification("categorical test " + code + " cannot have a unit ('" + unit + "')");
        }
        if (lower != null || upper != null || warnLower != null || warnUpper != null) {
            throw new InvalidSpecification("categorical test " + code + " cannot have numeric limits or warnings");
        }
        if (allowed.isEmpty()) {
            throw new InvalidSpecification("categorical test " + code + " needs its allowed values, "
                    + "e.g. POSITIVE, NEGATIVE");
        }
        List<String> seen = new ArrayList<>();
        for (String value : allowed) {
            if (value.isBlank()) {
                throw new InvalidSpecification("categorical test " + code + " has a blank allowed value");
            }
            if (find(seen, value) != null) {
                throw new InvalidSpecification("categorical test " + code + " lists '" + value + "' twice");
            }
            seen.add(value);
        }
    }

    private static List<String> inVocabularySpelling(String code, List<String> allowed, List<String> accepted) {
        if (accepted.isEmpty()) {
            throw new InvalidSpecification("categorical test " + code + " needs at least one accepted value out of "
                    + String.join(", ", allowed));
        }
        List<String> spelled = new ArrayList<>();
        for (String value : accepted) {
            String match = find(allowed, value);
            if (match == null) {
                throw new InvalidSpecification("categorical test " + code + ": accepted value '" + value
                        + "' is not one of the allowed values " + String.join(", ", allowed));
            }
            if (!spelled.contains(match)) {
                spelled.add(match);
            }
        }
        return List.copyOf(spelled);
    }

    private static String find(List<String> vocabulary, String value) {
        String key = value.strip().toUpperCase(Locale.ROOT);
        return vocabulary.stream()
                .filter(candidate -> candidate.strip().toUpperCase(Locale.ROOT).equals(key))
                .findFirst()
                .orElse(null);
    }

    /**
     * Whether no result can fail: a numeric test without limits (a warning band may still flag
     * results) or a categorical test that accepts its whole vocabulary.
     */
    public boolean reportOnly() {
        return kind == TestKind.NUMERIC
                ? lower == null && upper == null
                : acceptedValues.size() == allowedValues.size();
    }

    /**
     * Judges a numeric result.
     *
     * @param valueInSpecUnit the result, already converted to {@link #unit()}
     * @throws IllegalArgumentException if the test is categorical or the value is not finite
     */
    public Verdict judge(double valueInSpecUnit) {
        if (kind != TestKind.NUMERIC) {
            throw new IllegalArgumentException("test " + code + " is categorical; give one of "
                    + String.join(", ", allowedValues));
        }
        if (!Double.isFinite(valueInSpecUnit)) {
            throw new IllegalArgumentException("test " + code + " needs a finite number, not " + valueInSpecUnit);
        }
        if ((lower != null && !lower.admitsAsLower(valueInSpecUnit))
                || (upper != null && !upper.admitsAsUpper(valueInSpecUnit))) {
            return Verdict.FAIL;
        }
        if ((warnLower != null && valueInSpecUnit < warnLower) || (warnUpper != null && valueInSpecUnit > warnUpper)) {
            return Verdict.WARNING;
        }
        return Verdict.PASS;
    }

    /**
     * Judges a categorical result, matched case-insensitively and ignoring surrounding blanks.
     *
     * @throws IllegalArgumentException if the test is numeric, or the result is not in the
     *     vocabulary; the message names the allowed values
     */
    public Verdict judge(String category) {
        if (kind != TestKind.CATEGORICAL) {
            throw new IllegalArgumentException("test " + code + " is numeric; give a number in " + unit);
        }
        String match = category == null ? null : find(allowedValues, category);
        if (match == null) {
            throw new IllegalArgumentException("'" + category + "' is not a result of test " + code
                    + "; allowed values: " + String.join(", ", allowedValues));
        }
        return acceptedValues.contains(match) ? Verdict.PASS : Verdict.FAIL;
    }

    /**
     * Judges an observation of this test, or its absence: no observation is
     * {@link Verdict#MISSING} for a required test and {@link Verdict#NOT_TESTED} for an optional one.
     *
     * @throws IllegalArgumentException if the observation belongs to another test or does not
     *     fit this test's kind or vocabulary
     */
    public Verdict judge(Observation observation) {
        if (observation == null) {
            return required ? Verdict.MISSING : Verdict.NOT_TESTED;
        }
        if (!code.equals(observation.testCode())) {
            throw new IllegalArgumentException("observation of " + observation.testCode()
                    + " cannot be judged by test " + code);
        }
        if (kind == TestKind.NUMERIC && observation.value() == null) {
            throw new IllegalArgumentException("test " + code + " is numeric; observation gives category '"
                    + observation.category() + "'");
        }
        return kind == TestKind.NUMERIC ? judge(observation.value()) : judge(observation.category());
    }

    /**
     * The passing range as printed on a certificate of analysis: "30 – 150 nm", "≤ 0.5 EU/mL",
     * "&gt; 1.5E9 particles/µg", "NO_GROWTH", or "report only". Warning bands are not shown.
     */
    public String limitsText() {
        if (reportOnly()) {
            return "report only";
        }
        return kind == TestKind.CATEGORICAL ? String.join(" or ", acceptedValues) : limitsText(lower, upper, unit);
    }

    /** {@link #limitsText()} as people read it: accepted categories in words ("No growth"). */
    public String limitsLabel() {
        if (!reportOnly() && kind == TestKind.CATEGORICAL) {
            return String.join(" or ", acceptedValues.stream().map(org.exotrace.shared.Words::words).toList());
        }
        return org.exotrace.shared.ScientificNotation.inText(limitsText());
    }

    private static String limitsText(Limit lower, Limit upper, String unit) {
        String suffix = unit.isEmpty() ? "" : " " + unit;
        if (lower != null && upper != null) {
            if (lower.inclusive() && upper.inclusive()) {
                return Numbers.format(lower.value()) + " – " + Numbers.format(upper.value()) + suffix;
            }
            return bound(lower, "≥ ", "> ") + " and " + bound(upper, "≤ ", "< ") + suffix;
        }
        if (lower != null) {
            return bound(lower, "≥ ", "> ") + suffix;
        }
        if (upper != null) {
            return bound(upper, "≤ ", "< ") + suffix;
        }
        return "report only";
    }

    private static String bound(Limit limit, String inclusiveSign, String exclusiveSign) {
        return (limit.inclusive() ? inclusiveSign : exclusiveSign) + Numbers.format(limit.value());
    }
}
