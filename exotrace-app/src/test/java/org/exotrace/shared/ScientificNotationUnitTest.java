package org.exotrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ScientificNotationUnitTest {

    @Test
    void writesThePowerOfTenWithSuperscriptDigits() {
        assertThat(ScientificNotation.format(1.47e9)).isEqualTo("1.47 × 10⁹");
        assertThat(ScientificNotation.format(2.4e12)).isEqualTo("2.4 × 10¹²");
        assertThat(ScientificNotation.format(1.5e11)).isEqualTo("1.5 × 10¹¹");
        assertThat(ScientificNotation.format(4.5678e16)).isEqualTo("4.57 × 10¹⁶");
    }

    @Test
    void writesANegativeExponentWithTheSuperscriptMinus() {
        assertThat(ScientificNotation.format(1e-3)).isEqualTo("1 × 10⁻³");
        assertThat(ScientificNotation.format(2.5e-4)).isEqualTo("2.5 × 10⁻⁴");
        assertThat(ScientificNotation.superscript(-12)).isEqualTo("⁻¹²");
    }

    @Test
    void roundsHalfUpToTheSignificantDigitsAndCarriesIntoTheExponent() {
        assertThat(ScientificNotation.format(9.999e9)).isEqualTo("1 × 10¹⁰");
        assertThat(ScientificNotation.fixed(9.999e9, 3)).isEqualTo("1.00 × 10¹⁰");
        assertThat(ScientificNotation.format(1.245e9, 2)).isEqualTo("1.2 × 10⁹");
        assertThat(ScientificNotation.format(1.25e9, 2)).isEqualTo("1.3 × 10⁹");
        assertThat(ScientificNotation.fixed(1.47e9, 4)).isEqualTo("1.470 × 10⁹");
        assertThat(ScientificNotation.fixed(150, 3)).isEqualTo("1.50 × 10²");
    }

    @Test
    void keepsSmallCountsPlain() {
        assertThat(ScientificNotation.format(150)).isEqualTo("150");
        assertThat(ScientificNotation.format(2)).isEqualTo("2");
        assertThat(ScientificNotation.format(9999)).isEqualTo("1 × 10⁴");
        assertThat(ScientificNotation.format(1234)).isEqualTo("1230");
        assertThat(ScientificNotation.format(12345)).isEqualTo("1.23 × 10⁴");
    }

    @Test
    void writesZeroAsZero() {
        assertThat(ScientificNotation.format(0)).isEqualTo("0");
        assertThat(ScientificNotation.fixed(0, 3)).isEqualTo("0.00");
    }

    @Test
    void keepsTheSignOfANegativeValue() {
        assertThat(ScientificNotation.format(-3.2e9)).isEqualTo("-3.2 × 10⁹");
        assertThat(ScientificNotation.format(-0.5)).isEqualTo("-5 × 10⁻¹");
    }

    @Test
    void splitsMantissaAndExponentForPdfsThatRaiseTheExponentThemselves() {
        ScientificNotation.Parts parts = ScientificNotation.parts(2.4e11, 3, false);
        assertThat(parts.mantissa()).isEqualTo("2.4");
        assertThat(parts.exponent()).isEqualTo(11);
        assertThat(parts.plain()).isFalse();
        assertThat(ScientificNotation.parts(42, 3, false).plain()).isTrue();
    }

    @Test
    void refusesWhatIsNotACount() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScientificNotation.format(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> ScientificNotation.format(Double.POSITIVE_INFINITY));
        assertThatIllegalArgumentException().isThrownBy(() -> ScientificNotation.format(Double.NEGATIVE_INFINITY));
        assertThatIllegalArgumentException().isThrownBy(() -> ScientificNotation.format(1e9, 0));
    }

    @Test
    void rewritesComputerNotationInsideATextAndNothingElse() {
        assertThat(ScientificNotation.inText("5E9 – 1.2E10 particles")).isEqualTo("5 × 10⁹ – 1.2 × 10¹⁰ particles");
        assertThat(ScientificNotation.inText("≥ 1.5E9 particles/µg")).isEqualTo("≥ 1.5 × 10⁹ particles/µg");
        assertThat(ScientificNotation.inText("2E-4 mg")).isEqualTo("2 × 10⁻⁴ mg");
        assertThat(ScientificNotation.inText("30 – 150 nm")).isEqualTo("30 – 150 nm");
        assertThat(ScientificNotation.inText("HMSC-EXO-SERUM v2E3")).as("a code that contains an E").isEqualTo("HMSC-EXO-SERUM v2E3");
        assertThat(ScientificNotation.inText("CD9E2 positive")).isEqualTo("CD9E2 positive");
        assertThat(ScientificNotation.inText(null)).isNull();
    }
}
