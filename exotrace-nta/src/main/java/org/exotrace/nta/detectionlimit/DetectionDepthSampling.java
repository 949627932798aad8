package org.exotrace.nta.detectionlimit;

import java.util.Locale;

import org.exotrace.nta.distribution.SamplingModel;

/**
 * {@link SamplingModel#observedTrackDuration()} divided by the depth of the detection layer of each
 * size: N(d) ∝ v(d) · τ(d) / z_det(d).
 *
 * <p>Why: the observed-track-duration model turns tracks into the mean number of particles of each
 * size present in the detection layer per frame. That layer is as thick as a particle stays over the
 * mass threshold: with a Gaussian focus profile (assumed) |z| ≤ z_det(d) = dof · √(2 ln(m(d) / m_th)),
 * so a small, dim particle is counted in a thinner layer than a large, bright one, and the number per
 * volume is the number present divided by z_det(d). m(d) / m_th comes from the brightness-size relation
 * measured on the same tracks ({@link DetectionLimitEstimator}); dof cancels in the normalised
 * distribution. Below 1.65 × the threshold ({@link DetectionLimit#MIN_LOG_MASS_RATIO}) the depth is
 * held at dof so nodes close to the limit are not inflated without bound; particles below the limit,
 * never detected, are not restored by any factor.
 *
 * <p>Further assumptions: the illuminated slab is thicker than the deepest detection layer (z_det of
 * the largest particles), and particles fill it evenly. On a rendered video with Rayleigh brightness
 * (see the tests) the positions of kept tracks per particle present follow z_det(d) to within 20 % from
 * 75 to 260 nm.
 */
public final class DetectionDepthSampling implements SamplingModel {

    private final DetectionLimit limit;
    private final SamplingModel duration = SamplingModel.observedTrackDuration();

    private DetectionDepthSampling(DetectionLimit limit) {
        this.limit = limit;
    }

    /**
     * @throws IllegalArgumentException when the limit's brightness-size relation was not identified
     */
    public static DetectionDepthSampling of(DetectionLimit limit) {
        if (!limit.identified()) throw new IllegalArgumentException("no detection-depth correction without a measured brightness-size relation: "
                + limit.note());
        return new DetectionDepthSampling(limit);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "observed track duration / detection depth (Gaussian focus; brightness ∝ d^%.2f, limit %.0f nm)",
                limit.exponent(), limit.smallestDetectableNm());
    }

    @Override
    public double[] particlesPerTrack(Fit fit) {
        double[] tau = duration.particlesPerTrack(fit);
        for (int j = 0; j < tau.length; j++) tau[j] /= limit.relativeDepth(fit.grid().nanometres(j));
        return tau;
    }
}
