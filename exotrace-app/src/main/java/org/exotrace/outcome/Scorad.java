package org.exotrace.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SCORAD, 0-103: A/5 + 7B/2 + C, with A the extent (0-100 % of the body surface, rule of nines),
 * B the intensity (six signs 0-3, 0-18) and C the subjective symptoms (pruritus and
 * sleeplessness over the last three days and nights, each on a 0-10 visual analogue scale).
 * Note 7B/2, not B/2 as some web calculators print. The objective part A/5 + 7B/2 is
 * {@link ObjectiveScorad}.
 *
 * <p>Bands (Chopra 2017): 0-9.9 clear, 10-28.9 mild, 29-48.9 moderate, 49-103 severe.
 *
 * @param extent A
 * @param intensity B
 * @param pruritus itch, 0-10 (decimals allowed, as read off the scale)
 * @param sleeplessness 0-10 (decimals allowed)
 */
public record Scorad(Extent extent, Intensity intensity, Double pruritus, Double sleeplessness)
        implements ScoreComponents {

    /** Chopra et al. 2017 severity bands. */
    public static final Bands BANDS = Bands.of(
            Bands.Band.from("0", "clear"),
            Bands.Band.from("10", "mild"),
            Bands.Band.from("29", "moderate"),
            Bands.Band.from("49", "severe"));

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing or out-of-range component
     */
    public Scorad {
        new ObjectiveScorad(extent, intensity);
        Check.decimal("pruritus", pruritus, 0, 10, "");
        Check.decimal("sleeplessness", sleeplessness, 0, 10, "");
    }

    @Override
    public Instrument instrument() {
        return Instrument.SCORAD;
    }

    /** The objective SCORAD of the same assessment, without the symptoms. */
    public ObjectiveScorad objective() {
        return new ObjectiveScorad(extent, intensity);
    }

    /** SCORAD with the parts {@code extent} (A/5), {@code intensity} (7B/2) and {@code symptoms} (C). */
    @Override
    public Score score() {
        Score objective = objective().score();
        BigDecimal symptoms = BigDecimal.valueOf(pruritus).add(BigDecimal.valueOf(sleeplessness));
        Map<String, BigDecimal> parts = new LinkedHashMap<>(objective.parts());
        parts.put("symptoms", symptoms);
        BigDecimal total = objective.value().add(symptoms);
        return new Score(Instrument.SCORAD, total, BANDS.label(total), parts);
    }

    /**
     * A, the share of the body surface with eczema, entered as a total or per region of the rule
     * of nines. Per region the percent is of the whole body surface, so it cannot exceed the
     * region's share: head and neck 9, each upper limb 9, each lower limb 18, anterior trunk 18,
     * back 18, genitals 1 (together 100).
     */
    public static final class Extent {

        private final BigDecimal percent;
        private final Map<String, BigDecimal> regions;

        private Extent(BigDecimal percent, Map<String, BigDecimal> regions) {
            this.percent = percent;
            this.regions = Collections.unmodifiableMap(regions);
        }

        /**
         * The extent as one percentage of the body surface.
         *
         * @throws org.exotrace.shared.DomainProblem on field {@code extent} if missing or outside 0-100
         */
        public static Extent total(Double percent) {
            return new Extent(Check.decimal("extent", percent, 0, 100, " % of the body surface"), new LinkedHashMap<>());
        }

        /**
         * The extent summed over the rule-of-nines regions, each in percent of the whole body surface.
         *
         * @throws org.exotrace.shared.DomainProblem on field {@code extent.<region>} if a region is
         *     missing or outside 0 to its share of the body
         */
        public static Extent byRegion(Double headNeck, Double leftUpperLimb, Double rightUpperLimb,
                Double leftLowerLimb, Double rightLowerLimb, Double anteriorTrunk, Double back, Double genitals) {
            Map<String, BigDecimal> regions = new LinkedHashMap<>();
            region(regions, "headNeck", headNeck, 9);
            region(regions, "leftUpperLimb", leftUpperLimb, 9);
            region(regions, "rightUpperLimb", rightUpperLimb, 9);
            region(regions, "leftLowerLimb", leftLowerLimb, 18);
            region(regions, "rightLowerLimb", rightLowerLimb, 18);
            region(regions, "anteriorTrunk", anteriorTrunk, 18);
            region(regions, "back", back, 18);
            region(regions, "genitals", genitals, 1);
            BigDecimal total = regions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Extent(total, regions);
        }

        private static void region(Map<String, BigDecimal> regions, String name, Double percent, int share) {
            regions.put(name, Check.decimal("extent." + name, percent, 0, share, " % of the body surface (the region's share)"));
        }

        /** A, 0-100 % of the body surface. */
        public BigDecimal percent() {
            return Check.plain(percent);
        }

        /** The per-region percentages, empty when the extent was entered as a total. */
        public Map<String, BigDecimal> regions() {
            return regions;
        }

        BigDecimal fifth() {
            return percent.divide(BigDecimal.valueOf(5));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Extent that && percent.compareTo(that.percent) == 0 && regions.equals(that.regions);
        }

        @Override
        public int hashCode() {
            return percent.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString() {
            return "Extent[" + percent().toPlainString() + " %" + (regions.isEmpty() ? "" : " " + regions) + "]";
        }
    }

    /**
     * B, six signs each graded 0 (absent) to 3 (severe) at a representative site. Checked when
     * put into a {@link Scorad} or {@link ObjectiveScorad}, so that a refusal names the field
     * ({@code intensity.dryness}).
     */
    public record Intensity(Integer erythema, Integer oedemaPapulation, Integer oozingCrusts, Integer excoriation,
            Integer lichenification, Integer dryness) {

        /** B, 0-18. */
        int sum() {
            return Check.whole("intensity.erythema", erythema, 0, 3)
                    + Check.whole("intensity.oedemaPapulation", oedemaPapulation, 0, 3)
                    + Check.whole("intensity.oozingCrusts", oozingCrusts, 0, 3)
                    + Check.whole("intensity.excoriation", excoriation, 0, 3)
                    + Check.whole("intensity.lichenification", lichenification, 0, 3)
                    + Check.whole("intensity.dryness", dryness, 0, 3);
        }

        /** 7B/2, exact: always a multiple of 0.5. */
        BigDecimal weighted() {
            return BigDecimal.valueOf(7L * sum()).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
        }
    }
}
