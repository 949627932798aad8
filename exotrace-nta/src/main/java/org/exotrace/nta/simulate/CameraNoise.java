package org.exotrace.nta.simulate;

import java.util.random.RandomGenerator;

/**
 * The camera's measurement of an expected image: photon shot noise, Gaussian read noise,
 * digitization to whole counts and clipping at the sensor's range. Not thread-safe (it keeps the
 * constants of the last Poisson mean).
 *
 * <p>Model (counts are the camera's grey levels): a pixel expecting λ counts receives
 * n ~ Poisson(λ · g) photo-electrons, g = photons per count; it reports
 * round(n / g + ε), ε ~ N(0, σ_read²), clipped to [0, 2^bits − 1]. Away from the clip the
 * mean is λ and the variance λ / g + σ_read² + 1/12 (the last term from rounding).
 *
 * <p>Poisson variates: for a mean below 10, Knuth's multiplication method (The Art of Computer
 * Programming, vol. 2, 3.4.1); from 10 on, Hörmann's transformed rejection with squeeze, PTRS
 * (W. Hörmann, "The transformed rejection method for generating Poisson random variables",
 * Insurance: Mathematics and Economics 12, 39-45, 1993), which takes O(1) time for any mean.
 */
final class CameraNoise {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double[] LOG_FACTORIAL = new double[16];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
    }

    private final boolean shotNoise;
    private final double photonsPerCount;
    private final double readNoiseCounts;
    private final double maxValue;
    private double cachedMean = Double.NaN;
    private double logMean;
    private double a;
    private double b;
    private double vr;
    private double logInverseAlpha;

    /**
     * @param shotNoise       whether to draw photon shot noise
     * @param photonsPerCount g, photo-electrons per grey level (&gt; 0 when shotNoise)
     * @param readNoiseCounts σ_read, grey levels (≥ 0)
     * @param maxValue        the largest grey level, 2^bits − 1
     */
    CameraNoise(boolean shotNoise, double photonsPerCount, double readNoiseCounts, double maxValue) {
        this.shotNoise = shotNoise;
        this.photonsPerCount = photonsPerCount;
        this.readNoiseCounts = readNoiseCounts;
        this.maxValue = maxValue;
    }

    /** Replaces each expected value in {@code expected} by a camera reading, written to {@code out}. */
    void measure(double[] expected, float[] out, RandomGenerator random) {
        for (int i = 0; i < expected.length; i++) {
            double v = expected[i];
            if (shotNoise) v = poisson(v * photonsPerCount, random) / photonsPerCount;
            if (readNoiseCounts > 0) v += readNoiseCounts * random.nextGaussian();
            v = Math.rint(v);
            out[i] = (float) (v < 0 ? 0 : Math.min(v, maxValue));
        }
    }

    /**
     * A Poisson variate of mean {@code mean} (≥ 0). The transformed-rejection constants of the last
     * mean are kept, so a run of pixels at the background level computes them once.
     */
    double poisson(double mean, RandomGenerator random) {
        if (!(mean > 0)) return 0;
        if (mean < 10) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }
        if (mean > 1e9) return Math.max(0, Math.rint(mean + Math.sqrt(mean) * random.nextGaussian()));
        if (Double.compare(mean, cachedMean) != 0) {
            cachedMean = mean;
            logMean = Math.log(mean);
            b = 0.931 + 2.53 * Math.sqrt(mean);
            a = -0.059 + 0.02483 * b;
            vr = 0.9277 - 3.6224 / (b - 2);
            logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        }
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
        }
    }

    /** ln(k!) for a whole k ≥ 0: a table below 16, Stirling's series (error &lt; 1e-12) above. */
    static double logFactorial(double k) {
        if (k < LOG_FACTORIAL.length) return LOG_FACTORIAL[(int) k];
        double k2 = k * k;
        return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + (1.0 / 12 - (1.0 / 360 - 1.0 / (1260 * k2)) / k2) / k;
    }
}
