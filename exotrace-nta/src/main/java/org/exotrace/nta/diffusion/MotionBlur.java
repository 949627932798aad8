package org.exotrace.nta.diffusion;

import java.util.Locale;
import java.util.Optional;

/**
 * The motion-blur coefficient from a camera's exposure, and the check of a stated exposure against
 * the tracks.
 *
 * <p>For a uniform exposure of t<sub>E</sub> seconds at the start of each frame of dt seconds, the
 * recorded position is the mean of the path over the exposure and Berglund's blur coefficient is
 * R = t<sub>E</sub> / (6 dt) (Berglund, Phys. Rev. E 82, 011917, 2010, eq. 11 with a uniform
 * shutter function): 1/6 for continuous illumination, 0 for an instantaneous exposure.
 */
public final class MotionBlur {

    /** Full-frame exposure: the assumption when nothing else is known. */
    public static final double FULL_FRAME = 1.0 / 6;
    /** A stated exposure contradicts the tracks when they differ by more than this many standard errors... */
    public static final double CONTRADICTION_SE = 2;
    /** ...and by more than this in R. */
    public static final double CONTRADICTION_R = 0.03;

    private MotionBlur() {
    }

    /**
     * R = t<sub>E</sub> / (6 dt).
     *
     * @param exposureSeconds the exposure per frame, s, in (0, frameSeconds] (a little rounding above is forgiven)
     * @param frameSeconds    the frame interval, s
     * @throws IllegalArgumentException when the exposure is not positive or longer than the frame
     */
    public static MotionBlurEstimate fromExposure(double exposureSeconds, double frameSeconds) {
        if (!(frameSeconds > 0) || Double.isInfinite(frameSeconds)) {
            throw new IllegalArgumentException("the frame interval must be positive, not " + frameSeconds + " s");
        }
        if (!(exposureSeconds > 0) || Double.isInfinite(exposureSeconds)) {
            throw new IllegalArgumentException("the exposure must be a positive time, not " + exposureSeconds + " s");
        }
        if (exposureSeconds > frameSeconds * (1 + 1e-6)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "an exposure of %.4g ms is longer than the frame interval of "
                    + "%.4g ms: check the exposure and the frame rate", exposureSeconds * 1e3, frameSeconds * 1e3));
        }
        double r = Math.min(exposureSeconds, frameSeconds) / (6 * frameSeconds);
        return new MotionBlurEstimate(r, 0, Double.NaN, Double.NaN, false, MotionBlurEstimate.Source.FROM_EXPOSURE,
                String.format(Locale.ROOT, "R = %.4f from the stated exposure of %.4g ms in a frame of %.4g ms", r, exposureSeconds * 1e3,
                        frameSeconds * 1e3));
    }

    /**
     * A warning when the tracks pinned R down and it differs from the R of a stated exposure by more
     * than {@link #CONTRADICTION_SE} standard errors and more than {@link #CONTRADICTION_R}.
     */
    public static Optional<String> contradiction(MotionBlurEstimate stated, MotionBlurEstimate fromTracks) {
        if (!fromTracks.identifiable() || Double.isNaN(fromTracks.motionBlurSe())) return Optional.empty();
        double diff = Math.abs(stated.motionBlur() - fromTracks.motionBlur());
        if (diff <= CONTRADICTION_R || diff <= CONTRADICTION_SE * fromTracks.motionBlurSe()) return Optional.empty();
        String what = stated.source() == MotionBlurEstimate.Source.FROM_EXPOSURE ? "the stated exposure implies" : "the stated motion blur is";
        return Optional.of(String.format(Locale.ROOT, "%s R = %.3f, the tracks give R = %.3f ± %.3f: check the camera's exposure setting "
                + "(the stated value was used)", what, stated.motionBlur(), fromTracks.motionBlur(), fromTracks.motionBlurSe()));
    }
}
