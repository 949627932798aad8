package org.exotrace.nta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.SplittableRandom;
import org.exotrace.nta.distribution.DiameterGrid;
import org.exotrace.nta.distribution.DistributionStats;
import org.exotrace.nta.distribution.NumberDistribution;
import org.exotrace.nta.distribution.SamplingModel;
import org.exotrace.nta.distribution.WalkerDeconvolution;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.junit.jupiter.api.Test;

class LagFallbackTest {

    private static final double FPS = 25;
    private static final double DT = 1 / FPS;
    private static final StokesEinstein WATER = new StokesEinstein(Temperature.ofKelvin(295.15), Viscosity.ofMillipascalSeconds(0.955));

    @Test
    void theLagMsdIsTheMeanOverEveryOverlappingWindow() {
        double[] dx = {1, -2, 0.5, 3, -1, 2};
        double[] dy = {0, 1, 1, -1, 0.5, 0};
        double sum = 0;
        for (int start = 0; start + 3 <= dx.length; start++) {
            double x = dx[start] + dx[start + 1] + dx[start + 2];
            double y = dy[start] + dy[start + 1] + dy[start + 2];
            sum += x * x + y * y;
        }
        assertThat(MsdDiagnostic.msd(dx, dy, dx.length, 3)).isCloseTo(sum / 4, within(1e-12));
    }

    @Test
    void theGammaShapeMatchesTheScatterOfTheLagMsdOfFreeDiffusion() {
        // Qian, Sheetz and Elson's relative variance, checked on 6000 simulated tracks of 30 steps.
        SplittableRandom random = new SplittableRandom(3);
        int steps = 30;
        for (int lag : new int[] {1, 3, 5}) {
            double[] values = new double[6000];
            for (int t = 0; t < values.length; t++) {
                double[] dx = new double[steps];
                double[] dy = new double[steps];
                for (int i = 0; i < steps; i++) {
                    dx[i] = random.nextGaussian();
                    dy[i] = random.nextGaussian();
                }
                values[t] = MsdDiagnostic.msd(dx, dy, steps, lag);
            }
            double mean = java.util.Arrays.stream(values).average().orElseThrow();
            double var = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
            double shape = 3.0 * lag * (steps - lag + 1) / (2.0 * lag * lag + 1);
            assertThat(mean).as("lag %d mean", lag).isCloseTo(2.0 * lag, withPercentage(2));
            assertThat(mean * mean / var).as("lag %d shape", lag).isCloseTo(shape, withPercentage(10));
        }
    }

    @Test
    void theLagIsOneBeyondTheLastCorrelatedLagAndAtLeastTwo() {
        double[] se = {0.004, 0.004, 0.004, 0.004, 0.004};
        assertThat(LagFallback.lagFor(check(new double[] {0.05, 0.03, 0.02, 0.001, 0.001}, se))).isEqualTo(4);
        assertThat(LagFallback.lagFor(check(new double[] {0.05, 0.001, 0.001, -0.03, 0.001}, se))).isEqualTo(5);
        // correlated on average but at no single lag: the shortest lag past the blur's
        assertThat(LagFallback.lagFor(check(new double[] {0.05, 0.009, 0.009, 0.009, 0.009}, se))).isEqualTo(2);
    }

    private static MsdDiagnostic check(double[] correlation, double[] se) {
        return new MsdDiagnostic(new double[8], 1, 0, correlation, se, false, 100);
    }

    /**
     * 200 nm particles whose positions carry, besides a white error, an error that persists for four
     * frames (a moving average of four innovations: the kind a neighbour passing by leaves on a
     * centroid). Steps four frames apart then anti-correlate, the lag-one variance holds more than
     * diffusion, and the free-diffusion model reads it as a faster particle. The fallback must see
     * the check fail, pick a lag past the disturbance, measure its offset and size the particles.
     */
    @Test
    void aPersistentLocalizationErrorFailsTheCheckAndTheFallbackRecoversTheSize() {
        double diameter = 200;
        Tracks tracks = tracksWithPersistentError(WATER.diffusionUm2PerS(diameter), 0.02, 0.3, 2500, 40, 7);
        AnalysisSettings settings = new AnalysisSettings(TrajectoryFormat.trackpy(), FPS, Temperature.ofKelvin(295.15),
                Viscosity.ofMillipascalSeconds(0.955), false, SizingMethod.ML, 5, 0, null, null, 0, 1);
        NtaAnalysis analysis = new NtaAnalysis(settings, message -> { });
        NtaAnalysis.PerTrackResult perTrack = analysis.perTrackStage(tracks);
        AnalysisResult r = analysis.run(tracks, perTrack);

        assertThat(r.modelCheck().freeDiffusion()).isFalse();
        assertThat(r.fallback()).isNotNull();
        assertThat(r.fallback().lag()).isEqualTo(5);
        // past the disturbance each error adds 2 × its variance per axis: 4 × (0.3² + 0.02²) µm² in 2-D
        // (within 3 of its own standard errors, which are about 6 % here)
        double offset = 4 * (0.3 * 0.3 + 0.02 * 0.02);
        assertThat(r.fallback().offsetSeUm2()).isBetween(0.02 * offset, 0.1 * offset);
        assertThat(r.fallback().offsetUm2()).isCloseTo(offset, within(3 * r.fallback().offsetSeUm2()));
        assertThat(r.stats().d50().nanometres()).isCloseTo(diameter, withPercentage(5));
        assertThat(r.warnings()).anyMatch(w -> w.contains("lag of 5 frames"));

        // The free-diffusion model on the same tracks, for contrast: well off.
        WalkerDeconvolution plain = WalkerDeconvolution.on(NtaAnalysis.DEFAULT_GRID, WATER).withLocalizationVariance(perTrack.sigma2Um2())
                .withMotionBlur(0).withSamplingModel(SamplingModel.observedTrackDuration());
        double plainD50 = DistributionStats.of(plain.fit(perTrack.diffusions()).particles()).d50().nanometres();
        assertThat(Math.abs(plainD50 / diameter - 1)).isGreaterThan(0.15);
    }

