package org.exotrace.nta.analysis;

import java.util.List;
import org.exotrace.nta.concentration.ConcentrationEstimator;
import org.exotrace.nta.diffusion.MotionBlurEstimate;
import org.exotrace.nta.distribution.Bootstrap;
import org.exotrace.nta.distribution.DistributionStats;
import org.exotrace.nta.distribution.NumberDistribution;

/**
 * The outcome of an analysis and the settings that produced it.
 *
 * @param settings            the settings used
 * @param positions           positions read
 * @param tracksTotal         tracks in the file
 * @param tracksUsed          tracks long enough to be used
 * @param driftUmPerFrame     mean ensemble drift (x, y) that was found, µm/frame (found even when not subtracted)
 * @param localizationSigma2  ensemble localization variance per axis, µm²
 * @param motionBlur          the motion-blur coefficient R used and how it was found (estimated, from the exposure, stated or assumed)
 * @param distribution        the number distribution of particles
 * @param stats               mean, mode, SD, D10, D50, D90
 * @param intervals           bootstrap result, or null when no replicates were asked for
 * @param concentration       the concentration, or null without a detection volume
 * @param samplingModel       the sampling-bias correction applied (ML only)
 * @param warnings            things a scientist should know about this result
 * @param modelCheck          the free-diffusion check of the tracks (MSD versus lag, step correlations)
 * @param fallback            when that check failed and the ML sizing fell back to each track's lag-L MSD, how; else null
 */
public record AnalysisResult(AnalysisSettings settings, long positions, int tracksTotal, int tracksUsed,
                             double[] driftUmPerFrame, double localizationSigma2, MotionBlurEstimate motionBlur, NumberDistribution distribution,
                             DistributionStats stats, Bootstrap.Result intervals, ConcentrationEstimator.Result concentration,
                             String samplingModel, List<String> warnings, MsdDiagnostic modelCheck, LagFallback.Result fallback) {

    public AnalysisResult {
        warnings = List.copyOf(warnings);
    }
}
