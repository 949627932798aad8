package org.exotrace.characterization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.SizingMethod;
import org.exotrace.nta.concentration.DetectionVolume;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.sizing.WaterModel;

/**
 * Everything that determines the numbers of an NTA measurement, as stored with it. For a
 * trajectory file these are the analysis settings, all given by the analyst (there are no silent
 * physical defaults: a wrong pixel size or temperature gives wrong sizes without any sign); for a
 * NanoSight export they are what the instrument's file says, read back by the importer.
 *
 * @param source            what was uploaded
 * @param software          the library and version that produced the numbers
 * @param pixelSizeNm       size of a camera pixel (tracks in pixels); null for tracks in µm
 * @param units             {@code px} or {@code um}
 * @param fps               frame rate, frames per second
 * @param temperatureC      sample temperature, °C
 * @param viscosityMPaS     the medium's viscosity as given by the analyst; null for water at the temperature
 * @param waterModel        {@code vogel} or {@code vogel-alt}, used when no viscosity is given
 * @param drift             subtract the ensemble drift
 * @param method            {@code ml} or {@code histogram}
 * @param minTrackLength    positions a track needs to be used
 * @param motionBlur        motion-blur coefficient R
 * @param detectionVolumePl detection volume for the concentration: the chosen calibration's, or one typed by the
 *                          analyst (uncalibrated, and flagged so); null for none, and then no concentration
 * @param dilution          dilution of the measured sample; null for undiluted
 * @param bootstrap         bootstrap replicates for confidence intervals
 * @param seed              seed of the bootstrap
 * @param columns           the frame, particle, x and y column names
 * @param calibration       the calibration the detection volume came from, as it was when chosen; null when the
 *                          volume was typed or there is none
 */
