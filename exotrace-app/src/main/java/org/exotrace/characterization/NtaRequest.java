package org.exotrace.characterization;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exotrace.nta.NtaVersion;
import org.exotrace.shared.DomainProblem;

/**
 * An NTA upload's fields as typed (form fields or multipart API parts), checked all at once so
 * that every mistake gets its own field message. Physical settings have no defaults: the analyst
 * states pixel size, frame rate and temperature. A concentration needs a detection volume: the
 * chosen calibration record ({@code calibrationId}), or a volume typed by the analyst, which is
 * flagged as uncalibrated; with neither the measurement gives sizes only. Nothing pre-fills either.
 */
public record NtaRequest(String source, String pixelSizeNm, String units, String fps, String temperatureC, String viscosityMPaS,
                         String waterModel, String drift, String method, String minTrackLength, String motionBlur,
                         String detectionVolumePl, String dilution, String bootstrap, String seed, String columns,
                         String instrument, String measuredAt, String retestReason, String calibrationId) {

    /** Default bootstrap replicates: a compromise between the stability of the 95% intervals and the run time; 0 skips them. */
    public static final int DEFAULT_BOOTSTRAP = 50;
    static final int MAX_BOOTSTRAP = 1000;
    /** A typed detection volume above this is a typing slip: NTA fields are tens to hundreds of pL. */
    static final double MAX_DETECTION_VOLUME_PL = 100_000;
    static final double MAX_DILUTION = 1e9;

    /**
     * A blank request, for a new form; the camera's physical settings are copied from an earlier
     * measurement when there is one. The detection volume is not: it is chosen (a calibration) or
     * typed for each measurement, never assumed.
     */
    public static NtaRequest blank(NtaSettings previous) {
        NtaSettings p = previous != null && previous.source() == NtaSource.TRACKS ? previous : null;
        return new NtaRequest("TRACKS", p == null || p.pixelSizeNm() == null ? "" : plain(p.pixelSizeNm()), p == null ? "px" : p.units(),
                p == null ? "" : plain(p.fps()), p == null ? "" : plain(p.temperatureC()),
                p == null || p.viscosityMPaS() == null ? "" : plain(p.viscosityMPaS()), p == null ? "vogel" : p.waterModel(), "on", "ml",
                "5", "", "", "", String.valueOf(DEFAULT_BOOTSTRAP), "1", "", "", "", "", "");
    }

    /** The chosen calibration, or null; a {@link DomainProblem} on {@code calibrationId} when it is not an id. */
    public UUID parsedCalibrationId() {
        if (FormFields.blank(calibrationId)) return null;
        try {
            return UUID.fromString(calibrationId.strip());
        } catch (IllegalArgumentException e) {
            throw DomainProblem.invalid("calibrationId", "'" + calibrationId + "' is not a calibration record; choose one from the list");
        }
    }

    /** The source, or TRACKS when not given. */
    public NtaSource parsedSource() {
        if (source == null || source.isBlank()) return NtaSource.TRACKS;
        try {
            return NtaSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainProblem.invalid("source", "must be TRACKS (a trackpy-style trajectory CSV) or NANOSIGHT (an ExperimentSummary.csv), not '" + source + "'");
        }
    }

    /**
     * The settings, or a {@link DomainProblem} naming every field that is wrong.
     */
    public NtaSettings settings() {
        NtaSource kind = parsedSource();
        Map<String, String> errors = new LinkedHashMap<>();
        FormFields f = new FormFields(errors);
        Double volume = f.number("detectionVolumePl", detectionVolumePl, false);
        if (volume != null && !(volume > 0 && volume <= MAX_DETECTION_VOLUME_PL)) {
            errors.put("detectionVolumePl", "must be above 0 and at most " + plain(MAX_DETECTION_VOLUME_PL) + " pL");
        }
        if (volume != null && !FormFields.blank(calibrationId)) {
            errors.put("detectionVolumePl", "choose a calibration record or type an uncalibrated volume, not both");
        }
        Double dilutionFactor = f.number("dilution", dilution, false);
        if (dilutionFactor != null && !(dilutionFactor >= 1 && dilutionFactor <= MAX_DILUTION)) {
            errors.put("dilution", "must be 1 (undiluted) or more, at most " + plain(MAX_DILUTION));
        }
        if (dilutionFactor != null && volume == null && FormFields.blank(calibrationId) && !errors.containsKey("detectionVolumePl")) {
            errors.put("dilution", "a dilution only matters for a concentration: choose a calibration record (or type a volume)");
        }
        if (kind == NtaSource.NANOSIGHT) {
            if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid NTA settings", errors);
            return NtaSettings.nanoSight(NtaVersion.NAME, volume, dilutionFactor);
        }
        String unit = FormFields.blank(units) ? "px" : units.strip().toLowerCase(Locale.ROOT);
        if (!unit.equals("px") && !unit.equals("um")) errors.put("units", "must be px (pixels) or um (micrometres)");
        Double pixel = f.number("pixelSizeNm", pixelSizeNm, unit.equals("px"));
        if (pixel != null && !(pixel > 0)) errors.put("pixelSizeNm", "must be positive");
        if (unit.equals("um")) pixel = null;
        Double rate = f.number("fps", fps, true);
        if (rate != null && !(rate > 0)) errors.put("fps", "the frame rate must be positive");
        Double temperature = f.number("temperatureC", temperatureC, true);
        if (temperature != null && !(temperature > 0 && temperature < 100)) {
            errors.put("temperatureC", "must be above freezing and below boiling (0-100 °C), not " + plain(temperature));
        }
        Double viscosity = f.number("viscosityMPaS", viscosityMPaS, false);
        if (viscosity != null && !(viscosity > 0)) errors.put("viscosityMPaS", "must be positive");
        String water = FormFields.blank(waterModel) ? "vogel" : waterModel.strip().toLowerCase(Locale.ROOT);
        if (!water.equals("vogel") && !water.equals("vogel-alt")) errors.put("waterModel", "must be vogel or vogel-alt");
        String driftText = FormFields.blank(drift) ? "on" : drift.strip().toLowerCase(Locale.ROOT);
        if (!driftText.equals("on") && !driftText.equals("off")) errors.put("drift", "must be on or off");
        String sizing = FormFields.blank(method) ? "ml" : method.strip().toLowerCase(Locale.ROOT);
        if (!sizing.equals("ml") && !sizing.equals("histogram")) errors.put("method", "must be ml (maximum likelihood) or histogram");
        Integer minLength = f.integer("minTrackLength", minTrackLength, 5);
        if (minLength != null && minLength < 2) errors.put("minTrackLength", "a track needs at least 2 positions to give a step");
        Double blur = f.number("motionBlur", motionBlur, false);
        if (blur == null && !errors.containsKey("motionBlur")) blur = 1.0 / 6;
        if (blur != null && !(blur >= 0 && blur <= 0.25)) errors.put("motionBlur", "must be between 0 (instantaneous) and 0.25; 1/6 for full-frame exposure");
        Integer replicates = f.integer("bootstrap", bootstrap, DEFAULT_BOOTSTRAP);
        if (replicates != null && (replicates < 0 || replicates > MAX_BOOTSTRAP)) errors.put("bootstrap", "must be between 0 and " + MAX_BOOTSTRAP);
        Long seedValue = null;
        if (FormFields.blank(seed)) seedValue = 1L;
        else {
            try {
                seedValue = Long.parseLong(seed.strip());
            } catch (NumberFormatException e) {
                errors.put("seed", "'" + seed + "' is not a whole number");
            }
        }
        List<String> names = NtaSettings.TRACKPY_COLUMNS;
        if (!FormFields.blank(columns)) {
            names = Arrays.stream(columns.split(",")).map(String::strip).toList();
            if (names.size() != 4 || names.stream().anyMatch(String::isEmpty) || names.stream().distinct().count() != 4) {
                errors.put("columns", "give four different column names: frame,particle,x,y");
            }
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid NTA settings", errors);
        return new NtaSettings(NtaSource.TRACKS, NtaVersion.NAME, pixel, unit, rate, temperature, viscosity, water, driftText.equals("on"),
                sizing, minLength, blur, volume, dilutionFactor, replicates, seedValue, names, null);
    }

    /** When the measurement was made: an ISO instant, or a local date-time from a browser form; now when blank. */
    public Instant measuredAtInstant(ZoneId zone) {
        if (FormFields.blank(measuredAt)) return Instant.now();
        try {
            return Instant.parse(measuredAt.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(measuredAt.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw DomainProblem.invalid("measuredAt", "'" + measuredAt + "' is not a date and time such as 2026-11-22T09:30");
            }
        }
    }

    public static String plain(Double v) {
        if (v == null) return "";
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
