package org.exotrace.nta.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.exotrace.nta.simulate.TrackSteps;
import org.junit.jupiter.api.Test;

class SpectralLikelihoodTest {

    private static final double DT = 0.04;
    private static final double R = 1.0 / 6;

    @Test
    void matchesTheCholeskyLikelihoodUpToAConstant() {
        TrackSteps t = TrackSteps.simulate(4.53, 0.0025, R, DT, 17, 8, new SplittableRandom(3));
        SpectralLikelihood spectral = SpectralLikelihood.of(t.dx(), t.dy(), 0.0025, R, DT);
        double constant = IncrementCovariance.of(17, 1.0, 0.0025, R, DT).logLikelihood(t.dx(), t.dy()) - spectral.logLikelihood(1.0);
        for (double d : new double[] {0.5, 2, 4.53, 9, 30}) {
            double cholesky = IncrementCovariance.of(17, d, 0.0025, R, DT).logLikelihood(t.dx(), t.dy());
            assertThat(spectral.logLikelihood(d) + constant).isCloseTo(cholesky, within(1e-9));
        }
    }

    @Test
    void newtonFindsTheSameMaximumAsTheBracketingSearch() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int k = 5 + random.nextInt(60);
            double sigma2 = random.nextDouble() * 0.02;
            TrackSteps t = TrackSteps.simulate(4.53, sigma2, R, DT, k, 4, random);
            double scale = Steps.meanSquare(t.dx(), t.dy()) / (2 * DT);
            double newton = SpectralLikelihood.of(t.dx(), t.dy(), sigma2, R, DT).argMax(scale, scale * 1e-6, scale * 1e2);
            double search = LogScaleSearch.argMax(d -> IncrementCovariance.of(k, d, sigma2, R, DT).logLikelihood(t.dx(), t.dy()),
                    scale * 1e-6, scale * 1e2, 49);
            assertThat(newton).as("k=%d σ²=%f", k, sigma2).isCloseTo(search, within(1e-6 * search));
        }
    }
}
