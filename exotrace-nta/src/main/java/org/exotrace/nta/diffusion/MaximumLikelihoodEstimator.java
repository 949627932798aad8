package org.exotrace.nta.diffusion;

import java.util.Arrays;

/**
 * Exact Gaussian maximum likelihood estimate of D from a track's increments (Berglund, "Statistics
 * of camera-based single-particle tracking", Phys. Rev. E 82, 011917, 2010).
 *
 * <p>Per axis the k increments are N(0, Σ) with Σ tridiagonal Toeplitz:
 * <pre>
 *   Σ_nn = 2 D dt (1 - 2R) + 2σ²      Σ_n,n+1 = 2 R D dt - σ²
 *   log L(D, σ²) = -½ Σ_axes [Δᵀ Σ⁻¹ Δ + log det Σ] - k log 2π
 * </pre>
 * evaluated in O(k) by the Cholesky factorization of Σ. Two variants:
 * <ul>
 *   <li>{@link #withKnownLocalization}: σ² is given (typically an ensemble estimate over many tracks,
 *       {@link LocalizationEnsemble}) and log L is maximised over D alone. This one reaches the
 *       Cramér-Rao bound {@link CramerRaoBound#knownLocalization} even on short tracks.</li>
 *   <li>{@link #withUnknownLocalization}: D and σ² are both estimated. Writing σ² = x D dt makes
 *       Σ = D dt M(x); D is then profiled out exactly, D̂(x) = Σ_axes ΔᵀM(x)⁻¹Δ / (2k dt), and the
 *       profile likelihood is maximised over x ≥ 0.</li>
 * </ul>
 * With σ² known, safeguarded Newton steps on log D find the maximum ({@code KnownLocalizationFit}:
 * in the covariance's sine eigenbasis for short tracks, by O(k) tridiagonal solves for long ones),
 * converged to a log-D step below 10⁻¹⁰; should Newton not settle, and for the unknown-σ² profile,
 * the search is a log-spaced scan followed by golden-section refinement (on log D, or on log x).
 * D is sought in [10⁻⁶, 10²] × ⟨Δ²⟩/(2 dt); an estimate at the lower end means the track is
 * indistinguishable from pure localization noise. Estimates are constrained to D > 0, σ² ≥ 0, so
 * they are not exactly unbiased when the relative error is large. The reported variance is the
 * Cramér-Rao bound at the estimate (the asymptotic variance of the ML estimator).
 *
 * <p>Units: steps in µm, dt in s, D in µm²/s, σ² in µm² per axis. Assumptions: free diffusion,
 * constant D, static Gaussian localization noise with the same σ² on both axes, no residual drift,
 * exposure no longer than dt.
 */
public final class MaximumLikelihoodEstimator implements DiffusionEstimator {

    private static final int GRID = 49;
    private static final double X_MIN = 1e-6;
    private static final double X_MAX = 1e6;

    private final double blur;
    private final double knownSigma2;

    private MaximumLikelihoodEstimator(double blur, double knownSigma2) {
        this.blur = Steps.checkBlur(blur);
        this.knownSigma2 = knownSigma2;
    }

    /**
     * @param sigma2Um2  the localization variance per axis, µm² (negative values, which an unbiased
     *                   ensemble estimate can produce at very low noise, are treated as 0)
     * @param motionBlur R in [0, 1/4]
     */
    public static MaximumLikelihoodEstimator withKnownLocalization(double sigma2Um2, double motionBlur) {
        if (Double.isNaN(sigma2Um2) || Double.isInfinite(sigma2Um2)) {
            throw new IllegalArgumentException("localization variance must be finite: " + sigma2Um2);
        }
        return new MaximumLikelihoodEstimator(motionBlur, Math.max(0, sigma2Um2));
    }

    /** @param motionBlur R in [0, 1/4] */
    public static MaximumLikelihoodEstimator withUnknownLocalization(double motionBlur) {
        return new MaximumLikelihoodEstimator(motionBlur, Double.NaN);
    }

    public boolean localizationKnown() {
        return !Double.isNaN(knownSigma2);
    }

    @Override
    public DiffusionEstimate estimate(double[] dx, double[] dy, double dtSeconds) {
        Steps.check(dx, dy, dtSeconds, localizationKnown() ? 1 : 2);
        return estimate(dx, dy, dx.length, dtSeconds, localizationKnown() ? new KnownLocalizationFit(knownSigma2, blur) : null);
    }

