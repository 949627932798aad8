package org.exotrace.nta.concentration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ConcentrationEstimatorTest {

    // 100 x 80 µm field, 10 µm deep: 80 000 µm³ = 80 pL = 8e-8 mL
    private static final DetectionVolume VOLUME = DetectionVolume.ofFieldAndDepth(100, 80, 10);

    @Test
    void computesTheHandExample() {
        // mean of 48, 52, 50, 50 = 50 particles per frame; 50 / 8e-8 mL = 6.25e8 /mL; x100 dilution = 6.25e10 /mL
        var result = ConcentrationEstimator.DEFAULT.estimate(new int[]{48, 52, 50, 50}, VOLUME, Dilution.of(100));
        assertThat(VOLUME.picolitres()).isCloseTo(80, withinPercentage(1e-9));
        assertThat(result.meanParticlesPerFrame()).isEqualTo(50);
        assertThat(result.frames()).isEqualTo(4);
        assertThat(result.concentration().particlesPerMillilitre()).isCloseTo(6.25e10, withinPercentage(1e-9));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void warnsBelowAndAboveTheValidWindow() {
        var sparse = ConcentrationEstimator.DEFAULT.estimate(12.5, VOLUME, Dilution.NONE);
        assertThat(sparse.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(ConcentrationWarning.Kind.TOO_FEW_PARTICLES);
            assertThat(w.message()).contains("12.5 particles per frame", "minimum of 20.0");
        });
        assertThat(sparse.concentration().particlesPerMillilitre()).isCloseTo(1.5625e8, withinPercentage(1e-9));

        var dense = ConcentrationEstimator.DEFAULT.estimate(140, VOLUME, Dilution.NONE);
        assertThat(dense.warnings()).singleElement()
                .extracting(ConcentrationWarning::kind).isEqualTo(ConcentrationWarning.Kind.TOO_MANY_PARTICLES);

        var custom = new ConcentrationEstimator(5, 200);
        assertThat(custom.estimate(12.5, VOLUME, Dilution.NONE).warnings()).isEmpty();
        assertThat(custom.estimate(140, VOLUME, Dilution.NONE).warnings()).isEmpty();
    }

    @Test
    void refusesZeroOrNegativeVolumeAndDilution() {
        assertThatThrownBy(() -> DetectionVolume.ofPicolitres(0)).hasMessageContaining("detection volume must be finite and positive");
        assertThatThrownBy(() -> DetectionVolume.ofPicolitres(-3)).hasMessageContaining("positive");
        assertThatThrownBy(() -> DetectionVolume.ofFieldAndDepth(100, 80, 0)).hasMessageContaining("depth");
        assertThatThrownBy(() -> Dilution.of(0)).hasMessageContaining("dilution factor must be finite and positive");
        assertThatThrownBy(() -> Dilution.of(-10)).hasMessageContaining("dilution factor");
    }

    @Test
    void refusesMeaninglessCountsAndWindows() {
        assertThatThrownBy(() -> ConcentrationEstimator.DEFAULT.estimate(new int[0], VOLUME, Dilution.NONE)).hasMessageContaining("no frames");
        assertThatThrownBy(() -> ConcentrationEstimator.DEFAULT.estimate(new int[]{3, -1}, VOLUME, Dilution.NONE)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new ConcentrationEstimator(100, 20)).hasMessageContaining("min < max");
    }

    @Test
    void unitsConvert() {
        assertThat(DetectionVolume.ofCubicMicrometres(1000).picolitres()).isCloseTo(1, withinPercentage(1e-9));
        assertThat(Concentration.perMillilitre(2e9).particlesPerMicrolitre()).isCloseTo(2e6, withinPercentage(1e-9));
    }
}
