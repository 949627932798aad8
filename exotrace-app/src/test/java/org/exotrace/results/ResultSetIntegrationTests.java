package org.exotrace.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Many results at once, all or nothing: every test of a lot on one form, one test across lots on a
 * worksheet, and the API behind both. Each result is judged at entry as if entered alone (an
 * out-of-specification result is flagged in the answer); one refused row records nothing at all.
 */
class ResultSetIntegrationTests extends IntegrationTest {

    /** Results, audit entries and the investigations an out-of-specification result opens (with its own audit entry). */
    private static final String[] TABLES = {"result", "audit_entry", "oos_investigation"};

    private TestUser analyst;
    private LotScenarios scenarios;

    @BeforeEach
    void setUp() {
        analyst = user(Role.LAB_ANALYST);
        scenarios = new LotScenarios(mvc, analyst);
    }

    @Test
    void recordsEveryRequiredTestOfALotAtOnceAndFlagsTheOutOfSpecificationOneInTheAnswer() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts(TABLES);
        List<String> rows = new ArrayList<>();
        LotScenarios.PASSING_REQUIRED.forEach((code, result) -> rows.add(code.equals("endotoxin") ? entry(lot, code, 2.0, "EU/mL", null)
                : result.length == 2 ? entry(lot, code, (Double) result[0], (String) result[1], null) : entry(lot, code, null, null, (String) result[0])));

        postJson("/api/result-sets", analyst, "{\"results\": [" + String.join(", ", rows) + "]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(10))
                .andExpect(jsonPath("$[?(@.testCode == 'endotoxin')].verdictAtEntry").value("FAIL"))
                .andExpect(jsonPath("$[?(@.testCode == 'sterility')].verdictAtEntry").value("PASS"));

        assertThat(counts(TABLES)).isEqualTo(List.of(before.get(0) + 10, before.get(1) + 11, before.get(2) + 1));
        getJson("/api/lots/" + lot + "/evaluation", analyst).andExpect(jsonPath("$.overall").value("FAIL"));
    }

    @Test
    void oneRefusedRowRecordsNothingAndEveryRefusalNamesItsRow() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts(TABLES);

        postJson("/api/result-sets", analyst, "{\"results\": [" + String.join(", ",
                        entry(lot, "size_mode", 104.0, "nm", null),
                        entry(lot, "sterility", null, null, "MAYBE"),
                        entry(lot, "endotoxin", 0.1, "kg", null),
                        entry(lot, "size_mode", 99.0, "nm", null)) + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Results refused: nothing was recorded"))
                .andExpect(jsonPath("$.errors['results[1].category']").value(org.hamcrest.Matchers.containsString("MAYBE")))
                .andExpect(jsonPath("$.errors['results[2].unit']").value(org.hamcrest.Matchers.containsString("kg")))
                .andExpect(jsonPath("$.errors['results[3].testCode']").value("this test is entered twice for the same lot"))
                .andExpect(jsonPath("$.errors['results[0].value']").doesNotExist());
        postJson("/api/result-sets", analyst, "{\"results\": []}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.results").value("enter at least one result"));

