package org.exotrace.nta.diffusion;

import java.util.function.DoubleUnaryOperator;

/**
 * Maximises a smooth function of a positive variable: a coarse scan on a logarithmic grid (so a
 * second local maximum cannot trap the search), then golden-section refinement in log space
 * between the best grid point's neighbours.
 */
final class LogScaleSearch {

    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private LogScaleSearch() {
    }

    /** @return the argmax in [lo, hi] */
    static double argMax(DoubleUnaryOperator f, double lo, double hi, int gridPoints) {
        double a = Math.log(lo);
        double b = Math.log(hi);
        double h = (b - a) / (gridPoints - 1);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < gridPoints; i++) {
            double v = f.applyAsDouble(Math.exp(a + i * h));
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double left = a + Math.max(0, best - 1) * h;
        double right = a + Math.min(gridPoints - 1, best + 1) * h;
        double x1 = right - GOLDEN * (right - left);
        double x2 = left + GOLDEN * (right - left);
        double f1 = f.applyAsDouble(Math.exp(x1));
        double f2 = f.applyAsDouble(Math.exp(x2));
        while (right - left > 1e-10) {
            if (f1 < f2) {
                left = x1;
                x1 = x2;
                f1 = f2;
                x2 = left + GOLDEN * (right - left);
                f2 = f.applyAsDouble(Math.exp(x2));
            } else {
                right = x2;
                x2 = x1;
                f2 = f1;
                x1 = right - GOLDEN * (right - left);
                f1 = f.applyAsDouble(Math.exp(x1));
            }
        }
        double xm = Math.exp((left + right) / 2);
        return f.applyAsDouble(xm) >= bestValue ? xm : Math.exp(a + best * h);
    }
}
