package org.exotrace.nta.diffusion;

import java.util.Objects;

/**
 * The motion-blur coefficient R and the localization variance σ² an analysis uses, with how R was
 * found.
 *
 * <p>R is the camera's blur coefficient in Berglund's model (Phys. Rev. E 82, 011917, 2010): for a
 * uniform exposure of length t<sub>E</sub> in a frame of dt, R = t<sub>E</sub> / (6 dt), so 1/6 for
 * full-frame (continuous) exposure and 0 for an instantaneous one. σ² is the static localization
 * variance per axis.
 *
 * @param motionBlur   R, dimensionless, in [0, 1/4]
 * @param motionBlurSe standard error of R (bootstrap over tracks); 0 when R was stated or derived
 *                     from a stated exposure; NaN when R was assumed ({@link Source#DEFAULT_FALLBACK}, the
 *                     note gives the tracks' own R and error) or could not be computed
 * @param sigma2Um2    localization variance per axis at this R, µm² (ensemble value; may be
 *                     slightly negative when σ² is far below D dt; consumers clamp at 0)
 * @param sigma2Se     standard error of σ² (bootstrap over tracks), µm²; NaN when not computed
 * @param identifiable whether the tracks pinned R down (enough spread of D across tracks); always
 *                     false for {@link Source#STATED} and {@link Source#FROM_EXPOSURE} unless the
 *                     data were also checked
 * @param source       how R was found
 * @param note         a sentence for a person: why this R
 */
public record MotionBlurEstimate(double motionBlur, double motionBlurSe, double sigma2Um2, double sigma2Se, boolean identifiable,
                                 Source source, String note) {

    /** How R was found. */
    public enum Source {
        /** Estimated jointly with σ² from the tracks ({@link MotionBlurEstimator}). */
        ESTIMATED,
        /** R = t<sub>E</sub> / (6 dt) from a stated exposure ({@link MotionBlur#fromExposure}). */
        FROM_EXPOSURE,
        /** Given by the user as R. */
        STATED,
        /** The tracks could not pin R down and nothing was stated: full-frame exposure, R = 1/6, assumed. */
        DEFAULT_FALLBACK
    }

    public MotionBlurEstimate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        Steps.checkBlur(motionBlur);
    }

    /** The same R and source with another σ² (and its error). */
    public MotionBlurEstimate withSigma2(double sigma2, double se) {
        return new MotionBlurEstimate(motionBlur, motionBlurSe, sigma2, se, identifiable, source, note);
    }
}
