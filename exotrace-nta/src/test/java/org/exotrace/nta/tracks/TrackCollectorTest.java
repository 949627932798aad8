package org.exotrace.nta.tracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.GroundTruth;
import org.exotrace.nta.simulate.SizeDistribution;
import org.junit.jupiter.api.Test;

class TrackCollectorTest {

    @Test
    void groupsInterleavedPositionsByParticleAndCountsOnlyConsecutiveSteps() {
        TrackCollector c = new TrackCollector();
        c.position(0, 7, 0.0, 0.0);
        c.position(0, 9, 5.0, 5.0);
        c.position(1, 7, 0.5, 0.0);
        c.position(1, 9, 5.0, 5.25);
        c.position(3, 7, 1.5, 0.0);
        Tracks tracks = c.tracks();

        assertThat(tracks.count()).isEqualTo(2);
        assertThat(tracks.positions()).isEqualTo(5);
        assertThat(tracks.frames()).isEqualTo(4);
        Tracks.Steps first = tracks.steps(0, tracks.noDrift());
        assertThat(first.particle()).isEqualTo(7);
        assertThat(first.dx()).containsExactly(0.5);
        assertThat(tracks.steps(1, tracks.noDrift()).dy()).containsExactly(0.25);
    }

    @Test
    void recoversAThreePixelPerFrameDriftAndRemovesItFromTheSteps() {
        double pixelUm = 0.166;
        BrownianSimulator.Settings settings = BrownianSimulator.Settings.nanoSightLike().withDrift(3 * pixelUm, 0).withRun(150, 300);
        TrackCollector collector = new TrackCollector();
        List<GroundTruth> truth = new BrownianSimulator(settings).run(SizeDistribution.monodisperse(100), 42, collector::position);
        Tracks tracks = collector.tracks();

        Tracks.Drift drift = tracks.drift();
        assertThat(drift.meanUmPerFrame()[0] / pixelUm).isCloseTo(3.0, within(0.05));
        assertThat(drift.meanUmPerFrame()[1] / pixelUm).isCloseTo(0.0, within(0.05));

        double sum = 0;
        long n = 0;
        for (int t = 0; t < tracks.count(); t++) {
            for (double dx : tracks.steps(t, drift).dx()) {
                sum += dx;
                n++;
            }
        }
        assertThat(sum / n).isCloseTo(0.0, within(0.01));
        assertThat(tracks.count()).isEqualTo(truth.size());
    }
}
