package org.exotrace.nta.concentration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.junit.jupiter.api.Test;

/**
 * The detection volume from a standard of stated concentration: the formula by hand, its
 * uncertainty, the refusals, and a seeded light-sheet simulation whose true detection volume
 * (field × sheet) and true concentrations are known.
 */
class DetectionVolumeCalibrationTest {

    private static DetectionVolumeCalibration.Replicate video(String label, double ppf) {
        return new DetectionVolumeCalibration.Replicate(label, ppf);
    }

    @Test
    void invertsTheConcentrationFormulaByHand() {
        // Beads stated at 1e11 /mL, diluted 1000x: 1e8 /mL measured. Mean of 48, 52, 50 = 50 per frame.
        // V = 50 / 1e8 mL = 5e-7 mL = 500 pL.
        var r = DetectionVolumeCalibration.estimate(List.of(video("a", 48), video("b", 52), video("c", 50)),
                Concentration.perMillilitre(1e11), 0.05, Dilution.of(1000));
        assertThat(r.volume().picolitres()).isCloseTo(500, withinPercentage(1e-9));
        assertThat(r.meanParticlesPerFrame()).isEqualTo(50);
        assertThat(r.sdParticlesPerFrame()).isCloseTo(2, within(1e-12));
        assertThat(r.replicateVolumesPl()).satisfiesExactly(v -> assertThat(v).isCloseTo(480, within(1e-9)),
                v -> assertThat(v).isCloseTo(520, within(1e-9)), v -> assertThat(v).isCloseTo(500, within(1e-9)));
        // u_r = sqrt((2 / (50 * sqrt 3))^2 + 0.05^2) = sqrt(0.0231^2 + 0.05^2) = 0.05508
        assertThat(r.relativeUncertainty()).isCloseTo(Math.sqrt(Math.pow(2 / (50 * Math.sqrt(3)), 2) + 0.0025), within(1e-12));
        assertThat(r.standardUncertaintyPl()).isCloseTo(27.54, within(0.01));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.describe()).isEqualTo("500.0 ± 27.5 pL (standard uncertainty, k = 1)");

        // The volume gives back the standard's concentration from its own count.
        var back = ConcentrationEstimator.DEFAULT.estimate(50, r.volume(), Dilution.of(1000));
        assertThat(back.concentration().particlesPerMillilitre()).isCloseTo(1e11, withinPercentage(1e-9));
    }

    @Test
    void saysWhatTheUncertaintyLeavesOut() {
        var single = DetectionVolumeCalibration.estimate(List.of(video("only", 40)), Concentration.perMillilitre(4e8), 0, Dilution.NONE);
        assertThat(single.volume().picolitres()).isCloseTo(100, withinPercentage(1e-9));
        assertThat(single.standardUncertaintyPl()).isZero();
        assertThat(single.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("one replicate", "repeatability"))
                .anySatisfy(w -> assertThat(w).contains("stated uncertainty was not given"));
    }

    @Test
    void refusesWhatCannotGiveAVolume() {
        assertThatThrownBy(() -> DetectionVolumeCalibration.estimate(List.of(), Concentration.perMillilitre(1e9), 0, Dilution.NONE))
                .hasMessageContaining("no replicate");
        assertThatThrownBy(() -> DetectionVolumeCalibration.estimate(List.of(video("a", 10)), Concentration.perMillilitre(0), 0, Dilution.NONE))
                .hasMessageContaining("stated concentration must be positive");
        assertThatThrownBy(() -> DetectionVolumeCalibration.estimate(List.of(video("a", 10)), Concentration.perMillilitre(1e9), 1.5, Dilution.NONE))
                .hasMessageContaining("relative uncertainty");
        assertThatThrownBy(() -> video("empty video", 0)).hasMessageContaining("empty video").hasMessageContaining("positive");
    }

    /**
     * Ground truth: the simulator keeps N particles in a padded box of (100 + 20) × (80 + 20) ×
     * (10 + 20) µm = 360 pL and observes the 100 × 80 µm field of a 10 µm sheet, 80 pL. A bead
     * standard of known concentration must give back about 80 pL; a vesicle sample measured with
     * that volume must give back its own known concentration. Tolerances: 8% for the volume (the
     * count of 300 beads over 1500 correlated frames fluctuates by about 3%), 10% for the sample.
     */
    @Test
    void aSimulatedBeadStandardGivesTheTrueDetectionVolumeAndThenTheTrueSampleConcentration() {
        BrownianSimulator.Settings sheet = BrownianSimulator.Settings.nanoSightLike();
        double boxMl = 120 * 100 * 30 * 1e-12;
        double trueVolumePl = 100 * 80 * 10 * 1e-3;

        int beads = 300;
        FrameCounts beadCounts = new FrameCounts();
        new BrownianSimulator(sheet.withRun(beads, 1500)).run(SizeDistribution.monodisperse(100), 20261103, beadCounts::position);
        Concentration stated = Concentration.perMillilitre(beads / boxMl * 1000);
        var calibration = DetectionVolumeCalibration.estimate(beadCounts.blocks(5), stated, 0.03, Dilution.of(1000));

        assertThat(calibration.volume().picolitres()).isCloseTo(trueVolumePl, withinPercentage(8));
        assertThat(Math.abs(calibration.volume().picolitres() - trueVolumePl)).isLessThan(3 * calibration.standardUncertaintyPl());
        assertThat(calibration.replicates()).hasSize(5).first().extracting(DetectionVolumeCalibration.Replicate::label).isEqualTo("frames 0-299");

        int vesicles = 270;
        FrameCounts sampleCounts = new FrameCounts();
        new BrownianSimulator(sheet.withRun(vesicles, 800)).run(SizeDistribution.lognormal(110, 1.35), 7, sampleCounts::position);
        double trueSamplePerMl = vesicles / boxMl * 5;
        var sample = ConcentrationEstimator.DEFAULT.estimate(sampleCounts.particlesPerFrame(), calibration.volume(), Dilution.of(5));
        assertThat(sample.concentration().particlesPerMillilitre()).isCloseTo(trueSamplePerMl, withinPercentage(10));
    }

    @Test
    void blocksNeedEnoughFrames() {
        FrameCounts counts = new FrameCounts();
        for (int f = 0; f < 120; f++) counts.position(f, f, 0, 0);
        assertThat(counts.frames()).isEqualTo(120);
        assertThat(counts.particlesPerFrame()).isEqualTo(1);
        assertThat(counts.blocks(2)).hasSize(2);
        assertThatThrownBy(() -> counts.blocks(3)).hasMessageContaining("120 frames");
    }
}
