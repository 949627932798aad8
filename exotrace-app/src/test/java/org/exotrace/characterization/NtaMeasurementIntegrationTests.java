package org.exotrace.characterization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.InvestigationScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.nta.cli.NtaCommand;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * NTA on a lot through the API: a simulated trajectory file of 100 nm particles is checked,
 * stored, analysed in the background and recorded as size and concentration results that the
 * specification judges; re-running it gives the same numbers; bad files and settings are refused
 * with the line or field named and nothing stored.
 */
class NtaMeasurementIntegrationTests extends IntegrationTest {

    private static final double PIXEL_NM = 166;
    private static byte[] tracks;

    private LotScenarios scenarios;
    private TestUser analyst;

    @BeforeAll
    static void simulate() throws IOException {
        Path file = Files.createTempFile("nta-it", ".csv");
        BrownianSimulator.Settings s = BrownianSimulator.Settings.nanoSightLike().withRun(120, 400);
        try (TrajectoryWriter writer = TrajectoryWriter.create(file, TrajectoryFormat.trackpy(PIXEL_NM))) {
            new BrownianSimulator(s).run(SizeDistribution.monodisperse(100), 11, writer::position);
        }
        tracks = Files.readAllBytes(file);
        Files.delete(file);
    }

    @BeforeEach
    void setUp() {
        analyst = user(Role.LAB_ANALYST);
        scenarios = new LotScenarios(mvc, analyst);
    }

