package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistributionStatsTest {

    /** Nodes 10, 20, ..., 100 nm; bin edges 5, 15, ..., 105 nm. */
    private static final DiameterGrid TENS = DiameterGrid.linear(10, 100, 10);

    @Test
    void statisticsOfAKnownDiscreteDistributionAreExact() {
        double[] w = new double[10];
        w[2] = 2; // 30 nm
        w[4] = 5; // 50 nm
        w[6] = 3; // 70 nm
        var stats = DistributionStats.of(NumberDistribution.of(TENS, w));
        // by hand: mean = 0.2*30 + 0.5*50 + 0.3*70 = 52; var = 0.2*22² + 0.5*2² + 0.3*18² = 196
        assertThat(stats.mean().nanometres()).isCloseTo(52, within(1e-12));
        assertThat(stats.sd().nanometres()).isCloseTo(14, within(1e-12));
        assertThat(stats.mode().nanometres()).isCloseTo(50, within(1e-12));
        // uniform within bins: D10 = 25 + 0.1/0.2*10, D50 = 45 + 0.3/0.5*10, D90 = 65 + 0.2/0.3*10
        assertThat(stats.d10().nanometres()).isCloseTo(30, within(1e-12));
        assertThat(stats.d50().nanometres()).isCloseTo(51, within(1e-12));
        assertThat(stats.d90().nanometres()).isCloseTo(65 + 20.0 / 3, within(1e-12));
    }

    @Test
    void aSinglePointMassHasItsNodeAsMedianAndZeroSpread() {
        double[] w = new double[10];
        w[7] = 1;
        var stats = DistributionStats.of(NumberDistribution.of(TENS, w));
        assertThat(stats.d50().nanometres()).isCloseTo(80, within(1e-12));
        assertThat(stats.mean().nanometres()).isCloseTo(80, within(1e-12));
        assertThat(stats.sd().nanometres()).isCloseTo(0, within(1e-12));
        assertThat(stats.d10().nanometres()).isCloseTo(76, within(1e-12));
    }

    @Test
    void modeIsThePeakOfTheDensityPerNanometreOnALogGrid() {
        var grid = DiameterGrid.logSpaced(10, 1000, 3); // nodes 10, 100, 1000; bins widen tenfold
        var stats = DistributionStats.of(NumberDistribution.of(grid, new double[]{0.3, 0.4, 0.3}));
        assertThat(stats.mode().nanometres()).isCloseTo(10, within(1e-9));
        assertThat(grid.edge(1)).isCloseTo(Math.sqrt(10 * 100), within(1e-9));
    }

    @Test
    void cdfAndQuantileAreInverse() {
        var dist = NumberDistribution.of(TENS, new double[]{1, 2, 3, 4, 5, 4, 3, 2, 1, 1});
        for (double p = 0.05; p < 1; p += 0.05) {
            assertThat(dist.cdf(dist.quantile(p))).isCloseTo(p, within(1e-12));
        }
        assertThat(dist.cdf(0)).isZero();
        assertThat(dist.cdf(1000)).isEqualTo(1);
    }
}
