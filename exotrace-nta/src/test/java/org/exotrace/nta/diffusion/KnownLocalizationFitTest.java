package org.exotrace.nta.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.exotrace.nta.simulate.TrackSteps;
import org.junit.jupiter.api.Test;

/**
 * The known-σ² fit must find the same maximum as the reference spectral Newton
 * ({@link SpectralLikelihood}, full sine projection) on both of its paths, short tracks projected on
 * the eigenbasis and long ones solved with the tridiagonal matrix, and report the same Cramér-Rao
 * bound; the reusable workspace must give exactly the plain estimator's results.
 */
class KnownLocalizationFitTest {

    private static final double DT = 0.04;
    private static final double[] BLURS = {0, 1.0 / 12, 1.0 / 6, 0.25};

    @Test
    void findsTheSpectralMaximumOnBothPathsForAnyLengthNoiseAndBlur() {
        SplittableRandom random = new SplittableRandom(17);
        int[] lengths = {1, 2, 3, 5, 8, 31, 32, 33, 34, 60, 97, 150, 257, 400, 700};
        for (int k : lengths) {
            for (double blur : BLURS) {
                double sigma2 = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.02;
                double d = 0.5 + random.nextDouble() * 10;
                TrackSteps t = TrackSteps.simulate(d, sigma2, Math.min(blur, 1.0 / 6), DT, k, 4, random);
                double scale = Steps.meanSquare(t.dx(), t.dy()) / (2 * DT);
                double reference = SpectralLikelihood.of(t.dx(), t.dy(), sigma2, blur, DT).argMax(scale, scale * 1e-6, scale * 1e2);
                assertThat(reference).as("reference converges k=%d R=%f", k, blur).isNotNaN();

                DiffusionEstimate e = MaximumLikelihoodEstimator.withKnownLocalization(sigma2, blur).estimate(t.dx(), t.dy(), DT);
                assertThat(e.diffusionUm2PerS()).as("k=%d R=%f σ²=%f", k, blur, sigma2).isCloseTo(reference, within(1e-11 * reference));
                double bound = CramerRaoBound.knownLocalization(k, e.diffusionUm2PerS(), sigma2, blur, DT);
                assertThat(e.variance()).as("CRB k=%d R=%f", k, blur).isCloseTo(bound, within(1e-11 * bound));
                assertThat(e.sigma2Um2()).isEqualTo(sigma2);
                assertThat(e.steps()).isEqualTo(k);
            }
        }
    }

    @Test
    void theTridiagonalPathFindsTheMaximumOfTheCholeskyLikelihood() {
        SplittableRandom random = new SplittableRandom(23);
        for (int trial = 0; trial < 20; trial++) {
            int k = KnownLocalizationFit.SPECTRAL_MAX_STEPS + 1 + random.nextInt(300);
            double sigma2 = random.nextDouble() * 0.02;
            double blur = 1.0 / 6;
            TrackSteps t = TrackSteps.simulate(4.53, sigma2, blur, DT, k, 4, random);
            double scale = Steps.meanSquare(t.dx(), t.dy()) / (2 * DT);
            double newton = MaximumLikelihoodEstimator.withKnownLocalization(sigma2, blur).estimate(t.dx(), t.dy(), DT).diffusionUm2PerS();
            double search = LogScaleSearch.argMax(d -> IncrementCovariance.of(k, d, sigma2, blur, DT).logLikelihood(t.dx(), t.dy()),
                    scale * 1e-6, scale * 1e2, 49);
            assertThat(newton).as("k=%d σ²=%f", k, sigma2).isCloseTo(search, within(1e-6 * search));
            double best = IncrementCovariance.of(k, newton, sigma2, blur, DT).logLikelihood(t.dx(), t.dy());
            for (double factor : new double[] {1 - 1e-4, 1 + 1e-4}) {
                assertThat(IncrementCovariance.of(k, newton * factor, sigma2, blur, DT).logLikelihood(t.dx(), t.dy())).isLessThan(best);
            }
        }
    }

