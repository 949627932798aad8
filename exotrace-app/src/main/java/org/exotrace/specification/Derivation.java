package org.exotrace.specification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a derived test's value is computed instead of typed: the product of its factors, each either
 * another numeric (not derived) test of the same specification, by code, or a quantity of the lot
 * itself. The only lot quantity so far is {@value #FILL_VOLUME}: the volume filled into one unit,
 * which is the product's ampoule volume ({@code Product.ampouleVolumeMl}), the label claim the
 * specification's per-ampoule limits are set against, known before the lot is filled and the same
 * for every lot of the product. The factors' units must multiply to the test's unit
 * ({@link MeasurementUnits#productScale}); the specification checks that when it is published.
 *
 * <p>Example: particles per ampoule = {@code particle_concentration} × {@code lot.fill_volume}.
 *
 * @param factors test codes or lot quantities, 1 to 5, no repeats
 */
public record Derivation(List<String> factors) {

    /** The lot's fill volume in mL: its product's ampoule volume. */
    public static final String FILL_VOLUME = "lot.fill_volume";
    static final String FILL_VOLUME_UNIT = "mL";
    private static final Pattern TEST_CODE = Pattern.compile("[a-z][a-z0-9_]{1,47}");

    public Derivation {
        if (factors == null || factors.isEmpty() || factors.size() > 5) {
            throw new InvalidSpecification("a derived test needs 1 to 5 factors, e.g. particle_concentration, " + FILL_VOLUME);
        }
        List<String> clean = new ArrayList<>();
        for (String f : factors) {
            String factor = f == null ? "" : f.strip();
            if (!factor.equals(FILL_VOLUME) && !TEST_CODE.matcher(factor).matches()) {
                throw new InvalidSpecification("'" + factor + "' is neither a test code nor " + FILL_VOLUME);
            }
            if (clean.contains(factor)) throw new InvalidSpecification("factor " + factor + " appears twice");
            clean.add(factor);
        }
        factors = List.copyOf(clean);
    }

    public static Derivation of(String... factors) {
        return new Derivation(Arrays.asList(factors));
    }

    /** As stored and typed in the specification editor: factors joined by " × ". */
    public static Derivation parse(String text) {
        if (text == null || text.isBlank()) return null;
        return new Derivation(Arrays.stream(text.split("[×*]")).map(String::strip).toList());
    }

    /** "particle_concentration × lot.fill_volume". */
    public String text() {
        return String.join(" × ", factors);
    }

    /** The test codes among the factors. */
    public List<String> tests() {
        return factors.stream().filter(f -> !f.equals(FILL_VOLUME)).toList();
    }

    /** The unit each factor is multiplied in: the test's unit, or mL for the fill volume. */
    static String unitOf(String factor, List<TestDefinition> spec) {
        if (factor.equals(FILL_VOLUME)) return FILL_VOLUME_UNIT;
        return spec.stream().filter(t -> t.code().equals(factor)).findFirst().map(TestDefinition::unit).orElse(null);
    }

    /** "Particle concentration × fill volume", with the names of the specification's tests. */
    public String formula(List<TestDefinition> spec) {
        return String.join(" × ", factors.stream().map(f -> f.equals(FILL_VOLUME) ? "fill volume"
                : spec.stream().filter(t -> t.code().equals(f)).findFirst().map(TestDefinition::name).orElse(f)).toList());
    }
}
