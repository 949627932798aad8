package org.exotrace.nta.link;

/**
 * What the linker did.
 *
 * @param tracks              tracks emitted
 * @param positions           positions in them
 * @param gapsClosed          links that bridged one or more frames without a detection
 * @param lengthHistogram     tracks by length: index n counts tracks of n positions; the last
 *                            index counts every track of that length or longer
 * @param searchRadiusPx      the search radius in use for consecutive frames, px
 * @param adaptiveReductions  how many times a cluster was too dense and its radius was narrowed
 */
public record LinkStats(long tracks, long positions, long gapsClosed, long[] lengthHistogram, double searchRadiusPx, int adaptiveReductions) {

    /** Lengths of this many positions or more share the histogram's last bin. */
    public static final int HISTOGRAM_CAP = 100;

    public LinkStats {
        lengthHistogram = lengthHistogram.clone();
    }

    @Override
    public long[] lengthHistogram() {
        return lengthHistogram.clone();
    }

    /** The median track length, in positions (from the capped histogram). */
    public int medianLength() {
        long half = (tracks + 1) / 2;
        long seen = 0;
        for (int n = 0; n < lengthHistogram.length; n++) {
            seen += lengthHistogram[n];
            if (seen >= half && seen > 0) return n;
        }
        return 0;
    }
}
