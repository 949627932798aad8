package org.exotrace.nta.simulate;

import java.util.List;
import java.util.random.RandomGenerator;

final class Mixture implements SizeDistribution {

    private final double[] cumulative;
    private final double[] probabilities;
    private final List<SizeDistribution> components;

    Mixture(double[] weights, SizeDistribution... components) {
        if (weights.length != components.length || weights.length == 0) {
            throw new IllegalArgumentException("need one positive weight per component");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("weights must be >= 0: " + w);
            total += w;
        }
        if (!(total > 0)) throw new IllegalArgumentException("weights sum to zero");
        this.components = List.of(components);
        this.probabilities = new double[weights.length];
        this.cumulative = new double[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            probabilities[i] = weights[i] / total;
            running += probabilities[i];
            cumulative[i] = running;
        }
    }

    @Override
    public double sampleNm(RandomGenerator random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) return components.get(i).sampleNm(random);
        }
        return components.get(cumulative.length - 1).sampleNm(random);
    }

    @Override
    public double cdf(double d) {
        double f = 0;
        for (int i = 0; i < probabilities.length; i++) f += probabilities[i] * components.get(i).cdf(d);
        return f;
    }

    /** Bisection: the answer lies between the smallest and the largest component quantile at p. */
    @Override
    public double quantileNm(double p) {
        Monodisperse.checkProbability(p);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (SizeDistribution c : components) {
            double q = c.quantileNm(p);
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
        }
        if (cdf(lo) >= p) return lo;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid) >= p) hi = mid;
            else lo = mid;
        }
        return hi;
    }
}
