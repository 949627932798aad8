package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.exotrace.nta.TrackDiffusion;
import org.junit.jupiter.api.Test;

class WalkerDeconvolutionTest {

    private static final DiameterGrid GRID = DiameterGrid.logSpaced(30, 400, 100);
    private static final WalkerDeconvolution WALKER = WalkerDeconvolution.on(GRID, SyntheticTracks.WATER_22C);
    private static final double SPLIT = Math.sqrt(80 * 180);
    private static final SyntheticTracks.Video TWO_POPULATIONS =
            SyntheticTracks.video(600, 80, SyntheticTracks.twoPopulations(80, 180), 31);

    @Test
    void withoutTheSamplingCorrectionSmallParticlesAreOverCounted() {
        var uncorrected = WALKER.withSamplingModel(SamplingModel.oneTrackPerParticle()).fit(TWO_POPULATIONS.tracks());
        // 80 nm tracks last 22 positions on average, 180 nm tracks 42: the track fraction is about 42/64
        assertThat(uncorrected.particles().fractionBetween(0, SPLIT)).isGreaterThan(0.6);
        assertThat(uncorrected.samplingModel()).isEqualTo("one track per particle");
        var corrected = WALKER.fit(TWO_POPULATIONS.tracks());
        assertThat(corrected.particles().fractionBetween(0, SPLIT)).isCloseTo(0.5, within(0.1));
        assertThat(corrected.samplingModel()).startsWith("observed track duration");
    }

    @Test
    void slabResidenceModelMatchingTheSimulatedResidenceRecoversEqualNumbers() {
        // simulated mean duration: (5 + 1) frames + 90.6/D frames = 6 dt + L²/(12 D) with L² = 12 * 90.6 * dt
        double sheet = Math.sqrt(12 * SyntheticTracks.RESIDENCE_STEPS_TIMES_D * SyntheticTracks.DT);
        var result = WALKER.withSamplingModel(SamplingModel.slabResidence(sheet, SyntheticTracks.MIN_STEPS))
                .fit(TWO_POPULATIONS.tracks());
        assertThat(result.particles().fractionBetween(0, SPLIT)).isCloseTo(0.5, within(0.1));
    }

