package org.exotrace.nta.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class StokesEinsteinTest {

    private final StokesEinstein water22 =
            new StokesEinstein(Temperature.ofCelsius(22), Viscosity.ofMillipascalSeconds(0.955));

    @Test
    void hundredNanometresAt22CelsiusDiffusesAt4point53() {
        // domain notes example: kB*295.15/(3*pi*0.955e-3*100e-9) = 4.5276e-12 m²/s
        var d = water22.diffusionOf(Diameter.ofNanometres(100));
        assertThat(d.squareMicrometresPerSecond()).isCloseTo(4.53, within(0.005));
    }

    @Test
    void diameterAndDiffusionAreInverse() {
        var d = Diameter.ofNanometres(137.2);
        assertThat(water22.diameterOf(water22.diffusionOf(d)).nanometres()).isCloseTo(137.2, within(1e-9));
        assertThat(water22.diameterNm(water22.diffusionUm2PerS(55))).isCloseTo(55, within(1e-9));
    }

    @Test
    void oneMicrometreLatexAtRoomTemperatureMatchesTheBulkWaterNote() {
        var se = StokesEinstein.inWater(Temperature.ofCelsius(21), WaterModel.VOGEL);
        assertThat(se.diffusionOf(Diameter.ofMicrometres(1)).squareMicrometresPerSecond()).isBetween(0.42, 0.45);
    }

    @Test
    void refusesNonPositiveDiameter() {
        assertThatThrownBy(() -> water22.diffusionOf(Diameter.ofNanometres(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiffusionCoefficient.ofSquareMicrometresPerSecond(-1))
                .hasMessageContaining("positive");
    }

    @Test
    void unitsConvert() {
        assertThat(Diameter.ofMicrometres(0.1).nanometres()).isCloseTo(100, within(1e-12));
        assertThat(DiffusionCoefficient.ofSquareMetresPerSecond(4.53e-12).squareMicrometresPerSecond())
                .isCloseTo(4.53, withinPercentage(1e-9));
    }
}
