package org.exotrace.nta.diffusion;

/**
 * Cramér-Rao lower bound on the variance of any unbiased estimate of D from k steps in two
 * dimensions (Michalet and Berglund, Phys. Rev. E 85, 061916, 2012; Berglund, Phys. Rev. E 82,
 * 011917, 2010), computed numerically from the Gaussian model of the increments.
 *
 * <p>With θ = (D, σ²), the Fisher information of two independent axes is
 * <pre>
 *   I_ij = 2 · ½ tr(Σ⁻¹ ∂_iΣ Σ⁻¹ ∂_jΣ)
 *   ∂_DΣ  = dt · tridiag(2 - 4R, 2R)      ∂_σ²Σ = tridiag(2, -1)
 * </pre>
 * All three matrices are symmetric tridiagonal Toeplitz, so they share eigenvectors and the trace
 * is the exact O(k) sum Σ<sub>j</sub> α<sub>i</sub>(j) α<sub>j</sub>(j) / λ(j)² over their
 * eigenvalues a + 2b cos(jπ/(k+1)). The bound is 1/I_DD when σ² is known and (I⁻¹)_DD when it is
 * estimated together with D. Limiting case σ = 0, R = 0: Var(D̂)/D² ≥ 1/k (= 2/(d N), d = 2).
 *
 * <p>Units: D in µm²/s, σ² in µm² per axis, dt in s; the bound is in (µm²/s)².
 */
public final class CramerRaoBound {

    private CramerRaoBound() {
    }

    /** Bound on Var(D̂) when σ² is known (for example from a {@link LocalizationEnsemble}). */
    public static double knownLocalization(int k, double d, double sigma2, double r, double dt) {
        return 1 / fisher(k, d, sigma2, r, dt)[0];
    }

    /** Bound on Var(D̂) when σ² is estimated from the same track. */
    public static double unknownLocalization(int k, double d, double sigma2, double r, double dt) {
        double[] f = fisher(k, d, sigma2, r, dt);
        return f[2] / (f[0] * f[2] - f[1] * f[1]);
    }

    /** {I_DD, I_Dσ², I_σ²σ²} for two axes. */
    static double[] fisher(int k, double d, double sigma2, double r, double dt) {
        if (k < 1) throw new IllegalArgumentException("need at least one step: " + k);
        if (!(d > 0) || !(sigma2 >= 0) || !(dt > 0)) {
            throw new IllegalArgumentException("need D > 0, σ² >= 0, dt > 0: " + d + ", " + sigma2 + ", " + dt);
        }
        Steps.checkBlur(r);
        IncrementCovariance sigma = IncrementCovariance.of(k, d, sigma2, r, dt);
        double dd = 0, ds = 0, ss = 0;
        for (int j = 1; j <= k; j++) {
            double c = IncrementCovariance.cosine(j, k);
            double lambda = sigma.diagonal() + 2 * sigma.offDiagonal() * c;
            double alphaD = dt * (2 - 4 * r + 4 * r * c);
            double alphaS = 2 - 2 * c;
            double l2 = lambda * lambda;
            dd += alphaD * alphaD / l2;
            ds += alphaD * alphaS / l2;
            ss += alphaS * alphaS / l2;
        }
        return new double[] {dd, ds, ss};
    }
}
