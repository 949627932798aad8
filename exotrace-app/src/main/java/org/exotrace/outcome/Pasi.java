package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Psoriasis Area and Severity Index, 0-72: over four regions, weight × (erythema + induration +
 * scaling, each 0-4) × area score 0-6 ({@link AreaScore}); weights head 0.1, arms 0.2, trunk 0.3,
 * legs 0.4. The domain notes give no severity bands for PASI, so the score has none; response is
 * judged against baseline (PASI-75/90/100, {@link BaselineComparison}).
 *
 * @param head head and neck
 * @param arms upper limbs
 * @param trunk trunk
 * @param legs lower limbs, including the buttocks
 */
public record Pasi(Region head, Region arms, Region trunk, Region legs) implements ScoreComponents {

    private static final List<BigDecimal> WEIGHTS = List.of(new BigDecimal("0.1"), new BigDecimal("0.2"),
            new BigDecimal("0.3"), new BigDecimal("0.4"));

    /**
     * The signs and area score of one region, checked when the regions are put together in a
     * {@link Pasi} so that a refusal names the region ({@code arms.scaling}).
     *
     * @param erythema 0-4
     * @param induration 0-4
     * @param scaling 0-4
     * @param area the area score 0-6
     */
    public record Region(Integer erythema, Integer induration, Integer scaling, Integer area) {

        /** A region without psoriasis. */
        public static final Region CLEAR = new Region(0, 0, 0, 0);

        int signs(String region) {
            return Check.whole(region + ".erythema", erythema, 0, 4)
                    + Check.whole(region + ".induration", induration, 0, 4)
                    + Check.whole(region + ".scaling", scaling, 0, 4);
        }
    }

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing or out-of-range component
     */
    public Pasi {
        regions(head, arms, trunk, legs).forEach((name, region) -> {
            Check.required(name, region).signs(name);
            Check.whole(name + ".area", region.area(), 0, 6);
        });
    }

    @Override
    public Instrument instrument() {
        return Instrument.PASI;
    }

    /** PASI with each region's weighted contribution as parts; no band. */
    @Override
    public Score score() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        for (Map.Entry<String, Region> entry : regions(head, arms, trunk, legs).entrySet()) {
            Region region = entry.getValue();
            BigDecimal part = WEIGHTS.get(i++).multiply(BigDecimal.valueOf((long) region.area() * region.signs(entry.getKey())));
            parts.put(entry.getKey(), part);
            total = total.add(part);
        }
        return new Score(Instrument.PASI, total, null, parts);
    }

    private static Map<String, Region> regions(Region head, Region arms, Region trunk, Region legs) {
        Map<String, Region> regions = new LinkedHashMap<>();
        regions.put("head", head);
        regions.put("arms", arms);
        regions.put("trunk", trunk);
        regions.put("legs", legs);
        return regions;
    }
}
