package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WassersteinDistanceTest {

    /** Nodes 10, ..., 100 nm; bin 50 nm spans 45-55 nm. */
    private static final DiameterGrid TENS = DiameterGrid.linear(10, 100, 10);

    private static NumberDistribution allAtFifty() {
        double[] w = new double[10];
        w[4] = 1;
        return NumberDistribution.of(TENS, w);
    }

    @Test
    void uniformBinAgainstItsCentreIsAQuarterOfTheWidth() {
        // E|U - 50| for U uniform on [45, 55] = 2.5
        assertThat(WassersteinDistance.toSamples(allAtFifty(), new double[]{50})).isCloseTo(2.5, within(1e-12));
        assertThat(WassersteinDistance.toQuantileFunction(allAtFifty(), u -> 50, 10_000)).isCloseTo(2.5, within(1e-6));
    }

    @Test
    void aShiftedPointIsTheShift() {
        assertThat(WassersteinDistance.toSamples(allAtFifty(), new double[]{60, 60, 60})).isCloseTo(10, within(1e-12));
        assertThat(WassersteinDistance.toSamples(allAtFifty(), new double[]{20})).isCloseTo(30, within(1e-12));
    }

    @Test
    void samplesAtTheBinEdgesCrossTheLinearCdf() {
        // F rises 0 -> 1 over 45..55, G = 1/2 there: integral of |F - 1/2| = 2 * (1/2 * 5 * 1/2)
        assertThat(WassersteinDistance.toSamples(allAtFifty(), new double[]{45, 55})).isCloseTo(2.5, within(1e-12));
        assertThat(WassersteinDistance.toQuantileFunction(allAtFifty(), u -> u < 0.5 ? 45 : 55, 10_000))
                .isCloseTo(2.5, within(1e-6));
    }

    @Test
    void bothFormsAgreeOnASpreadDistribution() {
        var dist = NumberDistribution.of(TENS, new double[]{0, 1, 2, 3, 4, 3, 2, 1, 0, 0});
        double[] samples = new double[1000];
        for (int i = 0; i < samples.length; i++) samples[i] = 30 + 40.0 * (i + 0.5) / samples.length;
        double exact = WassersteinDistance.toSamples(dist, samples);
        double quantile = WassersteinDistance.toQuantileFunction(dist, u -> 30 + 40 * u, 100_000);
        assertThat(exact).isCloseTo(quantile, within(0.01));
    }
}
