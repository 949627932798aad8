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
 * @param motionBlur        motion-blur coefficient R (1/6 for full-frame exposure, 0 instantaneous)
 * @param detectionVolume   for the concentration; null to skip it
 * @param dilution          for the concentration; null means undiluted
 * @param bootstrapReplicates replicates for the confidence intervals; 0 for none
 * @param seed              random seed of the bootstrap
 */
public record AnalysisSettings(TrajectoryFormat format, double framesPerSecond, Temperature temperature, Viscosity viscosity,
                               boolean driftCorrection, SizingMethod method, int minTrackLength, double motionBlur,
                               DetectionVolume detectionVolume, Dilution dilution, int bootstrapReplicates, long seed) {

    public AnalysisSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(viscosity, "viscosity");
        Objects.requireNonNull(method, "method");
        if (!(framesPerSecond > 0) || Double.isInfinite(framesPerSecond)) {
            throw new IllegalArgumentException("frame rate must be positive, not " + framesPerSecond);
        }
        if (minTrackLength < 2) throw new IllegalArgumentException("minimum track length must be at least 2 positions, not " + minTrackLength);
        if (!(motionBlur >= 0 && motionBlur <= 0.25)) throw new IllegalArgumentException("motion blur R must be in [0, 1/4], not " + motionBlur);
        if (bootstrapReplicates < 0) throw new IllegalArgumentException("bootstrap replicates must be >= 0");
    }

    public double frameSeconds() {
        return 1 / framesPerSecond;
    }
}
