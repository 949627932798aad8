package org.exotrace.nta.concentration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.exotrace.nta.io.NanoSightSummary;

/**
 * A detection volume estimated from a NanoSight export of a particle standard: each video is one
 * replicate, counted by the instrument's "Particles per frame" (the count its own concentration is
 * computed from), and {@link DetectionVolumeCalibration} does the rest.
 *
 * <p>The volume depends on the camera level (in the real 100 nm bead exports, level 15 gives about
 * 110 pL and level 10 about 158 pL for the same beads), so an export that mixes camera levels is
 * refused unless one level is chosen; only that level's videos are used. The dilution is the one the
 * export records ("Dilution factor (concentrations adjusted for this factor)"); when it records
 * none, the caller gives it; when both are given they must agree. The instrument's own concentration
 * warnings other than "OK" and "No" are passed on as warnings.
 *
 * @param calibration       the volume and its uncertainty
 * @param framesPerSecond   the videos' frame rate
 * @param cameraLevel       the camera level of the videos used
 * @param shutterMs         their shutter (exposure), ms
 * @param detectionThreshold their detection threshold
 * @param temperatureC      their mean temperature, °C
 * @param software          the NTA build that wrote the export
 */
public record NanoSightCalibration(DetectionVolumeCalibration.Result calibration, double framesPerSecond, int cameraLevel,
                                   double shutterMs, double detectionThreshold, double temperatureC, String software) {

    /**
     * @param summary                   the standard's export
     * @param stated                    the standard's concentration as supplied
     * @param statedRelativeUncertainty the supplier's relative standard uncertainty, 0 when not stated
     * @param dilution                  the dilution of the measured standard, or null to take the export's
     * @param cameraLevel               the camera level whose videos to use, or null when the export has one level
     * @throws IllegalArgumentException when the export mixes camera levels and none is chosen, has no video at
     *     the chosen level, records no dilution and none is given, or records another dilution than the one given
     */
    public static NanoSightCalibration of(NanoSightSummary summary, Concentration stated, double statedRelativeUncertainty,
                                          Dilution dilution, Integer cameraLevel) {
        Objects.requireNonNull(summary, "summary");
        TreeSet<Integer> levels = new TreeSet<>();
        summary.videos().forEach(v -> levels.add(v.conditions().cameraLevel()));
        if (levels.isEmpty()) throw new IllegalArgumentException("the export lists no video");
        if (cameraLevel == null && levels.size() > 1) {
            throw new IllegalArgumentException("the export mixes camera levels " + join(levels) + ", and the detection volume depends on "
                    + "the camera level: choose the level to calibrate (one calibration per level)");
        }
        int level = cameraLevel == null ? levels.first() : cameraLevel;
        List<NanoSightSummary.Video> videos = summary.videos().stream().filter(v -> v.conditions().cameraLevel() == level).toList();
        if (videos.isEmpty()) {
            throw new IllegalArgumentException("no video of the export is at camera level " + level + "; its levels are " + join(levels));
        }
        Dilution used = dilution(videos, dilution);
        List<DetectionVolumeCalibration.Replicate> replicates = videos.stream()
                .map(v -> new DetectionVolumeCalibration.Replicate(v.filename(), v.results().particlesPerFrame())).toList();
        DetectionVolumeCalibration.Result result = DetectionVolumeCalibration.estimate(replicates, stated, statedRelativeUncertainty, used);
        List<String> warnings = new ArrayList<>(result.warnings());
        TreeSet<Double> rates = new TreeSet<>();
        videos.forEach(v -> rates.add(v.conditions().frameRateFps()));
        if (rates.size() > 1) warnings.add("the videos were recorded at different frame rates: " + rates);
        if (levels.size() > 1) {
            warnings.add("only the " + videos.size() + " videos at camera level " + level + " were used; the export also has level(s) "
                    + join(levels.stream().filter(l -> l != level).toList()));
        }
        for (NanoSightSummary.Video v : videos) {
            for (Map.Entry<String, String> w : v.concentrationWarnings().entrySet()) {
                String verdict = w.getValue() == null ? "" : w.getValue().strip();
                if (!verdict.isEmpty() && !verdict.equalsIgnoreCase("OK") && !verdict.equalsIgnoreCase("No")) {
                    warnings.add(v.filename() + ": the instrument warns \"" + w.getKey() + ": " + verdict + "\"");
                }
            }
        }
        DetectionVolumeCalibration.Result withWarnings = new DetectionVolumeCalibration.Result(result.volume(),
                result.standardUncertaintyPl(), result.meanParticlesPerFrame(), result.sdParticlesPerFrame(), result.replicates(),
                result.replicateVolumesPl(), result.statedConcentration(), result.statedRelativeUncertainty(), result.dilution(), warnings);
        NanoSightSummary.Conditions first = videos.get(0).conditions();
        double temperature = videos.stream().mapToDouble(v -> v.conditions().temperatureCelsius()).average().orElseThrow();
        String software = summary.createdWith().isBlank() ? summary.softwareVersion() : summary.createdWith();
        return new NanoSightCalibration(withWarnings, first.frameRateFps(), level, first.shutterMs(),
                videos.get(0).settings().detectionThreshold(), temperature, software);
    }

    private static Dilution dilution(List<NanoSightSummary.Video> videos, Dilution given) {
        TreeSet<Double> recorded = new TreeSet<>();
        for (NanoSightSummary.Video v : videos) {
            OptionalDouble d = v.results().dilutionFactor();
            if (d.isPresent()) recorded.add(d.getAsDouble());
        }
        if (recorded.size() > 1) throw new IllegalArgumentException("the videos record different dilutions: " + recorded);
        if (recorded.isEmpty()) {
            if (given == null) {
                throw new IllegalArgumentException("the export does not record the dilution (\"Not recorded\"): give the dilution of the standard");
            }
            return given;
        }
        double fromFile = recorded.first();
        if (given != null && Math.abs(given.factor() - fromFile) > 1e-9 * fromFile) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the export records a dilution of %s, not %s: give its dilution or leave the dilution empty", plain(fromFile),
                    plain(given.factor())));
        }
        return Dilution.of(fromFile);
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String join(java.util.Collection<Integer> levels) {
        return String.join(", ", levels.stream().map(String::valueOf).toList());
    }
}