    @Test
    void theWorkspaceGivesThePlainEstimatesFromLongerReusedBuffersAndChangingFrameIntervals() {
        SplittableRandom random = new SplittableRandom(29);
        MaximumLikelihoodEstimator estimator = MaximumLikelihoodEstimator.withKnownLocalization(0.003, 1.0 / 6);
        MaximumLikelihoodEstimator.Workspace workspace = estimator.workspace();
        double[] dx = new double[1000];
        double[] dy = new double[1000];
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + random.nextInt(trial % 10 == 0 ? 900 : 60);
            double dt = trial % 3 == 0 ? 0.02 : DT;
            TrackSteps t = TrackSteps.simulate(0.5 + random.nextDouble() * 10, 0.003, 1.0 / 6, dt, k, 4, random);
            Arrays.fill(dx, random.nextGaussian());
            Arrays.fill(dy, random.nextGaussian());
            System.arraycopy(t.dx(), 0, dx, 0, k);
            System.arraycopy(t.dy(), 0, dy, 0, k);
            assertThat(workspace.estimate(dx, dy, k, dt)).isEqualTo(estimator.estimate(t.dx(), t.dy(), dt));
        }
    }

    @Test
    void theWorkspaceOfTheUnknownLocalizationEstimatorDelegates() {
        SplittableRandom random = new SplittableRandom(31);
        MaximumLikelihoodEstimator estimator = MaximumLikelihoodEstimator.withUnknownLocalization(1.0 / 6);
        TrackSteps t = TrackSteps.simulate(4.53, 0.002, 1.0 / 6, DT, 40, 4, random);
        double[] dx = Arrays.copyOf(t.dx(), 70);
        double[] dy = Arrays.copyOf(t.dy(), 70);
        assertThat(estimator.workspace().estimate(dx, dy, 40, DT)).isEqualTo(estimator.estimate(t.dx(), t.dy(), DT));
    }

    @Test
    void aTrackOfZeroStepsGivesDZeroAsBefore() {
        DiffusionEstimate e = MaximumLikelihoodEstimator.withKnownLocalization(0.001, 1.0 / 6)
                .workspace().estimate(new double[5], new double[5], 3, DT);
        assertThat(e.diffusionUm2PerS()).isZero();
        assertThat(e.variance()).isNaN();
    }

    @Test
    void refusesStepCountsTheBuffersCannotHold() {
        MaximumLikelihoodEstimator.Workspace workspace = MaximumLikelihoodEstimator.withKnownLocalization(0.001, 1.0 / 6).workspace();
        assertThatThrownBy(() -> workspace.estimate(new double[3], new double[5], 4, DT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
        assertThatThrownBy(() -> workspace.estimate(new double[3], new double[3], 0, DT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> MaximumLikelihoodEstimator.withKnownLocalization(0.001, 1.0 / 6).estimate(new double[3], new double[4], DT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    @Test
    void theEnsembleGivesTheSameVarianceFromBufferPrefixes() {
        SplittableRandom random = new SplittableRandom(37);
        LocalizationEnsemble exact = new LocalizationEnsemble(1.0 / 6);
        LocalizationEnsemble prefixes = new LocalizationEnsemble(1.0 / 6);
        for (int i = 0; i < 50; i++) {
            int k = 1 + random.nextInt(40);
            TrackSteps t = TrackSteps.simulate(4.53, 0.002, 1.0 / 6, DT, k, 4, random);
            exact.add(t.dx(), t.dy());
            prefixes.add(Arrays.copyOf(t.dx(), k + 7), Arrays.copyOf(t.dy(), k + 3), k);
        }
        assertThat(prefixes.tracks()).isEqualTo(exact.tracks());
        assertThat(prefixes.sigma2Um2()).isEqualTo(exact.sigma2Um2());
    }
}
