package org.exotrace.nta.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.junit.jupiter.api.Test;

/**
 * R and σ² from tracks, against seeded light-sheet simulations whose camera integrates the path
 * over a known exposure ({@link BrownianSimulator}: R = tE / (6 dt) exactly), 25 fps, σ = 30 nm,
 * 300 particles in the volume for 1500 frames; two exposure sub-steps per frame suffice, since the
 * simulator integrates the path over each sub-step exactly.
 */
class MotionBlurEstimatorTest {

    private static final double FPS = 25;
    private static final double DT = 1 / FPS;
    /** A broad sample: diffusion coefficients over about a factor 4 between D10 and D90. */
    private static final SizeDistribution BROAD = SizeDistribution.lognormal(100, 1.6);

    static Tracks simulate(SizeDistribution sizes, double exposureFraction, long seed) {
        BrownianSimulator.Settings b = BrownianSimulator.Settings.nanoSightLike().withRun(300, 1500);
        BrownianSimulator.Settings s = new BrownianSimulator.Settings(b.sheetThicknessUm(), b.fieldWidthUm(), b.fieldHeightUm(),
                b.marginUm(), FPS, exposureFraction * DT, 0.030, 0, 0, b.temperatureKelvin(), b.viscosityPaS(), b.particlesInVolume(),
                b.frames(), 2);
        TrackCollector collector = new TrackCollector();
        new BrownianSimulator(s).run(sizes, seed, collector::position);
        return collector.tracks();
    }

    @Test
    void recoversRWithinThreeHundredthsAtFullThirdAndTenthExposure() {
        double[] fractions = {1, 1.0 / 3, 0.1};
        for (int i = 0; i < fractions.length; i++) {
            double truth = fractions[i] / 6;
            MotionBlurEstimate e = MotionBlurEstimator.estimate(simulate(BROAD, fractions[i], 21 + i), DT);
            System.out.printf("exposure fraction %.3f: R = %.4f ± %.4f (true %.4f), σ² = %.5f ± %.5f µm² (true 0.00090)%n", fractions[i],
                    e.motionBlur(), e.motionBlurSe(), truth, e.sigma2Um2(), e.sigma2Se());
            assertThat(e.identifiable()).as("identifiable at exposure fraction %s", fractions[i]).isTrue();
            assertThat(e.source()).isEqualTo(MotionBlurEstimate.Source.ESTIMATED);
            assertThat(e.motionBlur()).as("R at exposure fraction %s", fractions[i]).isCloseTo(truth, within(0.03));
            // The bootstrap error is honest: the truth lies within three of them.
            assertThat(Math.abs(e.motionBlur() - truth)).isLessThan(3 * e.motionBlurSe());
            assertThat(e.motionBlurSe()).isGreaterThan(0).isLessThanOrEqualTo(MotionBlurEstimator.MAX_IDENTIFIABLE_SE);
            // σ² = 9e-4 µm² is small against 2RD dt, so only its order is pinned: within 3 standard errors.
            assertThat(e.sigma2Um2()).isCloseTo(0.03 * 0.03, within(3 * e.sigma2Se()));
        }
    }

    @Test
    void aMonodisperseSampleDoesNotPinRDown() {
        for (double fraction : new double[] {1, 0.1}) {
            Tracks tracks = simulate(SizeDistribution.monodisperse(100), fraction, 31);
            MotionBlurEstimate e = MotionBlurEstimator.estimate(tracks, DT);
            assertThat(e.identifiable()).as("exposure fraction %s", fraction).isFalse();
            assertThat(e.note()).contains("do not pin R down");
            assertThat(spread(tracks)).as("relative SD of D across tracks, exposure fraction %s", fraction)
                    .isLessThan(MotionBlurEstimator.MIN_RELATIVE_SPREAD / 2);
        }
        // ... where the broad sample's true relative SD of D (about 0.5 for a geometric SD of 1.6) is seen.
        assertThat(spread(simulate(BROAD, 1, 30))).isBetween(0.3, 0.7);
    }

    private static double spread(Tracks tracks) {
        MotionBlurEstimator data = new MotionBlurEstimator(DT);
        double[] dx = new double[tracks.maxLength()];
        double[] dy = new double[dx.length];
        for (int t = 0; t < tracks.count(); t++) data.add(dx, dy, tracks.steps(t, tracks.drift(), dx, dy));
        return data.relativeSpread();
    }

