package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.exotrace.nta.sizing.Diameter;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void confidenceIntervalOfD50ContainsTheTruthForMonodisperseParticles() {
        // 300 particles x 80 frames (~1100 tracks); a coarser grid than the acceptance tests keeps
        // 200 cold-started EM replicates fast
        var video = SyntheticTracks.video(300, 80, SyntheticTracks.monodisperse(100), 1);
        var grid = DiameterGrid.logSpaced(50, 200, 60);
        var walker = WalkerDeconvolution.on(grid, SyntheticTracks.WATER_22C).withTolerance(1e-6);
        long start = System.nanoTime();
        var result = new Bootstrap(200, 2024, true).run(video.tracks(), t -> walker.fit(t).particles());
        var ci = result.interval(DistributionStats::d50);
        System.out.printf(Locale.ROOT, "bootstrap D50: %.2f nm, 95%% CI %.2f-%.2f nm (%d tracks, %d ms)%n",
                ci.estimate().nanometres(), ci.lower().nanometres(), ci.upper().nanometres(), video.tracks().size(),
                (System.nanoTime() - start) / 1_000_000);
        assertThat(ci.contains(Diameter.ofNanometres(100))).isTrue();
        assertThat(ci.upper().nanometres() - ci.lower().nanometres()).isLessThan(5);
    }

    @Test
    void parallelAndSequentialRunsGiveTheSameReplicates() {
        var video = SyntheticTracks.video(200, 60, SyntheticTracks.lognormal(110, 1.35), 5);
        var grid = DiameterGrid.logSpaced(20, 1000, 100);
        java.util.function.Function<java.util.List<org.exotrace.nta.TrackDiffusion>, NumberDistribution> naive =
                t -> NaiveHistogram.of(grid, SyntheticTracks.WATER_22C, t).distribution();
        var parallel = new Bootstrap(64, 9, true).run(video.tracks(), naive);
        var sequential = new Bootstrap(64, 9, false).run(video.tracks(), naive);
        assertThat(parallel.replicates()).isEqualTo(sequential.replicates());
        assertThat(new Bootstrap(64, 10, false).run(video.tracks(), naive).replicates())
                .isNotEqualTo(sequential.replicates());
    }
}
