package org.exotrace.nta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exotrace.nta.diffusion.MotionBlurEstimate;
import org.exotrace.nta.distribution.NumberDistribution;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.GroundTruth;
import org.exotrace.nta.simulate.SizeDistribution;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.junit.jupiter.api.Test;

/**
 * The analysis with no blur stated (the default of {@code nta size}) on seeded light-sheet
 * simulations with a short exposure: a tenth of the 40 ms frame (R = 1/60), σ = 30 nm, 25 fps, 22 °C
 * water, 300 particles in the volume for 2000 frames (two exposure sub-steps per frame: the simulator
 * integrates the path over each exactly). The truth is the population present (each
 * track's diameter weighted by the frames it was seen).
 */
class MotionBlurAnalysisTest {

    private static final double FPS = 25;
    private static final double EXPOSURE_FRACTION = 0.1;

    private static Tracks simulate(SizeDistribution sizes, long seed, List<GroundTruth> truth) {
        BrownianSimulator.Settings b = BrownianSimulator.Settings.nanoSightLike().withRun(300, 2000);
        BrownianSimulator.Settings s = new BrownianSimulator.Settings(b.sheetThicknessUm(), b.fieldWidthUm(), b.fieldHeightUm(),
                b.marginUm(), FPS, EXPOSURE_FRACTION / FPS, 0.030, 0, 0, b.temperatureKelvin(), b.viscosityPaS(), b.particlesInVolume(),
                b.frames(), 2);
        TrackCollector collector = new TrackCollector();
        truth.addAll(new BrownianSimulator(s).run(sizes, seed, collector::position));
        return collector.tracks();
    }

    private static AnalysisResult run(Tracks tracks, Double motionBlur, Double exposureSeconds) {
        AnalysisSettings settings = new AnalysisSettings(TrajectoryFormat.trackpy(), FPS, Temperature.ofKelvin(295.15),
                Viscosity.ofMillipascalSeconds(0.955), true, SizingMethod.ML, 5, motionBlur, exposureSeconds, null, null, 0, 1);
        return new NtaAnalysis(settings, message -> { }).run(tracks);
    }

    private static double presentQuantile(List<GroundTruth> truth, double p) {
        List<GroundTruth> sorted = new ArrayList<>(truth);
        sorted.sort(Comparator.comparingDouble(GroundTruth::diameterNm));
        long total = sorted.stream().mapToLong(GroundTruth::positions).sum();
        long acc = 0;
        for (GroundTruth t : sorted) {
            acc += t.positions();
            if (acc >= p * total) return t.diameterNm();
        }
        return sorted.get(sorted.size() - 1).diameterNm();
    }

    @Test
    void withoutABlurFlagAShortExposureLognormalSizesWithinFivePercentWhereFullFrameBlurWidensIt() {
        List<GroundTruth> truth = new ArrayList<>();
        Tracks tracks = simulate(SizeDistribution.lognormal(110, 1.5), 41, truth);
        double d50 = presentQuantile(truth, 0.5);
        double d90 = presentQuantile(truth, 0.9);

        AnalysisResult estimated = run(tracks, null, null);
        MotionBlurEstimate blur = estimated.motionBlur();
        AnalysisResult assumed = run(tracks, 1.0 / 6, null);
        AnalysisResult known = run(tracks, null, EXPOSURE_FRACTION / FPS);
        System.out.printf("short-exposure lognormal, true exposure stated: D50 %+.1f %%, D90 %+.1f %%%n",
                100 * (known.stats().d50().nanometres() / d50 - 1), 100 * (known.stats().d90().nanometres() / d90 - 1));
        double errD50 = estimated.stats().d50().nanometres() / d50 - 1;
        double errD90 = estimated.stats().d90().nanometres() / d90 - 1;
        double assumedD50 = assumed.stats().d50().nanometres() / d50 - 1;
        double assumedD90 = assumed.stats().d90().nanometres() / d90 - 1;
        System.out.printf("short-exposure lognormal: R = %.4f ± %.4f (true %.4f), σ = %.1f nm (true 30); estimated R: D50 %+.1f %%, "
                + "D90 %+.1f %%; R = 1/6 assumed: σ = %.1f nm, D50 %+.1f %%, D90 %+.1f %%%n", blur.motionBlur(), blur.motionBlurSe(),
                EXPOSURE_FRACTION / 6, Math.sqrt(Math.max(0, estimated.localizationSigma2())) * 1000, 100 * errD50, 100 * errD90,
                Math.sqrt(Math.max(0, assumed.localizationSigma2())) * 1000, 100 * assumedD50, 100 * assumedD90);

        assertThat(blur.source()).isEqualTo(MotionBlurEstimate.Source.ESTIMATED);
        assertThat(blur.identifiable()).isTrue();
        assertThat(estimated.stats().d50().nanometres()).isCloseTo(d50, withPercentage(5));
        assertThat(estimated.stats().d90().nanometres()).isCloseTo(d90, withPercentage(5));
        assertThat(assumed.motionBlur().source()).isEqualTo(MotionBlurEstimate.Source.STATED);
        assertThat(Math.abs(assumedD90)).as("R = 1/6 widens the distribution").isGreaterThan(0.15);
        assertThat(Math.abs(errD90)).isLessThan(Math.abs(assumedD90) / 3);
        assertThat(Math.abs(errD50)).isLessThan(Math.abs(assumedD50) + 0.01);
    }

