package org.exotrace.nta.distribution;

import java.util.List;

import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.sizing.StokesEinstein;

/**
 * The naive size distribution, for comparison only: each track's own estimate
 * {@link TrackDiffusion#diffusionUm2PerS()} converted to a diameter by Stokes-Einstein,
 * d_i = kB·T / (3·π·η·D_i), and counted once in its grid bin.
 *
 * <p>It is wider than the true distribution by the per-track estimation error (a 2-D track of k
 * steps has at least √(1/k) relative SD in D; Michalet &amp; Berglund, Phys Rev E 85, 061916, 2012)
 * and counts tracks, not particles, so it over-represents small, fast particles. Diameters outside
 * the grid are counted in the first or last bin; tracks with D &lt;= 0 or not finite (possible with
 * unbiased estimators on short tracks) are dropped.
 */
public final class NaiveHistogram {

    private NaiveHistogram() {
    }

    /**
     * @param distribution the per-track histogram
     * @param clamped      tracks whose diameter fell outside the grid and went to an end bin
     * @param dropped      tracks with D &lt;= 0 or not finite
     */
    public record Result(NumberDistribution distribution, int clamped, int dropped) {
    }

    public static Result of(DiameterGrid grid, StokesEinstein stokesEinstein, List<TrackDiffusion> tracks) {
        double[] counts = new double[grid.size()];
        int clamped = 0;
        int dropped = 0;
        for (TrackDiffusion t : tracks) {
            double d = t.diffusionUm2PerS();
            if (!(d > 0) || !Double.isFinite(d)) {
                dropped++;
                continue;
            }
            double nm = stokesEinstein.diameterNm(d);
            if (!grid.contains(nm)) clamped++;
            counts[grid.binOf(nm)]++;
        }
        if (dropped == tracks.size()) throw new IllegalArgumentException("no track with a positive diffusion coefficient among " + tracks.size());
        return new Result(NumberDistribution.of(grid, counts), clamped, dropped);
    }
}
