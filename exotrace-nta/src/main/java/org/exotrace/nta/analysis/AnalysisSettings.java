package org.exotrace.nta.analysis;

import java.util.Objects;
import org.exotrace.nta.concentration.DetectionVolume;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;

/**
 * Everything that determines an analysis' numbers.
 *
 * @param format            columns and units of the tracks file
 * @param framesPerSecond   camera frame rate
 * @param temperature       sample temperature
 * @param viscosity         medium viscosity, with the model or "user-given" it came from
 * @param driftCorrection   subtract the ensemble drift per frame
 * @param method            ML deconvolution or naive histogram
 * @param minTrackLength    minimum positions per track kept
 * @param motionBlur        motion-blur coefficient R (1/6 for full-frame exposure, 0 instantaneous) when stated; null to
 *                          take it from the exposure or, without one, to estimate it from the tracks
 *                          ({@link org.exotrace.nta.diffusion.MotionBlurEstimator})
 * @param exposureSeconds   the camera's exposure per frame, s, at most the frame interval; null when not known.
 *                          Gives R = tE / (6 dt) when no R is stated, and is checked against the tracks
 * @param detectionVolume   for the concentration; null to skip it
 * @param dilution          for the concentration; null means undiluted
 * @param bootstrapReplicates replicates for the confidence intervals; 0 for none
 * @param seed              random seed of the bootstrap
 */
public record AnalysisSettings(TrajectoryFormat format, double framesPerSecond, Temperature temperature, Viscosity viscosity,
                               boolean driftCorrection, SizingMethod method, int minTrackLength, Double motionBlur,
                               Double exposureSeconds, DetectionVolume detectionVolume, Dilution dilution, int bootstrapReplicates, long seed) {

    public AnalysisSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(viscosity, "viscosity");
        Objects.requireNonNull(method, "method");
        if (!(framesPerSecond > 0) || Double.isInfinite(framesPerSecond)) {
            throw new IllegalArgumentException("frame rate must be positive, not " + framesPerSecond);
        }
        if (minTrackLength < 2) throw new IllegalArgumentException("minimum track length must be at least 2 positions, not " + minTrackLength);
        if (motionBlur != null && !(motionBlur >= 0 && motionBlur <= 0.25)) {
            throw new IllegalArgumentException("motion blur R must be in [0, 1/4], not " + motionBlur);
        }
        if (exposureSeconds != null && !(exposureSeconds > 0 && exposureSeconds <= (1 + 1e-6) / framesPerSecond)) {
            throw new IllegalArgumentException("the exposure must be above 0 and at most the frame interval (" + 1000 / framesPerSecond
                    + " ms at " + framesPerSecond + " fps), not " + exposureSeconds * 1000 + " ms");
        }
        if (bootstrapReplicates < 0) throw new IllegalArgumentException("bootstrap replicates must be >= 0");
    }

    /** Settings with R stated (exposure unknown), as before the blur was estimated from the tracks. */
    public AnalysisSettings(TrajectoryFormat format, double framesPerSecond, Temperature temperature, Viscosity viscosity,
                            boolean driftCorrection, SizingMethod method, int minTrackLength, double motionBlur,
                            DetectionVolume detectionVolume, Dilution dilution, int bootstrapReplicates, long seed) {
        this(format, framesPerSecond, temperature, viscosity, driftCorrection, method, minTrackLength, Double.valueOf(motionBlur), null,
                detectionVolume, dilution, bootstrapReplicates, seed);
    }

    /** These settings with R and the exposure replaced (either may be null). */
    public AnalysisSettings withMotionBlur(Double r, Double exposure) {
        return new AnalysisSettings(format, framesPerSecond, temperature, viscosity, driftCorrection, method, minTrackLength, r, exposure,
                detectionVolume, dilution, bootstrapReplicates, seed);
    }

    public double frameSeconds() {
        return 1 / framesPerSecond;
    }
}
