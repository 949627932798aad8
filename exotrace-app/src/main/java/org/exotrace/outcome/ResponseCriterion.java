package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What counts as a response between baseline and follow-up: a reduction of at least a percentage
 * of the baseline (EASI-75) or of at least a number of points (the minimal important change of a
 * patient-reported score).
 */
public sealed interface ResponseCriterion {

    /** POEM minimal important change, about 3 points (domain notes); pass another if the protocol says so. */
    BigDecimal POEM_MINIMAL_IMPORTANT_CHANGE = BigDecimal.valueOf(3);

    /** DLQI minimal important change, 4 points (domain notes). */
    BigDecimal DLQI_MINIMAL_IMPORTANT_CHANGE = BigDecimal.valueOf(4);

    /** The name shown for the response ("EASI-75"). */
    String name();

    /** Whether going from {@code baseline} (above 0) to {@code current} meets the criterion, decided exactly. */
    boolean metBy(BigDecimal baseline, BigDecimal current);

    /**
     * A reduction of at least {@code percent} % of the baseline.
     *
     * @param name for example "EASI-75"
     * @param percent 1-100
     */
    record PercentReduction(String name, int percent) implements ResponseCriterion {

        public PercentReduction {
            Objects.requireNonNull(name, "name");
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("percent must be 1-100, was " + percent);
            }
        }

        /** (baseline − current) × 100 ≥ percent × baseline: no division, so no rounding at the edge. */
        @Override
        public boolean metBy(BigDecimal baseline, BigDecimal current) {
            return baseline.subtract(current).multiply(BigDecimal.valueOf(100))
                    .compareTo(baseline.multiply(BigDecimal.valueOf(percent))) >= 0;
        }
    }

    /**
     * A reduction of at least {@code points}.
     *
     * @param name for example "POEM minimal important change"
     * @param points above 0
     */
    record PointReduction(String name, BigDecimal points) implements ResponseCriterion {

        public PointReduction {
            Objects.requireNonNull(name, "name");
            if (points.signum() <= 0) {
                throw new IllegalArgumentException("points must be above 0, was " + points);
            }
        }

        @Override
        public boolean metBy(BigDecimal baseline, BigDecimal current) {
            return baseline.subtract(current).compareTo(points) >= 0;
        }
    }

    /**
     * The responses usually reported for an instrument: EASI-50/75/90/100; PASI-75/90/100;
     * SCORAD-35 and oSCORAD-35 (meaningful whatever the baseline, Silverberg 2021); POEM and DLQI
     * reduction by at least the minimal important change (3 and 4 points). Empty for other
     * instruments.
     */
    static List<ResponseCriterion> defaults(Instrument instrument) {
        return switch (instrument) {
            case EASI -> percents("EASI", 50, 75, 90, 100);
            case PASI -> percents("PASI", 75, 90, 100);
            case SCORAD -> percents("SCORAD", 35);
            case OSCORAD -> percents("oSCORAD", 35);
            case POEM -> List.of(minimalImportantChange(Instrument.POEM, POEM_MINIMAL_IMPORTANT_CHANGE));
            case DLQI -> List.of(minimalImportantChange(Instrument.DLQI, DLQI_MINIMAL_IMPORTANT_CHANGE));
            default -> List.of();
        };
    }

    /** A reduction by at least {@code points}, named "POEM minimal important change (3 points)". */
    static PointReduction minimalImportantChange(Instrument instrument, BigDecimal points) {
        return new PointReduction(instrument.code() + " minimal important change (" + Check.plain(points).toPlainString()
                + " points)", points);
    }

    private static List<ResponseCriterion> percents(String code, int... percents) {
        return Arrays.stream(percents)
                .<ResponseCriterion>mapToObj(percent -> new PercentReduction(code + "-" + percent, percent))
                .toList();
    }
}
