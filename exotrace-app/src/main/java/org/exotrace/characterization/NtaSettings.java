package org.exotrace.characterization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.settings.SettingsSpec;
import org.exotrace.nta.settings.SizingSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything that determines the numbers of an NTA measurement, as stored with it. For a
 * trajectory file these are the analysis settings, all given by the analyst (there are no silent
 * physical defaults: a wrong pixel size or temperature gives wrong sizes without any sign); for a
 * NanoSight export they are what the instrument's file says, read back by the importer, and only
 * the concentration's settings are set.
 *
 * <p>The settings themselves are the library's {@link SizingSettings}, defined once in its
 * {@link SettingsSpec} catalogue: stored as JSON fields named by the catalogue (the same fields and
 * values as before the catalogue existed, so every stored row reads), read back through it, and
 * turned into the reproducible command by it.
 *
 * @param source      what was uploaded
 * @param software    the library and version that produced the numbers
 * @param sizing      the analysis settings, by the catalogue's names
 * @param calibration the calibration the detection volume came from, as it was when chosen; null when the
 *                    volume was typed or there is none
 */
public record NtaSettings(NtaSource source, String software, SizingSettings sizing, Calibration calibration) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The stored (and API) form: source, software, every setting of the catalogue by name, calibration. */
    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("software", software);
        out.putAll(sizing.stored());
        out.put("calibration", calibration);
        return out;
    }

    /** Stored settings read back, whichever version of the application wrote them. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static NtaSettings fromJson(Map<String, Object> stored) {
        Object c = stored.get("calibration");
        return new NtaSettings(NtaSource.valueOf(String.valueOf(stored.get("source"))), (String) stored.get("software"),
                SettingsSpec.fromStored(stored), c == null ? null : JSON.convertValue(c, Calibration.class));
    }

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

    /** Settings of a NanoSight export: the importer's version and the concentration's settings; the conditions are in the outcome, per video. */
    static NtaSettings nanoSight(String software, SizingSettings concentration) {
        return new NtaSettings(NtaSource.NANOSIGHT, software, concentration, null);
    }

    /** These settings with another dilution (a NanoSight export's own). */
    NtaSettings withDilution(Double factor) {
        return new NtaSettings(source, software, sizing.with(SettingsSpec.DILUTION, factor), calibration);
    }

    /** These settings with the detection volume of a chosen calibration. */
    NtaSettings withCalibration(Calibration c) {
        return new NtaSettings(source, software, sizing.with(SettingsSpec.DETECTION_VOLUME_PL, c.volumePl()), c);
    }

    public Double pixelSizeNm() { return sizing.get(SettingsSpec.PIXEL_SIZE_NM); }

    public String units() { return sizing.get(SettingsSpec.UNITS); }

    public Double fps() { return sizing.get(SettingsSpec.FPS); }

    public Double temperatureC() { return sizing.get(SettingsSpec.TEMPERATURE_C); }

    public Double viscosityMPaS() { return sizing.get(SettingsSpec.VISCOSITY_MPA_S); }

    public String waterModel() { return sizing.get(SettingsSpec.WATER_MODEL); }

    public Boolean drift() { return sizing.get(SettingsSpec.DRIFT); }

    public String method() { return sizing.get(SettingsSpec.METHOD); }

    public Integer minTrackLength() { return sizing.get(SettingsSpec.MIN_TRACK_LENGTH); }

    public Double motionBlur() { return sizing.get(SettingsSpec.MOTION_BLUR); }

    public Double detectionVolumePl() { return sizing.get(SettingsSpec.DETECTION_VOLUME_PL); }

    public Double dilution() { return sizing.get(SettingsSpec.DILUTION); }

    public Integer bootstrap() { return sizing.get(SettingsSpec.BOOTSTRAP); }

    public Long seed() { return sizing.get(SettingsSpec.SEED); }

    public List<String> columns() { return sizing.get(SettingsSpec.COLUMNS); }

    /**
     * Where the concentration's detection volume came from, in words: the calibration, or a typed
     * volume flagged as uncalibrated; null when there is none.
     */
    public String concentrationBasis() {
        if (detectionVolumePl() == null) return null;
        String diluted = dilution() == null ? "" : ", dilution " + plain(dilution());
        if (calibration != null) return "calibrated: " + calibration.describe() + diluted;
        return "UNCALIBRATED: detection volume " + plain(detectionVolumePl()) + " pL typed by the analyst, from no calibration record" + diluted;
    }

    /** Whether a concentration is computed with a typed volume rather than a calibration. */
    public boolean uncalibrated() {
        return detectionVolumePl() != null && calibration == null;
    }

    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The library's settings for these (trajectory-file) settings. */
    public AnalysisSettings toAnalysisSettings() {
        if (source != NtaSource.TRACKS) throw new IllegalStateException("a NanoSight export is imported, not analysed");
        return sizing.toAnalysisSettings();
    }

    /**
     * The command that gives the same numbers from the same file outside the application, with
     * every setting spelled out by the catalogue (numbers printed so that they read back to the same double).
     */
    public String commandLine(String tracksFile) {
        if (source != NtaSource.TRACKS) return "./exotrace nta import-nanosight " + quote(tracksFile) + " --json";
        List<String> a = new ArrayList<>(List.of("./exotrace", "nta", "size", "--tracks", quote(tracksFile)));
        a.addAll(sizing.arguments().stream().map(NtaSettings::quote).toList());
        a.add("--json");
        return String.join(" ", a);
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9._/+,=-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