    @Test
    void freeDiffusionKeepsTheUsualModel() {
        Tracks tracks = tracksWithPersistentError(WATER.diffusionUm2PerS(200), 0.03, 0, 2500, 40, 8);
        AnalysisSettings settings = new AnalysisSettings(TrajectoryFormat.trackpy(), FPS, Temperature.ofKelvin(295.15),
                Viscosity.ofMillipascalSeconds(0.955), false, SizingMethod.ML, 5, 0, null, null, 0, 1);
        AnalysisResult r = new NtaAnalysis(settings, message -> { }).run(tracks);
        assertThat(r.modelCheck().freeDiffusion()).isTrue();
        assertThat(r.fallback()).isNull();
        assertThat(r.stats().d50().nanometres()).isCloseTo(200, withPercentage(4));
    }

    private static Tracks tracksWithPersistentError(double diffusion, double whiteUm, double persistentUm, int count, int positions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TrackCollector c = new TrackCollector();
        double step = Math.sqrt(2 * diffusion * DT);
        // e_t = a (η_t + η_{t-1} + η_{t-2} + η_{t-3}), variance 4a² = persistent²
        double a = persistentUm / 2;
        for (int t = 0; t < count; t++) {
            double x = 0;
            double y = 0;
            double[] hx = new double[4];
            double[] hy = new double[4];
            for (int i = 0; i < 4; i++) {
                hx[i] = random.nextGaussian();
                hy[i] = random.nextGaussian();
            }
            for (int f = 0; f < positions; f++) {
                hx[f % 4] = random.nextGaussian();
                hy[f % 4] = random.nextGaussian();
                double ex = a * (hx[0] + hx[1] + hx[2] + hx[3]);
                double ey = a * (hy[0] + hy[1] + hy[2] + hy[3]);
                c.position(f, t, x + ex + whiteUm * random.nextGaussian(), y + ey + whiteUm * random.nextGaussian());
                x += step * random.nextGaussian();
                y += step * random.nextGaussian();
            }
        }
        return c.tracks();
    }

    @Test
    void theGridWidensOnlyWhenTheTracksReachBeyondIt() {
        assertThat(NtaAnalysis.gridFor(java.util.List.of(track(100), track(150), track(80)), WATER)).isSameAs(NtaAnalysis.DEFAULT_GRID);
        java.util.List<org.exotrace.nta.TrackDiffusion> large = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) large.add(track(2000 + 20 * i));
        DiameterGrid grid = NtaAnalysis.gridFor(large, WATER);
        assertThat(grid.nanometres(0)).isEqualTo(20.0, within(1e-9));
        assertThat(grid.nanometres(grid.size() - 1)).isCloseTo(2 * 3880, withPercentage(1));
        // the same density of nodes in ln d as the default grid
        double density = (grid.size() - 1) / Math.log(grid.nanometres(grid.size() - 1) / grid.nanometres(0));
        assertThat(density).isCloseTo(399 / Math.log(100), withPercentage(1));
    }

    private static org.exotrace.nta.TrackDiffusion track(double nm) {
        double d = WATER.diffusionUm2PerS(nm);
        return new org.exotrace.nta.TrackDiffusion(1, 20, DT, 4 * d * DT, d, 0.01);
    }

    @Test
    void massPiledAtAnEndOfTheGridIsNamed() {
        DiameterGrid grid = NtaAnalysis.DEFAULT_GRID;
        double[] v = new double[grid.size()];
        v[200] = 0.9;
        v[grid.size() - 1] = 0.1;
        assertThat(NtaAnalysis.edgeWarning(NumberDistribution.of(grid, v))).hasValueSatisfying(w ->
                assertThat(w).contains("10 % of the distribution sits at the top of the size grid (2000 nm)"));
        v[grid.size() - 1] = 0;
        v[0] = 0.1;
        assertThat(NtaAnalysis.edgeWarning(NumberDistribution.of(grid, v))).hasValueSatisfying(w -> assertThat(w).contains("bottom"));
        v[0] = 0;
        v[200] = 1;
        assertThat(NtaAnalysis.edgeWarning(NumberDistribution.of(grid, v))).isEmpty();
    }
}
