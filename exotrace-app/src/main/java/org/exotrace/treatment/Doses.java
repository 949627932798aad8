package org.exotrace.treatment;

/**
 * Particle counts as clinicians read them: three significant digits times a power of ten, "1.5 × 10⁹
 * particles". A PDF in WinAnsi prints the exponent as {@code 10^9} ({@code WinAnsiText#legible}).
 */
public final class Doses {

    private Doses() {
    }

    public static String particles(Double count) {
        return count == null ? "unknown" : scientific(count) + " particles";
    }

    public static String scientific(double value) {
        return org.exotrace.shared.Texts.scientific(value);
    }
}