    @Test
    void analysesATrajectoryFileInTheBackgroundAndRecordsTheLotsSizeAndConcentration() throws Exception {
        String lot = scenarios.lotInTesting();
        MvcResult accepted = upload(lot, tracks, settings(), analyst)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", startsWith("/api/nta-measurements/")))
                .andExpect(jsonPath("$.source").value("TRACKS"))
                .andExpect(jsonPath("$.settings.pixelSizeNm").value(PIXEL_NM))
                .andExpect(jsonPath("$.settings.software").value(matchesPattern("exotrace-nta \\d+\\.\\d+.*")))
                .andReturn();
        String id = read(accepted, "$.id");

        MvcResult done = awaitFinished(id);
        assertThat((String) read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat((Double) read(done, "$.progress")).isEqualTo(1.0);
        double d50 = read(done, "$.outcome.d50Nm");
        double mode = read(done, "$.outcome.modeNm");
        assertThat(d50).isCloseTo(100, within(6.0));
        assertThat(mode).isCloseTo(100, within(10.0));
        double concentration = read(done, "$.outcome.concentrationPerMl");
        assertThat(concentration).isPositive();

        // The results are the uploader's, judged by the specification, and point back to the measurement.
        Map<String, Object> byTest = validResults(lot);
        assertThat(byTest).containsKeys("size_mode", "size_d50", "particle_concentration");
        assertThat((Double) field(byTest, "size_d50", "value")).isEqualTo(Math.round(d50 * 10) / 10.0);
        assertThat((Double) field(byTest, "particle_concentration", "value")).isCloseTo(concentration, within(concentration * 0.005));
        assertThat((String) field(byTest, "size_mode", "analyst")).isEqualTo(analyst.username());
        assertThat((String) field(byTest, "size_mode", "detail")).contains(id);
        assertThat((String) field(byTest, "size_mode", "verdictAtEntry")).isEqualTo("PASS");
        assertThat((String) read(done, "$.recordedResults.size_mode")).isEqualTo(field(byTest, "size_mode", "id"));
        getJson("/api/lots/" + lot + "/evaluation", analyst)
                .andExpect(jsonPath("$.tests[?(@.code == 'size_mode')].verdict").value("PASS"));

        // The distribution is the lot's, and the stored file comes back byte for byte.
        getJson("/api/lots/" + lot + "/size-distribution", analyst)
                .andExpect(jsonPath("$.method").value(containsString(id)))
                .andExpect(jsonPath("$.points.length()").value(400));
        MvcResult download = mvc.perform(get("/api/nta-measurements/" + id + "/input").with(analyst.basic()))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] back = mvc.perform(asyncDispatch(download)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(tracks);
        assertThat((String) read(done, "$.sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tracks)));

        // Anyone can reproduce it: the command names every setting.
        NtaMeasurement stored = measurements.get(UUID.fromString(id));
        assertThat(stored.commandLine()).contains("--pixel-size-nm 166", "--fps 25", "--temperature-c 22", "--viscosity-mpa-s 0.955",
                "--method ml", "--bootstrap 20", "--seed 7", "--detection-volume-pl 80", "--json");
        // ... and running it on the downloaded file gives the same numbers, to the last digit.
        Path copy = Files.createTempDirectory("nta-rerun").resolve(stored.filename());
        Files.write(copy, back);
        List<String> words = List.of(stored.commandLine().split(" "));
        List<String> args = new ArrayList<>(words.subList(2, words.size()));
        args.set(args.indexOf("--tracks") + 1, copy.toString());
        StringWriter json = new StringWriter();
        int exit = NtaCommand.run(args.toArray(String[]::new), new PrintWriter(json), new PrintWriter(new StringWriter()));
        assertThat(exit).isZero();
        for (String statistic : List.of("modeNm", "d10Nm", "d50Nm", "d90Nm", "concentrationPerMl")) {
            assertThat((Double) JsonPath.read(json.toString(), "$." + statistic)).as(statistic)
                    .isEqualTo((Double) read(done, "$.outcome." + statistic));
        }
        Files.delete(copy);
    }

    @Test
    void reRunningTheSameFileWithTheSameSettingsGivesTheSameNumbersAsARetest() throws Exception {
        String lot = scenarios.lotInTesting();
        String first = read(upload(lot, tracks, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        MvcResult one = awaitFinished(first);
        String firstModeResult = read(one, "$.recordedResults.size_mode");

        postJson("/api/nta-measurements/" + first + "/rerun", analyst, "{}").andExpect(status().isBadRequest());
        String second = read(postJson("/api/nta-measurements/" + first + "/rerun", analyst, "{\"reason\":\"check reproducibility\"}")
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.rerunOf").value(first)).andReturn(), "$.id");
        MvcResult two = awaitFinished(second);

        assertThat((String) read(two, "$.status")).isEqualTo("SUCCEEDED");
        for (String statistic : List.of("modeNm", "meanNm", "sdNm", "d10Nm", "d50Nm", "d90Nm")) {
            assertThat((Double) read(two, "$.outcome." + statistic)).as(statistic).isEqualTo((Double) read(one, "$.outcome." + statistic));
        }
        assertThat((List<?>) read(two, "$.outcome.confidence95.d50Nm")).isEqualTo(read(one, "$.outcome.confidence95.d50Nm"));
        getJson("/api/results/" + firstModeResult, analyst).andExpect(jsonPath("$.status").value("SUPERSEDED"));
        getJson("/api/results/" + read(two, "$.recordedResults.size_mode"), analyst)
                .andExpect(jsonPath("$.retestOf").value(firstModeResult));
    }

    @Test
    void refusesBadFilesAndSettingsNamingTheLineOrFieldAndStoresNothing() throws Exception {
        String lot = scenarios.lotInTesting();
        TestUser researcher = user(Role.RESEARCHER);
        List<Long> before = counts("nta_measurement", "result", "audit_entry", "pg_largeobject_metadata");
        String header = "frame,particle,x,y\n";

        refused(lot, (header + "0,1,10.5,20.5\n1,1,abc,20.7\n").getBytes(StandardCharsets.UTF_8), settings(), "file", "line 3");
        refused(lot, "frame,particle,x\n0,1,10.5\n".getBytes(StandardCharsets.UTF_8), settings(), "file", "y");
        refused(lot, (header + "0,1,10.5,20.5\n1,1,NaN,20.7\n").getBytes(StandardCharsets.UTF_8), settings(), "file", "line 3");
        refused(lot, (header + "5,1,10.5,20.5\n4,1,10.6,20.7\n").getBytes(StandardCharsets.UTF_8), settings(), "file", "line 3");
        refused(lot, (header + "0,1,10.5,20.5\n1,1,10.6,20.7\n").getBytes(StandardCharsets.UTF_8), settings(), "minTrackLength", "2");
        refused(lot, new byte[0], settings(), "file", "empty");
        refused(lot, tracks, settings("source", "NANOSIGHT"), "file", "");

        Map<String, String> impossible = settings("fps", "0", "temperatureC", "-4", "pixelSizeNm", "-1");
        MvcResult r = upload(lot, tracks, impossible, analyst).andExpect(status().isBadRequest()).andReturn();
        assertThat((String) read(r, "$.errors.fps")).contains("positive");
        assertThat((String) read(r, "$.errors.temperatureC")).contains("freezing");
        assertThat((String) read(r, "$.errors.pixelSizeNm")).contains("positive");
        upload(lot, tracks, settings("fps", "twenty-five"), analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.fps").value(containsString("not a number")));

        upload(lot, tracks, settings(), researcher).andExpect(status().isForbidden());
        assertThat(counts("nta_measurement", "result", "audit_entry", "pg_largeobject_metadata")).isEqualTo(before);
    }

    @Test
    void asksForARetestReasonBeforeAcceptingASecondSizeMeasurement() throws Exception {
        String lot = scenarios.lotInTesting();
        scenarios.numeric(lot, "size_mode", 98, "nm", analyst);
        List<Long> before = counts("nta_measurement", "pg_largeobject_metadata");
        upload(lot, tracks, settings(), analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.retestReason").value(containsString("98 nm")));
        assertThat(counts("nta_measurement", "pg_largeobject_metadata")).isEqualTo(before);
    }

    @Test
    void aFailedAnalysisRecordsItsReasonAndNothingOnTheLot() throws Exception {
        String lot = scenarios.lotInTesting();
        // Two uploads before either finishes: both are accepted, the first records the size, the
        // second finds a result it has no retest reason for and fails, recording nothing.
        String first = read(upload(lot, tracks, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        String second = read(upload(lot, tracks, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        awaitFinished(first);
        long resultsAfterFirst = count("result");
        MvcResult failed = awaitFinished(second);
        assertThat((String) read(failed, "$.status")).isEqualTo("FAILED");
        assertThat((String) read(failed, "$.error")).contains("already has a valid result");
        assertThat((Map<?, ?>) read(failed, "$.recordedResults")).isEmpty();
        assertThat(count("result")).isEqualTo(resultsAfterFirst);
    }

    @Test
    void resumesAnAnalysisLeftQueuedWhenTheApplicationStopped() throws Exception {
        String first = read(upload(scenarios.lotInTesting(), tracks, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        awaitFinished(first);
        // A measurement stored just before a shutdown: its row and file are committed, its analysis never ran.
        String lot = scenarios.lotInTesting();
        UUID interrupted = UUID.randomUUID();
        jdbc.sql("""
                insert into nta_measurement (id, lot_id, source, status, progress, progress_message, filename, size_bytes, sha256,
                  file_oid, settings, instrument, measured_at, submitted_by, started_at)
                select ?, ?, source, 'RUNNING', 0.4, 'estimating D', filename, size_bytes, sha256, file_oid, settings, instrument,
                  measured_at, submitted_by, now() from nta_measurement where id = ?""")
                .params(interrupted, UUID.fromString(lot), UUID.fromString(first)).update();

        runner.resume();

        MvcResult resumed = awaitFinished(interrupted.toString());
        assertThat((String) read(resumed, "$.status")).isEqualTo("SUCCEEDED");
        assertThat((Double) read(resumed, "$.outcome.d50Nm")).isEqualTo((Double) read(awaitFinished(first), "$.outcome.d50Nm"));
        assertThat(validResults(lot)).containsKeys("size_mode", "size_d50");
    }

    @Test
    void anOutOfSpecificationSizeIsReRunOnlyInsideItsInvestigationAndTheReRunIsAnAdditionalResult() throws Exception {
        String lot = scenarios.lotInTesting();
        // A pixel size stated at 80 instead of 166 nm makes 100 nm particles measure about 430 nm: above the 150 nm limit.
        String first = read(upload(lot, tracks, settings("pixelSizeNm", "80"), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        MvcResult one = awaitFinished(first);
        assertThat((String) read(one, "$.status")).isEqualTo("SUCCEEDED");
        String oos = read(one, "$.recordedResults.size_mode");
        getJson("/api/results/" + oos, analyst).andExpect(jsonPath("$.verdictAtEntry").value("FAIL"));
        InvestigationScenarios investigations = new InvestigationScenarios(mvc);
        String investigation = investigations.of(lot, "size_mode", analyst);
        List<Long> before = counts("nta_measurement", "result", "audit_entry");

        postJson("/api/nta-measurements/" + first + "/rerun", analyst, "{\"reason\": \"check the pixel size\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("only inside that investigation")));
        postJson("/api/nta-measurements/" + first + "/rerun", analyst,
                "{\"reason\": \"check the pixel size\", \"investigationId\": \"" + investigation + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("phase I findings")));
        assertThat(counts("nta_measurement", "result", "audit_entry")).isEqualTo(before);

        investigations.phaseOne(investigation, analyst, "Pixel size entered as 80 nm; the camera's calibration says 166 nm").andExpect(status().isOk());
        String second = read(postJson("/api/nta-measurements/" + first + "/rerun", analyst,
                        "{\"reason\": \"reproduce the analysis\", \"investigationId\": \"" + investigation + "\"}")
                .andExpect(status().isAccepted()).andReturn(), "$.id");
        MvcResult two = awaitFinished(second);

        assertThat((String) read(two, "$.status")).isEqualTo("SUCCEEDED");
        String additional = read(two, "$.recordedResults.size_mode");
        getJson("/api/results/" + oos, analyst).andExpect(jsonPath("$.status").value("VALID"));
        getJson("/api/results/" + additional, analyst).andExpect(jsonPath("$.retestOf").value(oos)).andExpect(jsonPath("$.status").value("VALID"));
        getJson("/api/investigations/" + investigation, analyst)
                .andExpect(jsonPath("$.additionalResults[0].resultId").value(additional))
                .andExpect(jsonPath("$.additionalResults[0].kind").value("RETEST"));
        getJson("/api/lots/" + lot + "/investigations", analyst).andExpect(jsonPath("$.length()").value(1));
        getJson("/api/lots/" + lot + "/evaluation", analyst)
                .andExpect(jsonPath("$.tests[?(@.code == 'size_mode')].resultId").value(oos));
    }

    @Test
    void refusesUploadsToAReleasedLot() throws Exception {
        String lot = scenarios.released(user(Role.QA_RELEASER));
        upload(lot, tracks, settings(), analyst).andExpect(status().isConflict());
    }

    @Test
    void importsANanoSightExportAsTheInstrumentComputedIt() throws Exception {
        Path beads = Path.of(System.getProperty("exotrace.shared.data", "../../shared/data"), "nanosight", "beads.csv");
        assumeThat(Files.isRegularFile(beads)).as("NanoSight example export not found at " + beads + "; set exotrace.shared.data").isTrue();
        String lot = scenarios.lotInTesting();
        String id = read(upload(lot, Files.readAllBytes(beads), Map.of("source", "NANOSIGHT", "instrument", "NS300"), analyst)
                .andExpect(status().isAccepted()).andReturn(), "$.id");
        MvcResult done = awaitFinished(id);
        assertThat((String) read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat((Double) read(done, "$.outcome.modeNm")).isEqualTo(95.3);
        assertThat((Double) read(done, "$.outcome.d50Nm")).isEqualTo(96.4);
        assertThat((List<?>) read(done, "$.outcome.videos")).hasSize(12);
        Map<String, Object> byTest = validResults(lot);
        assertThat((Double) field(byTest, "size_mode", "value")).isEqualTo(95.3);
        assertThat((String) field(byTest, "size_mode", "method")).contains("imported");
        getJson("/api/lots/" + lot + "/size-distribution", analyst).andExpect(jsonPath("$.points.length()").value(1000));
    }

    // --- helpers

    @Autowired
    private NtaMeasurements measurements;
    @Autowired
    private NtaRunner runner;

    private static Map<String, String> settings(String... overrides) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("source", "TRACKS");
        s.put("pixelSizeNm", "166");
        s.put("fps", "25");
        s.put("temperatureC", "22");
        s.put("viscosityMPaS", "0.955");
        s.put("method", "ml");
        s.put("bootstrap", "20");
        s.put("seed", "7");
        s.put("detectionVolumePl", "80");
        s.put("instrument", "simulated NS300");
        for (int i = 0; i < overrides.length; i += 2) s.put(overrides[i], overrides[i + 1]);
        return s;
    }

    private ResultActions upload(String lot, byte[] content, Map<String, String> fields, TestUser as) throws Exception {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/lots/" + lot + "/nta-measurements");
        if (content.length > 0) b.file(new MockMultipartFile("file", "tracks.csv", "text/csv", content));
        else b.file(new MockMultipartFile("file", "tracks.csv", "text/csv", new byte[0]));
        fields.forEach(b::param);
        return mvc.perform(b.with(as.basic()));
    }

    private void refused(String lot, byte[] content, Map<String, String> fields, String field, String mentions) throws Exception {
        MvcResult r = upload(lot, content, fields, analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors." + field).exists()).andReturn();
        assertThat((String) read(r, "$.errors." + field)).contains(mentions);
    }

    private MvcResult awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            MvcResult r = getJson("/api/nta-measurements/" + id, analyst).andExpect(status().isOk()).andReturn();
            String status = read(r, "$.status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) return r;
            if (System.nanoTime() > deadline) throw new AssertionError("measurement " + id + " still " + status + " after 3 minutes");
            Thread.sleep(100);
        }
    }

    private Map<String, Object> validResults(String lot) throws Exception {
        List<Map<String, Object>> all = read(getJson("/api/lots/" + lot + "/results", analyst).andReturn(), "$[?(@.status == 'VALID')]");
        Map<String, Object> byTest = new LinkedHashMap<>();
        all.forEach(r -> byTest.put((String) r.get("testCode"), r));
        return byTest;
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> byTest, String test, String field) {
        return ((Map<String, Object>) byTest.get(test)).get(field);
    }
}
