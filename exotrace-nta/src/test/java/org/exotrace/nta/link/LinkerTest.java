package org.exotrace.nta.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.exotrace.nta.detect.Features;
import org.junit.jupiter.api.Test;

class LinkerTest {

    /** Random walkers in a 400 × 400 px field; each detection is missed with the given probability. */
    private static final class Walkers {
        final double[] x;
        final double[] y;
        final SplittableRandom random;
        final double stepSigma;
        final double missProbability;

        Walkers(int n, double stepSigma, double missProbability, long seed) {
            random = new SplittableRandom(seed);
            x = new double[n];
            y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 20 + random.nextDouble() * 360;
                y[i] = 20 + random.nextDouble() * 360;
            }
            this.stepSigma = stepSigma;
            this.missProbability = missProbability;
        }

        /** Moves every walker and lists the detected ones; {@code truth[j]} is the walker of feature j. */
        void step(Features f, int[] truth) {
            f.clear();
            for (int i = 0; i < x.length; i++) {
                x[i] += stepSigma * random.nextGaussian();
                y[i] += stepSigma * random.nextGaussian();
                if (random.nextDouble() < missProbability) continue;
                truth[f.add(x[i], y[i], 100 + i, 10, 1.5, false)] = i;
            }
        }
    }

    /** Runs the linker and counts links whose two ends belong to the same walker. */
    private static double[] run(Walkers walkers, int frames, LinkSettings settings, List<LinkedTrack> out) {
        Linker linker = new Linker(settings, out::add);
        Features features = new Features();
        int[] truth = new int[walkers.x.length];
        List<int[]> truthByFrame = new ArrayList<>();
        List<double[]> xByFrame = new ArrayList<>();
        for (int frame = 0; frame < frames; frame++) {
            walkers.step(features, truth);
            double[] xs = new double[features.count()];
            for (int j = 0; j < features.count(); j++) xs[j] = features.x(j);
            truthByFrame.add(java.util.Arrays.copyOf(truth, features.count()));
            xByFrame.add(xs);
            linker.frame(frame, features);
        }
        linker.finish();
        long links = 0;
        long correct = 0;
        for (LinkedTrack t : out) {
            int previousWalker = -1;
            for (int p = 0; p < t.length(); p++) {
                int walker = walkerAt(truthByFrame.get(t.frames()[p]), xByFrame.get(t.frames()[p]), t.xPx()[p]);
                if (p > 0) {
                    links++;
                    if (walker == previousWalker) correct++;
                }
                previousWalker = walker;
            }
        }
        return new double[] {links, correct};
    }

    private static int walkerAt(int[] truth, double[] xs, float x) {
        for (int j = 0; j < xs.length; j++) if ((float) xs[j] == x) return truth[j];
        throw new AssertionError("no feature at x = " + x);
    }

    @Test
    void sparseWalkersAreLinkedWithoutMistakes() {
        List<LinkedTrack> tracks = new ArrayList<>();
        double[] r = run(new Walkers(40, 1.0, 0, 1), 200, new LinkSettings(6, 0, 60), tracks);
        assertThat(r[1] / r[0]).as("fraction of correct links").isGreaterThan(0.995); // walkers that cross within a step of each other can swap
        assertThat(tracks).hasSizeLessThan(60);
        assertThat(r[0]).isGreaterThan(40 * 199 * 0.97);
    }

    @Test
    void memoryBridgesMissedDetectionsAndTheGapsAreCounted() {
        List<LinkedTrack> withoutMemory = new ArrayList<>();
        run(new Walkers(30, 0.8, 0.1, 2), 150, new LinkSettings(5, 0, 60), withoutMemory);
        List<LinkedTrack> withMemory = new ArrayList<>();
        double[] r = run(new Walkers(30, 0.8, 0.1, 2), 150, new LinkSettings(5, 3, 60), withMemory);
        assertThat(r[1] / r[0]).isGreaterThan(0.99);
        double meanWithout = withoutMemory.stream().mapToInt(LinkedTrack::length).average().orElseThrow();
        double meanWith = withMemory.stream().mapToInt(LinkedTrack::length).average().orElseThrow();
        assertThat(meanWith).as("gap closing keeps tracks long").isGreaterThan(4 * meanWithout);
        long gaps = withMemory.stream().mapToLong(t -> {
            long g = 0;
            for (int i = 1; i < t.length(); i++) if (t.frames()[i] - t.frames()[i - 1] > 1) g++;
            return g;
        }).sum();
        // About 10 % of 30 × 150 detections are missed; nearly every miss inside a track is bridged.
        assertThat(gaps).isBetween(300L, 500L);
    }

    @Test
    void statsAgreeWithTheEmittedTracks() {
        List<LinkedTrack> tracks = new ArrayList<>();
        Linker linker = new Linker(new LinkSettings(5, 2, 60), tracks::add);
        Walkers walkers = new Walkers(25, 0.8, 0.05, 3);
        Features f = new Features();
        int[] truth = new int[25];
        for (int frame = 0; frame < 100; frame++) {
            walkers.step(f, truth);
            linker.frame(frame * 2, f); // every other frame number: frame numbers need not be consecutive
        }
        linker.finish();
        LinkStats stats = linker.stats();
        assertThat(stats.tracks()).isEqualTo(tracks.size());
        assertThat(stats.positions()).isEqualTo(tracks.stream().mapToLong(LinkedTrack::length).sum());
        long[] h = stats.lengthHistogram();
        assertThat(java.util.Arrays.stream(h).sum()).isEqualTo(tracks.size());
        assertThat(h[LinkStats.HISTOGRAM_CAP]).isEqualTo(tracks.stream().filter(t -> t.length() >= LinkStats.HISTOGRAM_CAP).count());
        for (LinkedTrack t : tracks) {
            for (int i = 1; i < t.length(); i++) assertThat(t.frames()[i]).isGreaterThan(t.frames()[i - 1]);
        }
    }

    @Test
    void finishedTracksLeaveAsSoonAsTheyCanNoLongerGrow() {
        List<LinkedTrack> tracks = new ArrayList<>();
        Linker linker = new Linker(new LinkSettings(5, 2, 60), tracks::add);
        Features f = new Features();
        f.add(10, 10, 1, 1, 1, false);
        linker.frame(0, f);
        f.clear();
        linker.frame(1, f);
        linker.frame(2, f);
        linker.frame(3, f);
        assertThat(tracks).isEmpty(); // memory 2: could still continue at frame 3
        linker.frame(4, f);
        assertThat(tracks).hasSize(1);
        assertThat(tracks.get(0).length()).isEqualTo(1);
    }

    @Test
    void theAssignmentPrefersTheGloballyCheapestLinksOverGreedyOnes() {
        // Track A at x=0 and B at x=4; features at x=3 and x=7.5. Greedy links B→3 (1 px) and then
        // A cannot reach 7.5; the assignment links A→3 (3 px) and B→7.5 (3.5 px): two links.
        List<LinkedTrack> tracks = new ArrayList<>();
        Linker linker = new Linker(new LinkSettings(4, 0, 60), tracks::add);
        Features f = new Features();
        f.add(0, 0, 1, 1, 1, false);
        f.add(4, 0, 1, 1, 1, false);
        linker.frame(0, f);
        f.clear();
        f.add(3, 0, 1, 1, 1, false);
        f.add(7.5, 0, 1, 1, 1, false);
        linker.frame(1, f);
        linker.finish();
        assertThat(tracks).hasSize(2).allSatisfy(t -> assertThat(t.length()).isEqualTo(2));
    }

    @Test
    void aDenseFieldWithAWideRadiusIsNarrowedAndStillLinkedWell() {
        List<LinkedTrack> tracks = new ArrayList<>();
        Linker linker = new Linker(new LinkSettings(60, 0, 20), tracks::add);
        Walkers walkers = new Walkers(150, 0.7, 0, 4);
        Features f = new Features();
        int[] truth = new int[150];
        for (int frame = 0; frame < 30; frame++) {
            walkers.step(f, truth);
            linker.frame(frame, f);
        }
        linker.finish();
        assertThat(linker.stats().adaptiveReductions()).isPositive();
        assertThat(tracks.size()).as("almost every walker keeps one track").isLessThan(200);
    }

    @Test
    void radiusFromDiffusionMissesOneStepInTenThousand() {
        LinkSettings s = LinkSettings.fromDiffusion(4.0, 1 / 30.0, 0.1, 3);
        double expectedUm = Math.sqrt(4 * 4.0 / 30 * Math.log(1e4));
        assertThat(s.searchRadiusPx()).isCloseTo(expectedUm / 0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThatThrownBy(() -> LinkSettings.fromDiffusion(0, 1, 1, 0)).hasMessageContaining("must all be positive");
        assertThatThrownBy(() -> new Linker(new LinkSettings(5, 0, 60), t -> { }).frame(-1, new Features()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
