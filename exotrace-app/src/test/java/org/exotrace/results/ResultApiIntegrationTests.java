package org.exotrace.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Entering results through the API: bad input is answered with a 4xx problem and writes nothing;
 * good input is judged against the specification at once; retests and invalidations keep the
 * record and change what the evaluation uses; raw files keep their bytes and hash.
 */
class ResultApiIntegrationTests extends IntegrationTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String[] TABLES = {"result", "result_file", "audit_entry"};

    TestUser analyst;
    LotScenarios scenarios;
    String lot;

    @BeforeEach
    void lotInTesting() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        scenarios = new LotScenarios(mvc, analyst);
        lot = scenarios.lotInTesting();
    }

    @Test
    void refusesAResultInAUnitOfAnotherQuantityAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        record(LotScenarios.numericJson("size_mode", 104, "kg"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.unit").isNotEmpty())
                .andExpect(jsonPath("$.errors.unit", containsString("kg")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void acceptsAConvertibleUnitStoresItAsEnteredAndJudgesItInTheSpecificationUnit() throws Exception {
        String id = read(record(LotScenarios.numericJson("size_mode", 0.104, "µm"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.value").value(0.104))
                .andExpect(jsonPath("$.unit").value("µm"))
                .andExpect(jsonPath("$.verdictAtEntry").value("PASS"))
                .andReturn(), "$.id");

        evaluation()
                .andExpect(jsonPath("$.tests[?(@.code == 'size_mode')].verdict", contains("PASS")))
                .andExpect(jsonPath("$.tests[?(@.code == 'size_mode')].resultId", contains(id)));
        // MISEV evidence is written in the specification's unit: 0.104 µm was judged as 104 nm, not 0.104 nm.
        getJson("/api/lots/" + lot + "/misev", analyst)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[?(@.item == 'NON_IMAGE_SINGLE_PARTICLE')].evidence", contains("Size (mode): 104 nm")));
    }

    @Test
    void refusesANegativeValueAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        record(LotScenarios.numericJson("total_protein", -5, "µg/mL"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.value", containsString("cannot be negative")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesACategoryOutsideTheTestsVocabularyAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        record(LotScenarios.categoricalJson("sterility", "MAYBE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.category", containsString("MAYBE")))
                .andExpect(jsonPath("$.errors.category", containsString("NO_GROWTH, GROWTH")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownTestCodeNamingTheAllowedCodesAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        record(LotScenarios.numericJson("zeta_potential", -20, "mV"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.testCode", containsString("'zeta_potential' is not a test of HMSC-EXO-SERUM")))
                .andExpect(jsonPath("$.errors.testCode", containsString("size_mode")))
                .andExpect(jsonPath("$.errors.testCode", containsString("endotoxin")))
                .andExpect(jsonPath("$.errors.testCode", containsString("mycoplasma")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesMalformedJsonAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        record("{\"testCode\": \"size_mode\", \"value\": 104 \"unit\": \"nm\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Malformed request body"));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesADetailLongerThan1000CharactersAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        record("""
                {"testCode": "size_mode", "value": 104, "unit": "nm", "method": "NTA", "detail": "%s", "performedAt": "%s"}"""
                .formatted("d".repeat(1001), LotScenarios.performedAt()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.detail").isNotEmpty());

        assertThat(counts(TABLES)).isEqualTo(before);
        record("""
                {"testCode": "size_mode", "value": 104, "unit": "nm", "method": "NTA", "detail": "%s", "performedAt": "%s"}"""
                .formatted("d".repeat(1000), LotScenarios.performedAt()))
                .andExpect(status().isCreated());
    }

    @Test
    void refusesAResultPerformedInTheFutureAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        record("""
                {"testCode": "size_mode", "value": 104, "unit": "nm", "method": "NTA", "performedAt": "%s"}"""
                .formatted(Instant.now().plus(1, ChronoUnit.DAYS)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.performedAt", containsString("future")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesAResultForAReleasedLotAndWritesNothing() throws Exception {
        String released = scenarios.released(user(Role.QA_RELEASER));
        List<Long> before = counts(TABLES);

        scenarios.recordResult(released, analyst, LotScenarios.categoricalJson("appearance", "CONFORMS"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("is released; results can no longer be added")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesASecondResultForATestWithoutARetestSoAFailureCannotBeHidden() throws Exception {
        scenarios.numeric(lot, "endotoxin", 2.0, "EU/mL", analyst);
        List<Long> before = counts(TABLES);

        record(LotScenarios.numericJson("endotoxin", 0.1, "EU/mL"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("is out of specification (2 EU/mL) and under investigation OOS-")))
                .andExpect(jsonPath("$.detail", containsString("recorded only inside that investigation")));

        assertThat(counts(TABLES)).isEqualTo(before);
        evaluation().andExpect(jsonPath("$.overall").value("FAIL"));
    }

    @Test
    void refusesARawFileForAResultOfAReleasedLot() throws Exception {
        String released = scenarios.released(user(Role.QA_RELEASER));
        String result = read(getJson("/api/lots/" + released + "/results", analyst).andReturn(), "$[0].id");

        mvc.perform(multipart("/api/results/" + result + "/raw-file")
                        .file(new MockMultipartFile("file", "late.csv", "text/csv", "a,b\n1,2\n".getBytes()))
                        .with(analyst.basic()))
                .andExpect(status().isConflict());
    }

    @Test
    void flagsAnOutOfSpecificationResultAtEntry() throws Exception {
        record(LotScenarios.numericJson("endotoxin", 2.0, "EU/mL"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verdictAtEntry").value("FAIL"))
                .andExpect(jsonPath("$.status").value("VALID"));

        evaluation().andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("FAIL")))
                .andExpect(jsonPath("$.overall").value("FAIL"))
                .andExpect(jsonPath("$.releasable").value(false));
    }

    @Test
    void refusesASecondResultForAPassingTestWithoutARetest() throws Exception {
        scenarios.numeric(lot, "endotoxin", 0.4, "EU/mL", analyst);
        List<Long> before = counts(TABLES);

        record(LotScenarios.numericJson("endotoxin", 0.1, "EU/mL"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("record a retest of it with a reason")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void aRetestOfAResultWithinSpecificationSupersedesItAndTheEvaluationUsesTheRetest() throws Exception {
        String first = scenarios.numeric(lot, "endotoxin", 0.4, "EU/mL", analyst);

        String retest = read(record(retestJson(first, "Sample contaminated during handling; retested from retained sample"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.retestOf").value(first))
                .andExpect(jsonPath("$.verdictAtEntry").value("PASS"))
                .andReturn(), "$.id");

        getJson("/api/results/" + first, analyst)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUPERSEDED"))
                .andExpect(jsonPath("$.statusReason").value("Sample contaminated during handling; retested from retained sample"));
        evaluation()
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("PASS")))
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].resultId", contains(retest)));
    }

    @Test
    void refusesARetestWithoutAReasonAndLeavesTheEarlierResultValid() throws Exception {
        String first = scenarios.numeric(lot, "endotoxin", 0.4, "EU/mL", analyst);
        List<Long> before = counts(TABLES);

        record(retestJson(first, null))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.retestReason").isNotEmpty());

        assertThat(counts(TABLES)).isEqualTo(before);
        getJson("/api/results/" + first, analyst).andExpect(jsonPath("$.status").value("VALID"));
        evaluation().andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].resultId", contains(first)));
    }

    @Test
    void invalidationNeedsAReasonAndThenTheTestIsMissing() throws Exception {
        String result = scenarios.numeric(lot, "endotoxin", 0.1, "EU/mL", analyst);
        evaluation().andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("PASS")));
        List<Long> before = counts(TABLES);

        postJson("/api/results/" + result + "/invalidation", analyst, """
                {"reason": " "}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.reason").isNotEmpty());
        assertThat(counts(TABLES)).isEqualTo(before);
        getJson("/api/results/" + result, analyst).andExpect(jsonPath("$.status").value("VALID"));

        postJson("/api/results/" + result + "/invalidation", analyst, """
                {"reason": "Wrong dilution factor applied"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INVALIDATED"))
                .andExpect(jsonPath("$.statusReason").value("Wrong dilution factor applied"));

        evaluation()
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("MISSING")))
                .andExpect(jsonPath("$.blockingReasons", org.hamcrest.Matchers.hasItem("Endotoxin is required and has no valid result")));
        // The invalidated result stays on record.
        getJson("/api/lots/" + lot + "/results", analyst)
                .andExpect(jsonPath("$[?(@.id == '" + result + "')].status", contains("INVALIDATED")));
    }

    @Test
    void keepsTheSha256OfAnUploadedRawFileAndDownloadsIdenticalBytes() throws Exception {
        String result = scenarios.numeric(lot, "size_mode", 104, "nm", analyst);
        byte[] bytes = new byte[64 * 1024];
        new Random(42).nextBytes(bytes);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        mvc.perform(multipart("/api/results/" + result + "/raw-file")
                        .file(new MockMultipartFile("file", "nta-run-7.dat", "application/octet-stream", bytes))
                        .with(analyst.basic()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rawFile.filename").value("nta-run-7.dat"))
                .andExpect(jsonPath("$.rawFile.sizeBytes").value(bytes.length))
                .andExpect(jsonPath("$.rawFile.sha256").value(sha256));

        MvcResult download = mvc.perform(get("/api/results/" + result + "/raw-file").with(analyst.basic()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(bytes);
        getJson("/api/results/" + result, analyst).andExpect(jsonPath("$.rawFile.sha256").value(sha256));
    }

    @Test
    void forbidsAQaReleaserToEnterResultsAndWritesNothing() throws Exception {
        TestUser qa = user(Role.QA_RELEASER);
        List<Long> before = counts(TABLES);

        scenarios.recordResult(lot, qa, LotScenarios.numericJson("size_mode", 104, "nm"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    private org.springframework.test.web.servlet.ResultActions record(String json) throws Exception {
        return scenarios.recordResult(lot, analyst, json);
    }

    private org.springframework.test.web.servlet.ResultActions evaluation() throws Exception {
        return getJson("/api/lots/" + lot + "/evaluation", analyst).andExpect(status().isOk());
    }

    private static String retestJson(String retestOf, String reason) {
        return """
                {"testCode": "endotoxin", "value": 0.1, "unit": "EU/mL", "method": "LAL kinetic chromogenic",
                 "performedAt": "%s", "retestOf": "%s"%s}"""
                .formatted(Instant.now().minus(10, ChronoUnit.MINUTES), retestOf,
                        reason == null ? "" : ", \"retestReason\": \"" + reason + "\"");
    }
}
