package org.exotrace.nta.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The sub-step integration reproduces Berglund's increment covariance for a full-frame exposure. */
class TrackStepsTest {

    @Test
    void fullFrameExposureGivesTheMotionBlurCovariance() {
        double d = 4.53, dt = 0.04, s2 = 0.1 * d * dt, r = 1.0 / 6;
        SplittableRandom random = new SplittableRandom(3);
        double squares = 0, products = 0;
        int nSquares = 0, nProducts = 0;
        for (int t = 0; t < 2000; t++) {
            TrackSteps track = TrackSteps.simulate(d, s2, r, dt, 20, 4, random);
            for (double[] v : new double[][] {track.dx(), track.dy()}) {
                for (int i = 0; i < v.length; i++) {
                    squares += v[i] * v[i];
                    nSquares++;
                    if (i + 1 < v.length) {
                        products += v[i] * v[i + 1];
                        nProducts++;
                    }
                }
            }
        }
        double variance = 2 * d * dt * (1 - 2 * r) + 2 * s2;
        double covariance = 2 * r * d * dt - s2;
        assertThat(squares / nSquares).isCloseTo(variance, within(0.01 * variance));
        assertThat(products / nProducts).isCloseTo(covariance, within(0.01 * variance));
    }
}
