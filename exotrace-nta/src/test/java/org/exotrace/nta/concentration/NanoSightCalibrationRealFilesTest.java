package org.exotrace.nta.concentration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.util.List;
import org.exotrace.nta.io.NanoSightSummary;
import org.exotrace.nta.io.SharedDataTest;
import org.junit.jupiter.api.Test;

/**
 * Detection volumes from the two real NanoSight exports of 100 nm polystyrene beads in
 * ../shared/data/nanosight (tidyNano, MIT licence). The known answer is the export itself: each
 * video's "Particles per frame" over its "Concentration (Particles / ml)", divided by the dilution
 * the export records, is the volume NTA used. Taking the export's own average concentration as the
 * stated concentration of the standard, the calibration must give that volume back, and the volume
 * must give each video's concentration back from its particles per frame.
 *
 * <p>beads2.csv (NTA 3.4, 5 videos, camera level 11, dilution 1e4): 113.3 / (6.09e12 / 1e4) mL =
 * 186.0 pL. beads.csv (NTA 3.2, 12 videos, dilution not recorded) mixes camera levels 15 and 10;
 * at level 15 the six videos average 141.8 particles per frame at 1.283e9 /mL: about 110 pL; at
 * level 10 about 158 pL.
 */
class NanoSightCalibrationRealFilesTest extends SharedDataTest {

    @Test
    void beads2GivesTheVolumeTheInstrumentUsed() throws IOException {
        NanoSightSummary summary = NanoSightSummary.read(sharedFile("nanosight/beads2.csv"));
        Concentration stated = Concentration.perMillilitre(summary.average().results().concentrationPerMl());
        NanoSightCalibration c = NanoSightCalibration.of(summary, stated, 0.0, null, null);

        assertThat(c.cameraLevel()).isEqualTo(11);
        assertThat(c.framesPerSecond()).isEqualTo(24.9825);
        assertThat(c.calibration().dilution().factor()).isEqualTo(1e4);
        assertThat(c.calibration().replicates()).hasSize(5);
        assertThat(c.calibration().meanParticlesPerFrame()).isCloseTo(113.26, withinPercentage(0.01));
        assertThat(c.calibration().volume().picolitres()).isCloseTo(113.3 / 6.09e8 * 1e9, withinPercentage(0.1));
        assertThat(c.calibration().relativeUncertainty()).isLessThan(0.015);
        assertThat(c.software()).isEqualTo("NTA 3.4 Build 3.4.003");
        for (NanoSightSummary.Video v : summary.videos()) {
            double back = ConcentrationEstimator.DEFAULT.estimate(v.results().particlesPerFrame(), c.calibration().volume(), Dilution.of(1e4))
                    .concentration().particlesPerMillilitre();
            assertThat(back).as(v.filename()).isCloseTo(v.results().concentrationPerMl(), withinPercentage(0.5));
        }
    }

    @Test
    void beadsMixesCameraLevelsSoALevelMustBeChosen() throws IOException {
        NanoSightSummary summary = NanoSightSummary.read(sharedFile("nanosight/beads.csv"));
        Concentration stated = Concentration.perMillilitre(1.47e9);
        assertThatThrownBy(() -> NanoSightCalibration.of(summary, stated, 0.05, Dilution.NONE, null))
                .hasMessageContaining("mixes camera levels 10, 15");
        assertThatThrownBy(() -> NanoSightCalibration.of(summary, stated, 0.05, Dilution.NONE, 12))
                .hasMessageContaining("no video of the export is at camera level 12");
        assertThatThrownBy(() -> NanoSightCalibration.of(summary, stated, 0.05, null, 15))
                .hasMessageContaining("does not record the dilution");
    }

    @Test
    void beadsAtEachCameraLevelGivesItsOwnVolume() throws IOException {
        NanoSightSummary summary = NanoSightSummary.read(sharedFile("nanosight/beads.csv"));
        for (int level : List.of(15, 10)) {
            List<NanoSightSummary.Video> videos = summary.videos().stream().filter(v -> v.conditions().cameraLevel() == level).toList();
            double statedPerMl = videos.stream().mapToDouble(v -> v.results().concentrationPerMl()).average().orElseThrow();
            double ppf = videos.stream().mapToDouble(v -> v.results().particlesPerFrame()).average().orElseThrow();
            NanoSightCalibration c = NanoSightCalibration.of(summary, Concentration.perMillilitre(statedPerMl), 0.05, Dilution.NONE, level);

            assertThat(c.calibration().replicates()).hasSize(6);
            assertThat(c.calibration().volume().picolitres()).as("level " + level).isCloseTo(ppf / statedPerMl * 1e9, withinPercentage(1e-6));
            assertThat(c.calibration().warnings()).anySatisfy(w -> assertThat(w).contains("only the 6 videos at camera level " + level));
            for (NanoSightSummary.Video v : videos) {
                double back = ConcentrationEstimator.DEFAULT.estimate(v.results().particlesPerFrame(), c.calibration().volume(), Dilution.NONE)
                        .concentration().particlesPerMillilitre();
                assertThat(back).as(v.filename()).isCloseTo(v.results().concentrationPerMl(), withinPercentage(7));
            }
        }
        double level15 = NanoSightCalibration.of(summary, Concentration.perMillilitre(1.283e9), 0, Dilution.NONE, 15)
                .calibration().volume().picolitres();
        assertThat(level15).isCloseTo(110.5, withinPercentage(1));
    }

    @Test
    void aDilutionOtherThanTheExportsIsRefused() throws IOException {
        NanoSightSummary summary = NanoSightSummary.read(sharedFile("nanosight/beads2.csv"));
        assertThatThrownBy(() -> NanoSightCalibration.of(summary, Concentration.perMillilitre(6e12), 0, Dilution.of(100), null))
                .hasMessageContaining("records a dilution of 10000, not 100");
        assertThat(NanoSightCalibration.of(summary, Concentration.perMillilitre(6e12), 0, Dilution.of(1e4), null)
                .calibration().dilution().factor()).isEqualTo(1e4);
    }
}
