package org.exotrace.nta.distribution;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The 1-D Wasserstein-1 (earth mover's) distance between a grid number distribution and a
 * reference, in nm:
 * <pre>
 *     W1(F, G) = ∫ |F(d) − G(d)| dd = ∫₀¹ |F⁻¹(u) − G⁻¹(u)| du
 * </pre>
 * (C. Villani, Optimal Transport, 2009, for the 1-D identity). F is the grid distribution's CDF
 * (each bin's fraction spread uniformly between its edges, see {@link NumberDistribution#cdf}).
 * Used to check that an estimator recovers a known truth: the average distance, in nm, particles
 * must be moved to turn one distribution into the other.
 */
public final class WassersteinDistance {

    private WassersteinDistance() {
    }

    /**
     * W1 to the empirical distribution of {@code samplesNm} (e.g. the true diameters of simulated
     * particles), computed exactly: between consecutive breakpoints (bin edges and samples) F is
     * linear and the empirical CDF constant, so |F − G| integrates in closed form.
     */
    public static double toSamples(NumberDistribution distribution, double[] samplesNm) {
        if (samplesNm.length == 0) throw new IllegalArgumentException("no samples");
        double[] samples = samplesNm.clone();
        Arrays.sort(samples);
        DiameterGrid grid = distribution.grid();
        double[] points = new double[samples.length + grid.size() + 1];
        System.arraycopy(samples, 0, points, 0, samples.length);
        for (int i = 0; i <= grid.size(); i++) points[samples.length + i] = grid.edge(i);
        Arrays.sort(points);
        double n = samples.length;
        int below = 0; // samples <= current left point
        double total = 0;
        double fa = distribution.cdf(points[0]);
        for (int k = 0; k + 1 < points.length; k++) {
            double a = points[k];
            double b = points[k + 1];
            while (below < samples.length && samples[below] <= a) below++;
            double fb = distribution.cdf(b);
            if (b > a) {
                double g = below / n;
                double x = fa - g;
                double y = fb - g;
                double width = b - a;
                if (x * y >= 0) total += 0.5 * (Math.abs(x) + Math.abs(y)) * width;
                else total += 0.5 * (x * x + y * y) / (Math.abs(x) + Math.abs(y)) * width;
            }
            fa = fb;
        }
        return total;
    }

    /**
     * W1 to a reference given by its quantile function {@code quantileNm} (u in (0,1) to nm),
     * by the midpoint rule on {@code points} equally spaced levels; the error is bounded by the
     * quantile functions' variation over one level step at the tails.
     */
    public static double toQuantileFunction(NumberDistribution distribution, DoubleUnaryOperator quantileNm, int points) {
        if (points < 1) throw new IllegalArgumentException("need at least one point, got " + points);
        double sum = 0;
        for (int k = 0; k < points; k++) {
            double u = (k + 0.5) / points;
            sum += Math.abs(distribution.quantile(u) - quantileNm.applyAsDouble(u));
        }
        return sum / points;
    }
}
