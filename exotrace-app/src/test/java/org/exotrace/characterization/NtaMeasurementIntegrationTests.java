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
import org.springframework.http.MediaType;
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
    void analysesATrajectoryFileInTheBackgroundAndRecordsTheLotsSizeAndCalibratedConcentration() throws Exception {
        String lot = scenarios.lotInTesting();
        Map<String, Object> calibration = calibration();
        MvcResult accepted = upload(lot, tracks, settings("calibrationId", (String) calibration.get("id")), analyst)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", startsWith("/api/nta-measurements/")))
                .andExpect(jsonPath("$.source").value("TRACKS"))
                .andExpect(jsonPath("$.settings.pixelSizeNm").value(PIXEL_NM))
                .andExpect(jsonPath("$.settings.software").value(matchesPattern("exotrace-nta \\d+\\.\\d+.*")))
                .andExpect(jsonPath("$.settings.calibration.code").value(calibration.get("code")))
                .andExpect(jsonPath("$.settings.detectionVolumePl").value(calibration.get("detectionVolumePl")))
                .andReturn();
        String id = read(accepted, "$.id");

        MvcResult done = awaitFinished(id);
        assertThat((String) read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat((Double) read(done, "$.progress")).isEqualTo(1.0);
        double d50 = read(done, "$.outcome.d50Nm");
        double mode = read(done, "$.outcome.modeNm");
        assertThat(d50).isCloseTo(100, within(6.0));
        assertThat(mode).isCloseTo(100, within(10.0));
        double concentration = number(done, "$.outcome.concentrationPerMl");
        // The calibration's volume is the one applied: particles per frame / volume.
        double volumePl = ((Number) calibration.get("detectionVolumePl")).doubleValue();
        assertThat(concentration).isCloseTo(number(done, "$.outcome.particlesPerFrame") / (volumePl * 1e-9), within(concentration * 1e-9));
        // 120 particles in the simulator's 360 pL box: 3.33e8 /mL. About 27 particles in view over 400 frames of which a particle stays
        // some 70: a handful of independent counts, so the count alone is uncertain by about 8%; 25% is three times that.
        assertThat(concentration).isCloseTo(120 / 360e-9, within(120 / 360e-9 * 0.25));
        assertThat((String) read(done, "$.outcome.concentrationBasis")).startsWith("calibrated: " + calibration.get("code"));

        // The results are the uploader's, judged by the specification, and point back to the measurement.
        Map<String, Object> byTest = validResults(lot);
        assertThat(byTest).containsKeys("size_mode", "size_d50", "particle_concentration");
        assertThat((Double) field(byTest, "size_d50", "value")).isEqualTo(Math.round(d50 * 10) / 10.0);
        assertThat((Double) field(byTest, "particle_concentration", "value")).isCloseTo(concentration, within(concentration * 0.005));
        assertThat((String) field(byTest, "particle_concentration", "method")).endsWith("; detection volume from " + calibration.get("code"));
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
                "--method ml", "--bootstrap 20", "--seed 7", "--detection-volume-pl " + calibration.get("detectionVolumePl"), "--json");
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
            assertThat(((Number) JsonPath.read(json.toString(), "$." + statistic)).doubleValue()).as(statistic)
                    .isEqualTo(number(done, "$.outcome." + statistic));
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

        runner.start(); // looks for work now rather than at its next poll

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
    void withoutACalibrationAnUploadRecordsSizesOnlyAndSaysWhyThereIsNoConcentration() throws Exception {
        String lot = scenarios.lotInTesting();
        MvcResult done = awaitFinished(read(upload(lot, tracks, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id"));
        assertThat((String) read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat((Map<String, Object>) read(done, "$.outcome")).doesNotContainKey("concentrationPerMl");
        assertThat((Map<String, Object>) read(done, "$.settings")).doesNotContainKey("detectionVolumePl");
        assertThat((String) read(done, "$.outcome.noConcentration")).contains("no calibration record was chosen");
        assertThat(validResults(lot)).containsKeys("size_mode", "size_d50").doesNotContainKey("particle_concentration");
        assertThat((Map<String, Object>) read(done, "$.recordedResults")).doesNotContainKey("particle_concentration");
    }

    @Test
    void aTypedDetectionVolumeGivesAConcentrationFlaggedUncalibratedThatIsNotRecordedOnTheLot() throws Exception {
        String lot = scenarios.lotInTesting();
        MvcResult done = awaitFinished(read(upload(lot, tracks, settings("detectionVolumePl", "80"), analyst)
                .andExpect(status().isAccepted()).andReturn(), "$.id"));
        assertThat(number(done, "$.outcome.concentrationPerMl")).isPositive();
        assertThat((String) read(done, "$.outcome.concentrationBasis")).startsWith("UNCALIBRATED: detection volume 80 pL typed");
        assertThat((List<String>) read(done, "$.outcome.warnings")).anyMatch(w -> w.contains("it is UNCALIBRATED and recorded as no result"));
        // The sizes count; the uncalibrated concentration stays in the measurement and is no result of the lot.
        assertThat(validResults(lot)).containsKeys("size_mode", "size_d50").doesNotContainKey("particle_concentration");
        assertThat((Map<String, Object>) read(done, "$.recordedResults")).doesNotContainKey("particle_concentration");
        getJson("/api/lots/" + lot + "/evaluation", analyst)
                .andExpect(jsonPath("$.tests[?(@.code == 'particles_per_ampoule')].verdict").value("MISSING"));
    }

    @Test
    void warnsWhenTheUploadContradictsItsCalibration() throws Exception {
        String lot = scenarios.lotInTesting();
        Map<String, Object> expired = calibration("fps", "30", "instrument", "NS300 #2", "measuredOn", java.time.LocalDate.now().minusDays(40).toString(),
                "validUntil", java.time.LocalDate.now().minusDays(10).toString());
        MvcResult done = awaitFinished(read(upload(lot, tracks, settings("calibrationId", (String) expired.get("id")), analyst)
                .andExpect(status().isAccepted()).andReturn(), "$.id"));
        List<String> warnings = read(done, "$.outcome.warnings");
        assertThat(warnings).anyMatch(w -> w.contains("expired on " + java.time.LocalDate.now().minusDays(10)))
                .anyMatch(w -> w.contains("the frame rate was 25 fps, the calibration's 30 fps"))
                .anyMatch(w -> w.contains("was made on \"NS300 #2\", this measurement on \"simulated NS300\""));
        assertThat((String) field(validResults(lot), "particle_concentration", "detail")).contains("WARNING: calibration " + expired.get("code") + " was made on");
    }

    @Test
    void refusesAnUnknownOrWithdrawnCalibrationAndACalibrationWithATypedVolumeAndStoresNothing() throws Exception {
        String lot = scenarios.lotInTesting();
        Map<String, Object> withdrawn = calibration();
        postJson("/api/nta-calibrations/" + withdrawn.get("id") + "/withdrawal", analyst, "{\"reason\": \"beads were old\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        String active = (String) calibration().get("id");
        List<Long> before = counts("nta_measurement", "result", "audit_entry", "pg_largeobject_metadata");
        refused(lot, tracks, settings("calibrationId", UUID.randomUUID().toString()), "calibrationId", "there is no calibration record");
        refused(lot, tracks, settings("calibrationId", "CAL-1"), "calibrationId", "is not a calibration record");
        refused(lot, tracks, settings("calibrationId", (String) withdrawn.get("id")), "calibrationId", "was withdrawn (beads were old)");
        refused(lot, tracks, settings("calibrationId", active, "detectionVolumePl", "80"), "detectionVolumePl", "not both");
        refused(lot, tracks, settings("dilution", "5"), "dilution", "only matters for a concentration");
        assertThat(counts("nta_measurement", "result", "audit_entry", "pg_largeobject_metadata")).isEqualTo(before);
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
        // Without a calibration the instrument's own concentration is shown for comparison, and not recorded.
        assertThat((Map<String, Object>) read(done, "$.outcome")).doesNotContainKey("concentrationPerMl");
        assertThat(number(done, "$.outcome.instrumentConcentrationPerMl")).isEqualTo(1.47e9);
        assertThat(byTest).doesNotContainKey("particle_concentration");
        // 12 videos x 7 concentration checks, every one "OK" (or "No" to "Noise level"): counted, not listed as warnings
        assertThat((Integer) read(done, "$.outcome.instrumentChecksOk")).isEqualTo(84);
        assertThat((List<String>) read(done, "$.outcome.warnings")).noneMatch(w -> w.endsWith(" OK") || w.endsWith(" No"))
                .noneMatch(w -> w.contains("the instrument warns"));
        String page = mvc.perform(get("/nta/" + id).with(analyst.basic()).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Instrument concentration checks: 84 OK").doesNotContain("Particles per frame OK");
    }

    @Test
    void aNanoSightExportWithAFailedCheckListsOnlyThatCheckAsAWarning() throws Exception {
        Path beads = Path.of(System.getProperty("exotrace.shared.data", "../../shared/data"), "nanosight", "beads.csv");
        assumeThat(Files.isRegularFile(beads)).as("NanoSight example export not found at " + beads + "; set exotrace.shared.data").isTrue();
        String export = Files.readString(beads).replaceFirst("(?m)^Particles per frame,OK,", "Particles per frame,Too low,");
        String lot = scenarios.lotInTesting();
        String id = read(upload(lot, export.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("source", "NANOSIGHT", "instrument", "NS300"),
                analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        MvcResult done = awaitFinished(id);
        assertThat((Integer) read(done, "$.outcome.instrumentChecksOk")).isEqualTo(83);
        assertThat((List<String>) read(done, "$.outcome.warnings")).filteredOn(w -> w.contains("the instrument warns")).singleElement()
                .asString().endsWith("\"Particles per frame: Too low\"");
    }

    @Test
    void aNanoSightExportMeasuredWithTheCalibrationMadeFromItGivesTheInstrumentsConcentrationBack() throws Exception {
        Path beads2 = Path.of(System.getProperty("exotrace.shared.data", "../../shared/data"), "nanosight", "beads2.csv");
        assumeThat(Files.isRegularFile(beads2)).as("NanoSight example export not found at " + beads2 + "; set exotrace.shared.data").isTrue();
        byte[] export = Files.readAllBytes(beads2);
        Map<String, Object> calibration = read(mvc.perform(multipart("/api/nta-calibrations")
                        .file(new MockMultipartFile("file", "beads2.csv", "text/csv", export))
                        .param("source", "NANOSIGHT").param("instrument", "NS300").param("standard", "100 nm beads, beads2.csv")
                        .param("statedConcentrationPerMl", "6.09e12").param("measuredOn", java.time.LocalDate.now().toString())
                        .param("validUntil", java.time.LocalDate.now().plusDays(90).toString()).with(analyst.basic()))
                .andExpect(status().isCreated()).andReturn(), "$");
        String lot = scenarios.lotInTesting();
        MvcResult done = awaitFinished(read(upload(lot, export, Map.of("source", "NANOSIGHT", "instrument", "NS300",
                "calibrationId", (String) calibration.get("id")), analyst).andExpect(status().isAccepted()).andReturn(), "$.id"));
        assertThat(number(done, "$.settings.dilution")).isEqualTo(1e4);
        assertThat(number(done, "$.outcome.concentrationPerMl")).isCloseTo(6.09e12, within(6.09e12 * 0.001));
        assertThat((List<String>) read(done, "$.outcome.warnings")).noneMatch(w -> w.startsWith("calibration") || w.contains("camera level"));
        assertThat(((Number) field(validResults(lot), "particle_concentration", "value")).doubleValue()).isEqualTo(6.09e12);
    }

    // --- helpers

    private static byte[] beadTracks;

    /** A number read from the answer, whichever Number type the JSON reader chose. */
    private static double number(MvcResult r, String path) throws Exception {
        return ((Number) read(r, path)).doubleValue();
    }

    /**
     * A calibration from a simulated video of 100 nm beads in the same light sheet as the sample's
     * (360 beads in the 360 pL box: 1e9 /mL as measured, stated 1e12 /mL diluted 1:1000); the
     * overrides replace the calibration's fields.
     */
    private Map<String, Object> calibration(String... overrides) throws Exception {
        if (beadTracks == null) {
            Path file = Files.createTempFile("nta-beads", ".csv");
            try (TrajectoryWriter writer = TrajectoryWriter.create(file, TrajectoryFormat.trackpy(PIXEL_NM))) {
                new BrownianSimulator(BrownianSimulator.Settings.nanoSightLike().withRun(360, 1000)).run(SizeDistribution.monodisperse(100), 3,
                        writer::position);
            }
            beadTracks = Files.readAllBytes(file);
            Files.delete(file);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", "TRACKS");
        fields.put("instrument", "simulated NS300");
        fields.put("fps", "25");
        fields.put("standard", "100 nm beads (simulated)");
        fields.put("statedConcentrationPerMl", "1e12");
        fields.put("statedUncertaintyPercent", "5");
        fields.put("dilution", "1000");
        fields.put("measuredOn", java.time.LocalDate.now().minusDays(1).toString());
        fields.put("validUntil", java.time.LocalDate.now().plusDays(90).toString());
        for (int i = 0; i < overrides.length; i += 2) fields.put(overrides[i], overrides[i + 1]);
        MockMultipartHttpServletRequestBuilder b = multipart("/api/nta-calibrations");
        b.file(new MockMultipartFile("file", "beads.csv", "text/csv", beadTracks));
        fields.forEach(b::param);
        return read(mvc.perform(b.with(analyst.basic())).andExpect(status().isCreated()).andReturn(), "$");
    }

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
