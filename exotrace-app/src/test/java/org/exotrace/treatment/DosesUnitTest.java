package org.exotrace.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DosesUnitTest {

    @Test
    void largeCountsReadAsThreeSignificantDigitsTimesAPowerOfTen() {
        assertThat(Doses.particles(1.5e9)).isEqualTo("1.5 × 10⁹ particles");
        assertThat(Doses.scientific(3.456e10)).isEqualTo("3.46 × 10¹⁰");
        assertThat(Doses.scientific(9.999e9)).isEqualTo("1 × 10¹⁰");
        assertThat(Doses.scientific(2.5e-4)).isEqualTo("2.5 × 10⁻⁴");
        assertThat(Doses.scientific(120)).isEqualTo("120");
        assertThat(Doses.particles(null)).isEqualTo("unknown");
    }
}
