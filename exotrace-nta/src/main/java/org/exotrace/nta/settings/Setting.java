package org.exotrace.nta.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One analysis setting, defined once: its name (form field, API part and stored key), command-line
 * option and help, unit, default, how it is read from text and checked, how it is written back as
 * text (so that it reads back to the same value) and how it is stored. Instances live in
 * {@link SettingsSpec}; nothing else defines a setting.
 *
 * @param <T> the value's type: Double, Integer, Long, String (a choice), Boolean (on/off) or a list of names
 */
public final class Setting<T> {

    /** A refusal while reading or checking a value: the rule's name, the English text and the text's arguments. */
    record Refusal(String rule, String message, List<String> args) {}

    /** Reads text into a value, or refuses it. */
    interface Reader<T> {
        T read(String text) throws RefusedException;
    }

    /** Checks a read value. */
    interface Check<T> {
        Refusal check(T value);
    }

    static final class RefusedException extends Exception {
        final transient Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final String name;
    private final String option;
    private final String label;
    private final String unit;
    private final String help;
    private final Class<?> type;
    private final T defaultValue;
    private final boolean required;
    private final List<String> choices;
    private final Reader<T> reader;
    private final List<Check<T>> checks;
    private final Function<T, String> writer;
    private final Function<T, Object> storer;
    private final Function<Object, T> loader;

    private Setting(String name, String option, String label, String unit, String help, Class<?> type, T defaultValue, boolean required,
                    List<String> choices, Reader<T> reader, List<Check<T>> checks, Function<T, String> writer, Function<T, Object> storer,
                    Function<Object, T> loader) {
        this.name = name;
        this.option = option;
        this.label = label;
        this.unit = unit;
        this.help = help;
        this.type = type;
        this.defaultValue = defaultValue;
        this.required = required;
        this.choices = List.copyOf(choices);
        this.reader = reader;
        this.checks = List.copyOf(checks);
        this.writer = writer;
        this.storer = storer;
        this.loader = loader;
    }

    /** The name used by the form, the API and the stored settings, e.g. {@code pixelSizeNm}. */
    public String name() { return name; }

    /** The command-line option, e.g. {@code --pixel-size-nm}. */
    public String option() { return option; }

    /** A person's name for it, e.g. "Pixel size". */
    public String label() { return label; }

    /** The unit shown beside it ("nm", "fps", "°C"); empty for none. */
    public String unit() { return unit; }

    /** The command line's help text (without the default, see {@link #helpWithDefault()}). */
    public String help() { return help; }

    /** The help text with the default or "required" appended, as {@code --help} prints it. */
    public String helpWithDefault() {
        if (defaultValue != null) return help + " (default " + text(defaultValue) + ")";
        return required ? help + " (required)" : help;
    }

    /** Message key of the setting's label, {@code nta.setting.<name>.label}. */
    public String labelKey() { return "nta.setting." + name + ".label"; }

    /** The value taken when the setting is not given; null when there is none. */
    public T defaultValue() { return defaultValue; }

    /** Whether the setting must be given (it has no default). */
    public boolean required() { return required; }

    /** The allowed words of a choice (e.g. {@code ml}, {@code histogram}); empty for other settings. */
    public List<String> choices() { return choices; }

    /** The value as text that reads back to the same value (doubles printed shortest-exact, {@code 1e-05} style). */
    public String text(T value) {
        return value == null ? "" : writer.apply(value);
    }

    /** The value as the stored settings hold it: a number, a string, a boolean or a list of strings. */
    Object store(T value) {
        return value == null ? null : storer.apply(value);
    }

    /** A stored value read back; numbers of any JSON type are accepted. */
    T load(Object stored) {
        return stored == null ? null : loader.apply(stored);
    }

    T cast(Object value) {
        @SuppressWarnings("unchecked")
        T t = (T) type.cast(value);
        return t;
    }

