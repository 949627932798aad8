package org.exotrace.characterization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Calibrations of the NTA detection volume through the API, from the real NanoSight bead exports
 * in the shared data folder (skipped with a message when it is absent): the volume the instrument
 * used comes back, an export mixing camera levels needs a level chosen, bad fields are refused with
 * nothing written, and a calibration is withdrawn, not deleted.
 */
class NtaCalibrationIntegrationTests extends IntegrationTest {

    private TestUser analyst;

    @BeforeEach
    void setUp() {
        analyst = user(Role.LAB_ANALYST);
    }

    private static byte[] export(String name) throws Exception {
        Path file = Path.of(System.getProperty("exotrace.shared.data", "../../shared/data"), "nanosight", name);
        assumeThat(Files.isRegularFile(file)).as("NanoSight example export not found at " + file + "; set exotrace.shared.data").isTrue();
        return Files.readAllBytes(file);
    }

    private static Map<String, String> fields(String... overrides) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("source", "NANOSIGHT");
        f.put("instrument", "NanoSight NS300 #1");
        f.put("standard", "100 nm polystyrene beads");
        f.put("statedConcentrationPerMl", "6.09e12");
        f.put("measuredOn", LocalDate.now().minusDays(2).toString());
        f.put("validUntil", LocalDate.now().plusDays(88).toString());
        for (int i = 0; i < overrides.length; i += 2) f.put(overrides[i], overrides[i + 1]);
        return f;
    }

    private ResultActions create(byte[] file, Map<String, String> fields, TestUser as) throws Exception {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/nta-calibrations");
        b.file(new MockMultipartFile("file", "ExperimentSummary.csv", "text/csv", file));
        fields.forEach(b::param);
        return mvc.perform(b.with(as.basic()));
    }

    @Test
    void aBeadExportGivesTheDetectionVolumeTheInstrumentUsedWithItsConditions() throws Exception {
        byte[] beads2 = export("beads2.csv");
        MvcResult r = create(beads2, fields("statedUncertaintyPercent", "5"), analyst).andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/nta-calibrations/")))
                .andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.matchesPattern("CAL-\\d{4}-\\d{4}")))
                .andExpect(jsonPath("$.cameraLevel").value(11))
                .andExpect(jsonPath("$.framesPerSecond").value(24.9825))
                .andExpect(jsonPath("$.dilution").value(1e4))
                .andExpect(jsonPath("$.replicates.length()").value(5))
                .andExpect(jsonPath("$.software").value("NTA 3.4 Build 3.4.003"))
                .andReturn();
        double volume = ((Number) read(r, "$.detectionVolumePl")).doubleValue();
        double uncertainty = ((Number) read(r, "$.uncertaintyPl")).doubleValue();
        assertThat(volume).isCloseTo(113.3 / 6.09e8 * 1e9, within(0.3));
        // 5% stated on the beads dominates the repeatability of five videos (0.5%).
        assertThat(uncertainty / volume).isCloseTo(0.05, within(0.002));
        String id = read(r, "$.id");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'nta_calibration' and record_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
        byte[] back = mvc.perform(get("/nta/calibrations/" + id + "/file").with(analyst.basic())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(back)))
                .isEqualTo(read(r, "$.sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(beads2)));
    }

    @Test
    void anExportMixingCameraLevelsNeedsALevelChosenAndEachLevelHasItsOwnVolume() throws Exception {
        byte[] beads = export("beads.csv");
        List<Long> before = counts("nta_calibration", "audit_entry");
        create(beads, fields("statedConcentrationPerMl", "1.28e9", "dilution", "1"), analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cameraLevel").value(containsString("mixes camera levels 10, 15")));
        create(beads, fields("statedConcentrationPerMl", "1.28e9", "cameraLevel", "15"), analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.dilution").value(containsString("does not record the dilution")));
        assertThat(counts("nta_calibration", "audit_entry")).isEqualTo(before);

        double level15 = ((Number) read(create(beads, fields("statedConcentrationPerMl", "1.283e9", "dilution", "1", "cameraLevel", "15"), analyst)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.cameraLevel").value(15))
                .andExpect(jsonPath("$.warnings[*]").value(org.hamcrest.Matchers.hasItem(containsString("only the 6 videos at camera level 15"))))
                .andReturn(), "$.detectionVolumePl")).doubleValue();
        double level10 = ((Number) read(create(beads, fields("statedConcentrationPerMl", "1.645e9", "dilution", "1", "cameraLevel", "10"), analyst)
                .andExpect(status().isCreated()).andReturn(), "$.detectionVolumePl")).doubleValue();
        assertThat(level15).isCloseTo(110.5, within(1.5));
        assertThat(level10).isCloseTo(158, within(2.0));
    }

    @Test
    void refusesBadFieldsNamingEachAndWritesNothing() throws Exception {
        byte[] beads2 = export("beads2.csv");
        TestUser researcher = user(Role.RESEARCHER);
        List<Long> before = counts("nta_calibration", "audit_entry");
        MvcResult r = create(beads2, fields("instrument", "", "statedConcentrationPerMl", "-3", "statedUncertaintyPercent", "80",
                "measuredOn", "20261103", "validUntil", LocalDate.now().minusYears(3).toString()), analyst)
                .andExpect(status().isBadRequest()).andReturn();
        assertThat((String) read(r, "$.errors.instrument")).contains("required");
        assertThat((String) read(r, "$.errors.statedConcentrationPerMl")).contains("above 0");
        assertThat((String) read(r, "$.errors.statedUncertaintyPercent")).contains("0 to 50");
        assertThat((String) read(r, "$.errors.measuredOn")).contains("not a date");
        create(beads2, fields("validUntil", LocalDate.now().plusYears(5).toString()), analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.validUntil").value(containsString("at most two years")));
        create(beads2, fields("dilution", "100"), analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.dilution").value(containsString("records a dilution of 10000, not 100")));
        create("frame,particle,x,y\n".getBytes(), fields(), analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());
        create(beads2, fields("source", "TRACKS"), analyst).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.fps").value("required")).andExpect(jsonPath("$.errors.dilution").value("required"));
        create(beads2, fields(), researcher).andExpect(status().isForbidden());
        assertThat(counts("nta_calibration", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aCalibrationIsWithdrawnWithAReasonKeptAndNoLongerOffered() throws Exception {
        String id = read(create(export("beads2.csv"), fields(), analyst).andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/nta-calibrations/" + id + "/withdrawal", analyst, "{}").andExpect(status().isBadRequest());
        postJson("/api/nta-calibrations/" + id + "/withdrawal", user(Role.RESEARCHER), "{\"reason\": \"x\"}").andExpect(status().isForbidden());
        postJson("/api/nta-calibrations/" + id + "/withdrawal", user(Role.QA_RELEASER), "{\"reason\": \"bead lot expired before the measurement\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawnReason").value("bead lot expired before the measurement"));
        postJson("/api/nta-calibrations/" + id + "/withdrawal", analyst, "{\"reason\": \"again\"}").andExpect(status().isConflict());
        getJson("/api/nta-calibrations/" + id, user(Role.RESEARCHER)).andExpect(status().isOk());
        assertThat(calibrations.active()).noneMatch(c -> c.id().toString().equals(id));
    }

    @org.springframework.beans.factory.annotation.Autowired
    private NtaCalibrations calibrations;
}
