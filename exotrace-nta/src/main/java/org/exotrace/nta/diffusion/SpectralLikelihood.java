package org.exotrace.nta.diffusion;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The increments' likelihood in the eigenbasis of their tridiagonal Toeplitz covariance, for the
 * case where σ² is known. Every such k×k matrix has the eigenvectors
 * u_j(i) = √(2/(k+1)) sin(πij/(k+1)) and, with diagonal 2Ddt(1−2R)+2σ² and off-diagonal 2RDdt−σ²,
 * the eigenvalues λ_j(D) = a_j D + b_j, a_j = 2dt(1−2R+2R cos θ_j), b_j = 2σ²(1−cos θ_j),
 * θ_j = πj/(k+1). Projecting both axes' steps once (s_j = y_{x,j}² + y_{y,j}²), the log-likelihood
 * ℓ(D) = −Σ_j [log λ_j + s_j / (2 λ_j)] and its derivatives cost O(k) per evaluation, so the
 * maximum is found by a few safeguarded Newton steps instead of a bracketing search over
 * Cholesky factorizations. The projection costs O(k²); {@link KnownLocalizationFit} uses it up to
 * {@link #CACHED_STEPS} steps and solves with the tridiagonal matrix beyond.
 */
final class SpectralLikelihood {

    /** Longest track whose sine table (k² doubles) is cached. */
    static final int CACHED_STEPS = 64;
    private static final AtomicReferenceArray<double[]> SINES = new AtomicReferenceArray<>(CACHED_STEPS + 1);

    private final double[] a;
    private final double[] b;
    private final double[] s;

    private SpectralLikelihood(double[] a, double[] b, double[] s) {
        this.a = a;
        this.b = b;
        this.s = s;
    }

    static SpectralLikelihood of(double[] dx, double[] dy, double sigma2, double blur, double dt) {
        int k = dx.length;
        double[] cos = cosines(k);
        double[] a = new double[k];
        double[] b = new double[k];
        for (int j = 0; j < k; j++) {
            a[j] = 2 * dt * (1 - 2 * blur + 2 * blur * cos[j]);
            b[j] = 2 * sigma2 * (1 - cos[j]);
        }
        double[] s = new double[k];
        project(dx, dy, k, s, new double[k], new double[k]);
        return new SpectralLikelihood(a, b, s);
    }

    /** cos(π(j+1)/(k+1)) for j = 0..k-1. */
    static double[] cosines(int k) {
        double[] c = new double[k];
        for (int j = 0; j < k; j++) c[j] = Math.cos(Math.PI * (j + 1) / (k + 1));
        return c;
    }

    /**
     * s_j = (u_jᵀΔx)² + (u_jᵀΔy)² for the first k steps, into {@code s}; {@code px} and
     * {@code py} are scratch space of at least k values. The table is symmetric, so it is walked
     * row by row, adding dx_i times row i to the projections: a loop the JIT vectorizes.
     */
    static void project(double[] dx, double[] dy, int k, double[] s, double[] px, double[] py) {
        double[] sines = sines(k);
        Arrays.fill(px, 0, k, 0.0);
        Arrays.fill(py, 0, k, 0.0);
        for (int i = 0; i < k; i++) {
            double xi = dx[i];
            double yi = dy[i];
            int row = i * k;
            for (int j = 0; j < k; j++) {
                double u = sines[row + j];
                px[j] += u * xi;
                py[j] += u * yi;
            }
        }
        double norm = Math.sqrt(2.0 / (k + 1));
        for (int j = 0; j < k; j++) {
            double yx = px[j] * norm;
            double yy = py[j] * norm;
            s[j] = yx * yx + yy * yy;
        }
    }

    /** sin(π(i+1)(j+1)/(k+1)) at [i·k + j]; cached up to {@link #CACHED_STEPS}. */
    private static double[] sines(int k) {
        double[] t = k <= CACHED_STEPS ? SINES.get(k) : null;
        if (t == null) {
            t = new double[k * k];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < k; i++) t[j * k + i] = Math.sin(Math.PI * (i + 1) * (j + 1) / (k + 1));
            }
            if (k <= CACHED_STEPS && !SINES.compareAndSet(k, null, t)) t = SINES.get(k);
        }
        return t;
    }

    /** ℓ(D) up to a constant; −∞ where a λ_j is not positive. */
    double logLikelihood(double d) {
        double l = 0;
        for (int j = 0; j < a.length; j++) {
            double lambda = a[j] * d + b[j];
            if (!(lambda > 0)) return Double.NEGATIVE_INFINITY;
            l -= Math.log(lambda) + s[j] / (2 * lambda);
        }
        return l;
    }

    /**
     * The maximizing D in [lo, hi], or NaN when Newton's method does not settle (the caller then
     * falls back to a bracketing search). Works in u = log D: dℓ/du = D ℓ'(D).
     */
    double argMax(double start, double lo, double hi) {
        return argMax(a, b, s, a.length, start, lo, hi);
    }

    /** {@link #argMax(double, double, double)} on the first k entries of the given arrays. */
    static double argMax(double[] a, double[] b, double[] s, int k, double start, double lo, double hi) {
        double u = Math.log(Math.min(Math.max(start, lo), hi));
        double uLo = Math.log(lo);
        double uHi = Math.log(hi);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double d = Math.exp(u);
            double g = 0;
            double h = 0;
            for (int j = 0; j < k; j++) {
                double lambda = a[j] * d + b[j];
                double r = a[j] / lambda;
                double q = s[j] / lambda;
                g += r * (0.5 * q - 1);
                h += r * r * (1 - q);
            }
            double next = newtonStep(u, d, g, h, uLo, uHi);
            if (Double.isNaN(next)) return Double.NaN;
            if (Math.abs(next - u) < TOLERANCE) return Math.exp(next);
            u = next;
        }
        return Double.NaN;
    }

    static final int MAX_ITERATIONS = 60;
    /** Convergence: a step in log D below this. */
    static final double TOLERANCE = 1e-10;

    /**
     * One safeguarded Newton step in u = log D from the derivatives g = ℓ'(D), h = ℓ''(D): the
     * Newton step where ℓ is concave in u, else half a unit uphill; at most 2 units, kept in
     * [uLo, uHi]. NaN derivatives give NaN, which never converges.
     */
    static double newtonStep(double u, double d, double g, double h, double uLo, double uHi) {
        double gu = d * g;
        double hu = d * d * h + gu;
        double step = hu < 0 ? -gu / hu : Math.signum(gu) * 0.5;
        step = Math.max(-2, Math.min(2, step));
        return Math.max(uLo, Math.min(uHi, u + step));
    }
}
