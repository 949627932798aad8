package org.exotrace.nta.simulate;

import java.util.random.RandomGenerator;

record Lognormal(double medianNm, double geometricSd) implements SizeDistribution {

    Lognormal {
        if (!(medianNm > 0) || Double.isInfinite(medianNm)) throw new IllegalArgumentException("median must be positive: " + medianNm);
        if (!(geometricSd > 1) || Double.isInfinite(geometricSd)) throw new IllegalArgumentException("geometric SD must be > 1: " + geometricSd);
    }

    @Override
    public double sampleNm(RandomGenerator random) {
        return medianNm * Math.exp(Math.log(geometricSd) * random.nextGaussian());
    }

    @Override
    public double cdf(double d) {
        return d <= 0 ? 0 : Normal.cdf(Math.log(d / medianNm) / Math.log(geometricSd));
    }

    @Override
    public double quantileNm(double p) {
        Monodisperse.checkProbability(p);
        return medianNm * Math.pow(geometricSd, Normal.quantile(p));
    }
}
