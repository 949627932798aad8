package org.exotrace.shared.pdf;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.Map;

/**
 * Makes text printable with the standard PDF fonts, which only encode WinAnsi (cp1252).
 * Characters outside it are spelled out legibly ("≤" becomes "<=", Greek mu becomes the
 * micro sign, "10⁹" becomes "10^9") instead of silently disappearing from the PDF.
 */
public final class WinAnsiText {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('≤', "<="), Map.entry('≥', ">="), Map.entry('≠', "!="),
            Map.entry('≈', "~"), Map.entry('∼', "~"), Map.entry('−', "-"),
            Map.entry('‐', "-"), Map.entry('‑', "-"), Map.entry('→', "->"),
            Map.entry('←', "<-"), Map.entry('∞', "inf"), Map.entry('√', "sqrt"),
            Map.entry('μ', "µ"), Map.entry('α', "alpha"), Map.entry('β', "beta"),
            Map.entry('γ', "gamma"), Map.entry('δ', "delta"), Map.entry('Δ', "Delta"),
            Map.entry('κ', "kappa"), Map.entry('λ', "lambda"), Map.entry('σ', "sigma"),
            Map.entry('Ω', "Ohm"), Map.entry('℃', "°C"), Map.entry('\u202F', " "),
            Map.entry('\u2009', " "), Map.entry('\u200B', ""));

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻";
    private static final String SUPERSCRIPT_ASCII = "0123456789+-";

    private WinAnsiText() {
    }

    /** The text as the standard fonts can print it; {@code null} and empty give "". */
    public static String legible(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        CharsetEncoder encoder = CP1252.newEncoder();
        if (encoder.canEncode(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (SUPERSCRIPTS.indexOf(ch) >= 0) {
                int end = i;
                while (end < text.length() && SUPERSCRIPTS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                String run = text.substring(i, end);
                out.append(encoder.canEncode(run) ? run : "^" + asciiSuperscript(run));
                i = end;
                continue;
            }
            out.append(encoder.canEncode(ch) ? String.valueOf(ch) : replacement(ch, encoder));
            i++;
        }
        return out.toString();
    }

    private static String asciiSuperscript(String run) {
        StringBuilder ascii = new StringBuilder(run.length());
        for (char ch : run.toCharArray()) {
            ascii.append(SUPERSCRIPT_ASCII.charAt(SUPERSCRIPTS.indexOf(ch)));
        }
        return ascii.toString();
    }

    private static String replacement(char ch, CharsetEncoder encoder) {
        String spelled = SPELLED.get(ch);
        if (spelled != null) {
            return spelled;
        }
        if (Character.isSurrogate(ch)) {
            return Character.isHighSurrogate(ch) ? "?" : "";
        }
        String decomposed = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        return !decomposed.isEmpty() && encoder.canEncode(decomposed) ? decomposed : "?";
    }
}
