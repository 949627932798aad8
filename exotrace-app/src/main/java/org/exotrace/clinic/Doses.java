package org.exotrace.clinic;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Particle counts as clinicians read them: three significant digits times a power of ten, "1.5 × 10⁹
 * particles". A PDF in WinAnsi prints the exponent as {@code 10^9} ({@code WinAnsiText#legible}).
 */
public final class Doses {

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Doses() {
    }

    public static String particles(Double count) {
        return count == null ? "unknown" : scientific(count) + " particles";
    }

    public static String scientific(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) return String.valueOf(value);
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= 0 && exponent < 4) return rounded.stripTrailingZeros().toPlainString();
        String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + " × 10" + superscript(exponent);
    }

    private static String superscript(int exponent) {
        StringBuilder s = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) s.append(SUPERSCRIPTS.charAt(c - '0'));
        return s.toString();
    }
}
