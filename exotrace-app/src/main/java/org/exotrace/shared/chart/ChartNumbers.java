package org.exotrace.shared.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as charts print them: tick labels and SVG coordinates, always with a dot for decimals. */
public final class ChartNumbers {

    private ChartNumbers() {}

    /** At most {@code maxDecimals} decimals, rounded half up, without trailing zeros: 12, 12.5, 0.125. */
    public static String trimmed(double value, int maxDecimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }

    /** Exactly {@code decimals} decimals: 12.0, 12.5. */
    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A whole number (within 10⁻⁹) without decimals, any other with exactly {@code decimals}: 12, 12.5, 12.0 for 12.04. */
    public static String wholeOrFixed(double value, int decimals) {
        return Math.abs(value - Math.rint(value)) < 1e-9 ? String.valueOf((long) Math.rint(value)) : fixed(value, decimals);
    }

    /** How many decimals the multiples of {@code step} need to print exactly: 0 for 5, 1 for 0.5, 2 for 0.25. */
    public static int decimals(double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        double scaled = step * Math.pow(10, decimals);
        return Math.abs(scaled - Math.rint(scaled)) > 1e-6 ? decimals + 1 : decimals;
    }
}
