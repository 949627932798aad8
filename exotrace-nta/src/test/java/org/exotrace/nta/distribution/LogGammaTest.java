package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogGammaTest {

    @Test
    void matchesLogFactorialAtIntegers() {
        double logFactorial = 0;
        for (int n = 1; n <= 170; n++) {
            // ln Γ(n) = ln (n-1)!
            assertThat(LogGamma.of(n)).isCloseTo(logFactorial, within(1e-12 * Math.max(1, logFactorial)));
            logFactorial += Math.log(n);
        }
    }

    @Test
    void matchesKnownHalfIntegerAndSmallValues() {
        assertThat(LogGamma.of(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(LogGamma.of(1.5)).isCloseTo(Math.log(0.5 * Math.sqrt(Math.PI)), within(1e-14));
        // Γ(0.1) = 9.513507698668732 (Abramowitz & Stegun 6.1)
        assertThat(LogGamma.of(0.1)).isCloseTo(Math.log(9.513507698668732), within(1e-13));
        // ln Γ(1000.5) from Stirling's series to 1/x^3: 5906.0322...
        double x = 1000.5;
        double stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
        assertThat(LogGamma.of(x)).isCloseTo(stirling, within(1e-9));
    }
}
