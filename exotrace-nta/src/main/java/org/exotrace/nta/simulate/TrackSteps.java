package org.exotrace.nta.simulate;

import java.util.random.RandomGenerator;

/**
 * Frame-to-frame steps of one 2D track of free diffusion, simulated from the physics rather than
 * from the increment covariance the estimators assume: the true position performs Brownian motion,
 * the camera reports its average over an exposure tE = 6 R dt at the start of each frame
 * (integrated exactly over {@code subSteps} sub-steps, see the package documentation), and
 * independent Gaussian localization noise of variance σ² is added per axis.
 *
 * @param dx the k steps along x, µm
 * @param dy the k steps along y, µm
 */
public record TrackSteps(double[] dx, double[] dy) {

    /**
     * @param diffusionUm2PerS D, µm²/s
     * @param sigma2Um2        localization variance per axis, µm²
     * @param motionBlur       R in [0, 1/6] (uniform exposure of 6R dt; 1/6 is full-frame exposure)
     * @param dtSeconds        frame interval, s
     * @param steps            k, the number of steps (k + 1 positions)
     * @param subSteps         exposure sub-steps per frame (≥ 1)
     * @param random           the random source (seeded by the caller)
     */
    public static TrackSteps simulate(double diffusionUm2PerS, double sigma2Um2, double motionBlur, double dtSeconds,
                                      int steps, int subSteps, RandomGenerator random) {
        if (!(diffusionUm2PerS >= 0) || !(sigma2Um2 >= 0) || !(dtSeconds > 0) || steps < 1 || subSteps < 1) {
            throw new IllegalArgumentException("need D >= 0, σ² >= 0, dt > 0, steps >= 1, subSteps >= 1");
        }
        if (!(motionBlur >= 0 && motionBlur <= 1.0 / 6)) {
            throw new IllegalArgumentException("a uniform exposure gives R in [0, 1/6]: " + motionBlur);
        }
        double exposure = Math.min(dtSeconds, 6 * motionBlur * dtSeconds);
        double sigma = Math.sqrt(sigma2Um2);
        double[] position = new double[2];
        double[][] observed = new double[2][steps + 1];
        for (int f = 0; f <= steps; f++) {
            for (int axis = 0; axis < 2; axis++) {
                double mean = BlurredAxis.frame(position, axis, diffusionUm2PerS, 0, dtSeconds, exposure, subSteps, random);
                observed[axis][f] = mean + sigma * random.nextGaussian();
            }
        }
        double[] dx = new double[steps];
        double[] dy = new double[steps];
        for (int n = 0; n < steps; n++) {
            dx[n] = observed[0][n + 1] - observed[0][n];
            dy[n] = observed[1][n + 1] - observed[1][n];
        }
        return new TrackSteps(dx, dy);
    }

    public int steps() {
        return dx.length;
    }
}
