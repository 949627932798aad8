package org.exotrace.nta.simulate;

import java.util.random.RandomGenerator;

record Monodisperse(double diameterNm) implements SizeDistribution {

    Monodisperse {
        if (!(diameterNm > 0) || Double.isInfinite(diameterNm)) throw new IllegalArgumentException("diameter must be positive: " + diameterNm);
    }

    @Override
    public double sampleNm(RandomGenerator random) {
        return diameterNm;
    }

    @Override
    public double cdf(double d) {
        return d >= diameterNm ? 1 : 0;
    }

    @Override
    public double quantileNm(double p) {
        checkProbability(p);
        return diameterNm;
    }

    static void checkProbability(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("probability must be in (0, 1): " + p);
    }
}
