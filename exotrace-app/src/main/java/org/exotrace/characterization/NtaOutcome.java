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
 * @param concentrationPerMl particles per mL, or null when not measured
 * @param particlesPerFrame  mean particles per frame, or null
 * @param samplingModel      the sampling-bias correction of the ML fit, or null
 * @param videos             per-video results of a NanoSight export; empty for trajectory files
 * @param warnings           what a scientist should know about this result
 * @param distribution       the number distribution
 */
public record NtaOutcome(String method, long positions, int tracksTotal, int tracksUsed, double meanNm, double modeNm, double sdNm,
                         double d10Nm, double d50Nm, double d90Nm, Map<String, List<Double>> confidence95, Double driftXUmPerFrame,
                         Double driftYUmPerFrame, Double localizationErrorNm, Double viscosityMPaS, String viscositySource,
                         Double concentrationPerMl, Double particlesPerFrame, String samplingModel, List<Video> videos,
                         List<String> warnings, List<Point> distribution) {

    /** One NanoSight video's conditions and results. */
    public record Video(String filename, double temperatureC, double viscosityMPaS, double fps, double modeNm, double d50Nm,
                        double concentrationPerMl, int validTracks) {}

    /** A diameter and the number fraction of particles around it. */
    public record Point(double diameterNm, double fraction) {}

    public NtaOutcome {
        confidence95 = confidence95 == null ? Map.of() : Map.copyOf(confidence95);
        videos = videos == null ? List.of() : List.copyOf(videos);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        distribution = List.copyOf(distribution);
    }
}
