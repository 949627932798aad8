package org.exotrace.nta.diffusion;

/**
 * Estimates a track's diffusion coefficient from its steps.
 *
 * <p>Implementations are stateless once built, and so safe to share between threads.
 */
@FunctionalInterface
public interface DiffusionEstimator {

    /**
     * @param dx        the k drift-corrected frame-to-frame steps along x, in µm
     * @param dy        the k steps along y, in µm, same length as {@code dx}; the two axes are used
     *                  as independent samples of the same diffusion
     * @param dtSeconds the frame interval, in s
     * @return the estimate for this track
     * @throws IllegalArgumentException when the arrays differ in length, are too short for the
     *                                  estimator, or {@code dtSeconds} is not positive
     */
    DiffusionEstimate estimate(double[] dx, double[] dy, double dtSeconds);
}
