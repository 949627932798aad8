package org.exotrace.specification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.shared.Texts;

/**
 * The value of one derived test ({@link TestDefinition#derivation()}) for one lot, or why it has
 * none.
 *
 * @param testCode   the derived test
 * @param value      the product of the factors in the test's unit, or null when a factor is missing
 * @param expression the computation with its numbers, "5.6 × 10⁹ particles = 2.8 × 10⁹ particles/mL × 2 mL"; null when missing
 * @param missing    why it cannot be computed, "Particle concentration has no valid result"; null when computed
 */
public record DerivedValue(String testCode, Double value, String expression, String missing) {

    /**
     * Computes every derived test of a specification for a lot.
     *
     * @param spec         the specification's tests (derivations checked at publication)
     * @param measured     the lot's latest valid observation of each measured test, in the test's unit
     * @param fillVolumeMl the lot's fill volume (its product's ampoule volume), or null when the product has none
     * @param productCode  named when the fill volume is missing
     */
    public static Map<String, DerivedValue> of(List<TestDefinition> spec, Map<String, Observation> measured, Double fillVolumeMl,
                                        String productCode) {
        Map<String, DerivedValue> values = new LinkedHashMap<>();
        for (TestDefinition test : spec) {
            if (test.derived()) values.put(test.code(), of(test, spec, measured, fillVolumeMl, productCode));
        }
        return values;
    }

    private static DerivedValue of(TestDefinition test, List<TestDefinition> spec, Map<String, Observation> measured, Double fillVolumeMl,
                                   String productCode) {
        List<String> missing = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        double product = 1;
        for (String factor : test.derivation().factors()) {
            if (factor.equals(Derivation.FILL_VOLUME)) {
                if (fillVolumeMl == null || !(fillVolumeMl > 0)) {
                    missing.add("product " + productCode + " has no ampoule volume (its fill volume)");
                    continue;
                }
                product *= fillVolumeMl;
                units.add(Derivation.FILL_VOLUME_UNIT);
                terms.add(Texts.number(fillVolumeMl) + " " + Derivation.FILL_VOLUME_UNIT);
                continue;
            }
            TestDefinition input = spec.stream().filter(t -> t.code().equals(factor)).findFirst().orElse(null);
            Observation o = measured.get(factor);
            if (input == null || o == null || o.value() == null) {
                missing.add((input == null ? factor : input.name()) + " has no valid result");
                continue;
            }
            product *= o.value();
            units.add(input.unit());
            terms.add(Texts.scientific(o.value()) + " " + input.unit());
        }
        if (!missing.isEmpty()) return new DerivedValue(test.code(), null, null, String.join("; ", missing));
        double value;
        try {
            value = product * MeasurementUnits.productScale(units, test.unit());
        } catch (IllegalArgumentException e) {
            return new DerivedValue(test.code(), null, null, e.getMessage());
        }
        if (!Double.isFinite(value)) return new DerivedValue(test.code(), null, null, "the product is not a finite number");
        return new DerivedValue(test.code(), value, Texts.scientific(value) + " " + test.unit() + " = " + String.join(" × ", terms), null);
    }

    /** The right-hand side of {@link #expression()}: "2.8 × 10⁹ particles/mL × 2 mL"; null when missing. */
    public String calculation() {
        return expression == null ? null : expression.substring(expression.indexOf(" = ") + 3);
    }

    /** The left-hand side of {@link #expression()}, the value with its unit: "5.6 × 10⁹ particles"; null when missing. */
    public String valueText() {
        return expression == null ? null : expression.substring(0, expression.indexOf(" = "));
    }

    /** The value as an observation of its test, when computed. */
    public java.util.Optional<Observation> observation() {
        return value == null ? java.util.Optional.empty() : java.util.Optional.of(Observation.numeric(testCode, value));
    }
}
