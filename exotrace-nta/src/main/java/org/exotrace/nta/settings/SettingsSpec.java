package org.exotrace.nta.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exotrace.nta.settings.Setting.Refusal;
import org.exotrace.nta.settings.Setting.RefusedException;

/**
 * The catalogue of NTA analysis settings: every setting of {@code exotrace nta size}, of the web
 * upload and of the stored settings is defined here once, with its name, unit, default, allowed
 * range, how it is read from text, its message, and its command-line option and help. The command
 * line builds its options and help from {@link #ALL}, the web form binds and checks through
 * {@link #parse(Map)}, the stored settings are written by {@link SizingSettings#stored()} and read
 * by {@link #fromStored(Map)}, and the reproducible command comes from
 * {@link SizingSettings#arguments()}. Adding a setting is adding one constant here (and to
 * {@link #ALL}), then using it where the analysis needs it.
 *
 * <p>Physical settings have no silent defaults: the pixel size (for tracks in pixels), the frame
 * rate and the temperature must be stated, since a wrong one gives wrong sizes without any sign.
 */
public final class SettingsSpec {

    private SettingsSpec() {}

    /** A typed detection volume above this is a typing slip: NTA fields are tens to hundreds of pL. */
    public static final double MAX_DETECTION_VOLUME_PL = 100_000;
    public static final double MAX_DILUTION = 1e9;
    public static final int MAX_BOOTSTRAP = 1000;
    /** The trackpy column names. */
    public static final List<String> TRACKPY_COLUMNS = List.of("frame", "particle", "x", "y");

    public static final Setting<Double> PIXEL_SIZE_NM = positive(Setting.<Double>of(Double.class, "pixelSizeNm", "--pixel-size-nm",
            "Pixel size", "nm", "size of a camera pixel in nm (x and y in pixels); required with --units px, not used with --units um"))
            .build();

    public static final Setting<String> UNITS = choice("units", "--units", "Units of x and y", "",
            "units of x and y: px (pixels) or um (micrometres)", "px", "px (pixels) or um (micrometres)", "px", "um");

    public static final Setting<Double> FPS = Setting.<Double>of(Double.class, "fps", "--fps", "Frame rate", "fps", "camera frame rate, frames per second")
            .required().reader(Setting::decimal).check(v -> v > 0 ? null : refuse("positive", "the frame rate must be a positive number, not " + Setting.plain(v)))
            .writer(Setting::exact).stored(v -> v, Setting::storedDouble).build();

    public static final Setting<Double> TEMPERATURE_C = Setting.<Double>of(Double.class, "temperatureC", "--temperature-c", "Temperature", "°C",
                    "sample temperature, °C")
            .required().reader(Setting::decimal)
            .check(v -> v > 0 && v < 100 ? null
                    : refuse("range", "must be above freezing and below boiling (0-100 °C), not " + Setting.plain(v), "0", "100"))
            .writer(Setting::exact).stored(v -> v, Setting::storedDouble).build();

    public static final Setting<Double> VISCOSITY_MPA_S = positive(Setting.<Double>of(Double.class, "viscosityMPaS", "--viscosity-mpa-s",
            "Viscosity", "mPa·s", "viscosity of the medium in mPa·s; when not given, water at the temperature (see --water-model)")).build();

    public static final Setting<String> WATER_MODEL = choice("waterModel", "--water-model", "Water model", "",
            "water viscosity model, used when no viscosity is given: vogel or vogel-alt", "vogel", "vogel or vogel-alt", "vogel", "vogel-alt");

    public static final Setting<Boolean> DRIFT = Setting.<Boolean>of(Boolean.class, "drift", "--drift", "Drift correction", "",
                    "subtract the ensemble drift: on or off")
            .byDefault(true).choices("on", "off")
            .reader(t -> switch (t.toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new RefusedException(new Refusal("choice", "must be on or off, not '" + t + "'", List.of()));
            })
            .writer(v -> v ? "on" : "off").stored(v -> v, o -> o instanceof Boolean b ? b : Boolean.valueOf(o.toString())).build();

    public static final Setting<String> METHOD = choice("method", "--method", "Sizing method", "",
            "ml (maximum-likelihood deconvolution) or histogram (per-track histogram)", "ml", "ml (maximum likelihood) or histogram", "ml",
            "histogram");

    public static final Setting<Integer> MIN_TRACK_LENGTH = Setting.<Integer>of(Integer.class, "minTrackLength", "--min-track-length",
                    "Minimum track length", "positions", "minimum positions per track")
            .byDefault(5).reader(Setting::whole)
            .check(v -> v >= 2 ? null : refuse("range", "a track needs at least 2 positions to give a step, not " + v, "2"))
            .stored(v -> v, Setting::storedInteger).build();

