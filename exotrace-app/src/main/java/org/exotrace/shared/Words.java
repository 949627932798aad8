package org.exotrace.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Codes as people read them. A value with a {@link Labelled#label()} reads as its label; any other
 * code ("NO_GROWTH", "DOES_NOT_CONFORM", an enum constant without a label) reads as its words, the
 * first capitalised ("No growth", "Does not conform"). Text that is not a code is returned as it is,
 * so free text and names pass through untouched.
 */
public final class Words {

    /** An upper-case code with at least one letter: "NO_GROWTH", "POSITIVE", "IN_TESTING". */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private Words() {}

    /** The value as people read it: a label, the words of a code, or the text unchanged; "" for null. */
    public static String of(Object value) {
        if (value == null) return "";
        if (value instanceof Labelled l) return l.label();
        if (value instanceof Enum<?> e) return words(e.name());
        return words(value.toString());
    }

    /** "NO_GROWTH" → "No growth"; text that is not such a code, or a short acronym ("HIV", "NTA"), is returned unchanged. */
    public static String words(String code) {
        if (code == null) return "";
        if (!CODE.matcher(code).matches() || (code.indexOf('_') < 0 && code.length() <= 3)) return code;
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
