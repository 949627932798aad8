package org.exotrace.nta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.diffusion.DefaultDiffusionEstimator;
import org.exotrace.nta.diffusion.DiffusionEstimate;
import org.exotrace.nta.diffusion.LocalizationEnsemble;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.junit.jupiter.api.Test;

/**
 * The per-track stage reuses buffers and one estimator workspace; its output must be exactly what
 * the public one-track-at-a-time API gives: the ensemble σ² of the long-enough tracks' steps and,
 * for each such track in order, the default estimator's D and variance and the mean squared step.
 */
class PerTrackStageTest {

    private static final double DT = 1.0 / 25;

    private static AnalysisSettings settings(boolean driftCorrection, int minTrackLength) {
        return new AnalysisSettings(TrajectoryFormat.trackpy(), 25, Temperature.ofCelsius(22), Viscosity.ofMillipascalSeconds(0.955),
                driftCorrection, SizingMethod.HISTOGRAM, minTrackLength, 1.0 / 6, null, null, 0, 1);
    }

    private static Tracks simulate(long seed) {
        BrownianSimulator.Settings s = BrownianSimulator.Settings.nanoSightLike().withRun(200, 1500).withDrift(0.2, -0.1);
        TrackCollector collector = new TrackCollector();
        new BrownianSimulator(s).run(SizeDistribution.lognormal(110, 1.35), seed, collector::position);
        return collector.tracks();
    }

    @Test
    void matchesTheOneTrackAtATimeApiExactly() {
        Tracks tracks = simulate(3);
        for (boolean driftCorrection : new boolean[] {true, false}) {
            NtaAnalysis.PerTrackResult result = new NtaAnalysis(settings(driftCorrection, 5), m -> { }).perTrackStage(tracks);

            Tracks.Drift drift = driftCorrection ? tracks.drift() : tracks.noDrift();
            LocalizationEnsemble ensemble = new LocalizationEnsemble(1.0 / 6);
            List<Tracks.Steps> kept = new ArrayList<>();
            for (int t = 0; t < tracks.count(); t++) {
                Tracks.Steps steps = tracks.steps(t, drift);
                if (steps.count() >= 4) {
                    kept.add(steps);
                    ensemble.add(steps.dx(), steps.dy());
                }
            }
            double sigma2 = Math.max(0, ensemble.sigma2Um2());
            assertThat(result.sigma2Um2()).isEqualTo(sigma2);
            assertThat(result.drift().dxUm()).containsExactly(tracks.drift().dxUm());
            assertThat(result.diffusions()).hasSize(kept.size()).hasSizeGreaterThan(500);
            DefaultDiffusionEstimator estimator = DefaultDiffusionEstimator.withLocalization(sigma2, 1.0 / 6);
            for (int i = 0; i < kept.size(); i++) {
                Tracks.Steps steps = kept.get(i);
                DiffusionEstimate e = estimator.estimate(steps.dx(), steps.dy(), DT);
                double sum = 0;
                for (int j = 0; j < steps.count(); j++) sum += steps.dx()[j] * steps.dx()[j] + steps.dy()[j] * steps.dy()[j];
                assertThat(result.diffusions().get(i)).isEqualTo(new TrackDiffusion(steps.particle(), steps.count(), DT,
                        sum / steps.count(), e.diffusionUm2PerS(), e.variance()));
            }
        }
    }

    @Test
    void theFullRunSizesTheStagesEstimates() {
        Tracks tracks = simulate(4);
        NtaAnalysis analysis = new NtaAnalysis(settings(true, 5), m -> { });
        NtaAnalysis.PerTrackResult stage = analysis.perTrackStage(tracks);
        AnalysisResult result = analysis.run(tracks);
        assertThat(result.tracksUsed()).isEqualTo(stage.diffusions().size());
        assertThat(result.localizationSigma2()).isEqualTo(stage.sigma2Um2());
    }

    @Test
    void refusesTracksThatAreAllTooShort() {
        TrackCollector collector = new TrackCollector();
        for (int f = 0; f < 3; f++) collector.position(f, 1, f * 0.1, 0);
        assertThatThrownBy(() -> new NtaAnalysis(settings(true, 5), m -> { }).perTrackStage(collector.tracks()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 5 consecutive positions");
    }
}