    @Test
    void localizationErrorIsAccountedForWhenGiven() {
        // theta = 4 D dt + 4 sigma², sigma = 150 nm per axis (4 sigma² = 0.09 µm², 12% of 4 D dt = 0.724 µm² at 100 nm)
        double sigma2 = 0.0225;
        var random = new SplittableRandom(77);
        double diffusion = SyntheticTracks.WATER_22C.diffusionUm2PerS(100);
        List<TrackDiffusion> tracks = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            int k = 5 + SyntheticTracks.geometric(random, 20);
            double theta = 4 * diffusion * SyntheticTracks.DT + 4 * sigma2;
            double m = SyntheticTracks.gamma(random, k) * theta / k;
            tracks.add(new TrackDiffusion(i, k, SyntheticTracks.DT, m, m / (4 * SyntheticTracks.DT), 0));
        }
        double naiveD50 = DistributionStats.of(WALKER.fit(tracks).particles()).d50().nanometres();
        double d50 = DistributionStats.of(WALKER.withLocalizationVariance(sigma2).fit(tracks).particles()).d50().nanometres();
        assertThat(d50).isCloseTo(100, withinPercentage(3));
        // ignoring it shrinks the diameter by about 1/1.12
        assertThat(naiveD50).isLessThan(92);
    }

    @Test
    void reportsConvergenceAndSkipsTracksWithoutMotion() {
        List<TrackDiffusion> tracks = new ArrayList<>(TWO_POPULATIONS.tracks().subList(0, 300));
        tracks.add(new TrackDiffusion(-1, 10, SyntheticTracks.DT, 0, 0, 0));
        var result = WALKER.fit(tracks);
        assertThat(result.tracksSkipped()).isEqualTo(1);
        assertThat(result.tracksUsed()).isEqualTo(300);
        assertThat(result.converged()).isTrue();
        assertThat(WALKER.withMaxIterations(3).fit(tracks).converged()).isFalse();
    }

    @Test
    void warmStartReachesTheSameAnswer() {
        var cold = WALKER.fit(TWO_POPULATIONS.tracks());
        var warm = WALKER.fit(TWO_POPULATIONS.tracks(), cold.tracks());
        assertThat(warm.iterations()).isLessThan(cold.iterations());
        assertThat(DistributionStats.of(warm.particles()).d50().nanometres())
                .isCloseTo(DistributionStats.of(cold.particles()).d50().nanometres(), withinPercentage(1));
    }

    private static final SyntheticTracks.Video LOGNORMAL =
            SyntheticTracks.video(300, 80, SyntheticTracks.lognormal(110, 1.35), 32);

    private static double l1(NumberDistribution a, NumberDistribution b) {
        double s = 0;
        for (int j = 0; j < a.grid().size(); j++) s += Math.abs(a.fraction(j) - b.fraction(j));
        return s;
    }

    @Test
    void theSmoothedFitIsTheFixedPointOfItsEmsMapWhateverTheStart() {
        var automatic = WALKER.fit(LOGNORMAL.tracks());
        double h = automatic.smoothingBandwidth();
        assertThat(h).isPositive();
        var ems = WALKER.withSmoothing(Smoothing.fixed(h));
        // one EMS step from the result moves it by less than the tolerance: it is a fixed point
        var again = ems.fit(LOGNORMAL.tracks(), automatic.tracks());
        assertThat(again.iterations()).isEqualTo(1);
        assertThat(again.converged()).isTrue();
        // and the same fixed point is reached from uniform and from the spiky maximum-likelihood fit
        var ml = WALKER.withSmoothing(Smoothing.none()).fit(LOGNORMAL.tracks());
        assertThat(l1(ems.fit(LOGNORMAL.tracks()).tracks(), automatic.tracks())).isLessThan(1e-5);
        assertThat(l1(ems.fit(LOGNORMAL.tracks(), ml.tracks()).tracks(), automatic.tracks())).isLessThan(1e-5);
    }

    @Test
    void maximumLikelihoodNeverLosesLikelihoodAndSmoothingLosesAtMostTheAllowance() {
        var plain = WALKER.withSmoothing(Smoothing.none());
        double previous = Double.NEGATIVE_INFINITY;
        for (int passes = 1; passes <= 60; passes++) {
            double ll = plain.withMaxIterations(passes).fit(LOGNORMAL.tracks()).logLikelihood();
            assertThat(ll).as("log-likelihood after %d passes", passes).isGreaterThanOrEqualTo(previous - 1e-9 * Math.abs(previous));
            previous = ll;
        }
        var ml = plain.fit(LOGNORMAL.tracks());
        assertThat(ml.logLikelihood()).isGreaterThanOrEqualTo(previous - 1e-9 * Math.abs(previous));
        var smooth = WALKER.fit(LOGNORMAL.tracks());
        double loss = ml.logLikelihood() - smooth.logLikelihood();
        assertThat(loss).isPositive();
        // the reference maximum is EM stopped early: a little below the full fit's, never above it
        assertThat(smooth.likelihoodLoss()).isBetween(loss - 0.1 * smooth.likelihoodAllowance(), loss + 1e-9 * Math.abs(ml.logLikelihood()));
        assertThat(loss).isLessThanOrEqualTo(1.1 * smooth.likelihoodAllowance());
    }

    @Test
    void theSameTracksGiveExactlyTheSameDistribution() {
        var a = WALKER.fit(LOGNORMAL.tracks());
        var b = WALKER.fit(new ArrayList<>(LOGNORMAL.tracks()));
        assertThat(b.particles().fractions()).containsExactly(a.particles().fractions());
        assertThat(b.smoothingBandwidth()).isEqualTo(a.smoothingBandwidth());
    }

    @Test
    void narrowPopulationsAreSmoothedLessThanBroadOnes() {
        var broad = WALKER.fit(LOGNORMAL.tracks());
        var narrow = WALKER.fit(SyntheticTracks.video(300, 80, SyntheticTracks.monodisperse(100), 32).tracks());
        assertThat(broad.smoothingBandwidth()).isGreaterThan(0.05);
        assertThat(narrow.smoothingBandwidth()).isLessThan(broad.smoothingBandwidth() / 2);
    }

    @Test
    void refusesInvalidSettingsAndInputs() {
        assertThatThrownBy(() -> WALKER.withMotionBlur(0.5)).hasMessageContaining("[0, 0.5)");
        assertThatThrownBy(() -> WALKER.withLocalizationVariance(-1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> WALKER.fit(List.of())).hasMessageContaining("no track");
        var otherGrid = NumberDistribution.of(DiameterGrid.linear(1, 2, 2), new double[]{1, 1});
        assertThatThrownBy(() -> WALKER.fit(TWO_POPULATIONS.tracks(), otherGrid)).hasMessageContaining("another grid");
        assertThatThrownBy(() -> SamplingModel.slabResidence(0, 5)).hasMessageContaining("sheet thickness");
        assertThatThrownBy(() -> WALKER.withSmoothing(null)).isInstanceOf(NullPointerException.class);
    }
}
