package org.exotrace.characterization;

import java.util.List;
import java.util.Map;

/**
 * What an NTA measurement found, as stored with it. Sizes in nm, concentration in particles/mL of
 * the original (undiluted) sample.
 *
 * @param method             how the distribution was obtained, in words
 * @param positions          positions read (trajectory files)
 * @param tracksTotal        tracks in the file (trajectory files) or valid tracks over all videos (NanoSight)
 * @param tracksUsed         tracks long enough to be used
 * @param meanNm             number-weighted mean diameter
 * @param modeNm             modal diameter
 * @param sdNm               standard deviation of the diameter
 * @param d10Nm              10th percentile
 * @param d50Nm              median
 * @param d90Nm              90th percentile
 * @param confidence95       bootstrap 95% intervals by statistic (meanNm, d10Nm, d50Nm, d90Nm), or empty
 * @param driftXUmPerFrame   ensemble drift found, x
 * @param driftYUmPerFrame   ensemble drift found, y
 * @param localizationErrorNm ensemble localization error per axis
 * @param viscosityMPaS      viscosity used
 * @param viscositySource    where it came from (a water model or "user-given")
 * @param concentrationPerMl particles per mL, or null when not measured (no detection volume)
 * @param particlesPerFrame  mean particles per frame, or null
 * @param samplingModel      the sampling-bias correction of the ML fit, or null
 * @param videos             per-video results of a NanoSight export; empty for trajectory files
 * @param warnings           what a scientist should know about this result
 * @param distribution       the number distribution
 * @param concentrationBasis where the detection volume behind the concentration came from (a calibration, or a
 *                           typed volume flagged UNCALIBRATED); null without a concentration
 * @param noConcentration    why there is no concentration; null when there is one
 * @param instrumentConcentrationPerMl a NanoSight export's own concentration (with the instrument's detection volume),
 *                           shown for comparison and never recorded; null for trajectory files
 */
public record NtaOutcome(String method, long positions, int tracksTotal, int tracksUsed, double meanNm, double modeNm, double sdNm,
                         double d10Nm, double d50Nm, double d90Nm, Map<String, List<Double>> confidence95, Double driftXUmPerFrame,
                         Double driftYUmPerFrame, Double localizationErrorNm, Double viscosityMPaS, String viscositySource,
                         Double concentrationPerMl, Double particlesPerFrame, String samplingModel, List<Video> videos,
                         List<String> warnings, List<Point> distribution, String concentrationBasis, String noConcentration,
                         Double instrumentConcentrationPerMl, Integer instrumentChecksOk) {

    /** Why a measurement without a detection volume has no concentration. */
    static final String NO_VOLUME = "No concentration: no calibration record was chosen (nor a detection volume typed), and a "
            + "concentration needs the detection volume of this set-up; upload again with a calibration to record one";

    /** One NanoSight video's conditions and results. */
    public record Video(String filename, double temperatureC, double viscosityMPaS, double fps, double modeNm, double d50Nm,
                        double concentrationPerMl, int validTracks, Integer cameraLevel) {}

    /** A diameter and the number fraction of particles around it. */
    public record Point(double diameterNm, double fraction) {}

    public NtaOutcome {
        confidence95 = confidence95 == null ? Map.of() : Map.copyOf(confidence95);
        videos = videos == null ? List.of() : List.copyOf(videos);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        distribution = List.copyOf(distribution);
    }

    /** This outcome with more warnings, e.g. what contradicts the calibration. */
    NtaOutcome withWarnings(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new NtaOutcome(method, positions, tracksTotal, tracksUsed, meanNm, modeNm, sdNm, d10Nm, d50Nm, d90Nm, confidence95,
                driftXUmPerFrame, driftYUmPerFrame, localizationErrorNm, viscosityMPaS, viscositySource, concentrationPerMl,
                particlesPerFrame, samplingModel, videos, all, distribution, concentrationBasis, noConcentration, instrumentConcentrationPerMl,
                instrumentChecksOk);
    }
}