public record NtaSettings(NtaSource source, String software, Double pixelSizeNm, String units, Double fps, Double temperatureC,
                          Double viscosityMPaS, String waterModel, Boolean drift, String method, Integer minTrackLength,
                          Double motionBlur, Double detectionVolumePl, Double dilution, Integer bootstrap, Long seed,
                          List<String> columns, Calibration calibration) {

    /**
     * The calibration a measurement used, as it was when chosen (a later withdrawal does not change
     * what a measurement was computed with).
     */
    public record Calibration(UUID id, String code, double volumePl, double uncertaintyPl, NtaSource source, String instrument,
                              Integer cameraLevel, double framesPerSecond, LocalDate measuredOn, LocalDate validUntil) {

        /** "CAL-2026-0001, 186.0 ± 0.3 pL (NanoSight NS300 #1, camera level 11, valid until 2027-02-01)". */
        public String describe() {
            return String.format(Locale.ROOT, "%s, %.1f ± %.1f pL (%s%s, valid until %s)", code, volumePl, uncertaintyPl, instrument,
                    cameraLevel == null ? "" : ", camera level " + cameraLevel, validUntil);
        }

        /**
         * What in a measurement contradicts this calibration: another instrument, a measurement
         * outside the calibration's validity, another frame rate (beyond 0.5%) or camera level, or a
         * standard counted by other software than the sample (NanoSight versus Exotrace's tracks count
         * particles per frame differently).
         */
        public List<String> contradictions(String measuredWith, LocalDate measuredOn, NtaSource sampleSource, List<Double> frameRates,
                                           List<Integer> cameraLevels) {
            List<String> found = new ArrayList<>();
            if (measuredWith != null && !measuredWith.isBlank() && !measuredWith.strip().equalsIgnoreCase(instrument.strip())) {
                found.add("calibration " + code + " was made on \"" + instrument + "\", this measurement on \"" + measuredWith.strip()
                        + "\": the detection volume belongs to one set-up");
            }
            if (measuredOn.isAfter(validUntil)) {
                found.add("calibration " + code + " expired on " + validUntil + ", before this measurement (" + measuredOn + "): recalibrate");
            } else if (measuredOn.isBefore(this.measuredOn)) {
                found.add("calibration " + code + " was made on " + this.measuredOn + ", after this measurement (" + measuredOn + ")");
            }
            for (Double rate : frameRates) {
                if (rate != null && Math.abs(rate - framesPerSecond) > 0.005 * framesPerSecond) {
                    found.add(String.format(Locale.ROOT, "the frame rate was %s fps, the calibration's %s fps", plain(rate), plain(framesPerSecond)));
                    break;
                }
            }
            if (cameraLevel != null) {
                cameraLevels.stream().filter(l -> l != null && !l.equals(cameraLevel)).findFirst().ifPresent(l -> found.add(
                        "the camera level was " + l + ", the calibration's " + cameraLevel
                                + ": the detection volume depends on the camera level"));
            }
            if (source != sampleSource) {
                found.add("the calibration counted particles with " + (source == NtaSource.NANOSIGHT ? "the NanoSight software" : "Exotrace's tracks")
                        + " and this measurement with " + (sampleSource == NtaSource.NANOSIGHT ? "the NanoSight software" : "Exotrace's tracks")
                        + ": their particles per frame are not counted alike");
            }
            return found;
        }
    }

    /** The trackpy column names. */
    public static final List<String> TRACKPY_COLUMNS = List.of("frame", "particle", "x", "y");

    /** Settings of a NanoSight export: the importer's version; the conditions are in the outcome, per video. */
    static NtaSettings nanoSight(String software, Double detectionVolumePl, Double dilution) {
        return new NtaSettings(NtaSource.NANOSIGHT, software, null, null, null, null, null, null, null, null, null, null,
                detectionVolumePl, dilution, null, null, null, null);
    }

    /** These settings with another dilution (a NanoSight export's own). */
    NtaSettings withDilution(Double factor) {
        return new NtaSettings(source, software, pixelSizeNm, units, fps, temperatureC, viscosityMPaS, waterModel, drift, method,
                minTrackLength, motionBlur, detectionVolumePl, factor, bootstrap, seed, columns, calibration);
    }

    /** These settings with the detection volume of a chosen calibration. */
    NtaSettings withCalibration(Calibration c) {
        return new NtaSettings(source, software, pixelSizeNm, units, fps, temperatureC, viscosityMPaS, waterModel, drift, method,
                minTrackLength, motionBlur, c.volumePl(), dilution, bootstrap, seed, columns, c);
    }

    /**
     * Where the concentration's detection volume came from, in words: the calibration, or a typed
     * volume flagged as uncalibrated; null when there is none.
     */
    public String concentrationBasis() {
        if (detectionVolumePl == null) return null;
        String diluted = dilution == null ? "" : ", dilution " + plain(dilution);
        if (calibration != null) return "calibrated: " + calibration.describe() + diluted;
        return "UNCALIBRATED: detection volume " + plain(detectionVolumePl) + " pL typed by the analyst, from no calibration record" + diluted;
    }

    /** Whether a concentration is computed with a typed volume rather than a calibration. */
    public boolean uncalibrated() {
        return detectionVolumePl != null && calibration == null;
    }

    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The library's settings for these (trajectory-file) settings. */
    public AnalysisSettings toAnalysisSettings() {
        if (source != NtaSource.TRACKS) throw new IllegalStateException("a NanoSight export is imported, not analysed");
        TrajectoryFormat format = TrajectoryFormat.trackpy().withColumns(columns.get(0), columns.get(1), columns.get(2), columns.get(3));
        format = "um".equals(units) ? format.inMicrometres() : format.inPixels(pixelSizeNm);
        Temperature temperature = Temperature.ofCelsius(temperatureC);
        Viscosity viscosity = viscosityMPaS != null ? Viscosity.ofMillipascalSeconds(viscosityMPaS)
                : Viscosity.ofWater("vogel-alt".equals(waterModel) ? WaterModel.VOGEL_ALT : WaterModel.VOGEL, temperature);
        return new AnalysisSettings(format, fps, temperature, viscosity, drift, "histogram".equals(method) ? SizingMethod.HISTOGRAM : SizingMethod.ML,
                minTrackLength, motionBlur, detectionVolumePl == null ? null : DetectionVolume.ofPicolitres(detectionVolumePl),
                dilution == null ? null : Dilution.of(dilution), bootstrap, seed);
    }

    /**
     * The command that gives the same numbers from the same file outside the application, with
     * every setting spelled out (numbers printed so that they read back to the same double).
     */
    public String commandLine(String tracksFile) {
        if (source != NtaSource.TRACKS) return "./exotrace nta import-nanosight " + quote(tracksFile) + " --json";
        List<String> a = new ArrayList<>(List.of("./exotrace", "nta", "size", "--tracks", quote(tracksFile)));
        if ("um".equals(units)) a.addAll(List.of("--units", "um"));
        else a.addAll(List.of("--pixel-size-nm", number(pixelSizeNm)));
        a.addAll(List.of("--fps", number(fps), "--temperature-c", number(temperatureC)));
        if (viscosityMPaS != null) a.addAll(List.of("--viscosity-mpa-s", number(viscosityMPaS)));
        else a.addAll(List.of("--water-model", waterModel));
        a.addAll(List.of("--drift", drift ? "on" : "off", "--method", method, "--min-track-length", String.valueOf(minTrackLength),
                "--motion-blur", number(motionBlur)));
        if (detectionVolumePl != null) {
            a.addAll(List.of("--detection-volume-pl", number(detectionVolumePl)));
            if (dilution != null) a.addAll(List.of("--dilution", number(dilution)));
        }
        a.addAll(List.of("--bootstrap", String.valueOf(bootstrap), "--seed", String.valueOf(seed)));
        if (!columns.equals(TRACKPY_COLUMNS)) a.addAll(List.of("--columns", String.join(",", columns)));
        a.add("--json");
        return String.join(" ", a);
    }

    private static String number(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.toLowerCase(Locale.ROOT);
    }

    private static String quote(String file) {
        return file.matches("[A-Za-z0-9._/+-]+") ? file : "'" + file.replace("'", "'\\''") + "'";
    }
}
