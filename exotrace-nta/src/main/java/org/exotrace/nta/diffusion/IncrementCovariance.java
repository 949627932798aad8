package org.exotrace.nta.diffusion;

/**
 * The k×k covariance of one axis's increments: symmetric, tridiagonal and Toeplitz, with
 * {@code diagonal} = 2 D dt (1 - 2R) + 2σ² and {@code offDiagonal} = 2 R D dt - σ² (Berglund 2010).
 * Likelihoods use its O(k) Cholesky factorization; the Fisher information uses its closed-form
 * eigenvalues diagonal + 2 offDiagonal cos(jπ/(k+1)), j = 1..k, shared by every tridiagonal
 * Toeplitz matrix of that size.
 */
record IncrementCovariance(int size, double diagonal, double offDiagonal) {

    static IncrementCovariance of(int k, double d, double sigma2, double r, double dt) {
        return new IncrementCovariance(k, 2 * d * dt * (1 - 2 * r) + 2 * sigma2, 2 * r * d * dt - sigma2);
    }

    static double cosine(int j, int k) {
        return Math.cos(j * Math.PI / (k + 1));
    }

    /**
     * Gaussian log-likelihood of zero-mean vectors, each distributed with this covariance, summed
     * over the vectors; {@code -∞} when the matrix is not positive definite.
     */
    double logLikelihood(double[]... vectors) {
        Cholesky c = cholesky();
        if (c == null) return Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double[] v : vectors) sum += -0.5 * (c.quadratic(v) + c.logDeterminant() + size * Math.log(2 * Math.PI));
        return sum;
    }

    /** The O(k) Cholesky factor L (Σ = LLᵀ, L lower bidiagonal), or null when Σ is not positive definite. */
    Cholesky cholesky() {
        double[] l = new double[size];
        double[] m = new double[size];
        double logDet = 0;
        for (int i = 0; i < size; i++) {
            double pivot = diagonal;
            if (i > 0) {
                m[i] = offDiagonal / l[i - 1];
                pivot -= m[i] * m[i];
            }
            if (!(pivot > 0)) return null;
            l[i] = Math.sqrt(pivot);
            logDet += 2 * Math.log(l[i]);
        }
        return new Cholesky(l, m, logDet);
    }

    /** Diagonal {@code l} and subdiagonal {@code m} of L. */
    record Cholesky(double[] l, double[] m, double logDeterminant) {

        /** vᵀ Σ⁻¹ v, by forward substitution. */
        double quadratic(double[] v) {
            double quad = 0;
            double y = 0;
            for (int i = 0; i < l.length; i++) {
                y = (v[i] - (i > 0 ? m[i] * y : 0)) / l[i];
                quad += y * y;
            }
            return quad;
        }
    }

    /**
     * Variance of the quadratic form vᵀAv when v ~ N(0, this): 2 tr(AΣAΣ), in O(k·w) for a band
     * matrix A of half-bandwidth w.
     */
    double quadraticFormVariance(BandMatrix a) {
        int w = a.halfBandwidth() + 1;
        double trace = 0;
        for (int i = 0; i < size; i++) {
            for (int j = Math.max(0, i - w); j <= Math.min(size - 1, i + w); j++) {
                trace += product(a, i, j) * product(a, j, i);
            }
        }
        return 2 * trace;
    }

    private double product(BandMatrix a, int i, int j) {
        double s = a.get(i, j) * diagonal;
        if (j > 0) s += a.get(i, j - 1) * offDiagonal;
        if (j + 1 < size) s += a.get(i, j + 1) * offDiagonal;
        return s;
    }
}