    /** Reads and checks typed text; blank gives the default (null when there is none). */
    Object parse(String text, List<SettingProblem> problems) {
        if (text == null || text.isBlank()) {
            if (required) problems.add(problem(new Refusal("required", "required", List.of(""))));
            return defaultValue;
        }
        T value;
        try {
            value = reader.read(text.strip());
        } catch (RefusedException e) {
            problems.add(problem(withValue(e.refusal, text.strip())));
            return null;
        }
        for (Check<T> c : checks) {
            Refusal r = c.check(value);
            if (r != null) {
                problems.add(problem(withValue(r, text.strip())));
                return null;
            }
        }
        return value;
    }

    SettingProblem problem(String rule, String message, String... args) {
        return problem(new Refusal(rule, message, List.of(args)));
    }

    private SettingProblem problem(Refusal r) {
        return new SettingProblem(name, option, "nta.setting." + name + "." + r.rule(), r.args(), r.message());
    }

    private static Refusal withValue(Refusal r, String typed) {
        List<String> args = new ArrayList<>();
        args.add(typed);
        args.addAll(r.args());
        return new Refusal(r.rule(), r.message(), args);
    }

    @Override
    public String toString() {
        return name;
    }

    // --- builders used by SettingsSpec ---

    /** Starts a setting. */
    static <T> Builder<T> of(Class<?> type, String name, String option, String label, String unit, String help) {
        return new Builder<>(type, name, option, label, unit, help);
    }

    static final class Builder<T> {
        private final Class<?> type;
        private final String name;
        private final String option;
        private final String label;
        private final String unit;
        private final String help;
        private T defaultValue;
        private boolean required;
        private List<String> choices = List.of();
        private Reader<T> reader;
        private final List<Check<T>> checks = new ArrayList<>();
        private Function<T, String> writer = String::valueOf;
        private Function<T, Object> storer = v -> v;
        private Function<Object, T> loader;

        private Builder(Class<?> type, String name, String option, String label, String unit, String help) {
            this.type = type;
            this.name = name;
            this.option = option;
            this.label = label;
            this.unit = unit;
            this.help = help;
        }

        Builder<T> byDefault(T value) {
            this.defaultValue = value;
            return this;
        }

        Builder<T> required() {
            this.required = true;
            return this;
        }

        Builder<T> choices(String... words) {
            this.choices = Arrays.asList(words);
            return this;
        }

        Builder<T> reader(Reader<T> r) {
            this.reader = r;
            return this;
        }

        Builder<T> check(Check<T> c) {
            checks.add(c);
            return this;
        }

        Builder<T> writer(Function<T, String> w) {
            this.writer = w;
            return this;
        }

        Builder<T> stored(Function<T, Object> store, Function<Object, T> load) {
            this.storer = store;
            this.loader = load;
            return this;
        }

        Setting<T> build() {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(loader, "loader");
            return new Setting<>(name, option, label, unit, help, type, defaultValue, required, choices, reader, checks, writer, storer, loader);
        }
    }

    // --- shared readers and writers ---

    /** A finite decimal number; a decimal comma is read as a point. */
    static Double decimal(String text) throws RefusedException {
        try {
            double v = Double.parseDouble(text.replace(',', '.'));
            if (!Double.isFinite(v)) throw new RefusedException(new Refusal("finite", "must be a finite number", List.of()));
            return v;
        } catch (NumberFormatException e) {
            throw new RefusedException(new Refusal("number", "'" + text + "' is not a number", List.of()));
        }
    }

    static Integer whole(String text) throws RefusedException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RefusedException(new Refusal("whole", "'" + text + "' is not a whole number", List.of()));
        }
    }

    static Long wholeLong(String text) throws RefusedException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RefusedException(new Refusal("whole", "'" + text + "' is not a whole number", List.of()));
        }
    }

    /** {@code 166}, {@code 0.16666666666666666}, {@code 1.0e-5}: reads back to the same double. */
    static String exact(Double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.toLowerCase(Locale.ROOT);
    }

    /** A number for a person: no exponent, no trailing zeros (1e9 as 1000000000). */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static Double storedDouble(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        return Double.valueOf(o.toString());
    }

    static Integer storedInteger(Object o) {
        if (o instanceof Number n) return n.intValue();
        return Integer.valueOf(o.toString());
    }

    static Long storedLong(Object o) {
        if (o instanceof Number n) return n.longValue();
        return Long.valueOf(o.toString());
    }
}
