package org.exotrace.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Particle counts and concentrations as people read them: a mantissa times a power of ten with a
 * superscript exponent, {@code 1.47 × 10⁹}, {@code 2.5 × 10⁻⁴} (superscript minus), rounded half up
 * to a number of significant digits (3 unless told). Values from 1 up to 10 000 stay plain ("2",
 * "150", "9999") in {@link #format(double)}; zero is "0". NaN and infinities are not counts and are
 * refused. Pages call it through the {@code @sci} bean; PDFs, whose standard fonts lack most
 * superscript digits, take the {@link Parts} and raise the exponent themselves.
 */
public final class ScientificNotation {

    /** Significant digits unless a caller says otherwise. */
    public static final int DEFAULT_DIGITS = 3;

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final char SUPERSCRIPT_MINUS = '⁻';

    private ScientificNotation() {
    }

    /**
     * A number split for display: {@code mantissa × 10^exponent}, or {@code mantissa} alone when
     * {@code plain} (no power of ten shown).
     */
    public record Parts(String mantissa, int exponent, boolean plain) {

        /** The exponent in superscript digits, "⁹", "⁻⁴". */
        public String superscriptExponent() {
            return superscript(exponent);
        }

        /** The whole text, "1.47 × 10⁹" or "150". */
        public String text() {
            return plain ? mantissa : mantissa + " × 10" + superscriptExponent();
        }
    }

    private static final java.util.regex.Pattern E_NOTATION =
            java.util.regex.Pattern.compile("(?<![\\w.])(-?\\d+(?:\\.\\d+)?)E([+-]?\\d+)(?![\\w.])");

    /**
     * A text with numbers in computer notation ("5E9 – 1.2E10 particles", as limits and results are
     * stored and hashed) as people read it: "5 × 10⁹ – 1.2 × 10¹⁰ particles". Only whole tokens of
     * the form {@code 1.5E9} or {@code 2E-4} change, with the digits written as they were.
     */
    public static String inText(String text) {
        if (text == null) return null;
        return E_NOTATION.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + " × 10" + superscript(Integer.parseInt(m.group(2).replace("+", "")))));
    }

    /** Three significant digits, trailing zeros dropped, plain from 1 to below 10 000: "1.47 × 10⁹", "1 × 10¹⁰", "150". */
    public static String format(double value) {
        return parts(value, DEFAULT_DIGITS, false).text();
    }

    /** {@code digits} significant digits, trailing zeros dropped, plain from 1 to below 10 000. */
    public static String format(double value, int digits) {
        return parts(value, digits, false).text();
    }

    /** Always a power of ten with exactly {@code digits} significant digits: 9.999e9 at 3 digits is "1.00 × 10¹⁰". */
    public static String fixed(double value, int digits) {
        return parts(value, digits, true).text();
    }

    /**
     * The mantissa and exponent of {@code value} at {@code digits} significant digits (rounded half up);
     * {@code keepDigits} keeps trailing zeros and always shows the power of ten.
     *
     * @throws IllegalArgumentException for NaN, infinities, or fewer than 1 digit
     */
    public static Parts parts(double value, int digits, boolean keepDigits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a count or concentration: " + value);
        }
        if (digits < 1) {
            throw new IllegalArgumentException("at least 1 significant digit, not " + digits);
        }
        if (value == 0) {
            return new Parts(keepDigits ? BigDecimal.ZERO.setScale(digits - 1).toPlainString() : "0", 0, true);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (!keepDigits && exponent >= 0 && exponent < 4) {
            return new Parts(rounded.stripTrailingZeros().toPlainString(), 0, true);
        }
        BigDecimal mantissa = rounded.movePointLeft(exponent);
        String text = keepDigits ? mantissa.setScale(digits - 1, RoundingMode.HALF_UP).toPlainString()
                : mantissa.stripTrailingZeros().toPlainString();
        return new Parts(text, exponent, false);
    }

    /** An integer in superscript digits with a superscript minus: -12 is "⁻¹²". */
    public static String superscript(int exponent) {
        StringBuilder out = new StringBuilder(exponent < 0 ? String.valueOf(SUPERSCRIPT_MINUS) : "");
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            out.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return out.toString();
    }
}
