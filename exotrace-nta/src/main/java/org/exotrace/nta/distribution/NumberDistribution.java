package org.exotrace.nta.distribution;

import java.util.Objects;

/**
 * A number distribution of diameters on a {@link DiameterGrid}: the fraction of particles in each
 * bin, non-negative and summing to 1. Within a bin the particles are taken as spread uniformly in
 * d between the bin's edges; this defines the continuous CDF used for quantiles and distances.
 */
public final class NumberDistribution {

    private final DiameterGrid grid;
    private final double[] fractions;

    private NumberDistribution(DiameterGrid grid, double[] fractions) {
        this.grid = grid;
        this.fractions = fractions;
    }

    /**
     * Normalises {@code weights} (non-negative, one per grid node, not all zero) to fractions.
     */
    public static NumberDistribution of(DiameterGrid grid, double[] weights) {
        Objects.requireNonNull(grid, "grid");
        if (weights.length != grid.size()) {
            throw new IllegalArgumentException("need one weight per grid node: " + weights.length + " != " + grid.size());
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
            sum += w;
        }
        if (!(sum > 0)) throw new IllegalArgumentException("weights are all zero");
        double[] f = new double[weights.length];
        for (int i = 0; i < f.length; i++) f[i] = weights[i] / sum;
        return new NumberDistribution(grid, f);
    }

    public DiameterGrid grid() {
        return grid;
    }

    public double fraction(int i) {
        return fractions[i];
    }

    public double[] fractions() {
        return fractions.clone();
    }

    /** Fraction of particles with diameter &lt;= {@code nm} (0 below the grid, 1 above it). */
    public double cdf(double nm) {
        if (nm <= grid.edge(0)) return 0;
        if (nm >= grid.edge(grid.size())) return 1;
        int bin = grid.binOf(nm);
        double below = 0;
        for (int i = 0; i < bin; i++) below += fractions[i];
        return Math.min(1, below + fractions[bin] * (nm - grid.edge(bin)) / grid.binWidth(bin));
    }

    /** The diameter (nm) below which a fraction {@code p} (0 &lt; p &lt;= 1) of the particles lie. */
    public double quantile(double p) {
        if (!(p > 0) || p > 1) throw new IllegalArgumentException("quantile level must be in (0, 1], got " + p);
        double cum = 0;
        int last = 0;
        for (int i = 0; i < fractions.length; i++) {
            double f = fractions[i];
            if (f <= 0) continue;
            last = i;
            if (cum + f >= p) return grid.edge(i) + Math.min(1, (p - cum) / f) * grid.binWidth(i);
            cum += f;
        }
        return grid.edge(last + 1);
    }

    /** Fraction of particles in the bins whose nodes lie in [{@code fromNm}, {@code toNm}). */
    public double fractionBetween(double fromNm, double toNm) {
        double s = 0;
        for (int i = 0; i < fractions.length; i++) {
            double d = grid.nanometres(i);
            if (d >= fromNm && d < toNm) s += fractions[i];
        }
        return s;
    }

    /** The part of this distribution with nodes in [{@code fromNm}, {@code toNm}), renormalised. */
    public NumberDistribution restrictedTo(double fromNm, double toNm) {
        double[] w = new double[fractions.length];
        for (int i = 0; i < w.length; i++) {
            double d = grid.nanometres(i);
            if (d >= fromNm && d < toNm) w[i] = fractions[i];
        }
        return of(grid, w);
    }
}
