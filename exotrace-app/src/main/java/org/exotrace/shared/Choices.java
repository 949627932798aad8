package org.exotrace.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Reads a choice typed or posted as text into one of an enum's values, gathering a field message when it is none of them. */
public final class Choices {

    private Choices() {}

    /**
     * The constant named by {@code value} (case and surrounding space ignored, spaces read as
     * underscores), or null with "use one of [...]" put in {@code errors} under {@code field}.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            errors.put(field, "use one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
