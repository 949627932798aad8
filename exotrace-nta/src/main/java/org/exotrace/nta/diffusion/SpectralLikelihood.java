package org.exotrace.nta.diffusion;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The increments' likelihood in the eigenbasis of their tridiagonal Toeplitz covariance, for the
 * case where σ² is known. Every such k×k matrix has the eigenvectors
 * u_j(i) = √(2/(k+1)) sin(πij/(k+1)) and, with diagonal 2Ddt(1−2R)+2σ² and off-diagonal 2RDdt−σ²,
 * the eigenvalues λ_j(D) = a_j D + b_j, a_j = 2dt(1−2R+2R cos θ_j), b_j = 2σ²(1−cos θ_j),
 * θ_j = πj/(k+1). Projecting both axes' steps once (s_j = y_{x,j}² + y_{y,j}²), the log-likelihood
 * ℓ(D) = −Σ_j [log λ_j + s_j / (2 λ_j)] and its derivatives cost O(k) per evaluation, so the
 * maximum is found by a few safeguarded Newton steps instead of a bracketing search over
 * Cholesky factorizations.
 */
final class SpectralLikelihood {

    /** Tracks longer than this use the Cholesky path: the sine table would grow as k². */
    static final int MAX_STEPS = 256;
    private static final ConcurrentHashMap<Integer, double[]> SINES = new ConcurrentHashMap<>();

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
        double[] sines = SINES.computeIfAbsent(k, SpectralLikelihood::sineTable);
        double norm = Math.sqrt(2.0 / (k + 1));
        double[] a = new double[k];
        double[] b = new double[k];
        double[] s = new double[k];
        for (int j = 0; j < k; j++) {
            double cos = Math.cos(Math.PI * (j + 1) / (k + 1));
            a[j] = 2 * dt * (1 - 2 * blur + 2 * blur * cos);
            b[j] = 2 * sigma2 * (1 - cos);
            double yx = 0;
            double yy = 0;
            int row = j * k;
            for (int i = 0; i < k; i++) {
                double u = sines[row + i];
                yx += u * dx[i];
                yy += u * dy[i];
            }
            yx *= norm;
            yy *= norm;
            s[j] = yx * yx + yy * yy;
        }
        return new SpectralLikelihood(a, b, s);
    }

    private static double[] sineTable(int k) {
        double[] t = new double[k * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) t[j * k + i] = Math.sin(Math.PI * (i + 1) * (j + 1) / (k + 1));
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
        double u = Math.log(Math.min(Math.max(start, lo), hi));
        double uLo = Math.log(lo);
        double uHi = Math.log(hi);
        for (int iteration = 0; iteration < 60; iteration++) {
            double d = Math.exp(u);
            double g = 0;
            double h = 0;
            for (int j = 0; j < a.length; j++) {
                double lambda = a[j] * d + b[j];
                double r = a[j] / lambda;
                g += r * (s[j] / (2 * lambda) - 1);
                h += r * r * (1 - s[j] / lambda);
            }
            double gu = d * g;
            double hu = d * d * h + gu;
            double step = hu < 0 ? -gu / hu : Math.signum(gu) * 0.5;
            step = Math.max(-2, Math.min(2, step));
            double next = Math.max(uLo, Math.min(uHi, u + step));
            if (Math.abs(next - u) < 1e-10) return Math.exp(next);
            u = next;
        }
        return Double.NaN;
    }
}
