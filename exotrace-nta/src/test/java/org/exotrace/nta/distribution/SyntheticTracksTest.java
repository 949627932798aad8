package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticTracksTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.4, 1, 5, 21})
    void gammaSamplerHasTheRightMeanAndVariance(double shape) {
        var random = new SplittableRandom(42);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = SyntheticTracks.gamma(random, shape);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        // standard error of the mean is sqrt(shape/n); 5 SE
        assertThat(mean).isCloseTo(shape, within(5 * Math.sqrt(shape / n)));
        assertThat(var).isCloseTo(shape, within(0.03 * shape));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 3, 20})
    void geometricSamplerHasTheRightMean(double mean) {
        var random = new SplittableRandom(7);
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += SyntheticTracks.geometric(random, mean);
        // SD of a geometric is sqrt(mean (1 + mean)); 5 SE
        assertThat(sum / n).isCloseTo(mean, within(5 * Math.sqrt(mean * (1 + mean) / n)));
    }
}