    public static final Setting<Double> MOTION_BLUR = Setting.<Double>of(Double.class, "motionBlur", "--motion-blur", "Motion blur R", "",
                    "motion-blur coefficient R: 1/6 for full-frame exposure, 0 instantaneous; when neither this nor the exposure "
                            + "is given, R is estimated from the tracks (full-frame assumed when they cannot tell)")
            .reader(Setting::decimal)
            .check(v -> v >= 0 && v <= 0.25 ? null
                    : refuse("range", "must be between 0 (instantaneous) and 0.25; 1/6 for full-frame exposure, not " + Setting.plain(v), "0", "0.25"))
            .writer(Setting::exact).stored(v -> v, Setting::storedDouble).build();

    public static final Setting<Double> EXPOSURE_MS = Setting.<Double>of(Double.class, "exposureMs", "--exposure-ms", "Exposure", "ms",
                    "camera exposure per frame in ms (at most 1000/fps): gives the motion blur R = exposure / (6 × frame interval) "
                            + "and is checked against the tracks; not given: R is estimated from the tracks")
            .reader(Setting::decimal)
            .check(v -> v > 0 ? null : refuse("positive", "must be a positive time in ms, not " + Setting.plain(v)))
            .writer(Setting::exact).stored(v -> v, Setting::storedDouble).build();

    public static final Setting<Double> DETECTION_VOLUME_PL = Setting.<Double>of(Double.class, "detectionVolumePl", "--detection-volume-pl",
                    "Detection volume", "pL", "detection volume in picolitres, for the concentration; without it, sizes only")
            .reader(Setting::decimal)
            .check(v -> v > 0 && v <= MAX_DETECTION_VOLUME_PL ? null
                    : refuse("range", "must be above 0 and at most " + Setting.plain(MAX_DETECTION_VOLUME_PL) + " pL, not " + Setting.plain(v),
                    "0", Setting.plain(MAX_DETECTION_VOLUME_PL)))
            .writer(Setting::exact).stored(v -> v, Setting::storedDouble).build();

    public static final Setting<Double> DILUTION = Setting.<Double>of(Double.class, "dilution", "--dilution", "Dilution factor", "",
                    "dilution factor of the measured sample, for the concentration; not given means undiluted")
            .reader(Setting::decimal)
            .check(v -> v >= 1 && v <= MAX_DILUTION ? null
                    : refuse("range", "must be 1 (undiluted) or more, at most " + Setting.plain(MAX_DILUTION) + ", not " + Setting.plain(v),
                    "1", Setting.plain(MAX_DILUTION)))
            .writer(Setting::exact).stored(v -> v, Setting::storedDouble).build();

    public static final Setting<Integer> BOOTSTRAP = Setting.<Integer>of(Integer.class, "bootstrap", "--bootstrap", "Bootstrap replicates", "",
                    "bootstrap replicates for the 95% confidence intervals, 0 for none; a compromise between stable intervals and run time")
            .byDefault(50).reader(Setting::whole)
            .check(v -> v >= 0 && v <= MAX_BOOTSTRAP ? null
                    : refuse("range", "must be between 0 and " + MAX_BOOTSTRAP + ", not " + v, "0", String.valueOf(MAX_BOOTSTRAP)))
            .stored(v -> v, Setting::storedInteger).build();

    public static final Setting<Long> SEED = Setting.<Long>of(Long.class, "seed", "--seed", "Bootstrap seed", "", "random seed of the bootstrap")
            .byDefault(1L).reader(Setting::wholeLong).stored(v -> v, Setting::storedLong).build();

    public static final Setting<List<String>> COLUMNS = Setting.<List<String>>of(List.class, "columns", "--columns", "Columns", "",
                    "the frame, particle, x and y column names, comma-separated")
            .byDefault(TRACKPY_COLUMNS)
            .reader(t -> {
                List<String> names = Arrays.stream(t.split(",", -1)).map(String::strip).toList();
                if (names.size() != 4 || names.stream().anyMatch(String::isEmpty) || names.stream().distinct().count() != 4) {
                    throw new RefusedException(new Refusal("four", "give four different column names: frame,particle,x,y", List.of()));
                }
                return names;
            })
            .writer(v -> String.join(",", v))
            .stored(v -> v, o -> o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : Arrays.stream(o.toString().split(",")).map(String::strip).toList())
            .build();

