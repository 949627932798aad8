package org.exotrace.nta.diffusion;

/**
 * Unweighted least squares on the first p points of a track's MSD curve, with p chosen from the
 * reduced localization error (Michalet, "Mean square displacement analysis of single-particle
 * trajectories with localization error: Brownian motion in an isotropic medium", Phys. Rev. E 82,
 * 041914, 2010).
 *
 * <p>With positions r<sub>i</sub> rebuilt from the steps (two axes),
 * <pre>
 *   ρ_n  = 1/(k - n + 1) Σ_i |r_{i+n} - r_i|²           n = 1..p                      [µm²]
 *   ρ_n ≈ a + b n,  b = 4 D dt,  a = 4σ² - 8 R D dt       (Berglund 2010 for the blur term)
 *   D̂ = b̂ / (4 dt),   σ̂² = â / 4 + 2 R D̂ dt
 *   p  = ⌊2 + 2.3 x^0.52⌋ clamped to [2, k],  x = σ̂² / (D̂ dt)
 * </pre>
 * The fit starts with p = 2 and is repeated with the p given by the current x until p stops
 * changing (at most 10 rounds). The p rule is Michalet's empirical optimum for the slope of long
 * tracks; it ignores the blur and the finite-length correction of the paper. The reported variance
 * is the exact variance of D̂ as a quadratic form in the increments under the Gaussian model, at the
 * estimated (max(D̂, 0), max(σ̂², 0)).
 *
 * <p>Assumptions: constant D, no residual drift, at least two steps. Kept for comparison with the
 * literature and other tools; it is never better than {@link CovarianceEstimator} or the ML
 * estimators.
 */
public final class OptimalMsdEstimator implements DiffusionEstimator {

    private static final int MAX_ROUNDS = 10;

    private final double blur;

    /** @param motionBlur R in [0, 1/4] */
    public OptimalMsdEstimator(double motionBlur) {
        this.blur = Steps.checkBlur(motionBlur);
    }

    /** Michalet's optimal number of MSD points for the slope, at reduced localization error x. */
    public static int optimalPoints(double reducedError, int steps) {
        double x = Math.max(0, reducedError);
        double p = Double.isInfinite(x) ? steps : Math.floor(2 + 2.3 * Math.pow(x, 0.52));
        return (int) Math.max(2, Math.min(steps, p));
    }

    @Override
    public DiffusionEstimate estimate(double[] dx, double[] dy, double dtSeconds) {
        int k = Steps.check(dx, dy, dtSeconds, 2);
        double[] msd = msd(dx, dy, k);
        int p = 2;
        double[] fit = fit(msd, p, dtSeconds);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double x = fit[0] > 0 ? fit[1] / (fit[0] * dtSeconds) : Double.POSITIVE_INFINITY;
            int next = optimalPoints(x, k);
            if (next == p) break;
            p = next;
            fit = fit(msd, p, dtSeconds);
        }
        double variance = variance(k, p, Math.max(fit[0], 0), Math.max(fit[1], 0), blur, dtSeconds);
        return new DiffusionEstimate(fit[0], variance, fit[1], k);
    }

    /** ρ_1..ρ_k (index n holds lag n; index 0 unused). */
    private static double[] msd(double[] dx, double[] dy, int k) {
        double[] x = new double[k + 1];
        double[] y = new double[k + 1];
        for (int i = 0; i < k; i++) {
            x[i + 1] = x[i] + dx[i];
            y[i + 1] = y[i] + dy[i];
        }
        double[] rho = new double[k + 1];
        for (int n = 1; n <= k; n++) {
            double s = 0;
            for (int i = 0; i + n <= k; i++) {
                double ex = x[i + n] - x[i];
                double ey = y[i + n] - y[i];
                s += ex * ex + ey * ey;
            }
            rho[n] = s / (k - n + 1);
        }
        return rho;
    }

    /** {D̂, σ̂²} from the first p MSD points. */
    private double[] fit(double[] rho, int p, double dt) {
        double[] w = slopeWeights(p);
        double slope = 0;
        double mean = 0;
        for (int n = 1; n <= p; n++) {
            slope += w[n] * rho[n];
            mean += rho[n] / p;
        }
        double intercept = mean - slope * (p + 1) / 2.0;
        double d = slope / (4 * dt);
        return new double[] {d, intercept / 4 + 2 * blur * d * dt};
    }

    /** Least-squares slope weights (n - n̄)/Σ(n - n̄)² for n = 1..p. */
    private static double[] slopeWeights(int p) {
        double mean = (p + 1) / 2.0;
        double ss = 0;
        for (int n = 1; n <= p; n++) ss += (n - mean) * (n - mean);
        double[] w = new double[p + 1];
        for (int n = 1; n <= p; n++) w[n] = (n - mean) / ss;
        return w;
    }

    /** Exact variance of D̂ fitted on p points of a k-step track, two axes, in (µm²/s)². */
    static double variance(int k, int p, double d, double sigma2, double r, double dt) {
        double[] w = slopeWeights(p);
        BandMatrix a = new BandMatrix(k, p - 1);
        for (int n = 1; n <= p; n++) {
            double weight = w[n] / ((k - n + 1) * 4 * dt);
            for (int j = 0; j < k; j++) {
                for (int l = j; l < Math.min(k, j + n); l++) {
                    int windows = Math.min(j, k - n) - Math.max(0, l - n + 1) + 1;
                    if (windows > 0) a.add(j, l, weight * windows);
                }
            }
        }
        return 2 * IncrementCovariance.of(k, d, sigma2, r, dt).quadraticFormVariance(a);
    }
}
