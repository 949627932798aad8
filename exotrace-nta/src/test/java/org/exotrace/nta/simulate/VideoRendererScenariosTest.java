package org.exotrace.nta.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.exotrace.nta.video.Frame;
import org.junit.jupiter.api.Test;

/** The presets render what their documentation states: the instrument, the sizes, a realistic frame. */
class VideoRendererScenariosTest {

    @Test
    void everyPresetIsTheDocumentedInstrumentWithAThirdOfTheFrameExposed() {
        for (VideoRenderer.Builder preset : new VideoRenderer.Builder[] {
            Scenarios.monodisperse100nm(), Scenarios.lognormal120nm(), Scenarios.mixture80And180nm()}) {
            VideoRenderer video = preset.build();
            assertThat(video.width()).isEqualTo(640);
            assertThat(video.height()).isEqualTo(480);
            assertThat(video.frameCount()).hasValue(300);
            assertThat(video.framesPerSecond()).isEqualTo(30);
            assertThat(video.exposureSeconds()).isCloseTo(1.0 / 90, within(1e-15));
            assertThat(video.motionBlur()).isCloseTo(1.0 / 18, within(0.001));
            assertThat(video.meanParticlesInView()).isCloseTo(40, within(0.5));
            assertThat(video.viscosity().millipascalSeconds()).isCloseTo(0.955, within(0.005));
        }
    }

    @Test
    void theParticlesAreSampledFromThePresetsSizes() {
        assertThat(Scenarios.monodisperse100nm().build().medianDiameterNm()).isEqualTo(100);
        VideoRenderer lognormal = Scenarios.lognormal120nm().build();
        // about 180 particles: the sample median's SE is about 1.25 · ln 1.35 / √180 ≈ 2.8 %
        assertThat(lognormal.medianDiameterNm()).isCloseTo(120, within(12.0));
        assertThat(lognormal.truth().get(0).diffusionUm2PerS() * lognormal.truth().get(0).diameterNm())
            .as("Stokes-Einstein D · d in 22 °C water, µm²/s · nm").isCloseTo(453, within(2.0));
        long small = Scenarios.mixture80And180nm().build().truth().stream().filter(p -> p.diameterNm() == 80).count();
        assertThat(small).isBetween(60L, 120L);
    }

    @Test
    void aLognormalFrameHasTheBackgroundItsNoiseAndSaturatedLargeParticles() {
        VideoRenderer video = Scenarios.lognormal120nm().frames(2).build();
        video.next();
        Frame frame = video.next();
        float[] sorted = frame.pixels().clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double quartileSpread = sorted[3 * sorted.length / 4] - sorted[sorted.length / 4];
        assertThat(median).isCloseTo(20, within(1.0));
        // the interquartile range of N(20, 3.75²) is 1.349 σ = 5.1, in whole counts 5 or 6
        assertThat(quartileSpread).isBetween(4.0, 7.0);
        assertThat(sorted[sorted.length - 1]).as("a large particle saturates the 8-bit camera").isEqualTo(255f);
        assertThat(frame.index()).isEqualTo(1);
    }
}