    /** Every setting, in the order the command, the help and the stored settings list them. */
    public static final List<Setting<?>> ALL = List.of(UNITS, PIXEL_SIZE_NM, FPS, TEMPERATURE_C, VISCOSITY_MPA_S, WATER_MODEL, DRIFT, METHOD,
            MIN_TRACK_LENGTH, MOTION_BLUR, EXPOSURE_MS, DETECTION_VOLUME_PL, DILUTION, BOOTSTRAP, SEED, COLUMNS);

    /** The settings of a concentration alone (a NanoSight export brings its own sizing conditions). */
    public static final List<Setting<?>> CONCENTRATION = List.of(DETECTION_VOLUME_PL, DILUTION);

    /** The setting with this name (form field, API part or stored key), or null. */
    public static Setting<?> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The setting with this command-line option, or null. */
    public static Setting<?> withOption(String option) {
        return ALL.stream().filter(s -> s.option().equals(option)).findFirst().orElse(null);
    }

    /** The outcome of reading typed settings: the settings when {@link #problems()} is empty. */
    public record Parsed(SizingSettings settings, List<SettingProblem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Every setting read from typed text by name (blank or absent: the default); every mistake becomes one problem. */
    public static Parsed parse(Map<String, String> text) {
        return parse(text, ALL);
    }

    /**
     * The given settings read from typed text; the others stay unset. Units of um leave the pixel
     * size unset (it would not be used), units of px require it.
     */
    public static Parsed parse(Map<String, String> text, List<Setting<?>> which) {
        List<SettingProblem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting<?> s : which) {
            if (s == PIXEL_SIZE_NM) continue;
            values.put(s.name(), s.parse(text.get(s.name()), problems));
        }
        if (which.contains(PIXEL_SIZE_NM)) {
            boolean inPixels = !"um".equals(values.get(UNITS.name()));
            String typed = text.get(PIXEL_SIZE_NM.name());
            if (inPixels && (typed == null || typed.isBlank())) {
                problems.add(PIXEL_SIZE_NM.problem("required", "required when x and y are in pixels", ""));
            } else if (inPixels) {
                values.put(PIXEL_SIZE_NM.name(), PIXEL_SIZE_NM.parse(typed, problems));
            }
        }
        Object fps = values.get(FPS.name());
        Object exposure = values.get(EXPOSURE_MS.name());
        if (fps instanceof Double f && exposure instanceof Double e && e > 1000 / f * (1 + 1e-6)) {
            problems.add(EXPOSURE_MS.problem("frame", "an exposure of " + Setting.plain(e) + " ms is longer than a frame at "
                    + Setting.plain(f) + " fps (" + Setting.plain(1000 / f) + " ms): check the exposure and the frame rate",
                    Setting.plain(1000 / f)));
        }
        problems.sort(java.util.Comparator.comparingInt(p -> ALL.indexOf(named(p.field()))));
        return new Parsed(problems.isEmpty() ? new SizingSettings(values) : null, problems);
    }

    /**
     * Settings read back from their stored form (a JSON object's fields, by name). Values are not
     * checked again: they were checked when stored. Absent fields are unset.
     */
    public static SizingSettings fromStored(Map<String, ?> stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting<?> s : ALL) {
            if (stored.containsKey(s.name())) values.put(s.name(), s.load(stored.get(s.name())));
        }
        return new SizingSettings(values);
    }

    /** The defaults of every setting that has one, as text: what a new form shows. */
    public static Map<String, String> defaultsText() {
        Map<String, String> text = new LinkedHashMap<>();
        for (Setting<?> s : ALL) text.put(s.name(), defaultText(s));
        return text;
    }

    private static <T> String defaultText(Setting<T> s) {
        return s.text(s.defaultValue());
    }

    private static Setting.Builder<Double> positive(Setting.Builder<Double> b) {
        return b.reader(Setting::decimal).check(v -> v > 0 ? null : refuse("positive", "must be a positive number, not " + Setting.plain(v)))
                .writer(Setting::exact).stored(v -> v, Setting::storedDouble);
    }

    private static Setting<String> choice(String name, String option, String label, String unit, String help, String byDefault, String allowed,
                                          String... words) {
        List<String> list = List.of(words);
        return Setting.<String>of(String.class, name, option, label, unit, help).byDefault(byDefault).choices(words)
                .reader(t -> {
                    String w = t.toLowerCase(Locale.ROOT);
                    if (!list.contains(w)) throw new RefusedException(new Refusal("choice", "must be " + allowed + ", not '" + t + "'", List.of()));
                    return w;
                })
                .stored(v -> v, Object::toString).build();
    }

    private static Refusal refuse(String rule, String message, String... limits) {
        return new Refusal(rule, message, List.of(limits));
    }
}
