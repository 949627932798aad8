package org.exotrace.nta;

/**
 * What the sizing stage needs to know about one track, after drift removal.
 *
 * @param particle           the track's id in the input
 * @param steps              number of frame-to-frame steps k (positions - 1, gaps excluded)
 * @param dtSeconds          frame interval
 * @param meanSquaredStepUm2 mean over the k steps of the squared 2D step length |dr|^2, in µm²
 * @param diffusionUm2PerS   the per-track diffusion coefficient estimate, in µm²/s
 * @param varianceUm4PerS2   the estimator's variance for this track (its uncertainty), in (µm²/s)²
 * @param shape              the Gamma shape of {@code meanSquaredStepUm2}'s distribution, i.e. 1 / its
 *                           relative variance: k for the mean of k independent squared 2-D steps (the
 *                           usual case), fewer for a statistic whose terms overlap (a lag-L MSD)
 */
public record TrackDiffusion(long particle, int steps, double dtSeconds, double meanSquaredStepUm2,
                             double diffusionUm2PerS, double varianceUm4PerS2, double shape) {

    public TrackDiffusion {
        if (steps < 1) throw new IllegalArgumentException("a track needs at least one step: " + steps);
        if (!(dtSeconds > 0)) throw new IllegalArgumentException("frame interval must be positive: " + dtSeconds);
        if (!(meanSquaredStepUm2 >= 0)) throw new IllegalArgumentException("mean squared step must be >= 0: " + meanSquaredStepUm2);
        if (!(shape > 0)) throw new IllegalArgumentException("shape must be positive: " + shape);
    }

    /** A track whose statistic is the mean of its {@code steps} independent squared steps (shape = steps). */
    public TrackDiffusion(long particle, int steps, double dtSeconds, double meanSquaredStepUm2, double diffusionUm2PerS, double varianceUm4PerS2) {
        this(particle, steps, dtSeconds, meanSquaredStepUm2, diffusionUm2PerS, varianceUm4PerS2, steps);
    }
}
