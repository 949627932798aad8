package org.exotrace.specification;

import java.math.BigDecimal;

/** Shortest readable decimal text: plain below a million ("0.5", "150"), else "1.5E9". */
public final class Numbers {

    private static final double SCIENTIFIC_FROM = 1e6;
    private static final double SCIENTIFIC_BELOW = 1e-3;

    private Numbers() {
    }

    public static String format(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude == 0 || (magnitude < SCIENTIFIC_FROM && magnitude >= SCIENTIFIC_BELOW)) {
            return decimal.toPlainString();
        }
        int exponent = decimal.precision() - decimal.scale() - 1;
        String mantissa = decimal.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "E" + exponent;
    }
}
