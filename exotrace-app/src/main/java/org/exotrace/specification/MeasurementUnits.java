package org.exotrace.specification;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Units of quality results and conversion between units of the same quantity. Every factor is
 * an exact power of ten, so conversions are as exact as a double allows (1 µm = 1000 nm,
 * 1 particles/µL = 1000 particles/mL, 1 mg/mL = 1000 µg/mL).
 *
 * <p>Canonical spellings (micro is U+00B5 "µ") and the spellings accepted for them, compared
 * ignoring case and blanks around "/"; "u" and Greek mu U+03BC stand for "µ":
 * <ul>
 *   <li>length: {@code nm}, {@code µm} (micrometre, micron)
 *   <li>particle concentration: {@code particles/mL} (p/mL, /mL, particles per mL),
 *       {@code particles/µL} (p/µL, /µL)
 *   <li>particle count: {@code particles} (particle, p, count, and a plain number with no unit)
 *   <li>purity: {@code particles/µg} (p/µg, particles per µg protein), {@code particles/mg}
 *   <li>protein concentration: {@code ng/mL}, {@code µg/mL} (mg/L), {@code mg/mL} (µg/µL)
 *   <li>endotoxin: {@code EU/mL}
 *   <li>volume: {@code µL}, {@code mL}, {@code L}
 *   <li>temperature: {@code °C} (C, degC, ºC, celsius); no conversion to kelvin
 *   <li>fraction: {@code %} (percent, pct)
 * </ul>
 * Any of these may carry a power-of-ten scale as written on instrument reports:
 * "x10^9 particles", "×10^9 particles/mL", "10^6 p/mL"; the canonical form is "10^9 particles".
 * A unit not listed is kept as written and is compatible only with itself.
 */
public final class MeasurementUnits {

    /**
     * What a unit measures, with its dimensions for products ({@link #productScale}): each unit's
     * power of ten is relative to the base of its quantity (particles/mL, particles, particles/µg,
     * µg/mL, EU/mL, mL, nm), and those bases multiply into one another without a factor
     * (particles/mL × mL = particles). Temperature and fraction have no dimensions to multiply.
     */
    private enum Quantity {
        LENGTH("length"), PARTICLE_CONCENTRATION("particle/volume"), PARTICLE_COUNT("particle"),
        PARTICLES_PER_PROTEIN("particle/mass"), PROTEIN_CONCENTRATION("mass/volume"), ENDOTOXIN("EU/volume"),
        VOLUME("volume"), TEMPERATURE(null), FRACTION(null);

        private final String dimensions;

        Quantity(String dimensions) {
            this.dimensions = dimensions;
        }

        void addTo(Map<String, Integer> into, int sign) {
            String[] parts = dimensions.split("/");
            into.merge(parts[0], sign, Integer::sum);
            if (parts.length > 1) into.merge(parts[1], -sign, Integer::sum);
            into.values().removeIf(v -> v == 0);
        }
    }

    private record Unit(String symbol, Quantity quantity, int powerOfTen) {
    }

    private record Scaled(Unit unit, int scale) {

        String canonical() {
            return scale == 0 ? unit.symbol() : "10^" + scale + " " + unit.symbol();
        }

        int powerOfTen() {
            return unit.powerOfTen() + scale;
        }
    }

    private static final Pattern SCALE = Pattern.compile("^(?:[x×*]\\s*)?10\\^(-?\\d{1,2})\\s*(.*)$");
    private static final Map<String, Unit> SPELLINGS = new HashMap<>();
    private static final List<Unit> UNITS = List.of(
            define("nm", Quantity.LENGTH, 0, "nanometre", "nanometer"),
            define("µm", Quantity.LENGTH, 3, "micrometre", "micrometer", "micron"),
            define("particles/mL", Quantity.PARTICLE_CONCENTRATION, 0, "particle/mL", "p/mL", "/mL",
                    "particles per mL"),
            define("particles/µL", Quantity.PARTICLE_CONCENTRATION, 3, "particle/µL", "p/µL", "/µL",
                    "particles per µL"),
            define("particles", Quantity.PARTICLE_COUNT, 0, "particle", "p", "count", ""),
            define("particles/µg", Quantity.PARTICLES_PER_PROTEIN, 0, "particle/µg", "p/µg", "particles per µg",
                    "particles/µg protein", "particles per µg protein"),
            define("particles/mg", Quantity.PARTICLES_PER_PROTEIN, -3, "particle/mg", "p/mg", "particles per mg"),
            define("ng/mL", Quantity.PROTEIN_CONCENTRATION, -3, "µg/L"),
            define("µg/mL", Quantity.PROTEIN_CONCENTRATION, 0, "mg/L"),
            define("mg/mL", Quantity.PROTEIN_CONCENTRATION, 3, "µg/µL"),
            define("EU/mL", Quantity.ENDOTOXIN, 0, "EU per mL"),
            define("µL", Quantity.VOLUME, -3, "microlitre", "microliter"),
            define("mL", Quantity.VOLUME, 0, "millilitre", "milliliter"),
            define("L", Quantity.VOLUME, 3, "litre", "liter"),
            define("°C", Quantity.TEMPERATURE, 0, "C", "degC", "deg C", "ºC", "celsius"),
            define("%", Quantity.FRACTION, 0, "percent", "pct"));

    private MeasurementUnits() {
    }