    /**
     * A workspace that estimates one track after another from the start of reusable buffers,
     * giving the same results as {@link #estimate(double[], double[], double)} without allocating
     * per track (for known σ²; with unknown σ² it copies the steps and delegates).
     */
    public Workspace workspace() {
        return new Workspace(this);
    }

    /** Per-thread buffers for {@link #estimate(double[], double[], int, double)}; not thread-safe. */
    public static final class Workspace {
        private final MaximumLikelihoodEstimator estimator;
        private final KnownLocalizationFit fit;

        private Workspace(MaximumLikelihoodEstimator estimator) {
            this.estimator = estimator;
            this.fit = estimator.localizationKnown() ? new KnownLocalizationFit(estimator.knownSigma2, estimator.blur) : null;
        }

        /** The estimate from the first {@code steps} entries of dx and dy. */
        public DiffusionEstimate estimate(double[] dx, double[] dy, int steps, double dtSeconds) {
            if (fit == null) {
                return estimator.estimate(Arrays.copyOf(dx, steps), Arrays.copyOf(dy, steps), dtSeconds);
            }
            return estimator.estimate(dx, dy, steps, dtSeconds, fit);
        }
    }

    private DiffusionEstimate estimate(double[] dx, double[] dy, int steps, double dtSeconds, KnownLocalizationFit fit) {
        int k = Steps.check(steps, dx, dy, dtSeconds, localizationKnown() ? 1 : 2);
        double meanSquare = Steps.meanSquare(dx, dy, k);
        double scale = meanSquare / (2 * dtSeconds);
        if (!(scale > 0)) {
            return new DiffusionEstimate(0, Double.NaN, localizationKnown() ? knownSigma2 : 0, k);
        }
        return localizationKnown()
            ? knownSigma(dx, dy, dtSeconds, k, meanSquare, scale, fit)
            : unknownSigma(dx, dy, dtSeconds, k, scale);
    }

    private DiffusionEstimate knownSigma(double[] dx, double[] dy, double dt, int k, double meanSquare, double scale,
                                         KnownLocalizationFit fit) {
        double d = fit.argMax(dx, dy, k, dt, meanSquare, scale * 1e-6, scale * 1e2);
        if (!Double.isNaN(d)) {
            return new DiffusionEstimate(d, fit.knownLocalizationBound(k, d), knownSigma2, k);
        }
        double[] x = dx.length == k ? dx : Arrays.copyOf(dx, k);
        double[] y = dy.length == k ? dy : Arrays.copyOf(dy, k);
        d = LogScaleSearch.argMax(
            candidate -> IncrementCovariance.of(k, candidate, knownSigma2, blur, dt).logLikelihood(x, y),
            scale * 1e-6, scale * 1e2, GRID);
        return new DiffusionEstimate(d, CramerRaoBound.knownLocalization(k, d, knownSigma2, blur, dt), knownSigma2, k);
    }

    private DiffusionEstimate unknownSigma(double[] dx, double[] dy, double dt, int k, double scale) {
        double x = LogScaleSearch.argMax(candidate -> profile(dx, dy, k, candidate), X_MIN, X_MAX, GRID);
        if (profile(dx, dy, k, 0) >= profile(dx, dy, k, x)) x = 0;
        double d = quadratic(dx, dy, k, x) / (2.0 * k * dt);
        double sigma2 = x * d * dt;
        return new DiffusionEstimate(d, CramerRaoBound.unknownLocalization(k, d, sigma2, blur, dt), sigma2, k);
    }

    /** Profile log-likelihood in x = σ²/(D dt), up to a constant: -k log Q(x) - log det M(x). */
    private double profile(double[] dx, double[] dy, int k, double x) {
        IncrementCovariance.Cholesky m = unitScale(k, x).cholesky();
        if (m == null) return Double.NEGATIVE_INFINITY;
        double q = m.quadratic(dx) + m.quadratic(dy);
        return q > 0 ? -k * Math.log(q) - m.logDeterminant() : Double.NEGATIVE_INFINITY;
    }

    /** Σ_axes Δᵀ M(x)⁻¹ Δ. */
    private double quadratic(double[] dx, double[] dy, int k, double x) {
        IncrementCovariance.Cholesky m = unitScale(k, x).cholesky();
        return m.quadratic(dx) + m.quadratic(dy);
    }

    /** M(x) = Σ / (D dt) with σ² = x D dt. */
    private IncrementCovariance unitScale(int k, double x) {
        return new IncrementCovariance(k, 2 * (1 - 2 * blur) + 2 * x, 2 * blur - x);
    }
}
