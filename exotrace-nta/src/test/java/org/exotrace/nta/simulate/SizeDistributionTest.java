package org.exotrace.nta.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizeDistributionTest {

    private static final double PHI_OF_ONE = 0.8413447460685429;

    @Test
    void lognormalQuantilesFollowTheMedianAndGeometricSd() {
        SizeDistribution sizes = SizeDistribution.lognormal(120, 1.4);
        assertThat(sizes.quantileNm(0.5)).isCloseTo(120, within(1e-9));
        assertThat(sizes.quantileNm(PHI_OF_ONE)).isCloseTo(120 * 1.4, within(1e-9));
        assertThat(sizes.quantileNm(1 - PHI_OF_ONE)).isCloseTo(120 / 1.4, within(1e-9));
        // Φ⁻¹(0.9) = 1.2815515655446004 (tables)
        assertThat(sizes.quantileNm(0.9)).isCloseTo(120 * Math.pow(1.4, 1.2815515655446004), within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void sampledLognormalDiametersMatchTheExactQuantiles(double p) {
        SizeDistribution sizes = SizeDistribution.lognormal(120, 1.4);
        SplittableRandom random = new SplittableRandom(5);
        double[] sample = new double[100_000];
        for (int i = 0; i < sample.length; i++) sample[i] = sizes.sampleNm(random);
        Arrays.sort(sample);
        assertThat(sample[(int) (p * sample.length)]).isCloseTo(sizes.quantileNm(p), within(0.01 * sizes.quantileNm(p)));
    }

    @Test
    void mixtureQuantilesInvertItsDistributionFunction() {
        SizeDistribution mixture = SizeDistribution.mixture(new double[] {3, 1},
            SizeDistribution.lognormal(80, 1.2), SizeDistribution.lognormal(200, 1.3));
        for (double p : new double[] {0.05, 0.5, 0.75, 0.95}) {
            assertThat(mixture.cdf(mixture.quantileNm(p))).isCloseTo(p, within(1e-9));
        }
    }

    @Test
    void mixtureOfMonodisperseSizesHasStepQuantiles() {
        SizeDistribution mixture = SizeDistribution.mixture(new double[] {1, 1},
            SizeDistribution.monodisperse(50), SizeDistribution.monodisperse(200));
        assertThat(mixture.quantileNm(0.25)).isCloseTo(50, within(1e-6));
        assertThat(mixture.quantileNm(0.75)).isCloseTo(200, within(1e-6));
    }
}