    private static Unit define(String symbol, Quantity quantity, int powerOfTen, String... synonyms) {
        Unit unit = new Unit(symbol, quantity, powerOfTen);
        SPELLINGS.put(key(symbol), unit);
        for (String synonym : synonyms) {
            SPELLINGS.put(key(synonym), unit);
        }
        return unit;
    }

    private static String key(String spelling) {
        return spelling.strip()
                .replaceAll("\\s+", " ")
                .replaceAll(" ?/ ?", "/")
                .replace('µ', 'u')
                .replace('μ', 'u')
                .toLowerCase(Locale.ROOT);
    }

    private static Optional<Scaled> parse(String unit) {
        String key = key(unit == null ? "" : unit);
        int scale = 0;
        Matcher scaled = SCALE.matcher(key);
        if (scaled.matches()) {
            scale = Integer.parseInt(scaled.group(1));
            key = scaled.group(2);
        }
        int powerOfTen = scale;
        return Optional.ofNullable(SPELLINGS.get(key)).map(found -> new Scaled(found, powerOfTen));
    }

    /** Canonical spellings of the supported units, grouped by quantity. */
    public static List<String> units() {
        return UNITS.stream().map(Unit::symbol).toList();
    }

    /** Whether the spelling is a supported unit, possibly with a power-of-ten scale. */
    public static boolean known(String unit) {
        return parse(unit).isPresent();
    }

    /**
     * The canonical spelling of a unit, e.g. "um" and "μm" give "µm", "EU/ml" gives "EU/mL",
     * a blank or null unit gives "particles". An unknown unit is returned stripped, as written.
     */
    public static String normalise(String unit) {
        return parse(unit).map(Scaled::canonical).orElseGet(() -> unit == null ? "" : unit.strip());
    }

    /** Whether a value in one unit can be converted to the other. */
    public static boolean compatible(String a, String b) {
        Optional<Scaled> first = parse(a);
        Optional<Scaled> second = parse(b);
        if (first.isPresent() && second.isPresent()) {
            return first.get().unit().quantity() == second.get().unit().quantity();
        }
        return first.isEmpty() && second.isEmpty() && normalise(a).equals(normalise(b));
    }

    /**
     * Converts a value between units of the same quantity.
     *
     * @throws IncompatibleUnit if the units measure different quantities or either is unknown
     *     and they differ
     */
    public static double convert(double value, String fromUnit, String toUnit) {
        return convert(value, fromUnit, toUnit, null);
    }

    /**
     * Converts a result into the unit of a numeric test; the refusal names the test.
     *
     * @throws IncompatibleUnit if the unit cannot be converted to the test's unit
     * @throws IllegalArgumentException if the test is categorical
     */
    public static double convert(double value, String fromUnit, TestDefinition test) {
        if (test.kind() != TestKind.NUMERIC) {
            throw new IllegalArgumentException("test " + test.code() + " is categorical and has no unit");
        }
        return convert(value, fromUnit, test.unit(), test.code());
    }

    private static double convert(double value, String fromUnit, String toUnit, String testCode) {
        if (!compatible(fromUnit, toUnit)) {
            throw new IncompatibleUnit(normalise(fromUnit), normalise(toUnit), testCode, convertibleTo(toUnit));
        }
        Optional<Scaled> from = parse(fromUnit);
        if (from.isEmpty()) {
            return value;
        }
        int shift = from.get().powerOfTen() - parse(toUnit).orElseThrow().powerOfTen();
        return shift >= 0 ? value * Math.pow(10, shift) : value / Math.pow(10, -shift);
    }

    /**
     * The factor that turns the product of values in {@code factorUnits} into a value in
     * {@code targetUnit}: 1 for particles/mL × mL into particles, 1e3 for particles/µL × mL into
     * particles, 1e-9 for particles/mL × mL into "10^9 particles".
     *
     * @throws IllegalArgumentException when a unit is unknown or cannot be multiplied (°C, %), or
     *     the product is another quantity than the target's; the message names them
     */
    public static double productScale(List<String> factorUnits, String targetUnit) {
        Map<String, Integer> dimensions = new java.util.TreeMap<>();
        int power = 0;
        for (String unit : factorUnits) {
            Scaled s = multipliable(unit);
            s.unit().quantity().addTo(dimensions, 1);
            power += s.powerOfTen();
        }
        Scaled target = multipliable(targetUnit);
        Map<String, Integer> wanted = new java.util.TreeMap<>();
        target.unit().quantity().addTo(wanted, 1);
        if (!dimensions.equals(wanted)) {
            throw new IllegalArgumentException(String.join(" × ", factorUnits.stream().map(MeasurementUnits::normalise).toList())
                    + " does not give " + normalise(targetUnit));
        }
        int shift = power - target.powerOfTen();
        return shift >= 0 ? Math.pow(10, shift) : 1 / Math.pow(10, -shift);
    }

    private static Scaled multipliable(String unit) {
        Scaled s = parse(unit).orElseThrow(() -> new IllegalArgumentException("the unit '" + unit + "' is not one Exotrace can multiply"));
        if (s.unit().quantity().dimensions == null) {
            throw new IllegalArgumentException("a value in " + s.canonical() + " cannot be multiplied");
        }
        return s;
    }

    private static List<String> convertibleTo(String unit) {
        return parse(unit)
                .map(target -> UNITS.stream()
                        .filter(candidate -> candidate.quantity() == target.unit().quantity())
                        .map(Unit::symbol)
                        .toList())
                .orElseGet(() -> List.of(normalise(unit)));
    }
}
