package org.exotrace.nta.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.exotrace.nta.simulate.TrackSteps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mean of D̂ over 2000 simulated 50-step tracks with full-frame blur (R = 1/6) within 2% of D. */
class EstimatorBiasTest extends SimulatedTracks {

    private static final int TRACKS = 2000;
    private static final int STEPS = 50;

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.01, 0.1, 1})
    void covarianceEstimatorIsUnbiased(double x) {
        List<TrackSteps> tracks = tracks(x, FULL_FRAME_BLUR, STEPS, TRACKS, 11);
        assertThat(mean(estimates(tracks, new CovarianceEstimator(FULL_FRAME_BLUR)))).isCloseTo(D, within(0.02 * D));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.01, 0.1, 1})
    void covarianceEstimatorRecoversTheLocalizationVariance(double x) {
        List<TrackSteps> tracks = tracks(x, FULL_FRAME_BLUR, STEPS, TRACKS, 12);
        CovarianceEstimator cve = new CovarianceEstimator(FULL_FRAME_BLUR);
        double meanSigma2 = meanOf(tracks, t -> cve.estimate(t.dx(), t.dy(), DT).sigma2Um2());
        // SE of the mean of σ̂² is about 0.004 D dt at these settings, whatever x
        assertThat(meanSigma2).isCloseTo(sigma2(x), within(0.015 * D * DT));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.01, 0.1, 1})
    void maximumLikelihoodWithEnsembleLocalizationIsUnbiased(double x) {
        List<TrackSteps> tracks = tracks(x, FULL_FRAME_BLUR, STEPS, TRACKS, 13);
        LocalizationEnsemble ensemble = new LocalizationEnsemble(FULL_FRAME_BLUR);
        tracks.forEach(t -> ensemble.add(t.dx(), t.dy()));
        assertThat(mean(estimates(tracks, DefaultDiffusionEstimator.of(ensemble)))).isCloseTo(D, within(0.02 * D));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.01, 0.1, 1})
    void maximumLikelihoodWithKnownLocalizationIsUnbiased(double x) {
        List<TrackSteps> tracks = tracks(x, FULL_FRAME_BLUR, STEPS, TRACKS, 14);
        DiffusionEstimator ml = MaximumLikelihoodEstimator.withKnownLocalization(sigma2(x), FULL_FRAME_BLUR);
        assertThat(mean(estimates(tracks, ml))).isCloseTo(D, within(0.02 * D));
    }

    /** Not at x = 0.01: see the next test. */
    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.1, 1})
    void maximumLikelihoodEstimatingBothParametersIsUnbiased(double x) {
        List<TrackSteps> tracks = tracks(x, FULL_FRAME_BLUR, STEPS, TRACKS, 15);
        DiffusionEstimator ml = MaximumLikelihoodEstimator.withUnknownLocalization(FULL_FRAME_BLUR);
        double[] d = estimates(tracks, ml);
        System.out.printf("ML(D, σ²) k=%d x=%s mean/D = %.4f%n", STEPS, x, mean(d) / D);
        assertThat(mean(d)).isCloseTo(D, within(0.02 * D));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.01, 0.1, 1})
    void optimalMsdFitIsUnbiasedWithinItsLargerSpread(double x) {
        List<TrackSteps> tracks = tracks(x, FULL_FRAME_BLUR, STEPS, TRACKS, 16);
        double[] d = estimates(tracks, new OptimalMsdEstimator(FULL_FRAME_BLUR));
        System.out.printf("MSD k=%d x=%s mean/D = %.4f%n", STEPS, x, mean(d) / D);
        assertThat(mean(d)).isCloseTo(D, within(0.03 * D));
    }

    /**
     * Documents a known limitation: with σ² estimated per track and constrained to σ² ≥ 0, tracks
     * whose likelihood peaks at a negative σ² are pulled to σ² = 0, which biases D̂ low at small x
     * (observed mean/D = 0.942 at k = 50, x = 0.01). The default estimator avoids this by taking σ²
     * from the ensemble.
     */
    @org.junit.jupiter.api.Test
    void maximumLikelihoodEstimatingBothParametersIsBiasedLowAtVeryLowNoise() {
        List<TrackSteps> tracks = tracks(0.01, FULL_FRAME_BLUR, STEPS, TRACKS, 15);
        double ratio = mean(estimates(tracks, MaximumLikelihoodEstimator.withUnknownLocalization(FULL_FRAME_BLUR))) / D;
        assertThat(ratio).isBetween(0.90, 0.98);
    }
}
