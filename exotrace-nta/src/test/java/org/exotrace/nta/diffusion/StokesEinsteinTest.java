package org.exotrace.nta.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StokesEinsteinTest {

    @Test
    void hundredNanometreSphereInWaterAt22CelsiusDiffusesAt4point53() {
        assertThat(StokesEinstein.diffusionUm2PerS(100, 295.15, 0.955e-3)).isCloseTo(4.53, within(0.01));
    }

    @Test
    void diameterInvertsDiffusion() {
        double d = StokesEinstein.diffusionUm2PerS(73.2, 298.15, 0.89e-3);
        assertThat(StokesEinstein.diameterNm(d, 298.15, 0.89e-3)).isCloseTo(73.2, within(1e-9));
    }
}
