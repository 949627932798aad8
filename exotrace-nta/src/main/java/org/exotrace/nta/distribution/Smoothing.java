package org.exotrace.nta.distribution;

/**
 * How much {@link WalkerDeconvolution} smooths its estimate: the standard deviation h, in ln d, of
 * the Gaussian kernel of its EMS smoothing step (see there).
 *
 * <ul>
 * <li>{@link #none()}: h = 0, the plain maximum-likelihood fit (spiky on a fine grid).</li>
 * <li>{@link #fixed(double)}: a given h.</li>
 * <li>{@link #automatic()}, the default: the largest h, from h_max = c · s · n^(−1/5) down in steps
 *     of √2, whose fit is within half a standard error of the maximum log-likelihood (the
 *     procedure is in {@link WalkerDeconvolution}); n is the number of tracks fitted and s the
 *     typical resolution of one track in ln d (below). h_max shrinks as tracks accumulate, so a
 *     large data set is barely smoothed, and the likelihood test keeps narrow populations
 *     narrow.</li>
 * </ul>
 *
 * <p><b>Per-track resolution.</b> A track of k steps has mean squared step M ~ Gamma(k, θ/k), so
 * Var(ln M) = ψ₁(k), the trigamma function (≈ 1/k). Only the diffusive part θ − 4σ² of θ carries
 * the size (σ² the localisation variance), so one track resolves ln d to about
 * s_i = √ψ₁(k_i) / φ_i, with φ_i = (M_i − 4σ²) / M_i the diffusive share of its own mean squared
 * step (floored at 0.05). The tracks' resolutions are combined as Fisher information adds:
 * s = (mean over tracks of 1 / s_i²)^(−1/2). For NTA tracks of 10 to 40 steps s is about 0.15 to
 * 0.2 (a single track sizes a particle to about ±20 %).
 *
 * <p><b>h_max.</b> n^(−1/5) is the rate of a kernel density estimate's optimal bandwidth for
 * directly observed data (B. W. Silverman, Density Estimation for Statistics and Data Analysis,
 * Chapman &amp; Hall 1986, §3.4); here it scales a bandwidth tied to what one track resolves. With
 * c = {@value #AUTOMATIC_CONSTANT}, h_max is about 0.07 for 700 tracks and 0.02 for 230,000, which
 * on seeded simulations is enough to leave a lognormal population (median 110 nm, geometric SD
 * 1.35) with a single peak at every sample size tried while larger h only blurred it further
 * (greater Wasserstein distance to the truth). Both c and the half standard error are empirical
 * choices, not optima; h_max is also capped at {@value #MAX_BANDWIDTH}.
 */
public final class Smoothing {

    /** c of the automatic rule. */
    public static final double AUTOMATIC_CONSTANT = 1.5;
    /** The allowance of the automatic choice, in standard errors of the mean log-likelihood per track. */
    public static final double ALLOWANCE_STANDARD_ERRORS = 0.5;
    /** Upper bound on h (ln d) under the automatic rule. */
    public static final double MAX_BANDWIDTH = 0.25;
    private static final double MIN_DIFFUSIVE_SHARE = 0.05;

    private final double fixed;
    private final boolean automatic;

    private Smoothing(double fixed, boolean automatic) {
        this.fixed = fixed;
        this.automatic = automatic;
    }

    /** No smoothing: the plain maximum-likelihood fit. */
    public static Smoothing none() {
        return new Smoothing(0, false);
    }

    /** A fixed kernel SD h in ln d (0.05 is a 5 % spread in diameter); 0 means none. */
    public static Smoothing fixed(double bandwidthLnD) {
        if (!(bandwidthLnD >= 0) || Double.isInfinite(bandwidthLnD)) {
            throw new IllegalArgumentException("smoothing bandwidth must be finite and >= 0, got " + bandwidthLnD);
        }
        return new Smoothing(bandwidthLnD, false);
    }

    /** The default, data-driven choice of h (see the class comment). */
    public static Smoothing automatic() {
        return new Smoothing(Double.NaN, true);
    }

    public boolean isAutomatic() {
        return automatic;
    }

    /**
     * h for a data set: the fixed value, or under {@link #automatic()} h_max, the first bandwidth
     * tried.
     *
     * @param resolution s, the combined per-track resolution in ln d (see the class comment)
     * @param tracks     n, the number of tracks fitted
     */
    public double bandwidth(double resolution, double tracks) {
        if (!automatic) return fixed;
        if (!(tracks > 0) || !(resolution > 0)) return 0;
        return Math.min(MAX_BANDWIDTH, AUTOMATIC_CONSTANT * resolution * Math.pow(tracks, -0.2));
    }

    /**
     * The combined per-track resolution s in ln d of tracks with the given Gamma shapes (step counts
     * for a mean squared step) and statistics, under a noise term in the statistic of
     * {@code noiseUm2} (4σ² for a mean squared step with localisation variance σ² per axis); see the
     * class comment. A negative noise term (an offset measured from the data) counts as none.
     *
     * @param weights how many tracks each entry stands for
     */
    static double resolution(double[] shapes, double[] meanSquaredStepsUm2, double[] weights, double noiseUm2) {
        double information = 0;
        double total = 0;
        for (int i = 0; i < shapes.length; i++) {
            double m = meanSquaredStepsUm2[i];
            double share = Math.min(1, Math.max(MIN_DIFFUSIVE_SHARE, (m - noiseUm2) / m));
            information += weights[i] * share * share / trigamma(shapes[i]);
            total += weights[i];
        }
        return information > 0 ? Math.sqrt(total / information) : Double.NaN;
    }

    /**
     * ψ₁(x) for x &gt; 0: the recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 10, then the asymptotic
     * series 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹) (Abramowitz &amp; Stegun
     * 6.4.12), relative error below 1e-11.
     */
    static double trigamma(double x) {
        if (!(x > 0)) throw new IllegalArgumentException("trigamma needs x > 0, got " + x);
        double sum = 0;
        while (x < 10) {
            sum += 1 / (x * x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        return sum + inv + inv2 / 2 + inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 / 30)));
    }

    @Override
    public String toString() {
        if (automatic) return "automatic (h <= " + AUTOMATIC_CONSTANT + " s n^(-1/5), within " + ALLOWANCE_STANDARD_ERRORS
                + " standard error of the maximum likelihood)";
        return fixed == 0 ? "none" : "fixed (h = " + fixed + " in ln d)";
    }
}