    @Test
    void withoutABlurFlagAShortExposureMixtureKeepsBothPeaks() {
        Tracks tracks = simulate(SizeDistribution.mixture(new double[] {0.5, 0.5}, SizeDistribution.monodisperse(80),
                SizeDistribution.monodisperse(180)), 44, new ArrayList<>());
        AnalysisResult r = run(tracks, null, null);
        AnalysisResult assumed = run(tracks, 1.0 / 6, null);
        NumberDistribution d = r.distribution();
        System.out.printf("short-exposure 80 + 180 nm: R = %.4f ± %.4f; peaks %.0f and %.0f nm, fraction below 125 nm %.2f, density at "
                + "125 nm / at the peaks %.2f; with R = 1/6: peaks %.0f and %.0f nm, fraction below 125 nm %.2f, valley %.2f%n",
                r.motionBlur().motionBlur(), r.motionBlur().motionBlurSe(), peakBetween(d, 40, 125), peakBetween(d, 125, 400),
                d.fractionBetween(0, 125), valley(d), peakBetween(assumed.distribution(), 40, 125),
                peakBetween(assumed.distribution(), 125, 400), assumed.distribution().fractionBetween(0, 125), valley(assumed.distribution()));
        assertThat(r.motionBlur().source()).isEqualTo(MotionBlurEstimate.Source.ESTIMATED);
        assertThat(peakBetween(d, 40, 125)).isCloseTo(80, within(8.0));
        assertThat(peakBetween(d, 125, 400)).isCloseTo(180, within(18.0));
        assertThat(d.fractionBetween(0, 125)).isCloseTo(0.5, within(0.1));
        assertThat(valley(d)).as("the two peaks are separated").isLessThan(0.5);
        // Full-frame blur assumed on the same tracks moves the 180 nm peak out of that tolerance (to about 240 nm).
        assertThat(Math.abs(peakBetween(assumed.distribution(), 125, 400) - 180)).isGreaterThan(18.0);
    }

    /** The density at 125 nm over the lower of the two peaks' densities: near 0 for separated peaks, 1 or more for one merged hump. */
    private static double valley(NumberDistribution d) {
        double low = density(d, peakBetween(d, 40, 125));
        double high = density(d, peakBetween(d, 125, 400));
        return density(d, 125) / Math.min(low, high);
    }

    private static double density(NumberDistribution d, double nm) {
        int best = 0;
        for (int i = 0; i < d.grid().size(); i++) {
            if (Math.abs(d.grid().nanometres(i) - nm) < Math.abs(d.grid().nanometres(best) - nm)) best = i;
        }
        return d.fraction(best) / d.grid().binWidth(best);
    }

    private static double peakBetween(NumberDistribution d, double fromNm, double toNm) {
        int best = -1;
        for (int i = 0; i < d.grid().size(); i++) {
            double nm = d.grid().nanometres(i);
            if (nm < fromNm || nm >= toNm) continue;
            if (best < 0 || d.fraction(i) / d.grid().binWidth(i) > d.fraction(best) / d.grid().binWidth(best)) best = i;
        }
        return d.grid().nanometres(best);
    }

    @Test
    void aMonodisperseSampleFallsBackToFullFrameBlurAndStillSizesWithinThreePercent() {
        List<GroundTruth> truth = new ArrayList<>();
        Tracks tracks = simulate(SizeDistribution.monodisperse(100), 42, truth);
        AnalysisResult r = run(tracks, null, null);
        System.out.printf("short-exposure monodisperse 100 nm: fallback R = %.4f, D50 %.1f nm; %s%n", r.motionBlur().motionBlur(),
                r.stats().d50().nanometres(), r.motionBlur().note());
        assertThat(r.motionBlur().source()).isEqualTo(MotionBlurEstimate.Source.DEFAULT_FALLBACK);
        assertThat(r.motionBlur().identifiable()).isFalse();
        assertThat(r.motionBlur().motionBlur()).isEqualTo(1.0 / 6);
        assertThat(r.motionBlur().motionBlurSe()).as("assumed, not measured").isNaN();
        assertThat(r.motionBlur().note()).contains("do not pin R down", "--exposure-ms");
        assertThat(r.stats().d50().nanometres()).isCloseTo(100, withPercentage(3));
    }

    @Test
    void aStatedExposureIsUsedAndAWrongOneIsFlagged() {
        Tracks tracks = simulate(SizeDistribution.lognormal(110, 1.5), 43, new ArrayList<>());
        AnalysisResult right = run(tracks, null, EXPOSURE_FRACTION / FPS);
        assertThat(right.motionBlur().source()).isEqualTo(MotionBlurEstimate.Source.FROM_EXPOSURE);
        assertThat(right.motionBlur().motionBlur()).isEqualTo(EXPOSURE_FRACTION / 6, within(1e-12));
        assertThat(right.warnings()).noneMatch(w -> w.contains("stated exposure"));

        AnalysisResult wrong = run(tracks, null, 1 / FPS);
        assertThat(wrong.motionBlur().motionBlur()).isEqualTo(1.0 / 6, within(1e-12));
        assertThat(wrong.warnings()).anyMatch(w -> w.startsWith("the stated exposure implies R = 0.167, the tracks give R = 0.0"));
    }
}
