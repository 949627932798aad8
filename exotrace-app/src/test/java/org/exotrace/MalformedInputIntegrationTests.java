package org.exotrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Input found by fuzzing the running application, each of which once answered 500 or the wrong
 * status: every one now gets a 4xx naming what is wrong, and writes nothing (row and audit counts
 * are the same before and after).
 */
class MalformedInputIntegrationTests extends IntegrationTest {

    private TestUser analyst;
    private LotScenarios scenarios;

    @BeforeEach
    void setUp() {
        analyst = user(Role.LAB_ANALYST);
        scenarios = new LotScenarios(mvc, analyst);
    }

    @Test
    void anAstronomicalUnitVolumeIsRefusedNotOverflowed() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts("lot_unit", "audit_entry");

        postJson("/api/lots/" + lot + "/units", analyst, """
                {"count": 2, "volumeEachMl": 1e308}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.volumeEachMl").value(containsString("at most 1000 mL")));

        assertThat(counts("lot_unit", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aUnitCountMustBeWholeAndAUnitVolumeMeasurable() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts("lot_unit", "audit_entry");

        // 1.5 units was silently cut to 1; 1e-300 mL printed a 300-digit volume on the units page
        postJson("/api/lots/" + lot + "/units", analyst, """
                {"count": 1.5, "volumeEachMl": 1}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.count").value(containsString("give a number")));
        postJson("/api/lots/" + lot + "/units", analyst, """
                {"count": 2, "volumeEachMl": 1e-300}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.volumeEachMl").value(containsString("at least 0.001 mL")));

        assertThat(counts("lot_unit", "audit_entry")).isEqualTo(before);
    }

    @Test
    void datesMustFitTheLotTheyBelongTo() throws Exception {
        String lot = scenarios.lotInTesting();
        String batch = scenarios.batch(scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id());
        List<Long> before = counts("result", "lot", "audit_entry");

        // a test performed two years before the lot was made
        scenarios.recordResult(lot, analyst, """
                {"testCode": "endotoxin", "value": 0.1, "unit": "EU/mL", "method": "LAL", "performedAt": "%s"}"""
                .formatted(java.time.Instant.now().minus(730, java.time.temporal.ChronoUnit.DAYS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.performedAt").value(containsString("cannot be before lot")));
        // an expiry far beyond what the product's shelf life allows
        postJson("/api/batches/" + batch + "/lots", analyst, """
                {"productCode": "HMSC-EXO-SERUM", "concentrationPerMl": 3.6E9, "volumeMl": 5, "manufacturedOn": "%s", "expiresOn": "2999-01-01"}"""
                .formatted(LocalDate.now().minusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.expiresOn").value(containsString("shelf life")));

        assertThat(counts("result", "lot", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aCollectionDateCenturiesAgoIsATypingSlip() throws Exception {
        List<Long> before = counts("donor", "audit_entry");

        postJson("/api/donors", analyst, """
                {"sourceType": "PLANT", "sourceDetail": "Centella asiatica leaf", "collectedOn": "1800-01-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.collectedOn").value(containsString("check the year")));

        assertThat(counts("donor", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aBareNumberIsNotAMomentInTime() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts("result", "audit_entry");

        // 1733000000 was read as seconds since 1970 and stored as 2024-11-30
        scenarios.recordResult(lot, analyst, """
                {"testCode": "endotoxin", "value": 0.1, "unit": "EU/mL", "method": "LAL", "performedAt": 1733000000}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.performedAt").value(containsString("2026-01-31T14:30:00Z")));

        assertThat(counts("result", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aDateInAnotherFormatIsToldTheFormatWithoutTheParserWords() throws Exception {
        String donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id();
        List<Long> before = counts("batch", "audit_entry");

        MvcResult r = postJson("/api/batches", analyst, """
                {"donorId": "%s", "method": "SIZE_EXCLUSION_CHROMATOGRAPHY", "startedOn": "20261120"}""".formatted(donor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.startedOn").value(containsString("2026-01-31")))
                .andReturn();
        assertThat(r.getResponse().getContentAsString()).doesNotContain("could not be parsed", "index 0");

        assertThat(counts("batch", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aBodyOfTheWrongKindIsAProblemSayingWhatTheCallTakes() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts("nta_measurement", "audit_entry");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/lots/" + lot + "/nta-measurements")
                        .contentType(MediaType.APPLICATION_JSON).content("{}").with(analyst.basic()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("multipart/form-data")));

        assertThat(counts("nta_measurement", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aResultTooLargeToConvertToTheSpecificationUnitIsRefused() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts("result", "audit_entry");

        scenarios.recordResult(lot, analyst, LotScenarios.numericJson("size_d50", 1e308, "µm"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.value").value(containsString("too large to express in nm")));

        assertThat(counts("result", "audit_entry")).isEqualTo(before);
    }

    @Test
    void physicalQuantitiesHavePlausibleUpperBounds() throws Exception {
        String donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id();
        String batch = scenarios.batch(donor);
        List<Long> before = counts("batch", "lot", "audit_entry");

        postJson("/api/batches", analyst, """
                {"donorId": "%s", "method": "ULTRACENTRIFUGATION", "gForce": 1.0E8, "durationMinutes": 1000000,
                 "inputVolumeMl": 1.0E12, "inputCellCount": 9000000000000000000, "passage": 5000, "startedOn": "%s"}"""
                .formatted(donor, LocalDate.now().minusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.gForce").value(containsString("at most 1200000 × g")))
                .andExpect(jsonPath("$.errors.durationMinutes").value(containsString("at most 10080 minutes")))
                .andExpect(jsonPath("$.errors.inputVolumeMl").value(containsString("mL")))
                .andExpect(jsonPath("$.errors.inputCellCount").value(containsString("10¹³ cells")))
                .andExpect(jsonPath("$.errors.passage").exists());
        postJson("/api/batches/" + batch + "/lots", analyst, """
                {"productCode": "HMSC-EXO-SERUM", "concentrationPerMl": 1.0E20, "volumeMl": 5.0E9, "manufacturedOn": "%s"}"""
                .formatted(LocalDate.now().minusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.concentrationPerMl").value(containsString("10¹⁵ particles/mL")))
                .andExpect(jsonPath("$.errors.volumeMl").value(containsString("at most 1000000 mL")));

        assertThat(counts("batch", "lot", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aBareNumberIsNotADate() throws Exception {
        String donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id();
        List<Long> before = counts("batch", "audit_entry");

        // 1 would otherwise be read as 1970-01-02 (one day after the epoch) and stored
        for (String date : List.of("1", "20260101", "-3")) {
            postJson("/api/batches", analyst, """
                    {"donorId": "%s", "method": "SIZE_EXCLUSION_CHROMATOGRAPHY", "startedOn": %s}""".formatted(donor, date))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString("startedOn")));
        }

        assertThat(counts("batch", "audit_entry")).isEqualTo(before);
    }

    @Test
    void anImpossibleCalendarDateIsRefused() throws Exception {
        String donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id();
        List<Long> before = counts("batch", "audit_entry");

        postJson("/api/batches", analyst, """
                {"donorId": "%s", "method": "SIZE_EXCLUSION_CHROMATOGRAPHY", "startedOn": "2026-02-30"}""".formatted(donor))
                .andExpect(status().isBadRequest());

        assertThat(counts("batch", "audit_entry")).isEqualTo(before);
    }

    @Test
    void anNtaFileThatIsNotUtf8IsRefusedWithItsLine() throws Exception {
        String lot = scenarios.lotInTesting();
        byte[] latin1 = "frame,particle,x,y\n0,1,1.0,2.0\n1,1,1.5,2.0 \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        List<Long> before = counts("nta_measurement", "result", "audit_entry", "pg_largeobject_metadata");

        MvcResult r = mvc.perform(multipart("/api/lots/" + lot + "/nta-measurements")
                        .file(new MockMultipartFile("file", "tracks.csv", "text/csv", latin1))
                        .param("source", "TRACKS").param("pixelSizeNm", "100").param("fps", "30").param("temperatureC", "22")
                        .with(analyst.basic()))
                .andExpect(status().isBadRequest())
                .andReturn();

        assertThat((String) read(r, "$.errors.file")).contains("line 3", "not UTF-8");
        assertThat(counts("nta_measurement", "result", "audit_entry", "pg_largeobject_metadata")).isEqualTo(before);
    }

    @Test
    void anUnknownLotStateInTheListAddressIsAClearBadRequest() throws Exception {
        mvc.perform(get("/lots").param("state", "BOGUS").with(analyst.basic()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&#39;BOGUS&#39; is not a lot state")));
        getJson("/api/lots?state=BOGUS", analyst).andExpect(status().isBadRequest());
        mvc.perform(get("/lots/not-a-lot").with(analyst.basic()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a valid value for id")));
        // the shipping form without its lot goes to the shipments page, which lists the lots to ship from
        mvc.perform(get("/shipments/new").with(analyst.basic()).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void percentAndUnderscoreInASearchAreLiteral() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String withPercent = postDonor("plant %s 100%% leaf".formatted(tag));
        String withUnderscore = postDonor("plant %s leaf_extract".formatted(tag));
        String plain = postDonor("plant %s 1000 leaves".formatted(tag));

        assertThat(donorIdsFound(tag + " 100%")).containsExactly(withPercent);
        assertThat(donorIdsFound(tag + " leaf_")).containsExactly(withUnderscore);
        assertThat(donorIdsFound(tag)).containsExactlyInAnyOrder(withPercent, withUnderscore, plain);
        // lot codes (L-2026-0001) and batch codes hold no underscore: a wildcard would have matched them all
        scenarios.lotInTesting();
        getJson("/api/lots?q=_", analyst).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        getJson("/api/batches?q=%25", analyst).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aNulByteIsABadRequestNotAConflict() throws Exception {
        String batch = scenarios.batch(scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id());
        List<Long> before = counts("donor", "lot", "audit_entry");

        for (String path : List.of("/api/donors", "/api/lots", "/api/batches")) {
            mvc.perform(get(path).param("q", "a\u0000b").with(analyst.basic()).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.q").value(containsString("control character")));
        }
        mvc.perform(get("/lots").param("q", "a\u0000b").with(analyst.basic()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
        // a field no check names reaches the database, which cannot store a NUL: still the sender's mistake
        postJson("/api/batches/" + batch + "/lots", analyst, """
                {"productCode": "HMSC\\u0000", "concentrationPerMl": 1.0E9, "volumeMl": 5, "manufacturedOn": "%s"}"""
                .formatted(LocalDate.now().minusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("NUL")));

        assertThat(counts("donor", "lot", "audit_entry")).isEqualTo(before);
    }

    private String postDonor(String detail) throws Exception {
        return read(postJson("/api/donors", analyst, """
                {"sourceType": "PLANT", "sourceDetail": "%s"}""".formatted(detail)).andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private List<String> donorIdsFound(String q) throws Exception {
        return read(mvc.perform(get("/api/donors").param("q", q).param("size", "50").with(analyst.basic())
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk()).andReturn(), "$.rows[*].id");
    }
}
