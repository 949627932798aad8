package org.exotrace.nta.detectionlimit;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** The few numerical tools the estimator needs: the complementary error function, a 3 × 3 inverse, Nelder-Mead. */
final class Numerics {

    private Numerics() {
    }

    /**
     * erfc(z) by the Chebyshev fit of W. H. Press et al., Numerical Recipes, 2nd ed. (1992), §6.2
     * ("erfcc"): fractional error below 1.2e-7 for every z, so the far tail keeps its relative
     * accuracy, which a fit of erf does not.
     */
    static double erfc(double z) {
        double t = 1 / (1 + 0.5 * Math.abs(z));
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return z >= 0 ? r : 2 - r;
    }

    /** The inverse of a 3 × 3 matrix by cofactors; null when it is singular or not finite. */
    static double[][] inverse3(double[][] a) {
        double c00 = a[1][1] * a[2][2] - a[1][2] * a[2][1];
        double c01 = a[1][2] * a[2][0] - a[1][0] * a[2][2];
        double c02 = a[1][0] * a[2][1] - a[1][1] * a[2][0];
        double det = a[0][0] * c00 + a[0][1] * c01 + a[0][2] * c02;
        if (!(Math.abs(det) > 0) || !Double.isFinite(det)) return null;
        double[][] inv = new double[3][3];
        inv[0][0] = c00 / det;
        inv[1][0] = c01 / det;
        inv[2][0] = c02 / det;
        inv[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) / det;
        inv[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) / det;
        inv[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) / det;
        inv[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) / det;
        inv[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) / det;
        inv[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) / det;
        return inv;
    }

    /**
     * The Nelder-Mead simplex method (J. A. Nelder and R. Mead, Comput. J. 7, 308 (1965)) with the
     * usual coefficients (reflection 1, expansion 2, contraction ½, shrink ½), from {@code start}
     * with initial steps {@code step}; stops when the function values of the simplex span less than
     * {@code tolerance} (absolute) or after {@code maxEvaluations}.
     */
    static double[] nelderMead(ToDoubleFunction<double[]> f, double[] start, double[] step, double tolerance, int maxEvaluations) {
        int d = start.length;
        double[][] s = new double[d + 1][];
        double[] fs = new double[d + 1];
        for (int i = 0; i <= d; i++) {
            s[i] = start.clone();
            if (i > 0) s[i][i - 1] += step[i - 1];
            fs[i] = f.applyAsDouble(s[i]);
        }
        int evaluations = d + 1;
        Integer[] order = new Integer[d + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= d; i++) order[i] = i;
            double[] values = fs;
            Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
            double[][] sorted = new double[d + 1][];
            double[] fsorted = new double[d + 1];
            for (int i = 0; i <= d; i++) {
                sorted[i] = s[order[i]];
                fsorted[i] = fs[order[i]];
            }
            s = sorted;
            fs = fsorted;
            if (fs[d] - fs[0] < tolerance) break;
            double[] centroid = new double[d];
            for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) centroid[k] += s[i][k] / d;
            double[] reflected = along(centroid, s[d], -1);
            double fr = f.applyAsDouble(reflected);
            evaluations++;
            if (fr < fs[0]) {
                double[] expanded = along(centroid, s[d], -2);
                double fe = f.applyAsDouble(expanded);
                evaluations++;
                if (fe < fr) {
                    s[d] = expanded;
                    fs[d] = fe;
                } else {
                    s[d] = reflected;
                    fs[d] = fr;
                }
            } else if (fr < fs[d - 1]) {
                s[d] = reflected;
                fs[d] = fr;
            } else {
                double[] contracted = fr < fs[d] ? along(centroid, s[d], -0.5) : along(centroid, s[d], 0.5);
                double fc = f.applyAsDouble(contracted);
                evaluations++;
                if (fc < Math.min(fr, fs[d])) {
                    s[d] = contracted;
                    fs[d] = fc;
                } else {
                    for (int i = 1; i <= d; i++) {
                        for (int k = 0; k < d; k++) s[i][k] = s[0][k] + 0.5 * (s[i][k] - s[0][k]);
                        fs[i] = f.applyAsDouble(s[i]);
                        evaluations++;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= d; i++) if (fs[i] < fs[best]) best = i;
        return s[best].clone();
    }

    /** centroid + t · (point − centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] r = new double[centroid.length];
        for (int k = 0; k < r.length; k++) r[k] = centroid[k] + t * (point[k] - centroid[k]);
        return r;
    }
}
