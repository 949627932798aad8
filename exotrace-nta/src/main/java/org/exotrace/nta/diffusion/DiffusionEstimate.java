package org.exotrace.nta.diffusion;

/**
 * A per-track diffusion estimate.
 *
 * @param diffusionUm2PerS the estimated diffusion coefficient D, in µm²/s (may be negative for
 *                         estimators that are unbiased rather than constrained, such as the CVE)
 * @param variance         the estimator's variance for this track, in (µm²/s)², evaluated at the
 *                         estimated parameters (exact for the quadratic-form estimators, the
 *                         Cramér-Rao bound for maximum likelihood)
 * @param sigma2Um2        the localization variance σ² per axis, in µm², estimated or given
 * @param steps            the number k of frame-to-frame steps used (per axis)
 */
public record DiffusionEstimate(double diffusionUm2PerS, double variance, double sigma2Um2, int steps) {

    public DiffusionEstimate {
        if (steps < 1) throw new IllegalArgumentException("an estimate needs at least one step: " + steps);
    }
}
