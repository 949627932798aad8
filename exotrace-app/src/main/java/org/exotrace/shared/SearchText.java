package org.exotrace.shared;

/**
 * What someone typed into a search box, checked once: at most {@value #MAX_LENGTH} characters and
 * no control characters (a NUL cannot even be sent to PostgreSQL). Searches match it literally:
 * {@code %} and {@code _} are ordinary characters here, not SQL wildcards, so "10%" finds "10%"
 * and not every text that starts with "10".
 *
 * @param text the stripped text; empty when nothing was typed
 */
public record SearchText(String text) {

    public static final int MAX_LENGTH = 200;

    public SearchText {
        text = text == null ? "" : text.strip();
    }

    /**
     * The typed text, or a {@link DomainProblem} naming {@code field} when it is too long or holds a
     * control character.
     */
    public static SearchText of(String field, String typed) {
        Texts.check(field, typed, MAX_LENGTH, false);
        return new SearchText(typed);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** A {@code LIKE}/{@code ILIKE} pattern that finds the text anywhere, with {@code \ % _} escaped (PostgreSQL's default escape is {@code \}). */
    public String containsPattern() {
        return "%" + escape(text) + "%";
    }

    /** As {@link #containsPattern()}, lower-cased for a {@code lower(...) like} comparison. */
    public String containsPatternLowerCase() {
        return "%" + escape(text.toLowerCase(java.util.Locale.ROOT)) + "%";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
