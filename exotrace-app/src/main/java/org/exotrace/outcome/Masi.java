package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Melasma Area and Severity Index, 0-48: 0.3·A(D+H) for the forehead, the right and the left
 * malar region, plus 0.1·A(D+H) for the chin, with A the area score 0-6 ({@link AreaScore}),
 * D darkness 0-4 and H homogeneity 0-4. The domain notes give no severity bands, so the score has
 * none. {@link #modified()} gives the mMASI of the same assessment.
 *
 * @param forehead forehead
 * @param rightMalar right malar region
 * @param leftMalar left malar region
 * @param chin chin
 */
public record Masi(Region forehead, Region rightMalar, Region leftMalar, Region chin) implements ScoreComponents {

    static final List<BigDecimal> WEIGHTS = List.of(new BigDecimal("0.3"), new BigDecimal("0.3"),
            new BigDecimal("0.3"), new BigDecimal("0.1"));

    /**
     * One facial region, checked when the regions are put together in a {@link Masi} so that a
     * refusal names the region ({@code chin.darkness}).
     *
     * @param area the area score 0-6
     * @param darkness 0-4
     * @param homogeneity 0-4
     */
    public record Region(Integer area, Integer darkness, Integer homogeneity) {

        /** A region without melasma. */
        public static final Region CLEAR = new Region(0, 0, 0);
    }

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing or out-of-range component
     */
    public Masi {
        regions(forehead, rightMalar, leftMalar, chin).forEach((name, region) -> {
            Check.required(name, region);
            Check.whole(name + ".area", region.area(), 0, 6);
            Check.whole(name + ".darkness", region.darkness(), 0, 4);
            Check.whole(name + ".homogeneity", region.homogeneity(), 0, 4);
        });
    }

    @Override
    public Instrument instrument() {
        return Instrument.MASI;
    }

    /** MASI with each region's weighted contribution as parts; no band. */
    @Override
    public Score score() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        for (Map.Entry<String, Region> entry : regions(forehead, rightMalar, leftMalar, chin).entrySet()) {
            Region region = entry.getValue();
            BigDecimal part = WEIGHTS.get(i++).multiply(
                    BigDecimal.valueOf((long) region.area() * (region.darkness() + region.homogeneity())));
            parts.put(entry.getKey(), part);
            total = total.add(part);
        }
        return new Score(Instrument.MASI, total, null, parts);
    }

    /** The modified MASI of the same assessment: homogeneity left out, no bands configured. */
    public Mmasi modified() {
        return new Mmasi(mmasi(forehead), mmasi(rightMalar), mmasi(leftMalar), mmasi(chin));
    }

    private static Mmasi.Region mmasi(Region region) {
        return new Mmasi.Region(region.area(), region.darkness());
    }

    static <R> Map<String, R> regions(R forehead, R rightMalar, R leftMalar, R chin) {
        Map<String, R> regions = new LinkedHashMap<>();
        regions.put("forehead", forehead);
        regions.put("rightMalar", rightMalar);
        regions.put("leftMalar", leftMalar);
        regions.put("chin", chin);
        return regions;
    }
}
