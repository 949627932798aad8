package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Eczema Area and Severity Index, 0-72: over four body regions, weight × area score × (erythema
 * + oedema/papulation + excoriation + lichenification). Signs are graded 0-3 in half points, the
 * area 0-6 (see {@link AreaScore#fromPercent} to convert a percentage). The weights depend on
 * age: from 8 years head/neck 0.1, upper limbs 0.2, trunk 0.3, lower limbs 0.4; up to 7 years
 * 0.2, 0.2, 0.3, 0.3 (a child's head is a larger share of the body).
 *
 * <p>Bands (Chopra 2017): 0 clear; 0.1-5.9 mild; 6.0-22.9 moderate; 23.0-72 severe. The value is
 * exact (at most two decimals: 0.1 × 1 × 0.5 = 0.05); an exact value between two printed bands,
 * such as 5.95, is banded with the lower one.
 *
 * @param ageYears the patient's age in whole years at the assessment, which chooses the weights
 * @param headNeck head and neck
 * @param upperLimbs both arms
 * @param trunk trunk, including the genitals
 * @param lowerLimbs both legs, including the buttocks
 */
public record Easi(Integer ageYears, Region headNeck, Region upperLimbs, Region trunk, Region lowerLimbs)
        implements ScoreComponents {

    /** The age from which the adult weights apply. */
    public static final int ADULT_WEIGHTS_FROM_AGE = 8;

    /** Chopra et al. 2017 severity bands. */
    public static final Bands BANDS = Bands.of(
            Bands.Band.from("0", "clear"),
            Bands.Band.above("0", "mild"),
            Bands.Band.from("6.0", "moderate"),
            Bands.Band.from("23.0", "severe"));

    private static final List<BigDecimal> WEIGHTS_FROM_8 = weights("0.1", "0.2", "0.3", "0.4");
    private static final List<BigDecimal> WEIGHTS_TO_7 = weights("0.2", "0.2", "0.3", "0.3");

    /**
     * The signs and area score of one region. Its values are checked when the regions are put
     * together in an {@link Easi}, so that a refusal can name the region ({@code trunk.erythema}).
     *
     * @param erythema 0-3 in half points
     * @param oedemaPapulation oedema/papulation (induration), 0-3 in half points
     * @param excoriation 0-3 in half points
     * @param lichenification 0-3 in half points
     * @param area the area score 0-6
     */
    public record Region(Double erythema, Double oedemaPapulation, Double excoriation, Double lichenification,
            Integer area) {

        /** A region without eczema. */
        public static final Region CLEAR = new Region(0.0, 0.0, 0.0, 0.0, 0);

        BigDecimal signs(String region) {
            return Check.halfPoint(region + ".erythema", erythema, 0, 3)
                    .add(Check.halfPoint(region + ".oedemaPapulation", oedemaPapulation, 0, 3))
                    .add(Check.halfPoint(region + ".excoriation", excoriation, 0, 3))
                    .add(Check.halfPoint(region + ".lichenification", lichenification, 0, 3));
        }
    }

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing or out-of-range
     *     component: age below 0, a sign outside 0-3 or not a half point, an area outside 0-6
     */
    public Easi {
        Check.whole("ageYears", ageYears, 0, 130);
        Map<String, Region> regions = regions(headNeck, upperLimbs, trunk, lowerLimbs);
        regions.forEach((name, region) -> {
            Check.required(name, region).signs(name);
            Check.whole(name + ".area", region.area(), 0, 6);
        });
    }

    @Override
    public Instrument instrument() {
        return Instrument.EASI;
    }

    /** The weights of head/neck, upper limbs, trunk and lower limbs for this patient's age. */
    public List<BigDecimal> weights() {
        return ageYears >= ADULT_WEIGHTS_FROM_AGE ? WEIGHTS_FROM_8 : WEIGHTS_TO_7;
    }

    /** The EASI with each region's weighted contribution as parts. */
    @Override
    public Score score() {
        List<BigDecimal> weights = weights();
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        for (Map.Entry<String, Region> entry : regions(headNeck, upperLimbs, trunk, lowerLimbs).entrySet()) {
            Region region = entry.getValue();
            BigDecimal part = weights.get(i++)
                    .multiply(BigDecimal.valueOf(region.area()))
                    .multiply(region.signs(entry.getKey()));
            parts.put(entry.getKey(), part);
            total = total.add(part);
        }
        return new Score(Instrument.EASI, total, BANDS.label(total), parts);
    }

    private static Map<String, Region> regions(Region headNeck, Region upperLimbs, Region trunk, Region lowerLimbs) {
        Map<String, Region> regions = new LinkedHashMap<>();
        regions.put("headNeck", headNeck);
        regions.put("upperLimbs", upperLimbs);
        regions.put("trunk", trunk);
        regions.put("lowerLimbs", lowerLimbs);
        return regions;
    }

    private static List<BigDecimal> weights(String... weights) {
        return Stream.of(weights).map(BigDecimal::new).toList();
    }
}
