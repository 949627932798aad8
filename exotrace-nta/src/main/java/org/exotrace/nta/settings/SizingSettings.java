package org.exotrace.nta.settings;

import static org.exotrace.nta.settings.SettingsSpec.ALL;
import static org.exotrace.nta.settings.SettingsSpec.BOOTSTRAP;
import static org.exotrace.nta.settings.SettingsSpec.COLUMNS;
import static org.exotrace.nta.settings.SettingsSpec.DETECTION_VOLUME_PL;
import static org.exotrace.nta.settings.SettingsSpec.DILUTION;
import static org.exotrace.nta.settings.SettingsSpec.DRIFT;
import static org.exotrace.nta.settings.SettingsSpec.EXPOSURE_MS;
import static org.exotrace.nta.settings.SettingsSpec.FPS;
import static org.exotrace.nta.settings.SettingsSpec.METHOD;
import static org.exotrace.nta.settings.SettingsSpec.MIN_TRACK_LENGTH;
import static org.exotrace.nta.settings.SettingsSpec.MOTION_BLUR;
import static org.exotrace.nta.settings.SettingsSpec.PIXEL_SIZE_NM;
import static org.exotrace.nta.settings.SettingsSpec.SEED;
import static org.exotrace.nta.settings.SettingsSpec.TEMPERATURE_C;
import static org.exotrace.nta.settings.SettingsSpec.UNITS;
import static org.exotrace.nta.settings.SettingsSpec.VISCOSITY_MPA_S;
import static org.exotrace.nta.settings.SettingsSpec.WATER_MODEL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.SizingMethod;
import org.exotrace.nta.concentration.DetectionVolume;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.sizing.WaterModel;

/**
 * The analysis settings of one measurement as given (checked by {@link SettingsSpec#parse(Map)}),
 * by setting; a setting not given and without default is unset (null). Equal settings are equal
 * values; {@link #stored()} and {@link SettingsSpec#fromStored(Map)} round-trip exactly, and so do
 * {@link #text()} and {@link SettingsSpec#parse(Map)}.
 */
public final class SizingSettings {

    private final Map<String, Object> values;

    SizingSettings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a setting, or null when it is unset. */
    public <T> T get(Setting<T> setting) {
        Object v = values.get(setting.name());
        return v == null ? null : setting.cast(v);
    }

    /** These settings with one setting changed (null unsets it); the value is not checked. */
    public <T> SizingSettings with(Setting<T> setting, T value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(setting.name(), value);
        return new SizingSettings(copy);
    }

    /** Every setting as the stored settings hold it, in catalogue order; unset ones as null. */
    public Map<String, Object> stored() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Setting<?> s : ALL) out.put(s.name(), storedValue(s));
        return out;
    }

    /** Every set setting as typed text, by name: what a form shows for them, read back by {@link SettingsSpec#parse(Map)}. */
    public Map<String, String> text() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting<?> s : ALL) out.put(s.name(), textOf(s));
        return out;
    }

    /** The text of one setting; empty when it is unset. */
    public String textOf(Setting<?> s) {
        return textValue(s);
    }

    /**
     * Every set setting as command-line arguments ({@code --fps 25 ...}), in catalogue order,
     * numbers printed so that they read back to the same double.
     */
    public List<String> arguments() {
        List<String> args = new ArrayList<>();
        for (Setting<?> s : ALL) {
            if (values.get(s.name()) == null) continue;
            args.add(s.option());
            args.add(textValue(s));
        }
        return args;
    }

    /** The library's settings for an analysis of a trajectory file. */
    public AnalysisSettings toAnalysisSettings() {
        List<String> c = get(COLUMNS);
        TrajectoryFormat format = TrajectoryFormat.trackpy().withColumns(c.get(0), c.get(1), c.get(2), c.get(3));
        format = "um".equals(get(UNITS)) ? format.inMicrometres() : format.inPixels(get(PIXEL_SIZE_NM));
        Temperature temperature = Temperature.ofCelsius(get(TEMPERATURE_C));
        Double given = get(VISCOSITY_MPA_S);
        Viscosity viscosity = given != null ? Viscosity.ofMillipascalSeconds(given)
                : Viscosity.ofWater("vogel-alt".equals(get(WATER_MODEL)) ? WaterModel.VOGEL_ALT : WaterModel.VOGEL, temperature);
        Double volume = get(DETECTION_VOLUME_PL);
        Double dilution = get(DILUTION);
        Double exposureMs = get(EXPOSURE_MS);
        return new AnalysisSettings(format, get(FPS), temperature, viscosity, get(DRIFT), "histogram".equals(get(METHOD)) ? SizingMethod.HISTOGRAM
                : SizingMethod.ML, get(MIN_TRACK_LENGTH), get(MOTION_BLUR),
                exposureMs == null ? null : exposureMs / 1000, volume == null ? null : DetectionVolume.ofPicolitres(volume),
                dilution == null ? null : Dilution.of(dilution), get(BOOTSTRAP), get(SEED));
    }

    private <T> Object storedValue(Setting<T> s) {
        return s.store(get(s));
    }

    private <T> String textValue(Setting<T> s) {
        return s.text(get(s));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SizingSettings other && stored().equals(other.stored());
    }

    @Override
    public int hashCode() {
        return Objects.hash(stored());
    }

    @Override
    public String toString() {
        return String.join(" ", arguments());
    }
}
