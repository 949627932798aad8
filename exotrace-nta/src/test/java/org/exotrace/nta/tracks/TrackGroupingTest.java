package org.exotrace.nta.tracks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** tracks() regroups positions track by track; the steps must be exactly those of the arrival order. */
class TrackGroupingTest {

    /** Interleaved tracks with gaps, random float positions, particle ids in no particular order. */
    private static List<double[]> rows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        long[] ids = {42, 7, -3, 1_000_000_007L, 0, 99};
        for (int frame = 0; frame < 300; frame++) {
            for (int p = 0; p < ids.length; p++) {
                if (random.nextInt(10) == 0) continue; // a gap in this track
                rows.add(new double[] {frame, ids[p], 50 + random.nextGaussian() * 10 + frame * 0.01, 20 + random.nextGaussian() * 10});
            }
        }
        return rows;
    }

    /** The steps computed directly from the rows in arrival order, as the collector used to. */
    private static double[] expectedSteps(List<double[]> rows, long particle, Tracks.Drift drift, boolean xAxis) {
        List<Double> steps = new ArrayList<>();
        double[] previous = null;
        for (double[] r : rows) {
            if (r[1] != particle) continue;
            if (previous != null && r[0] == previous[0] + 1) {
                int frame = (int) r[0];
                double d = xAxis
                        ? (double) (float) r[2] - (float) previous[2] - drift.dxUm()[frame - drift.firstFrame()]
                        : (double) (float) r[3] - (float) previous[3] - drift.dyUm()[frame - drift.firstFrame()];
                steps.add(d);
            }
            previous = r;
        }
        return steps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void stepsAfterGroupingAreExactlyTheArrivalOrderSteps() {
        List<double[]> rows = rows(5);
        TrackCollector collector = new TrackCollector();
        rows.forEach(r -> collector.position((int) r[0], (long) r[1], r[2], r[3]));
        Tracks tracks = collector.tracks();
        Tracks.Drift drift = tracks.drift(3);

        assertThat(tracks.count()).isEqualTo(6);
        assertThat(tracks.positions()).isEqualTo(rows.size());
        double[] dx = new double[tracks.maxLength()];
        double[] dy = new double[tracks.maxLength()];
        for (int t = 0; t < tracks.count(); t++) {
            long particle = tracks.particle(t);
            Tracks.Steps steps = tracks.steps(t, drift);
            assertThat(steps.particle()).isEqualTo(particle);
            assertThat(steps.dx()).containsExactly(expectedSteps(rows, particle, drift, true));
            assertThat(steps.dy()).containsExactly(expectedSteps(rows, particle, drift, false));
            assertThat(tracks.length(t)).isEqualTo((int) rows.stream().filter(r -> r[1] == particle).count());

            Arrays.fill(dx, Double.NaN);
            int count = tracks.steps(t, drift, dx, dy);
            assertThat(Arrays.copyOf(dx, count)).containsExactly(steps.dx());
            assertThat(Arrays.copyOf(dy, count)).containsExactly(steps.dy());
        }
        long[] firstAppearance = rows.stream().mapToLong(r -> (long) r[1]).distinct().toArray();
        long[] order = new long[tracks.count()];
        for (int t = 0; t < order.length; t++) order[t] = tracks.particle(t);
        assertThat(order).containsExactly(firstAppearance);
    }

    @Test
    void aSnapshotDoesNotChangeWhenMorePositionsArrive() {
        TrackCollector collector = new TrackCollector();
        collector.position(0, 1, 0.0, 0.0);
        collector.position(0, 2, 10.0, 10.0);
        collector.position(1, 1, 1.0, 0.0);
        Tracks before = collector.tracks();

        collector.position(1, 2, 10.0, 12.0);
        collector.position(2, 1, 3.0, 0.0);
        collector.position(2, 3, 7.0, 7.0);
        Tracks after = collector.tracks();

        assertThat(before.positions()).isEqualTo(3);
        assertThat(before.count()).isEqualTo(2);
        assertThat(before.steps(0, before.noDrift()).dx()).containsExactly(1.0);
        assertThat(before.steps(1, before.noDrift()).dx()).isEmpty();
        assertThat(before.frames()).isEqualTo(2);

        assertThat(after.positions()).isEqualTo(6);
        assertThat(after.count()).isEqualTo(3);
        assertThat(after.steps(0, after.noDrift()).dx()).containsExactly(1.0, 2.0);
        assertThat(after.steps(1, after.noDrift()).dy()).containsExactly(2.0);
        assertThat(after.particle(2)).isEqualTo(3);
        assertThat(after.frames()).isEqualTo(3);
    }

    @Test
    void refusesBuffersShorterThanTheTrack() {
        TrackCollector collector = new TrackCollector();
        for (int f = 0; f < 4; f++) collector.position(f, 1, f, f);
        Tracks tracks = collector.tracks();
        assertThat(tracks.maxLength()).isEqualTo(4);
        assertThatThrownBy(() -> tracks.steps(0, tracks.noDrift(), new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> tracks.length(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anEmptyCollectorGivesNoTracks() {
        Tracks tracks = new TrackCollector().tracks();
        assertThat(tracks.count()).isZero();
        assertThat(tracks.positions()).isZero();
        assertThat(tracks.maxLength()).isZero();
    }
}
