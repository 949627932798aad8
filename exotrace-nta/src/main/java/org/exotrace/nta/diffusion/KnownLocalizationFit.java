package org.exotrace.nta.diffusion;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The maximum likelihood estimate of D for a known σ² ({@link MaximumLikelihoodEstimator#withKnownLocalization}),
 * for one track after another with its buffers and per-length tables kept between tracks. Not
 * thread-safe: one instance per thread.
 *
 * <p>Both axes' k increments are N(0, Σ(D)) with Σ(D) = D A + B tridiagonal Toeplitz, of
 * eigenvalues λ_j = a_j D + b_j (see {@link SpectralLikelihood}). The log-likelihood's derivatives
 * in D are
 * <pre>
 *   ℓ'(D)  = ½ Σ_axes zᵀ A z − Σ_j a_j / λ_j                    z = Σ⁻¹ Δ
 *   ℓ''(D) = Σ_j a_j² / λ_j² − Σ_axes (A z)ᵀ Σ⁻¹ (A z)
 * </pre>
 * which in the eigenbasis are the spectral sums Σ_j r_j (s_j/(2λ_j) − 1) and Σ_j r_j² (1 − s_j/λ_j),
 * r_j = a_j/λ_j. Both forms are maximised by the same safeguarded Newton steps on log D
 * ({@link SpectralLikelihood#newtonStep}); what differs is the cost of the data terms:
 * <ul>
 *   <li>k ≤ {@link #SPECTRAL_MAX_STEPS}: the steps are projected once on the sine eigenvectors
 *       (O(k²) with a cached table), then each Newton step is a sum over the k eigenvalues;</li>
 *   <li>longer tracks: each Newton step factorizes Σ(D) = L·diag(p)·Lᵀ and solves with it in
 *       O(k). The pivots p_i = α − β²/p_{i−1} converge to a fixed point within a few tens of
 *       rows; once two consecutive pivots are equal in floating point all later ones are equal
 *       too, so the recursion stops there without changing a bit.</li>
 * </ul>
 * Newton starts from the moment estimate given σ², D₀ = (⟨Δ²⟩ − 2σ²) / (2 dt (1 − 2R)) (at least
 * 5 % of ⟨Δ²⟩/(2dt)), close to the maximum for all but the noisiest tracks; the search interval and
 * the convergence test are the estimator's. a_j and b_j are kept per k for the current dt.
 */
final class KnownLocalizationFit {

    /** Longest track fitted in the sine eigenbasis; longer ones are solved with the tridiagonal matrix. */
    static final int SPECTRAL_MAX_STEPS = 32;
    private static final int CACHED_COSINES = 4096;
    private static final AtomicReferenceArray<double[]> COSINES = new AtomicReferenceArray<>(CACHED_COSINES + 1);

    private final double sigma2;
    private final double blur;

    private double tablesDt = Double.NaN;
    private double[][] aByK = new double[0][];
    private double[][] bByK = new double[0][];

    private double[] s = new double[0];
    private double[] px = new double[0];
    private double[] py = new double[0];
    private double[] pivots = new double[0];
    private double[] inversePivots = new double[0];
    private double[] multipliers = new double[0];

    KnownLocalizationFit(double sigma2, double blur) {
        this.sigma2 = sigma2;
        this.blur = blur;
    }

    /**
     * The D maximising the likelihood of the first k steps in [lo, hi], or NaN when Newton's
     * method does not settle or Σ(D) stops being positive definite (the caller then falls back to
     * a bracketing search).
     *
     * @param meanSquare ⟨Δ²⟩ per axis over the k steps
     */
    double argMax(double[] dx, double[] dy, int k, double dt, double meanSquare, double lo, double hi) {
        ensureCapacity(k);
        tables(k, dt);
        double[] a = aByK[k];
        double[] b = bByK[k];
        double start = Math.max((meanSquare - 2 * sigma2) / (2 * dt * (1 - 2 * blur)), 0.05 * meanSquare / (2 * dt));
        if (k <= SPECTRAL_MAX_STEPS) {
            SpectralLikelihood.project(dx, dy, k, s, px, py);
            return SpectralLikelihood.argMax(a, b, s, k, start, lo, hi);
        }
        return tridiagonalArgMax(dx, dy, k, dt, a, b, start, lo, hi);
    }

    /**
     * The Cramér-Rao bound for known σ², 1 / Σ_j a_j²/λ_j(d)², for the k and dt of the last
     * {@link #argMax} (the same sum as {@link CramerRaoBound#knownLocalization}).
     */
    double knownLocalizationBound(int k, double d) {
        double[] a = aByK[k];
        double[] b = bByK[k];
        double information = 0;
        for (int j = 0; j < k; j++) {
            double r = a[j] / (a[j] * d + b[j]);
            information += r * r;
        }
        return 1 / information;
    }

    private double tridiagonalArgMax(double[] dx, double[] dy, int k, double dt, double[] a, double[] b,
                                     double start, double lo, double hi) {
        double u = Math.log(Math.min(Math.max(start, lo), hi));
        double uLo = Math.log(lo);
        double uHi = Math.log(hi);
        double a0 = 2 * dt * (1 - 2 * blur);
        double a1 = 2 * blur * dt;
        double[] zx = px;
        double[] zy = py;
        for (int iteration = 0; iteration < SpectralLikelihood.MAX_ITERATIONS; iteration++) {
            double d = Math.exp(u);
            double traceA = 0;
            double traceA2 = 0;
            for (int j = 0; j < k; j++) {
                double r = a[j] / (a[j] * d + b[j]);
                traceA += r;
                traceA2 += r * r;
            }
            if (!factorize(k, 2 * d * dt * (1 - 2 * blur) + 2 * sigma2, 2 * blur * d * dt - sigma2)) return Double.NaN;
            solve(dx, zx, k);
            solve(dy, zy, k);
            // w = A z with A = tridiag(a1, a0, a1); zᵀw, and wᵀΣ⁻¹w = Σ_i (L⁻¹w)_i² / p_i.
            double quadratic = 0;
            double curvature = 0;
            double fx = 0;
            double fy = 0;
            double previousX = 0;
            double previousY = 0;
            for (int i = 0; i < k; i++) {
                double nextX = i + 1 < k ? zx[i + 1] : 0;
                double nextY = i + 1 < k ? zy[i + 1] : 0;
                double wx = a0 * zx[i] + a1 * (previousX + nextX);
                double wy = a0 * zy[i] + a1 * (previousY + nextY);
                quadratic += zx[i] * wx + zy[i] * wy;
                fx = wx - multipliers[i] * fx;
                fy = wy - multipliers[i] * fy;
                curvature += (fx * fx + fy * fy) * inversePivots[i];
                previousX = zx[i];
                previousY = zy[i];
            }
            double next = SpectralLikelihood.newtonStep(u, d, 0.5 * quadratic - traceA, traceA2 - curvature, uLo, uHi);
            if (Double.isNaN(next)) return Double.NaN;
            if (Math.abs(next - u) < SpectralLikelihood.TOLERANCE) return Math.exp(next);
            u = next;
        }
        return Double.NaN;
    }

    /**
     * Σ = L diag(p) Lᵀ for the k×k tridiagonal Toeplitz matrix with alpha on the diagonal and beta
     * beside it; multipliers[i] = L[i][i−1] (0 for i = 0). False when Σ is not positive definite.
     */
    private boolean factorize(int k, double alpha, double beta) {
        if (!(alpha > 0)) return false;
        pivots[0] = alpha;
        inversePivots[0] = 1 / alpha;
        multipliers[0] = 0;
        int i = 1;
        for (; i < k; i++) {
            double l = beta * inversePivots[i - 1];
            double p = alpha - l * beta;
            if (!(p > 0)) return false;
            multipliers[i] = l;
            pivots[i] = p;
            inversePivots[i] = 1 / p;
            if (p == pivots[i - 1]) {
                i++;
                break;
            }
        }
        if (i < k) {
            Arrays.fill(multipliers, i, k, multipliers[i - 1]);
            Arrays.fill(pivots, i, k, pivots[i - 1]);
            Arrays.fill(inversePivots, i, k, inversePivots[i - 1]);
        }
        return true;
    }

    /** z = Σ⁻¹ v with the last factorization: L y = v, then Lᵀ z = y / p. */
    private void solve(double[] v, double[] z, int k) {
        double y = 0;
        for (int i = 0; i < k; i++) {
            y = v[i] - multipliers[i] * y;
            z[i] = y;
        }
        double later = 0;
        for (int i = k - 1; i >= 0; i--) {
            double m = i + 1 < k ? multipliers[i + 1] : 0;
            later = z[i] * inversePivots[i] - m * later;
            z[i] = later;
        }
    }

    /** a_j = 2dt(1 − 2R + 2R cos θ_j) and b_j = 2σ²(1 − cos θ_j) for this k and dt, as in SpectralLikelihood.of. */
    private void tables(int k, double dt) {
        if (dt != tablesDt) {
            Arrays.fill(aByK, null);
            Arrays.fill(bByK, null);
            tablesDt = dt;
        }
        if (k >= aByK.length) {
            aByK = Arrays.copyOf(aByK, Math.max(k + 1, 2 * aByK.length));
            bByK = Arrays.copyOf(bByK, aByK.length);
        }
        if (aByK[k] == null) {
            double[] cos = cosines(k);
            double[] a = new double[k];
            double[] b = new double[k];
            for (int j = 0; j < k; j++) {
                a[j] = 2 * dt * (1 - 2 * blur + 2 * blur * cos[j]);
                b[j] = 2 * sigma2 * (1 - cos[j]);
            }
            aByK[k] = a;
            bByK[k] = b;
        }
    }

    private void ensureCapacity(int k) {
        if (s.length >= k) return;
        int n = Math.max(k, 2 * s.length);
        s = new double[n];
        px = new double[n];
        py = new double[n];
        pivots = new double[n];
        inversePivots = new double[n];
        multipliers = new double[n];
    }

    private static double[] cosines(int k) {
        double[] c = k <= CACHED_COSINES ? COSINES.get(k) : null;
        if (c == null) {
            c = SpectralLikelihood.cosines(k);
            if (k <= CACHED_COSINES && !COSINES.compareAndSet(k, null, c)) c = COSINES.get(k);
        }
        return c;
    }
}