    @Test
    void withOneDTheEnsembleGivesTheRightEpsilonAtAnyAssumedR() {
        // ε = σ² - 2 R D dt is what each track's likelihood needs when D is uniform; the ensemble σ²
        // at an assumed R' is ε + 2 R' D dt, so ε comes out right whatever R' is.
        double fraction = 0.1;
        double r = fraction / 6;
        Tracks tracks = simulate(SizeDistribution.monodisperse(100), fraction, 32);
        MotionBlurEstimator data = new MotionBlurEstimator(DT);
        double[] dx = new double[tracks.maxLength()];
        double[] dy = new double[dx.length];
        for (int t = 0; t < tracks.count(); t++) data.add(dx, dy, tracks.steps(t, tracks.noDrift(), dx, dy));
        double d = new org.exotrace.nta.sizing.StokesEinstein(org.exotrace.nta.sizing.Temperature.ofKelvin(295.15),
                org.exotrace.nta.sizing.Viscosity.ofPascalSeconds(0.955e-3)).diffusionUm2PerS(100);
        double epsilon = 0.03 * 0.03 - 2 * r * d * DT;
        // The ensemble's lag-one mean has a standard error of about 2 D dt / √(products) ≈ 1e-3 µm² here.
        double first = data.sigma2At(0);
        for (double assumed : new double[] {0, 1.0 / 6, 0.25}) {
            double e = data.sigma2At(assumed) - 2 * assumed * d * DT;
            assertThat(e).as("ε at assumed R = %s", assumed).isCloseTo(epsilon, within(0.0025));
            // ... and it moves with R' only through the CVE's error on the mean D, a few per cent of 2 R' D dt at most.
            assertThat(e).isCloseTo(first, within(0.05 * 2 * assumed * d * DT + 1e-12));
        }
    }

    @Test
    void sigma2AtRIsTheLocalizationEnsemblesValue() {
        Tracks tracks = simulate(BROAD, 0.5, 33);
        MotionBlurEstimator data = new MotionBlurEstimator(DT);
        LocalizationEnsemble ensemble = new LocalizationEnsemble(0.1);
        double[] dx = new double[tracks.maxLength()];
        double[] dy = new double[dx.length];
        for (int t = 0; t < tracks.count(); t++) {
            int k = tracks.steps(t, tracks.drift(), dx, dy);
            data.add(dx, dy, k);
            ensemble.add(dx, dy, k);
        }
        assertThat(data.sigma2At(0.1)).isEqualTo(ensemble.sigma2Um2());
        assertThat(data.tracks()).isEqualTo(ensemble.tracks());
    }

    @Test
    void theSameTracksGiveTheSameEstimate() {
        Tracks tracks = simulate(BROAD, 1, 34);
        assertThat(MotionBlurEstimator.estimate(tracks, DT)).isEqualTo(MotionBlurEstimator.estimate(tracks, DT));
    }

    @Test
    void exposureGivesROfASixthOfItsFractionOfTheFrame() {
        assertThat(MotionBlur.fromExposure(0.040, 0.040).motionBlur()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(MotionBlur.fromExposure(0.004, 0.040).motionBlur()).isCloseTo(1.0 / 60, within(1e-12));
        MotionBlurEstimate e = MotionBlur.fromExposure(0.010, 1.0 / 30);
        assertThat(e.motionBlur()).isCloseTo(0.05, within(1e-12));
        assertThat(e.source()).isEqualTo(MotionBlurEstimate.Source.FROM_EXPOSURE);
        assertThat(e.note()).contains("10.00 ms", "33.33 ms");
        assertThatThrownBy(() -> MotionBlur.fromExposure(0.050, 0.040)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the frame interval");
        assertThatThrownBy(() -> MotionBlur.fromExposure(0, 0.040)).hasMessageContaining("positive");
        assertThatThrownBy(() -> MotionBlur.fromExposure(Double.NaN, 0.040)).hasMessageContaining("positive");
    }

    @Test
    void aStatedExposureThatContradictsTheTracksIsFlaggedAndOneThatAgreesIsNot() {
        MotionBlurEstimate fromTracks = MotionBlurEstimator.estimate(simulate(BROAD, 0.1, 35), DT);
        assertThat(MotionBlur.contradiction(MotionBlur.fromExposure(DT, DT), fromTracks)).hasValueSatisfying(w -> assertThat(w)
                .startsWith("the stated exposure implies R = 0.167, the tracks give R = 0.0").contains(" ± "));
        assertThat(MotionBlur.contradiction(MotionBlur.fromExposure(0.1 * DT, DT), fromTracks)).isEmpty();
        MotionBlurEstimate mono = MotionBlurEstimator.estimate(simulate(SizeDistribution.monodisperse(100), 0.1, 36), DT);
        assertThat(MotionBlur.contradiction(MotionBlur.fromExposure(DT, DT), mono)).as("not identifiable: nothing to contradict").isEmpty();
    }
}
