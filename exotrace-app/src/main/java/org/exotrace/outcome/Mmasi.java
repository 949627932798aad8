package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Modified MASI, 0-24: the {@link Masi} without homogeneity, 0.3·A·D for the forehead and each
 * malar region plus 0.1·A·D for the chin.
 *
 * <p>Severity bands for the mMASI are UNVERIFIED in the domain notes, so none are built in: the
 * score is unbanded unless the protocol's bands are passed in ({@link #withBands}), and then they
 * are the protocol's choice, not an established standard.
 *
 * @param forehead forehead
 * @param rightMalar right malar region
 * @param leftMalar left malar region
 * @param chin chin
 * @param bands the protocol's severity bands, or {@code null} for an unbanded score
 */
public record Mmasi(Region forehead, Region rightMalar, Region leftMalar, Region chin, Bands bands)
        implements ScoreComponents {

    /**
     * One facial region, checked when the regions are put together in an {@link Mmasi}.
     *
     * @param area the area score 0-6
     * @param darkness 0-4
     */
    public record Region(Integer area, Integer darkness) {

        /** A region without melasma. */
        public static final Region CLEAR = new Region(0, 0);
    }

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing or out-of-range component
     */
    public Mmasi {
        Masi.regions(forehead, rightMalar, leftMalar, chin).forEach((name, region) -> {
            Check.required(name, region);
            Check.whole(name + ".area", region.area(), 0, 6);
            Check.whole(name + ".darkness", region.darkness(), 0, 4);
        });
    }

    /** Unbanded mMASI components. */
    public Mmasi(Region forehead, Region rightMalar, Region leftMalar, Region chin) {
        this(forehead, rightMalar, leftMalar, chin, null);
    }

    /** The same components banded with the protocol's (UNVERIFIED) bands. */
    public Mmasi withBands(Bands protocolBands) {
        return new Mmasi(forehead, rightMalar, leftMalar, chin, protocolBands);
    }

    @Override
    public Instrument instrument() {
        return Instrument.MMASI;
    }

    /** mMASI with each region's weighted contribution as parts, banded only if bands were given. */
    @Override
    public Score score() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        for (Map.Entry<String, Region> entry : Masi.regions(forehead, rightMalar, leftMalar, chin).entrySet()) {
            Region region = entry.getValue();
            BigDecimal part = Masi.WEIGHTS.get(i++).multiply(BigDecimal.valueOf((long) region.area() * region.darkness()));
            parts.put(entry.getKey(), part);
            total = total.add(part);
        }
        return new Score(Instrument.MMASI, total, bands == null ? null : bands.label(total), parts);
    }
}
