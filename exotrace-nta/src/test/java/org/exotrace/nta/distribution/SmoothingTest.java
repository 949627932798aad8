package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SmoothingTest {

    private static final DiameterGrid GRID = DiameterGrid.logSpaced(20, 2000, 400);

    @Test
    void trigammaMatchesKnownValuesAndItsRecurrence() {
        assertThat(Smoothing.trigamma(1)).isCloseTo(Math.PI * Math.PI / 6, within(1e-10));
        assertThat(Smoothing.trigamma(0.5)).isCloseTo(Math.PI * Math.PI / 2, within(1e-10));
        assertThat(Smoothing.trigamma(2)).isCloseTo(Math.PI * Math.PI / 6 - 1, within(1e-10));
        for (double x : new double[] {0.3, 3.7, 7.3, 42.5}) {
            assertThat(Smoothing.trigamma(x) - Smoothing.trigamma(x + 1)).isCloseTo(1 / (x * x), within(1e-10));
        }
        assertThatThrownBy(() -> Smoothing.trigamma(0)).hasMessageContaining("x > 0");
    }

    @Test
    void resolutionCombinesTracksAsInformationAndCountsOnlyTheDiffusivePart() {
        double oneTrack = Math.sqrt(Smoothing.trigamma(20));
        assertThat(oneTrack).isCloseTo(0.2265, within(1e-3));
        assertThat(Smoothing.resolution(new double[] {20, 20}, new double[] {0.5, 0.9}, new double[] {3, 1}, 0)).isCloseTo(oneTrack, within(1e-12));
        // 4σ² = half of M: the diffusive share is 1/2, the resolution twice as coarse
        assertThat(Smoothing.resolution(new double[] {20}, new double[] {0.5}, new double[] {1}, 4 * 0.0625)).isCloseTo(2 * oneTrack, within(1e-12));
        // information adds: one track of 20 steps and one of 80 give 1/s² = (1/ψ₁(20) + 1/ψ₁(80)) / 2
        double expected = 1 / Math.sqrt((1 / Smoothing.trigamma(20) + 1 / Smoothing.trigamma(80)) / 2);
        assertThat(Smoothing.resolution(new double[] {20, 80}, new double[] {0.5, 0.5}, new double[] {1, 1}, 0)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void automaticStartsAtARuleThatShrinksWithTheNumberOfTracks() {
        Smoothing automatic = Smoothing.automatic();
        assertThat(automatic.isAutomatic()).isTrue();
        assertThat(automatic.bandwidth(0.17, 700)).isCloseTo(1.5 * 0.17 * Math.pow(700, -0.2), within(1e-12));
        assertThat(automatic.bandwidth(0.17, 230_000) / automatic.bandwidth(0.17, 700)).isCloseTo(Math.pow(700 / 230_000.0, 0.2), within(1e-12));
        assertThat(automatic.bandwidth(5, 10)).isEqualTo(Smoothing.MAX_BANDWIDTH);
        assertThat(Smoothing.none().bandwidth(0.17, 700)).isZero();
        assertThat(Smoothing.fixed(0.04).bandwidth(0.17, 700)).isEqualTo(0.04);
        assertThatThrownBy(() -> Smoothing.fixed(-0.01)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Smoothing.fixed(Double.NaN)).hasMessageContaining(">= 0");
    }

    @Test
    void kernelSpreadsAPointMassAsAGaussianInLogDiameterAndKeepsTheTotal() {
        double h = 0.05;
        LogDiameterKernel kernel = LogDiameterKernel.of(GRID, h);
        double[] in = new double[GRID.size()];
        int centre = 200;
        in[centre] = 1;
        double[] out = new double[GRID.size()];
        kernel.apply(in, out);
        double total = 0;
        double mean = 0;
        double second = 0;
        for (int j = 0; j < out.length; j++) {
            assertThat(out[j]).isGreaterThanOrEqualTo(0);
            double u = Math.log(GRID.nanometres(j) / GRID.nanometres(centre));
            total += out[j];
            mean += out[j] * u;
            second += out[j] * u * u;
        }
        assertThat(total).isCloseTo(1, within(1e-12));
        assertThat(mean).isCloseTo(0, within(1e-12));
        assertThat(Math.sqrt(second)).isCloseTo(h, within(0.002 * h));
    }

    @Test
    void kernelKeepsTheMassOfTheGridsEndsOnTheGrid() {
        LogDiameterKernel kernel = LogDiameterKernel.of(GRID, 0.1);
        double[] in = new double[GRID.size()];
        in[0] = 0.25;
        in[GRID.size() - 1] = 0.75;
        double[] out = new double[GRID.size()];
        kernel.apply(in, out);
        double total = 0;
        for (double x : out) {
            assertThat(x).isGreaterThanOrEqualTo(0);
            total += x;
        }
        assertThat(total).isCloseTo(1, within(1e-12));
        assertThat(out[0]).isGreaterThan(out[10]);
        assertThatThrownBy(() -> LogDiameterKernel.of(GRID, 0)).hasMessageContaining("positive");
    }
}
