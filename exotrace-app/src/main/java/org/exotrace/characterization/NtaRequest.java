package org.exotrace.characterization;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exotrace.nta.NtaVersion;
import org.exotrace.nta.settings.Setting;
import org.exotrace.nta.settings.SettingProblem;
import org.exotrace.nta.settings.SettingsSpec;
import org.exotrace.shared.DomainProblem;

/**
 * An NTA upload's fields as typed (form fields or multipart API parts), checked all at once so
 * that every mistake gets its own field message. The analysis settings are read by the library's
 * {@link SettingsSpec} catalogue: each component named after a setting is that setting's text.
 * Physical settings have no defaults: the analyst states pixel size, frame rate and temperature. A concentration needs a detection volume: the
 * chosen calibration record ({@code calibrationId}), or a volume typed by the analyst, which is
 * flagged as uncalibrated; with neither the measurement gives sizes only. Nothing pre-fills either.
 */
public record NtaRequest(String source, String pixelSizeNm, String units, String fps, String temperatureC, String viscosityMPaS,
                         String waterModel, String drift, String method, String minTrackLength, String motionBlur,
                         String detectionVolumePl, String dilution, String bootstrap, String seed, String columns,
                         String instrument, String measuredAt, String retestReason, String calibrationId) {

    /** The settings a new form copies from an earlier measurement: the camera's and the sample's physical conditions. */
    private static final List<Setting<?>> CARRIED_OVER = List.of(SettingsSpec.PIXEL_SIZE_NM, SettingsSpec.UNITS, SettingsSpec.FPS,
            SettingsSpec.TEMPERATURE_C, SettingsSpec.VISCOSITY_MPA_S, SettingsSpec.WATER_MODEL);
    /** Settings a new form leaves blank (blank means the catalogue's default, which the field's placeholder says). */
    private static final List<Setting<?>> BLANK_IN_A_NEW_FORM = List.of(SettingsSpec.MOTION_BLUR, SettingsSpec.COLUMNS);

    /**
     * A blank request, for a new form: the catalogue's defaults, with the camera's physical settings
     * copied from an earlier measurement when there is one. The detection volume is not: it is
     * chosen (a calibration) or typed for each measurement, never assumed.
     */
    public static NtaRequest blank(NtaSettings previous) {
        Map<String, String> text = new LinkedHashMap<>(SettingsSpec.defaultsText());
        BLANK_IN_A_NEW_FORM.forEach(s -> text.put(s.name(), ""));
        if (previous != null && previous.source() == NtaSource.TRACKS) {
            CARRIED_OVER.forEach(s -> text.put(s.name(), previous.sizing().textOf(s)));
        }
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) values[i] = text.getOrDefault(COMPONENTS[i].getName(), "");
        values[0] = "TRACKS";
        try {
            return CANONICAL.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RecordComponent[] COMPONENTS = NtaRequest.class.getRecordComponents();
    private static final Constructor<NtaRequest> CANONICAL;

    static {
        try {
            CANONICAL = NtaRequest.class.getDeclaredConstructor(Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class[]::new));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The settings as typed, by the catalogue's names (each form field or API part is named after its setting). */
    Map<String, String> settingsText() {
        Map<String, String> text = new LinkedHashMap<>();
        for (RecordComponent c : COMPONENTS) {
            if (SettingsSpec.named(c.getName()) == null) continue;
            try {
                text.put(c.getName(), (String) c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return text;
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
     * The settings, read and checked by the library's catalogue, or an {@link NtaSettingsRefused}
     * naming every field that is wrong (with the catalogue's message key and English text).
     */
    public NtaSettings settings() {
        NtaSource kind = parsedSource();
        SettingsSpec.Parsed parsed = SettingsSpec.parse(settingsText(), kind == NtaSource.NANOSIGHT ? SettingsSpec.CONCENTRATION : SettingsSpec.ALL);
        List<SettingProblem> problems = new ArrayList<>(parsed.problems());
        Map<String, String> typed = settingsText();
        boolean volumeTyped = !FormFields.blank(typed.get(SettingsSpec.DETECTION_VOLUME_PL.name()));
        boolean calibrationChosen = !FormFields.blank(calibrationId);
        boolean volumeFine = problems.stream().noneMatch(p -> p.field().equals(SettingsSpec.DETECTION_VOLUME_PL.name()));
        if (volumeTyped && calibrationChosen && volumeFine) {
            problems.add(problem(SettingsSpec.DETECTION_VOLUME_PL, "calibrationAndVolume",
                    "choose a calibration record or type an uncalibrated volume, not both"));
        }
        boolean dilutionTyped = !FormFields.blank(typed.get(SettingsSpec.DILUTION.name()));
        if (dilutionTyped && !volumeTyped && !calibrationChosen && problems.stream().noneMatch(p -> p.field().equals(SettingsSpec.DILUTION.name()))) {
            problems.add(problem(SettingsSpec.DILUTION, "withoutConcentration",
                    "a dilution only matters for a concentration: choose a calibration record (or type a volume)"));
        }
        if (!problems.isEmpty()) throw new NtaSettingsRefused(problems);
        return kind == NtaSource.NANOSIGHT ? NtaSettings.nanoSight(NtaVersion.NAME, parsed.settings())
                : new NtaSettings(NtaSource.TRACKS, NtaVersion.NAME, parsed.settings(), null);
    }

    private static SettingProblem problem(Setting<?> setting, String rule, String message) {
        return new SettingProblem(setting.name(), setting.option(), "nta.setting." + setting.name() + "." + rule, List.of(), message);
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
