package org.exotrace.nta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.exotrace.nta.io.SharedDataTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code exotrace nta calibrate} gives the detection volume the instrument used from the real bead export, and refuses what it cannot use. */
class CalibrateCommandTest extends SharedDataTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = NtaCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theBeadExportGivesTheVolumeItsOwnConcentrationImplies() {
        Path beads2 = sharedFile("nanosight/beads2.csv");
        Run r = run("calibrate", "--nanosight", beads2.toString(), "--stated-concentration", "6.09e12", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("detectionVolumePl").asDouble()).isCloseTo(113.3 / 6.09e8 * 1e9, withinPercentage(0.1));
        assertThat(json.get("dilution").asDouble()).isEqualTo(1e4);
        assertThat(json.get("replicates").size()).isEqualTo(5);
        assertThat(run("calibrate", "--nanosight", beads2.toString(), "--stated-concentration", "6.09e12").out())
                .startsWith("detection volume 186.0 ± 2.1 pL");
    }

    @Test
    void refusesWhatItCannotUseWithExitCodeTwo() {
        Path beads = sharedFile("nanosight/beads.csv");
        Run mixed = run("calibrate", "--nanosight", beads.toString(), "--stated-concentration", "1.3e9", "--dilution", "1");
        assertThat(mixed.exit()).isEqualTo(2);
        assertThat(mixed.err()).contains("mixes camera levels 10, 15");
        assertThat(run("calibrate", "--stated-concentration", "1e9").err()).contains("exactly one of --nanosight FILE or --tracks FILE");
    }
}
