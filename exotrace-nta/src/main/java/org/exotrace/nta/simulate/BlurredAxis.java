package org.exotrace.nta.simulate;

import java.util.random.RandomGenerator;

/**
 * One coordinate moved through one frame: Brownian motion with constant velocity, with the
 * exposure-averaged position integrated exactly over each sub-step.
 */
final class BlurredAxis {

    private BlurredAxis() {
    }

    /**
     * Advances {@code position[axis]} through a frame of length dt whose exposure covers its first
     * tE seconds, split into {@code subSteps} exposure sub-steps plus the dark rest.
     *
     * @return the mean position during the exposure (the start position when tE = 0)
     */
    static double frame(double[] position, int axis, double d, double velocity, double dt, double exposure,
                        int subSteps, RandomGenerator random) {
        double x = position[axis];
        double mean;
        if (exposure > 0) {
            double h = exposure / subSteps;
            double sd = Math.sqrt(2 * d * h);
            double integralSd = Math.sqrt(d * h * h * h / 6);
            double integral = 0;
            for (int s = 0; s < subSteps; s++) {
                double w = sd * random.nextGaussian();
                integral += x * h + 0.5 * h * w + integralSd * random.nextGaussian() + 0.5 * velocity * h * h;
                x += w + velocity * h;
            }
            mean = integral / exposure;
        } else {
            mean = x;
        }
        double rest = dt - exposure;
        if (rest > 0) x += Math.sqrt(2 * d * rest) * random.nextGaussian() + velocity * rest;
        position[axis] = x;
        return mean;
    }
}
