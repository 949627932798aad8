package org.exotrace.characterization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.nta.cli.NtaCommand;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.settings.Setting;
import org.exotrace.nta.settings.SettingsSpec;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The NTA settings are one definition (the library's catalogue) seen from three sides: the same
 * bad value gets the same words on the command line (exit code 2, one line), in the API (a problem
 * naming the field) and beside the field of the web form; the defaults are the same everywhere.
 */
class NtaSettingsEverywhereIntegrationTests extends IntegrationTest {

    private static byte[] tracks;

    @Autowired
    NtaMeasurements measurements;

    private TestUser analyst;
    private String lot;

    @BeforeAll
    static void simulate() throws IOException {
        Path file = Files.createTempFile("nta-settings-it", ".csv");
        try (TrajectoryWriter writer = TrajectoryWriter.create(file, TrajectoryFormat.trackpy(166))) {
            new BrownianSimulator(BrownianSimulator.Settings.nanoSightLike().withRun(60, 200)).run(SizeDistribution.monodisperse(100), 3,
                    writer::position);
        }
        tracks = Files.readAllBytes(file);
        Files.delete(file);
    }

    @BeforeEach
    void setUp() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        lot = new LotScenarios(mvc, analyst).lotInTesting();
    }

    private static Map<String, String> valid(String... overrides) {
        Map<String, String> s = new LinkedHashMap<>(Map.of("source", "TRACKS", "pixelSizeNm", "166", "fps", "25", "temperatureC", "22"));
        for (int i = 0; i < overrides.length; i += 2) s.put(overrides[i], overrides[i + 1]);
        return s;
    }

    @Test
    void theSameBadValueGetsTheSameMessageOnTheCommandLineInTheApiAndInTheForm() throws Exception {
        List<Long> before = counts("nta_measurement", "audit_entry");
        String[][] bad = {{"fps", "0"}, {"temperatureC", "-4"}, {"method", "magic"}, {"minTrackLength", "1"}, {"bootstrap", "5000"},
                {"columns", "a,b"}, {"motionBlur", "half"}, {"pixelSizeNm", ""}};
        for (String[] b : bad) {
            String field = b[0];
            Setting<?> setting = SettingsSpec.named(field);

            MvcResult api = mvc.perform(upload("/api/lots/" + lot + "/nta-measurements", valid(field, b[1])))
                    .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json")).andReturn();
            String apiMessage = JsonPath.read(api.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.errors." + field);

            StringWriter err = new StringWriter();
            List<String> args = new java.util.ArrayList<>(List.of("size", "--tracks", "no-such-file.csv"));
            valid(field, b[1]).forEach((name, value) -> {
                if (SettingsSpec.named(name) != null && !value.isEmpty()) args.addAll(List.of(SettingsSpec.named(name).option(), value));
            });
            int code = NtaCommand.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(code).as(field).isEqualTo(2);
            assertThat(err.toString().strip().lines()).as(field).containsExactly("exotrace nta: " + setting.option() + ": " + apiMessage);

            String page = HtmlUtils.htmlUnescape(mvc.perform(upload("/lots/" + lot + "/nta", valid(field, b[1])).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(besideField(page, field)).as(field).isEqualTo(apiMessage);
        }
        assertThat(counts("nta_measurement", "audit_entry")).as("nothing written").isEqualTo(before);
    }

    @Test
    void settingsNotGivenTakeTheSameDefaultsInTheApiTheFormAndTheCommandLine() throws Exception {
        MvcResult accepted = mvc.perform(upload("/api/lots/" + lot + "/nta-measurements", valid("bootstrap", "0")))
                .andExpect(status().isAccepted()).andReturn();
        String id = JsonPath.read(accepted.getResponse().getContentAsString(), "$.id");
        NtaSettings stored = measurements.get(java.util.UUID.fromString(id)).settings();
        for (Setting<?> s : SettingsSpec.ALL) {
            if (s.defaultValue() != null && s != SettingsSpec.BOOTSTRAP) {
                assertThat((Object) stored.sizing().get(s)).as(s.name()).isEqualTo(s.defaultValue());
            }
        }
        // The command the page shows spells the defaults out, so the command line's own defaults never decide.
        // R not given is not a default but "estimated from the tracks", which the command line does too without --motion-blur.
        assertThat(stored.commandLine("t.csv")).contains("--min-track-length 5", "--method ml",
                "--drift on", "--water-model vogel", "--seed 1").doesNotContain("--motion-blur").doesNotContain("--exposure-ms");

        String form = mvc.perform(get("/lots/" + lot + "/nta").with(analyst.basic())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (Setting<?> s : List.of(SettingsSpec.MIN_TRACK_LENGTH, SettingsSpec.BOOTSTRAP, SettingsSpec.SEED)) {
            assertThat(valueOf(form, s.name())).as(s.name()).isEqualTo(defaultText(s));
        }
        awaitFinished(id);
    }

    private static <T> String defaultText(Setting<T> s) {
        return s.text(s.defaultValue());
    }

    private MockMultipartHttpServletRequestBuilder upload(String path, Map<String, String> fields) {
        MockMultipartHttpServletRequestBuilder b = multipart(path);
        b.file(new MockMultipartFile("file", "tracks.csv", "text/csv", tracks));
        fields.forEach(b::param);
        b.with(analyst.basic());
        return b;
    }

    /** The field message after the input named {@code field}, as the form renders it. */
    private static String besideField(String html, String field) {
        int at = html.indexOf("name=\"" + field + "\"");
        assertThat(at).as("input " + field).isNotNegative();
        Matcher m = Pattern.compile("class=\"[^\"]*field-error[^\"]*\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find(at)).as("a field message after " + field).isTrue();
        return m.group(1).strip();
    }

    private static String valueOf(String html, String field) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + field + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("input " + field + " with a value").isTrue();
        return m.group(1);
    }

    private void awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!measurements.get(java.util.UUID.fromString(id)).status().finished() && System.nanoTime() < deadline) Thread.sleep(100);
    }
}
