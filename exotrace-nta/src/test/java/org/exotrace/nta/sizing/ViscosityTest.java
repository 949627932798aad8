package org.exotrace.nta.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViscosityTest {

    @Test
    void bothWaterModelsGiveAbout0point955At22Celsius() {
        var t = Temperature.ofCelsius(22);
        double vogel = WaterModel.VOGEL.viscosityAt(t).millipascalSeconds();
        double alt = WaterModel.VOGEL_ALT.viscosityAt(t).millipascalSeconds();
        // independent values (Python, same formulas): Vogel 0.954776, alternative 0.955472 mPa·s
        assertThat(vogel).isCloseTo(0.955, within(0.955 * WaterModel.TYPICAL_MODEL_DISAGREEMENT));
        assertThat(alt).isCloseTo(0.955, within(0.955 * WaterModel.TYPICAL_MODEL_DISAGREEMENT));
        assertThat(Math.abs(vogel - alt) / alt).isLessThan(WaterModel.TYPICAL_MODEL_DISAGREEMENT);
        assertThat(vogel).isCloseTo(0.954776, within(1e-6));
        assertThat(alt).isCloseTo(0.955472, within(1e-6));
    }

    @Test
    void theChosenModelIsReportedByName() {
        var t = Temperature.ofCelsius(25);
        assertThat(Viscosity.ofWater(WaterModel.VOGEL_ALT, t).source()).isEqualTo("VOGEL_ALT");
        assertThat(WaterModel.VOGEL.viscosityAt(t).source()).isEqualTo("VOGEL");
        assertThat(Viscosity.ofCentipoise(0.9451).source()).isEqualTo(Viscosity.USER_GIVEN);
        assertThat(Viscosity.ofCentipoise(0.9451).pascalSeconds()).isCloseTo(9.451e-4, within(1e-12));
    }

    @Test
    void waterModelsRefuseIceAndSteam() {
        assertThatThrownBy(() -> WaterModel.VOGEL.viscosityAt(Temperature.ofCelsius(-0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below the freezing point");
        assertThatThrownBy(() -> WaterModel.VOGEL_ALT.viscosityAt(Temperature.ofCelsius(100.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above the boiling point");
    }

    @Test
    void celsiusConvertsToKelvin() {
        assertThat(Temperature.ofCelsius(22).kelvin()).isCloseTo(295.15, within(1e-12));
        assertThat(Temperature.ofKelvin(300).celsius()).isCloseTo(26.85, within(1e-12));
        assertThatThrownBy(() -> Temperature.ofCelsius(-300)).hasMessageContaining("absolute zero");
    }

    @Test
    void refusesNonPositiveViscosity() {
        assertThatThrownBy(() -> Viscosity.ofMillipascalSeconds(0)).hasMessageContaining("positive");
    }
}
