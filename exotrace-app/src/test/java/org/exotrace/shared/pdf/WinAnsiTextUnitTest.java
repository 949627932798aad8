package org.exotrace.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WinAnsiTextUnitTest {

    @Test
    void leavesTextTheStandardFontsCanPrintAsItIs() {
        assertThat(WinAnsiText.legible("café ½ g/m²/h 10²")).isEqualTo("café ½ g/m²/h 10²");
        assertThat(WinAnsiText.legible(null)).isEmpty();
    }

    @Test
    void spellsOutWhatTheStandardFontsCannotPrint() {
        assertThat(WinAnsiText.legible("≥ 50 %")).isEqualTo(">= 50 %");
        assertThat(WinAnsiText.legible("1.5 × 10⁹ and 2.5 × 10⁻⁴")).isEqualTo("1.5 × 10^9 and 2.5 × 10^-4");
        assertThat(WinAnsiText.legible("μm, α, Δ")).isEqualTo("µm, alpha, Delta");
        assertThat(WinAnsiText.legible("ﬁ \uD835\uDEFC")).isEqualTo("fi ?");
    }
}
