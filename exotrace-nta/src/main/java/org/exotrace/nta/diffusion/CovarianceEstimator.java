package org.exotrace.nta.diffusion;

/**
 * The covariance-based estimator (CVE) of Vestergaard, Blainey and Flyvbjerg, "Optimal estimation
 * of diffusion coefficients from single-particle trajectories", Phys. Rev. E 89, 022726 (2014).
 *
 * <p>Formulas, with averages taken over both axes (2k squared steps, 2(k-1) adjacent products):
 * <pre>
 *   D̂  = ⟨Δx_n²⟩ / (2 dt) + ⟨Δx_n Δx_{n+1}⟩ / dt                       [µm²/s]
 *   σ̂² = R ⟨Δx_n²⟩ + (2R - 1) ⟨Δx_n Δx_{n+1}⟩                          [µm² per axis]
 * </pre>
 * Both are unbiased for free diffusion with static Gaussian localization noise and motion blur R
 * (see the package documentation for the increment covariance); D̂ does not depend on R at all.
 * The reported variance is the exact variance of the quadratic form D̂ under that model,
 * 2 Σ<sub>axes</sub> tr(AΣAΣ), evaluated at (max(D̂, 0), max(σ̂², 0)); for long tracks it tends to
 * the paper's D²[(6 + 4ε + 2ε²)/N + 4(1 + ε)²/N²]/2 with ε = σ²/(D dt) - 2R and N = k (the
 * factor 1/2 for two axes).
 *
 * <p>Assumptions: constant D over the track, no residual drift, exposure no longer than dt, at least
 * two steps. CVE is close to optimal when σ²/(D dt) is not small; at low localization noise its
 * variance on short tracks is well above the Cramér-Rao bound (see {@link CramerRaoBound}).
 */
public final class CovarianceEstimator implements DiffusionEstimator {

    private final double blur;

    /** @param motionBlur the motion-blur coefficient R in [0, 1/4] (1/6 for full-frame exposure) */
    public CovarianceEstimator(double motionBlur) {
        this.blur = Steps.checkBlur(motionBlur);
    }

    public double motionBlur() {
        return blur;
    }

    @Override
    public DiffusionEstimate estimate(double[] dx, double[] dy, double dtSeconds) {
        int k = Steps.check(dx, dy, dtSeconds, 2);
        double square = Steps.meanSquare(dx, dy);
        double product = Steps.meanLagOneProduct(dx, dy);
        double d = square / (2 * dtSeconds) + product / dtSeconds;
        double sigma2 = blur * square + (2 * blur - 1) * product;
        return new DiffusionEstimate(d, variance(k, Math.max(d, 0), Math.max(sigma2, 0), blur, dtSeconds), sigma2, k);
    }

    /** Exact variance of D̂ for k steps in two axes, in (µm²/s)². */
    static double variance(int k, double d, double sigma2, double r, double dt) {
        BandMatrix a = new BandMatrix(k, 1);
        for (int i = 0; i < k; i++) {
            a.add(i, i, 1.0 / (4 * k * dt));
            if (i + 1 < k) a.add(i, i + 1, 1.0 / (4.0 * (k - 1) * dt));
        }
        return 2 * IncrementCovariance.of(k, d, sigma2, r, dt).quadraticFormVariance(a);
    }

    /**
     * The paper's large-k variance of D̂ for k steps in two axes (Vestergaard et al. 2014, with N = k
     * per axis and the two axes averaged): D²[(6 + 4ε + 2ε²)/k + 4(1 + ε)²/k²]/2, ε = σ²/(D dt) - 2R.
     */
    public static double paperVariance(int k, double d, double sigma2, double r, double dt) {
        double eps = sigma2 / (d * dt) - 2 * r;
        return d * d * ((6 + 4 * eps + 2 * eps * eps) / k + 4 * (1 + eps) * (1 + eps) / ((double) k * k)) / 2;
    }
}
