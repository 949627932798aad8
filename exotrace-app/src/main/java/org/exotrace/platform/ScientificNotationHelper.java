package org.exotrace.platform;

import org.exotrace.shared.ScientificNotation;
import org.springframework.stereotype.Component;

/**
 * Templates write {@code ${@sci.of(lot.concentrationPerMl())}} for a particle count or concentration:
 * "1.47 × 10⁹" ({@link ScientificNotation}); null reads as "", so an optional value needs no guard.
 */
@Component("sci")
public class ScientificNotationHelper {

    /** Three significant digits, trailing zeros dropped. */
    public String of(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? "" : ScientificNotation.format(value);
    }

    /** {@code digits} significant digits, trailing zeros dropped. */
    public String of(Double value, int digits) {
        return value == null || value.isNaN() || value.isInfinite() ? "" : ScientificNotation.format(value, digits);
    }
}
