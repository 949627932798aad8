package org.exotrace.nta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.junit.jupiter.api.Test;

class MsdDiagnosticTest {

    private static final double DT = 1 / 30.0;

    /**
     * Tracks of 40 positions: Brownian steps of diffusion D (µm²/s) — each track's D drawn from
     * {@code dMin..dMax} — plus localization noise σ, plus, when {@code persistence} > 0, a velocity
     * that follows an AR(1) process with that lag-one coefficient (a flow that varies slowly).
     */
    private static Tracks tracks(double dMin, double dMax, double sigmaUm, double persistence, double flowSdUm, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TrackCollector c = new TrackCollector();
        for (int t = 0; t < 3000; t++) {
            double d = dMin + (dMax - dMin) * random.nextDouble();
            double s = Math.sqrt(2 * d * DT);
            double x = 0;
            double y = 0;
            double vx = flowSdUm * random.nextGaussian();
            double vy = flowSdUm * random.nextGaussian();
            double innovation = flowSdUm * Math.sqrt(1 - persistence * persistence);
            for (int f = 0; f < 40; f++) {
                c.position(f, t, x + sigmaUm * random.nextGaussian(), y + sigmaUm * random.nextGaussian());
                vx = persistence * vx + innovation * random.nextGaussian();
                vy = persistence * vy + innovation * random.nextGaussian();
                x += s * random.nextGaussian() + (persistence > 0 ? vx : 0);
                y += s * random.nextGaussian() + (persistence > 0 ? vy : 0);
            }
        }
        return c.tracks();
    }

    @Test
    void freeDiffusionPassesAndItsSlopeGivesTheMeanDiffusionCoefficient() {
        Tracks tracks = tracks(1, 5, 0.05, 0, 0, 1);
        MsdDiagnostic m = MsdDiagnostic.of(tracks, tracks.noDrift(), DT, 4);
        assertThat(m.freeDiffusion()).isTrue();
        assertThat(m.slopeDiffusion()).isCloseTo(3.0, within(0.1));
        // The lag-one correlation is the localization's: −σ² / (⟨2DΔt⟩ + 2σ²) per axis.
        double expected = -0.0025 / (2 * 3.0 * DT + 2 * 0.0025);
        assertThat(m.stepCorrelation()[0]).isCloseTo(expected, within(4 * m.correlationSe()[0]));
        assertThat(m.interceptUm2()).isCloseTo(2 * 0.0025, within(0.004));
        for (int lag = 2; lag <= MsdDiagnostic.MAX_CORRELATION_LAG; lag++) {
            assertThat(m.stepCorrelation()[lag - 1]).isCloseTo(0, within(4.5 * m.correlationSe()[lag - 1]));
        }
        assertThat(m.warning(100)).isNull();
    }

    @Test
    void aSlowlyVaryingFlowIsRefusedWithAWarningThatNamesTheCorrelations() {
        Tracks tracks = tracks(1, 5, 0.05, 0.8, 0.15, 2);
        MsdDiagnostic m = MsdDiagnostic.of(tracks, tracks.noDrift(), DT, 4);
        assertThat(m.freeDiffusion()).isFalse();
        assertThat(m.longRangeCorrelation()).isGreaterThan(0.01);
        assertThat(m.warning(123)).contains("not those of free diffusion").contains("123 nm");
    }

    @Test
    void theStandardErrorMatchesTheScatterOfIndependentRepeats() {
        double[] lag2 = new double[12];
        double meanSe = 0;
        for (int i = 0; i < lag2.length; i++) {
            Tracks tracks = tracks(0.5, 8, 0.03, 0, 0, 100 + i);
            MsdDiagnostic m = MsdDiagnostic.of(tracks, tracks.noDrift(), DT, 4);
            lag2[i] = m.stepCorrelation()[1];
            meanSe += m.correlationSe()[1] / lag2.length;
        }
        double mean = java.util.Arrays.stream(lag2).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(lag2).map(v -> (v - mean) * (v - mean)).sum() / (lag2.length - 1));
        // Twelve repeats estimate an SD to about ±20 %; the ratio estimator's SE should agree within a factor 1.6.
        assertThat(meanSe / sd).isBetween(1 / 1.6, 1.6);
    }
}
