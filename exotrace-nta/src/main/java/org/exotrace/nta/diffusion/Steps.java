package org.exotrace.nta.diffusion;

/** Argument checks and sums shared by the estimators. */
final class Steps {

    private Steps() {
    }

    static int check(double[] dx, double[] dy, double dtSeconds, int minSteps) {
        if (dx.length != dy.length) {
            throw new IllegalArgumentException("dx and dy differ in length: " + dx.length + " vs " + dy.length);
        }
        return check(dx.length, dx, dy, dtSeconds, minSteps);
    }

    /** {@link #check} for the first {@code steps} entries of buffers that may be longer. */
    static int check(int steps, double[] dx, double[] dy, double dtSeconds, int minSteps) {
        if (steps < 0 || steps > dx.length || steps > dy.length) {
            throw new IllegalArgumentException(steps + " steps do not fit buffers of " + dx.length + " and " + dy.length);
        }
        if (steps < minSteps) {
            throw new IllegalArgumentException("need at least " + minSteps + " steps, got " + steps);
        }
        if (!(dtSeconds > 0) || Double.isInfinite(dtSeconds)) {
            throw new IllegalArgumentException("frame interval must be positive: " + dtSeconds);
        }
        return steps;
    }

    static double checkBlur(double r) {
        if (!(r >= 0 && r <= 0.25)) throw new IllegalArgumentException("motion-blur coefficient R must be in [0, 1/4]: " + r);
        return r;
    }

    /** Mean over both axes of Δ². */
    static double meanSquare(double[] dx, double[] dy) {
        return meanSquare(dx, dy, dx.length);
    }

    /** Mean over both axes of Δ² for the first k steps. */
    static double meanSquare(double[] dx, double[] dy, int k) {
        double s = 0;
        for (int i = 0; i < k; i++) s += dx[i] * dx[i] + dy[i] * dy[i];
        return s / (2.0 * k);
    }

    /** Mean over both axes of Δ_n Δ_{n+1}; needs at least two steps. */
    static double meanLagOneProduct(double[] dx, double[] dy) {
        return meanLagOneProduct(dx, dy, dx.length);
    }

    /** Mean over both axes of Δ_n Δ_{n+1} for the first k steps (k ≥ 2). */
    static double meanLagOneProduct(double[] dx, double[] dy, int k) {
        double s = 0;
        for (int i = 0; i + 1 < k; i++) s += dx[i] * dx[i + 1] + dy[i] * dy[i + 1];
        return s / (2.0 * (k - 1));
    }
}
