package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.outcome.Refusals.assertRefused;

import org.exotrace.outcome.SkinMeasurement.Hydration;
import org.junit.jupiter.api.Test;

/** Cutometer ratios and the plain device readings. */
class MeasurementUnitTest {

    @Test
    void cutometerRatios() {
        // Ua 0.6, Uf 0.8, Ur 0.3, Ue 0.5
        // R2 = 0.6 / 0.8 = 0.75 ; R5 = 0.3 / 0.5 = 0.6 ; R7 = 0.3 / 0.8 = 0.375
        Cutometer cutometer = new Cutometer(0.6, 0.8, 0.3, 0.5);

        assertThat(cutometer.r2()).isEqualByComparingTo("0.750");
        assertThat(cutometer.r5()).isEqualByComparingTo("0.600");
        assertThat(cutometer.r7()).isEqualByComparingTo("0.375");
    }

    @Test
    void cutometerRoundsRatiosToThreeDecimals() {
        // R7 = 0.2 / 0.3 = 0.6666... -> 0.667 ; R2 = 0.1 / 0.3 = 0.3333... -> 0.333
        Cutometer cutometer = new Cutometer(0.1, 0.3, 0.2, 0.4);

        assertThat(cutometer.r7().toPlainString()).isEqualTo("0.667");
        assertThat(cutometer.r2().toPlainString()).isEqualTo("0.333");
    }

    @Test
    void cutometerRefusesParametersThatAreNotPositive() {
        assertRefused(() -> new Cutometer(0.5, 0.0, 0.3, 0.5), "uf", "above 0", "was 0");
        assertRefused(() -> new Cutometer(-0.1, 0.8, 0.3, 0.5), "ua", "was -0.1");
        assertRefused(() -> new Cutometer(0.5, 0.8, 0.3, null), "ue", "required");
    }

    @Test
    void corneometerBands() {
        // < 30 very dry ; 30-45 dry ; >= 45 sufficient
        assertThat(SkinMeasurement.corneometer(0.0).hydration()).isEqualTo(Hydration.VERY_DRY);
        assertThat(SkinMeasurement.corneometer(29.9).hydration()).isEqualTo(Hydration.VERY_DRY);
        assertThat(SkinMeasurement.corneometer(30.0).hydration()).isEqualTo(Hydration.DRY);
        assertThat(SkinMeasurement.corneometer(44.9).hydration()).isEqualTo(Hydration.DRY);
        assertThat(SkinMeasurement.corneometer(45.0).hydration()).isEqualTo(Hydration.SUFFICIENT);
        assertRefused(() -> SkinMeasurement.corneometer(-1.0), "hydration", "0 or more", "was -1");
    }

    @Test
    void readingsWithinTheirInstrumentsRange() {
        assertThat(SkinMeasurement.tewl(12.5).value()).isEqualByComparingTo("12.5");
        assertThat(SkinMeasurement.melaninIndex(999.0).instrument()).isEqualTo(Instrument.MEXAMETER_MELANIN);
        assertRefused(() -> SkinMeasurement.melaninIndex(1000.0), "melaninIndex", "from 0 to 999", "was 1000");
        assertRefused(() -> SkinMeasurement.erythemaIndex(-5.0), "erythemaIndex", "was -5");
        assertRefused(() -> SkinMeasurement.tewl(Double.NaN), "tewl", "was NaN");
    }
}
