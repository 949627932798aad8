package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Locale;

import org.exotrace.nta.distribution.SyntheticTracks.Video;
import org.junit.jupiter.api.Test;

/**
 * The acceptance criteria on seeded synthetic videos (see {@link SyntheticTracks}):
 * 1000 particles present over 80 frames at 25 fps (a few thousand tracks), sized on a log grid of
 * 200 points from 20 to 1000 nm. Truth for quantiles is the generating distribution; truth for the
 * Wasserstein distance is the sample of particle diameters actually present.
 */
class WalkerDeconvolutionAcceptanceTest {

    private static final DiameterGrid GRID = DiameterGrid.logSpaced(20, 1000, 200);
    private static final WalkerDeconvolution WALKER = WalkerDeconvolution.on(GRID, SyntheticTracks.WATER_22C);
    private static final int PARTICLES = 1000;
    private static final int FRAMES = 80;

    private record Outcome(WalkerDeconvolution.Result ml, DistributionStats stats, double mlDistance,
                           double naiveDistance) {
        double ratio() {
            return mlDistance / naiveDistance;
        }
    }

    private static Outcome run(String name, Video video) {
        long start = System.nanoTime();
        var ml = WALKER.fit(video.tracks());
        var naive = NaiveHistogram.of(GRID, SyntheticTracks.WATER_22C, video.tracks()).distribution();
        var stats = DistributionStats.of(ml.particles());
        double mlDistance = WassersteinDistance.toSamples(ml.particles(), video.particleDiametersNm());
        double naiveDistance = WassersteinDistance.toSamples(naive, video.particleDiametersNm());
        System.out.printf(Locale.ROOT, "%s: %d tracks, %d iterations (converged %s) in %d ms; D10 %.1f D50 %.1f D90 %.1f mode %.1f;"
                        + " W1 ML %.2f nm, naive %.2f nm, ratio %.3f%n", name, video.tracks().size(), ml.iterations(),
                ml.converged(), (System.nanoTime() - start) / 1_000_000, stats.d10().nanometres(),
                stats.d50().nanometres(), stats.d90().nanometres(), stats.mode().nanometres(), mlDistance,
                naiveDistance, mlDistance / naiveDistance);
        return new Outcome(ml, stats, mlDistance, naiveDistance);
    }

    @Test
    void monodisperseHundredNanometresHasD50WithinThreePercent() {
        var o = run("monodisperse 100 nm", SyntheticTracks.video(PARTICLES, FRAMES, SyntheticTracks.monodisperse(100), 11));
        assertThat(o.stats().d50().nanometres()).isCloseTo(100, withinPercentage(3));
        assertThat(o.ratio()).isLessThanOrEqualTo(0.6);
    }

    @Test
    void lognormalQuantilesAreWithinEightPercent() {
        double median = 110;
        double gsd = 1.35;
        var o = run("lognormal 110 nm x/ 1.35", SyntheticTracks.video(PARTICLES, FRAMES, SyntheticTracks.lognormal(median, gsd), 12));
        double z90 = 1.2815515655446004;
        assertThat(o.stats().d10().nanometres()).isCloseTo(median * Math.pow(gsd, -z90), withinPercentage(8));
        assertThat(o.stats().d50().nanometres()).isCloseTo(median, withinPercentage(8));
        assertThat(o.stats().d90().nanometres()).isCloseTo(median * Math.pow(gsd, z90), withinPercentage(8));
        assertThat(o.ratio()).isLessThanOrEqualTo(0.6);
    }

    @Test
    void twoPopulationsInEqualNumbersAreFoundWithTheirNumberFractions() {
        var o = run("80 + 180 nm", SyntheticTracks.video(PARTICLES, FRAMES, SyntheticTracks.twoPopulations(80, 180), 13));
        double split = Math.sqrt(80 * 180);
        var particles = o.ml().particles();
        assertThat(DistributionStats.of(particles.restrictedTo(0, split)).mode().nanometres()).isCloseTo(80, withinPercentage(10));
        assertThat(DistributionStats.of(particles.restrictedTo(split, 1e9)).mode().nanometres()).isCloseTo(180, withinPercentage(10));
        assertThat(particles.fractionBetween(0, split)).isCloseTo(0.5, within(0.1));
        assertThat(particles.fractionBetween(split, 1e9)).isCloseTo(0.5, within(0.1));
        assertThat(o.ratio()).isLessThanOrEqualTo(0.6);
        System.out.printf(Locale.ROOT, "80 + 180 nm: particle fraction below %.0f nm %.3f, track fraction %.3f%n", split,
                particles.fractionBetween(0, split), o.ml().tracks().fractionBetween(0, split));
    }
}
