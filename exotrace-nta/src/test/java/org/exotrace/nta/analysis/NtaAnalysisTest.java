package org.exotrace.nta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exotrace.nta.distribution.NumberDistribution;
import org.exotrace.nta.distribution.Smoothing;
import org.exotrace.nta.distribution.WassersteinDistance;
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
 * The whole pipeline (drift, ensemble localization, per-track D, Walker deconvolution) on seeded
 * light-sheet simulations with known truth: 400 particles in the volume, 3000 frames at 25 fps
 * (300 for the small samples, 10,000 for the large one), 22 °C water, σ = 30 nm, full-frame
 * exposure blur.
 */
class NtaAnalysisTest {

    private static final double PIXEL_UM = 0.166;

    @Test
    void monodisperse100NmD50WithinThreePercent() {
        AnalysisResult r = analyse(SizeDistribution.monodisperse(100), 0, 11, SizingMethod.ML);
        assertThat(r.stats().d50().nanometres()).isCloseTo(100, within(3.0));
        assertThat(r.tracksUsed()).isGreaterThan(1000);
    }

    @Test
    void lognormalD10D50D90EachWithinEightPercentOfTheSimulatedPopulation() {
        List<GroundTruth> truth = new ArrayList<>();
        Tracks tracks = simulate(SizeDistribution.lognormal(110, 1.35), 0, 15, truth);
        AnalysisResult r = run(tracks, SizingMethod.ML);
        // The truth is the population actually present: each simulated track's diameter weighted by
        // the frames it was seen, i.e. the mean number of particles of that size per frame.
        assertThat(r.stats().d10().nanometres()).isCloseTo(presentQuantile(truth, 0.1), withPercentage(8));
        assertThat(r.stats().d50().nanometres()).isCloseTo(presentQuantile(truth, 0.5), withPercentage(8));
        assertThat(r.stats().d90().nanometres()).isCloseTo(presentQuantile(truth, 0.9), withPercentage(8));
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
    void threePixelPerFrameDriftIsFoundAndRemoved() {
        AnalysisResult r = analyse(SizeDistribution.monodisperse(100), 3 * PIXEL_UM, 12, SizingMethod.ML);
        assertThat(r.driftUmPerFrame()[0] / PIXEL_UM).isCloseTo(3.0, within(0.05));
        assertThat(r.stats().d50().nanometres()).isCloseTo(100, within(3.0));
    }

    @Test
    void twoPopulationsOfEqualNumberAreBothFoundWithTheirShares() {
        AnalysisResult r = analyse(SizeDistribution.mixture(new double[] {0.5, 0.5},
                SizeDistribution.monodisperse(80), SizeDistribution.monodisperse(180)), 0, 13, SizingMethod.ML);
        NumberDistribution d = r.distribution();
        assertThat(peakBetween(d, 40, 125)).isCloseTo(80, within(8.0));
        assertThat(peakBetween(d, 125, 400)).isCloseTo(180, within(18.0));
        assertThat(d.fractionBetween(0, 125)).isCloseTo(0.5, within(0.1));
    }

    @Test
    void maximumLikelihoodIsAtLeastFortyPercentCloserToTheTruthThanTheNaiveHistogram() {
        SizeDistribution[] truths = {
            SizeDistribution.monodisperse(100),
            SizeDistribution.lognormal(110, 1.35),
            SizeDistribution.mixture(new double[] {0.5, 0.5}, SizeDistribution.monodisperse(80), SizeDistribution.monodisperse(180))};
        for (int i = 0; i < truths.length; i++) {
            SizeDistribution truth = truths[i];
            Tracks tracks = simulate(truth, 0, 14 + i);
            double ml = WassersteinDistance.toQuantileFunction(run(tracks, SizingMethod.ML).distribution(), truth::quantileNm, 400);
            double histogram = WassersteinDistance.toQuantileFunction(run(tracks, SizingMethod.HISTOGRAM).distribution(),
                    truth::quantileNm, 400);
            assertThat(ml).as("Wasserstein distance of ML vs histogram for %s", truth).isLessThan(0.6 * histogram);
        }
    }

    /** The mode of the lognormal number density of d (median 110 nm, geometric SD 1.35): median · exp(−ln² gsd). */
    private static final double LOGNORMAL_MODE_NM = 110 * Math.exp(-Math.pow(Math.log(1.35), 2));

    @Test
    void aSmallLognormalSampleHasOneModeNearTheTrueMode() {
        for (long seed = 1; seed <= 4; seed++) {
            Tracks tracks = simulate(SizeDistribution.lognormal(110, 1.35), 0, seed, 300, new ArrayList<>());
            AnalysisResult smooth = run(tracks, SizingMethod.ML);
            assertThat(smooth.tracksUsed()).as("seed %d", seed).isBetween(300, 1500);
            assertThat(localMaxima(smooth.distribution(), true)).as("peaks per nm, seed %d", seed).hasSize(1);
            assertThat(localMaxima(smooth.distribution(), false)).as("peaks per ln d, seed %d", seed).hasSize(1);
            assertThat(smooth.stats().mode().nanometres()).as("mode, seed %d", seed).isCloseTo(LOGNORMAL_MODE_NM, withPercentage(10));
            // the same tracks without smoothing: the spiky maximum-likelihood fit this replaces
            AnalysisResult plain = run(tracks, SizingMethod.ML, Smoothing.none());
            System.out.printf(java.util.Locale.ROOT, "small lognormal, seed %d, %d tracks: smoothed mode %.1f nm (true %.1f), D10 %.1f D50 %.1f D90 %.1f;"
                            + " unsmoothed mode %.1f nm, peaks %s%n", seed, smooth.tracksUsed(), smooth.stats().mode().nanometres(), LOGNORMAL_MODE_NM,
                    smooth.stats().d10().nanometres(), smooth.stats().d50().nanometres(), smooth.stats().d90().nanometres(),
                    plain.stats().mode().nanometres(), rounded(localMaxima(plain.distribution(), true)));
            assertThat(localMaxima(plain.distribution(), true).size()).as("unsmoothed peaks, seed %d", seed).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aSmallSampleOfTwoPopulationsStillShowsBoth() {
        for (long seed = 1; seed <= 2; seed++) {
            AnalysisResult r = run(simulate(SizeDistribution.mixture(new double[] {0.5, 0.5}, SizeDistribution.monodisperse(80),
                    SizeDistribution.monodisperse(180)), 0, seed, 300, new ArrayList<>()), SizingMethod.ML);
            List<Double> peaks = localMaxima(r.distribution(), true);
            System.out.printf(java.util.Locale.ROOT, "small 80 + 180 nm, seed %d, %d tracks: peaks %s, fraction below 125 nm %.3f%n", seed,
                    r.tracksUsed(), rounded(peaks), r.distribution().fractionBetween(0, 125));
            assertThat(peaks).as("seed %d", seed).hasSize(2);
            assertThat(peaks.get(0)).as("seed %d", seed).isCloseTo(80, withPercentage(10));
            assertThat(peaks.get(1)).as("seed %d", seed).isCloseTo(180, withPercentage(10));
            assertThat(r.distribution().fractionBetween(0, 125)).as("seed %d", seed).isCloseTo(0.5, within(0.1));
        }
    }

    @Test
    void onALargeSampleSmoothingLeavesD10D50D90WhereMaximumLikelihoodPutsThem() {
        List<GroundTruth> truth = new ArrayList<>();
        Tracks tracks = simulate(SizeDistribution.lognormal(110, 1.35), 0, 16, 10_000, truth);
        AnalysisResult smooth = run(tracks, SizingMethod.ML);
        AnalysisResult plain = run(tracks, SizingMethod.ML, Smoothing.none());
        assertThat(smooth.tracksUsed()).isGreaterThan(15_000);
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            double present = presentQuantile(truth, p);
            double smoothed = smooth.distribution().quantile(p);
            double unsmoothed = plain.distribution().quantile(p);
            System.out.printf(java.util.Locale.ROOT, "large sample (%d tracks) D%d: smoothed %.1f nm, unsmoothed %.1f nm, present population %.1f nm%n",
                    smooth.tracksUsed(), Math.round(p * 100), smoothed, unsmoothed, present);
            assertThat(smoothed).as("D%d", Math.round(p * 100)).isCloseTo(present, withPercentage(8));
            // smoothing adds at most 2 % of error to the maximum-likelihood fit's
            assertThat(Math.abs(smoothed - present)).as("D%d error", Math.round(p * 100))
                    .isLessThanOrEqualTo(Math.abs(unsmoothed - present) + 0.02 * present);
        }
    }

    /**
     * Diameters (nm) of the local maxima of the number density, per nm or per ln d (the fraction
     * per node on a log grid), that reach 10 % of its largest value. A node is a maximum when it is
     * above its left neighbour and not below its right one (the grid's ends count as −∞).
     */
    private static List<Double> localMaxima(NumberDistribution d, boolean perNm) {
        int m = d.grid().size();
        double[] y = new double[m];
        double max = 0;
        for (int i = 0; i < m; i++) {
            y[i] = perNm ? d.fraction(i) / d.grid().binWidth(i) : d.fraction(i);
            max = Math.max(max, y[i]);
        }
        List<Double> peaks = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            boolean left = i == 0 || y[i] > y[i - 1];
            boolean right = i == m - 1 || y[i] >= y[i + 1];
            if (left && right && y[i] >= 0.1 * max) peaks.add(d.grid().nanometres(i));
        }
        return peaks;
    }

    private static List<Long> rounded(List<Double> nm) {
        return nm.stream().map(Math::round).toList();
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

    private static AnalysisResult analyse(SizeDistribution sizes, double driftUmPerFrame, long seed, SizingMethod method) {
        return run(simulate(sizes, driftUmPerFrame, seed), method);
    }

    private static Tracks simulate(SizeDistribution sizes, double driftUmPerFrame, long seed) {
        return simulate(sizes, driftUmPerFrame, seed, new ArrayList<>());
    }

    private static Tracks simulate(SizeDistribution sizes, double driftUmPerFrame, long seed,
                                   List<GroundTruth> truth) {
        return simulate(sizes, driftUmPerFrame, seed, 3000, truth);
    }

    private static Tracks simulate(SizeDistribution sizes, double driftUmPerFrame, long seed, int frames,
                                   List<GroundTruth> truth) {
        BrownianSimulator.Settings settings = BrownianSimulator.Settings.nanoSightLike().withRun(400, frames)
                .withDrift(driftUmPerFrame, 0);
        settings = new BrownianSimulator.Settings(settings.sheetThicknessUm(), settings.fieldWidthUm(), settings.fieldHeightUm(),
                settings.marginUm(), settings.framesPerSecond(), settings.exposureSeconds(), 0.030, settings.driftXUmPerFrame(),
                settings.driftYUmPerFrame(), settings.temperatureKelvin(), settings.viscosityPaS(), settings.particlesInVolume(),
                settings.frames(), settings.subSteps());
        TrackCollector collector = new TrackCollector();
        truth.addAll(new BrownianSimulator(settings).run(sizes, seed, collector::position));
        return collector.tracks();
    }

    private static AnalysisResult run(Tracks tracks, SizingMethod method) {
        return run(tracks, method, Smoothing.automatic());
    }

    private static AnalysisResult run(Tracks tracks, SizingMethod method, Smoothing smoothing) {
        Temperature t = Temperature.ofKelvin(295.15);
        AnalysisSettings settings = new AnalysisSettings(TrajectoryFormat.trackpy(), 25, t, Viscosity.ofMillipascalSeconds(0.955),
                true, method, 5, 1.0 / 6, null, null, 0, 1);
        return new NtaAnalysis(settings, message -> { }).withSmoothing(smoothing).run(tracks);
    }
}
