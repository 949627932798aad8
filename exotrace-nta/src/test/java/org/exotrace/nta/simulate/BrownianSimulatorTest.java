package org.exotrace.nta.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrownianSimulatorTest {

    private static final BrownianSimulator.Settings NANOSIGHT = BrownianSimulator.Settings.nanoSightLike();

    /** Positions per track, in frame order. */
    private record Run(List<GroundTruth> truths, Map<Long, List<double[]>> positions) {
    }

    private static Run run(BrownianSimulator.Settings settings, SizeDistribution sizes, long seed) {
        Map<Long, List<double[]>> positions = new HashMap<>();
        List<GroundTruth> truths = new BrownianSimulator(settings).run(sizes, seed,
            (frame, particle, x, y) -> positions.computeIfAbsent(particle, p -> new ArrayList<>()).add(new double[] {frame, x, y}));
        return new Run(truths, positions);
    }

    @Test
    void tracksEndWhenParticlesLeaveTheSheet() {
        BrownianSimulator.Settings wideField = NANOSIGHT.withField(2000, 2000).withRun(100, 300);
        Run run = run(wideField, SizeDistribution.monodisperse(100), 1);

        assertThat(run.truths()).extracting(GroundTruth::end).contains(GroundTruth.End.LEFT_SHEET);
        for (GroundTruth truth : run.truths()) {
            List<double[]> track = run.positions().get(truth.particle());
            double[] last = track.get(track.size() - 1);
            boolean farFromFieldEdges = Math.min(Math.min(last[1], 2000 - last[1]), Math.min(last[2], 2000 - last[2])) > 5;
            if (farFromFieldEdges) assertThat(truth.end()).isIn(GroundTruth.End.LEFT_SHEET, GroundTruth.End.RUN_ENDED);
            assertThat(track).hasSize(truth.positions());
            for (int i = 0; i < track.size(); i++) assertThat((int) track.get(i)[0]).isEqualTo(truth.firstFrame() + i);
        }
    }

    @Test
    void smallParticlesGiveShorterTracks() {
        BrownianSimulator.Settings settings = NANOSIGHT.withRun(200, 1000);
        double small = meanLength(run(settings, SizeDistribution.monodisperse(50), 2));
        double large = meanLength(run(settings, SizeDistribution.monodisperse(200), 2));
        System.out.printf("mean positions per track: 50 nm %.1f, 200 nm %.1f%n", small, large);
        // entries happen at the sheet's faces, so the mean length scales about as 1/sqrt(D), ratio ~ 1/2
        assertThat(small).isLessThan(0.8 * large);
    }

    @Test
    void driftOfThreePixelsPerFrameShowsInTheMeanStep() {
        double umPerPixel = 0.166;
        double drift = 3 * umPerPixel;
        Run run = run(NANOSIGHT.withDrift(drift, 0).withRun(200, 400), SizeDistribution.monodisperse(100), 3);
        double sumX = 0, sumY = 0;
        int steps = 0;
        for (List<double[]> track : run.positions().values()) {
            for (int i = 1; i < track.size(); i++) {
                sumX += track.get(i)[1] - track.get(i - 1)[1];
                sumY += track.get(i)[2] - track.get(i - 1)[2];
                steps++;
            }
        }
        // per-step SD is about 0.6 µm and there are over 10⁴ steps: SE of the mean < 0.01 µm
        assertThat(steps).isGreaterThan(10_000);
        assertThat(sumX / steps / umPerPixel).isCloseTo(3, within(0.1));
        assertThat(sumY / steps / umPerPixel).isCloseTo(0, within(0.1));
    }

    @Test
    void groundTruthCarriesStokesEinsteinDiffusion() {
        Run run = run(NANOSIGHT.withRun(50, 50), SizeDistribution.lognormal(100, 1.3), 4);
        for (GroundTruth t : run.truths()) {
            assertThat(t.diffusionUm2PerS() * t.diameterNm()).isCloseTo(453.0, within(1.0));
        }
    }

    @Test
    void sameSeedGivesTheSameRun() {
        BrownianSimulator.Settings settings = NANOSIGHT.withRun(30, 50);
        Run a = run(settings, SizeDistribution.lognormal(100, 1.3), 9);
        Run b = run(settings, SizeDistribution.lognormal(100, 1.3), 9);
        assertThat(a.truths()).isEqualTo(b.truths());
        assertThat(a.positions().keySet()).isEqualTo(b.positions().keySet());
        a.positions().forEach((id, track) -> assertThat(b.positions().get(id)).usingRecursiveComparison().isEqualTo(track));
    }

    private static double meanLength(Run run) {
        return run.truths().stream().mapToInt(GroundTruth::positions).average().orElseThrow();
    }
}
