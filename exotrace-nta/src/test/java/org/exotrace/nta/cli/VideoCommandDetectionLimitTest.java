package org.exotrace.nta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.exotrace.nta.detectionlimit.DetectionLimit;
import org.exotrace.nta.simulate.Scenarios;
import org.exotrace.nta.simulate.VideoRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code nta video} reports the detection limit: in the JSON, among the warnings, and as one summary line. */
class VideoCommandDetectionLimitTest {

    @TempDir
    Path dir;

    @Test
    void aRayleighLognormalVideoGetsItsDetectionLimitTheWarningAndOnRequestTheDepthCorrection() throws Exception {
        // 150 frames of the Rayleigh lognormal (median 120 nm, d⁶ brightness), written as PNG frames
        Path frames = dir.resolve("frames");
        VideoRenderer.writeFrames(Scenarios.lognormal120nm().frames(150).seed(12).build(), frames, "png");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NtaCommand.run(new String[] {"video", "--frames", frames.toString(), "--pixel-size-nm", "166", "--fps", "30",
            "--temperature-c", "22", "--bootstrap", "0", "--depth-correction", "--json"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        JsonNode limit = json.get("detectionLimit");
        assertThat(limit.get("identified").asBoolean()).isTrue();
        assertThat(limit.get("source").asString()).isEqualTo("estimated from the data");
        assertThat(limit.get("exponent").asDouble()).isCloseTo(6, within(1.5));
        assertThat(limit.get("smallestDetectableNm").asDouble()).isBetween(60.0, 85.0);
        assertThat(limit.get("smallestDetectableLowNm").asDouble()).isLessThan(limit.get("smallestDetectableNm").asDouble());
        assertThat(limit.get("focusProfile").asString()).contains("assumed");
        assertThat(limit.get("depthCorrected").asBoolean()).isTrue();
        assertThat(json.get("settings").get("samplingModel").asString()).startsWith("observed track duration / detection depth");
        assertThat(json.get("warnings").toString()).contains("nm are under-counted");
    }

    @Test
    void theSummaryLineGivesTheLimitWhenMeasuredAndSaysWhyNotOtherwise() {
        DetectionLimit measured = new DetectionLimit(true, 6.1, 0.45, 130, 1980, 0.11, 57.3, 72.2, 0.04, 71.8, 1.06, 568, 240, "");
        assertThat(DetectionLimitReport.line(measured, false))
                .isEqualTo("detection limit: smallest detectable ~72 nm (95 % 67–78 nm); brightness ∝ d^6.1 ± 0.5, estimated from 568 tracks");
        DetectionLimit unknown = new DetectionLimit(false, 0.3, 0.14, 101, 340, 0.03, 59.8, Double.NaN, Double.NaN, 75.6, 0.41, 596, 0,
                "the brightness of the tracks does not rise measurably with their size");
        assertThat(DetectionLimitReport.line(unknown, false))
                .isEqualTo("detection limit: not identified: the brightness of the tracks does not rise measurably with their size");
    }
}
