package org.exotrace.nta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.exotrace.nta.settings.Setting;
import org.exotrace.nta.settings.SettingsSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line contract: options, JSON fields, exit codes and one-line errors. */
class NtaCommandTest {

    record Run(int code, String out, String err) {}

    @TempDir
    Path dir;

    @Test
    void simulatesThenSizesAndPrintsTheContractedJsonFields() throws Exception {
        Path tracks = dir.resolve("tracks.csv");
        Run sim = run("simulate", "--out", tracks.toString(), "--distribution", "mono", "--diameter-nm", "100",
                "--particles", "200", "--frames", "1500", "--seed", "5");
        assertThat(sim.code()).isZero();
        assertThat(Files.exists(dir.resolve("tracks.csv.truth.csv"))).isTrue();

        Run size = run("size", "--tracks", tracks.toString(), "--pixel-size-nm", "166", "--fps", "25", "--temperature-c", "22",
                "--detection-volume-pl", "80", "--dilution", "100", "--json");
        assertThat(size.code()).as(size.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(size.out());
        for (String field : new String[] {"method", "tracks", "meanNm", "modeNm", "sdNm", "d10Nm", "d50Nm", "d90Nm", "distribution",
                "driftPxPerFrame", "concentrationPerMl"}) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("method").asString()).isEqualTo("ml");
        assertThat(json.get("d50Nm").asDouble()).isCloseTo(100, within(5.0));
        assertThat(json.get("distribution").get(0).has("diameterNm")).isTrue();
        assertThat(json.get("settings").get("viscositySource").asString()).isNotBlank();
        assertThat(size.err()).contains("reading");
    }

    @Test
    void withoutABlurFlagSizeEstimatesRFromTheTracksAndFlagsAStatedExposureTheyContradict() throws Exception {
        Path tracks = dir.resolve("short.csv");
        Run sim = run("simulate", "--out", tracks.toString(), "--distribution", "lognormal", "--geometric-sd", "1.6",
                "--particles", "300", "--frames", "1500", "--exposure-ms", "4", "--seed", "6");
        assertThat(sim.code()).as(sim.err()).isZero();
        String[] common = {"size", "--tracks", tracks.toString(), "--pixel-size-nm", "166", "--fps", "25", "--temperature-c", "22",
            "--bootstrap", "0", "--json"};
        JsonMapper mapper = JsonMapper.builder().build();

        Run estimated = run(common);
        assertThat(estimated.code()).as(estimated.err()).isZero();
        JsonNode blur = mapper.readTree(estimated.out()).get("motionBlur");
        assertThat(blur.get("source").asString()).isEqualTo("estimated");
        assertThat(blur.get("identifiable").asBoolean()).isTrue();
        assertThat(blur.get("R").asDouble()).isCloseTo(4.0 / 40 / 6, within(0.03));
        assertThat(blur.get("se").asDouble()).isPositive();
        assertThat(blur.get("note").asString()).contains("Vestergaard");
        assertThat(mapper.readTree(estimated.out()).get("settings").get("motionBlur").asDouble()).isEqualTo(blur.get("R").asDouble());

        Run fullFrame = run(concat(common, "--exposure-ms", "40"));
        assertThat(fullFrame.code()).as(fullFrame.err()).isZero();
        JsonNode json = mapper.readTree(fullFrame.out());
        assertThat(json.get("motionBlur").get("source").asString()).isEqualTo("from_exposure");
        assertThat(json.get("motionBlur").get("R").asDouble()).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(json.get("settings").get("exposureMs").asDouble()).isEqualTo(40.0);
        assertThat(json.get("warnings").toString()).contains("the stated exposure implies R = 0.167, the tracks give R = ");

        Run stated = run(concat(common, "--motion-blur", "0.05"));
        assertThat(mapper.readTree(stated.out()).get("motionBlur").get("source").asString()).isEqualTo("stated");
        assertBad(run(concat(common, "--exposure-ms", "50")), "--exposure-ms");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void refusesImpossibleSettingsWithExitCodeTwoAndOneLine() {
        Path tracks = dir.resolve("missing.csv");
        assertBad(run("size", "--tracks", tracks.toString(), "--pixel-size-nm", "166", "--fps", "0", "--temperature-c", "22"), "--fps");
        assertBad(run("size", "--tracks", tracks.toString(), "--pixel-size-nm", "166", "--fps", "25", "--temperature-c", "-5"), "--temperature-c");
        assertBad(run("size", "--tracks", tracks.toString(), "--pixel-size-nm", "-1", "--fps", "25", "--temperature-c", "22"), "--pixel-size-nm");
        assertBad(run("size", "--tracks", tracks.toString(), "--pixel-size-nm", "166", "--fps", "25", "--temperature-c", "22"), "no such tracks file");
        assertBad(run("size", "--tracks", tracks.toString(), "--fps", "25", "--temperature-c", "22", "--method", "magic",
                "--pixel-size-nm", "166"), "--method");
        assertBad(run("size", "--fps", "25"), "--tracks");
    }

    @Test
    void theHelpOfSizeListsEverySettingOfTheCatalogueWithItsDefault() {
        Run help = run("size", "--help");
        assertThat(help.code()).isZero();
        for (Setting<?> s : SettingsSpec.ALL) {
            assertThat(help.out()).as(s.name()).contains(s.option());
            if (s.defaultValue() != null) assertThat(help.out().replaceAll("\\s+", " ")).as(s.name()).contains("(default " + text(s) + ")");
        }
        assertThat(help.out().replaceAll("\\s+", " ")).contains("frame rate, frames per second (required)");
    }

    @Test
    void aBadSettingIsRefusedWithTheCataloguesMessageOnOneLine() {
        Path tracks = dir.resolve("missing.csv");
        String expected = SettingsSpec.parse(Map.of("pixelSizeNm", "166", "fps", "25", "temperatureC", "22", "minTrackLength", "1"))
                .problems().get(0).commandLineText();
        Run r = run("size", "--tracks", tracks.toString(), "--pixel-size-nm", "166", "--fps", "25", "--temperature-c", "22",
                "--min-track-length", "1");
        assertBad(r, "--min-track-length");
        assertThat(r.err().strip()).isEqualTo("exotrace nta: " + expected);
        assertBad(run("size", "--tracks", tracks.toString(), "--units", "um", "--temperature-c", "22"), "--fps: required");
        assertBad(run("size", "--tracks", tracks.toString(), "--pixel-size-nm", "166", "--fps", "25", "--temperature-c", "22",
                "--dilution", "10"), "--dilution");
    }

    private static <T> String text(Setting<T> s) {
        return s.text(s.defaultValue());
    }

    @Test
    void namesTheLineOfAMalformedRow() throws Exception {
        Path tracks = dir.resolve("bad.csv");
        Files.writeString(tracks, "frame,particle,x,y\n0,1,10.0,10.0\n1,1,abc,10.5\n");
        Run r = run("size", "--tracks", tracks.toString(), "--pixel-size-nm", "166", "--fps", "25", "--temperature-c", "22");
        assertBad(r, "line 3");
    }

    private static void assertBad(Run r, String mention) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        java.util.List<String> lines = r.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("exotrace nta: ").contains(mention);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NtaCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