        assertThat(counts(TABLES)).as("the valid first row was not kept either").isEqualTo(before);
        postJson("/api/result-sets", user(Role.QA_RELEASER), "{\"results\": [" + entry(lot, "size_mode", 104.0, "nm", null) + "]}")
                .andExpect(status().isForbidden());
    }

    @Test
    void theLotFormSkipsEmptyRowsPutsEachRefusalBesideItsRowAndThenRecordsTheRest() throws Exception {
        String lot = scenarios.lotInTesting();
        String now = LocalDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        String form = page("/lots/" + lot + "/results/all");
        assertThat(form).contains("Size (mode): value").contains("Sterility: result").contains("No growth").doesNotContain(">NO_GROWTH<");
        List<Long> before = counts(TABLES);

        String refused = mvc.perform(sheet(lot, Map.of("value.size_mode", "1O4", "unit.size_mode", "nm", "method.size_mode", "NTA",
                        "performedAt.size_mode", now, "category.sterility", "NO_GROWTH", "method.sterility", "Ph. Eur. 2.6.1",
                        "performedAt.sterility", now, "unit.endotoxin", "EU/mL", "performedAt.endotoxin", now)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("1O4&#39; is not a number").contains("value=\"1O4\"").contains("Nothing was recorded");
        assertThat(counts(TABLES)).isEqualTo(before);

        String missingMethod = mvc.perform(sheet(lot, Map.of("value.size_mode", "104", "unit.size_mode", "nm", "performedAt.size_mode", now,
                        "category.sterility", "NO_GROWTH", "method.sterility", "Ph. Eur. 2.6.1", "performedAt.sterility", now)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(missingMethod).contains("is required");
        assertThat(counts(TABLES)).isEqualTo(before);

        mvc.perform(sheet(lot, Map.of("value.size_mode", "104", "unit.size_mode", "nm", "method.size_mode", "NTA", "performedAt.size_mode", now,
                        "category.sterility", "GROWTH", "method.sterility", "Ph. Eur. 2.6.1", "performedAt.sterility", now,
                        "unit.endotoxin", "EU/mL", "performedAt.endotoxin", now)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/lots/" + lot + "/results/all"))
                .andExpect(flash().attribute("recorded", org.hamcrest.Matchers.hasSize(2)));
        assertThat(counts(TABLES)).as("two results, one of them out of specification with its investigation")
                .isEqualTo(List.of(before.get(0) + 2, before.get(1) + 3, before.get(2) + 1));
        assertThat(page("/lots/" + lot + "/results/all")).as("recorded tests are shown, not offered again")
                .doesNotContain("id=\"value-size_mode\"").doesNotContain("id=\"category-sterility\"").contains("id=\"value-endotoxin\"");
    }

    @Test
    void theWorksheetListsTheLotsLackingTheTestAndRecordsEachLotsValue() throws Exception {
        String first = scenarios.lotInTesting();
        String second = scenarios.lotInTesting();
        String done = scenarios.lotInTesting();
        scenarios.numeric(done, "endotoxin", 0.1, "EU/mL", analyst);
        String key = LotScenarios.PRODUCT + ":endotoxin";
        String sheet = page("/results/worksheet?test=" + key);
        assertThat(sheet).contains("id=\"value-" + first + "\"").contains("id=\"value-" + second + "\"").doesNotContain("id=\"value-" + done + "\"");
        String now = LocalDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        List<Long> before = counts(TABLES);

        String refused = mvc.perform(post("/results/worksheet").with(analyst.basic()).with(csrf()).param("test", key).param("unit", "EU/mL")
                        .param("performedAt", now).param("value." + first, "0.2").param("value." + second, "0.9"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).as("the method is shared: one message beside it").containsOnlyOnce("is required");
        assertThat(counts(TABLES)).isEqualTo(before);

        Object recorded = mvc.perform(post("/results/worksheet").with(analyst.basic()).with(csrf()).param("test", key).param("unit", "EU/mL")
                        .param("method", "LAL kinetic").param("performedAt", now).param("value." + first, "0.2").param("value." + second, "0.9"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("recorded");
        assertThat(recorded.toString()).as("the answer flags the out-of-specification result")
                .contains("result=0.9 EU/mL, verdict=Out of specification, outOfSpecification=true")
                .contains("result=0.2 EU/mL, verdict=Pass, outOfSpecification=false");
        assertThat(counts(TABLES)).as("two results, one of them out of specification with its investigation")
                .isEqualTo(List.of(before.get(0) + 2, before.get(1) + 3, before.get(2) + 1));
        getJson("/api/lots/" + second + "/results", analyst).andExpect(jsonPath("$[0].verdictAtEntry").value("FAIL"));
        assertThat(page("/results/worksheet?test=" + key)).doesNotContain("id=\"value-" + first + "\"");
    }

    /**
     * The worksheet's cost does not grow with the lots in testing: it shows the newest 100 lots lacking
     * the test and says so; an older one appears once newer ones are recorded.
     */
    @Test
    void theWorksheetShowsTheNewestHundredLotsLackingTheTestAndSaysSo() throws Exception {
        String batch = scenarios.batch(scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id());
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 103; i++) made.add(scenarios.lot(batch));
        String key = LotScenarios.PRODUCT + ":endotoxin";
        String sheet = page("/results/worksheet?test=" + key);
        assertThat(sheet.split("id=\"value-", -1).length - 1).as("rows on the sheet").isEqualTo(100);
        assertThat(sheet).contains("Only the 100 newest lots lacking this test are shown")
                .contains("id=\"value-" + made.get(102) + "\"").contains("id=\"value-" + made.get(3) + "\"")
                .doesNotContain("id=\"value-" + made.get(2) + "\"");
        scenarios.numeric(made.get(102), "endotoxin", 0.1, "EU/mL", analyst);
        assertThat(page("/results/worksheet?test=" + key)).as("one recorded: the next older lot comes in")
                .doesNotContain("id=\"value-" + made.get(102) + "\"").contains("id=\"value-" + made.get(2) + "\"");
    }

    private MockHttpServletRequestBuilder sheet(String lot, Map<String, String> params) {
        MockHttpServletRequestBuilder post = post("/lots/" + lot + "/results/all").with(analyst.basic()).with(csrf());
        params.forEach(post::param);
        return post;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(analyst.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String entry(String lot, String code, Double value, String unit, String category) {
        return "{\"lotId\": \"" + lot + "\", \"testCode\": \"" + code + "\", "
                + (category == null ? "\"value\": " + value + ", \"unit\": \"" + unit + "\"" : "\"category\": \"" + category + "\"")
                + ", \"method\": \"set method\", \"performedAt\": \"" + LotScenarios.performedAt() + "\"}";
    }
}
