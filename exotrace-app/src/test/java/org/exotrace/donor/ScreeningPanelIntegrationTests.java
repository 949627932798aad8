package org.exotrace.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * QA edits the screening panels through the API: adding a panel, requiring a test, changing its
 * window and removing it, each with a reason and one audit entry holding the panel before and
 * after; a donor's eligibility follows the panel in force; refusals (wrong fields, wrong role,
 * duplicates) write nothing. Each test writes a panel of its own, for a country no other test
 * uses, so the seeded panels stay as they are for the rest of the suite.
 */
class ScreeningPanelIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"screening_panel", "screening_panel_test", "audit_entry"};
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    /** Countries other tests rely on: the seeded panels' and the one without a panel. */
    private static final Set<String> RESERVED = Set.of("US", "KR", "JP");

    @Autowired Donors donors;
    @Autowired AuditTrail trail;

    TestUser qa;
    TestUser analyst;
    String country;

    @BeforeEach
    void people() {
        qa = user(Role.QA_RELEASER);
        analyst = user(Role.LAB_ANALYST);
        country = freeCountry();
    }

    @Test
    void qaAddsAPanelAndRequiresATestEachStepAuditedWithThePanelBeforeAndAfter() throws Exception {
        String panel = createPanel("ADIPOSE_MSC", country);

        requireTest(panel, "ANTI_HIV_1_2", 7, 3, "Local tissue act, section 12", "New national rule")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.tests[0].test.name").value("anti-HIV-1/2"))
                .andExpect(jsonPath("$.tests[0].window.daysBefore").value(7))
                .andExpect(jsonPath("$.tests[0].window.daysAfter").value(3))
                .andExpect(jsonPath("$.tests[0].verified").value(true));

        List<AuditEntry> history = trail.history("screening_panel", panel);
        assertThat(history).extracting(AuditEntry::action).containsExactly("CREATE", "ADD_TEST");
        assertThat(history.get(1).actor()).isEqualTo(qa.username());
        assertThat(history.get(1).reason()).isEqualTo("New national rule");
        assertThat(history.get(1).oldValue()).contains("\"tests\":[]").contains("\"version\":1");
        assertThat(history.get(1).newValue()).contains("\"test\":\"ANTI_HIV_1_2\"").contains("\"daysAfter\":3").contains("\"version\":2");
    }

    @Test
    void eligibilityFollowsThePanelInForceAsQaAddsChangesAndRemovesTests() throws Exception {
        String panel = createPanel("OTHER_HUMAN_CELLS", country);
        LotScenarios scenarios = new LotScenarios(mvc, analyst);
        LocalDate collected = LocalDate.now().minusDays(20);
        String donor = registerDonor("OTHER_HUMAN_CELLS", collected, country);
        assertThat(reasons(donor)).containsExactly("the screening panel for Other human cells in " + countryName() + " requires no test");

        requireTest(panel, "ANTI_HIV_1_2", 7, 7, "national rule", "start the panel").andExpect(status().isCreated());
        scenarios.screenFullPanel(donor);
        assertThat(donors.eligibility(UUID.fromString(donor))).isEqualTo(Eligibility.ELIGIBLE);

        requireTest(panel, "ANTI_HTLV_I_II", 7, 7, "national rule", "HTLV now required").andExpect(status().isCreated());
        assertThat(donors.eligibility(UUID.fromString(donor))).isEqualTo(Eligibility.PENDING);
        assertThat(reasons(donor)).containsExactly("anti-HTLV-I/II: no result");

        postJson("/api/donors/" + donor + "/screenings", analyst, """
                {"testCode": "ANTI_HTLV_I_II", "result": "NON_REACTIVE", "sampledOn": "%s"}""".formatted(collected.minusDays(10)))
                .andExpect(status().isCreated());
        assertThat(reasons(donor)).containsExactly("anti-HTLV-I/II: sampled " + collected.minusDays(10)
                + ", 10 days before collection; must be within 7 days before");

        changeTest(panel, "ANTI_HTLV_I_II", 30, 7, "national rule, amended", "Window widened to 30 days")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tests[1].window.daysBefore").value(30));
        assertThat(donors.eligibility(UUID.fromString(donor))).isEqualTo(Eligibility.ELIGIBLE);

        postJson("/api/donors/" + donor + "/screenings", analyst, """
                {"testCode": "ANTI_CMV", "result": "REACTIVE", "sampledOn": "%s"}""".formatted(collected))
                .andExpect(status().isCreated());
        assertThat(donors.eligibility(UUID.fromString(donor))).as("CMV is not required yet").isEqualTo(Eligibility.ELIGIBLE);
        requireTest(panel, "ANTI_CMV", 7, 7, "national rule", "CMV required").andExpect(status().isCreated());
        assertThat(donors.eligibility(UUID.fromString(donor))).isEqualTo(Eligibility.INELIGIBLE);

        removeTest(panel, "ANTI_CMV", "Required in error: only for leukocyte-rich cells")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tests.length()").value(2));
        assertThat(donors.eligibility(UUID.fromString(donor))).isEqualTo(Eligibility.ELIGIBLE);

        assertThat(trail.history("screening_panel", panel)).extracting(AuditEntry::action)
                .containsExactly("CREATE", "ADD_TEST", "ADD_TEST", "CHANGE_TEST", "ADD_TEST", "REMOVE_TEST");
        AuditEntry removal = trail.history("screening_panel", panel).get(5);
        assertThat(removal.oldValue()).contains("ANTI_CMV");
        assertThat(removal.newValue()).doesNotContain("ANTI_CMV");
        assertThat(removal.reason()).isEqualTo("Required in error: only for leukocyte-rich cells");
        assertThat(jdbc.sql("select removed_reason from screening_panel_test where panel_id = ? and test_code = 'ANTI_CMV'")
                .param(UUID.fromString(panel)).query(String.class).single()).as("the removed entry stays on record")
                .isEqualTo("Required in error: only for leukocyte-rich cells");
    }

    @Test
    void refusesBadFieldsNamingEachAndWritesNothing() throws Exception {
        String panel = createPanel("BONE_MARROW_MSC", country);
        List<Long> before = counts(TABLES);

        postJson("/api/screening-panels/" + panel + "/tests", qa, """
                {"testCode": "ANTI_DRAGON", "daysBefore": -1, "daysAfter": 400, "source": " ", "reason": ""}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.testCode", containsString("not in the catalog")))
                .andExpect(jsonPath("$.errors.daysBefore").value("a whole number of days from 0 to 365"))
                .andExpect(jsonPath("$.errors.daysAfter").value("a whole number of days from 0 to 365"))
                .andExpect(jsonPath("$.errors.source").isNotEmpty())
                .andExpect(jsonPath("$.errors.reason").isNotEmpty());
        postJson("/api/screening-panels/" + panel + "/tests", qa, """
                {"testCode": "HBSAG", "source": "rule", "reason": "why"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.daysBefore", containsString("give how many days before")))
                .andExpect(jsonPath("$.errors.daysAfter", containsString("give how many days after")));
        postJson("/api/screening-panels/" + panel + "/tests", qa, """
                {"testCode": "HBSAG", "daysBefore": "a week", "daysAfter": 7, "source": "rule", "reason": "why"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(counts(TABLES)).isEqualTo(before);

        requireTestNoCheck(panel, "HBSAG").andExpect(status().isCreated());
        before = counts(TABLES);
        requireTestNoCheck(panel, "HBSAG")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.testCode").value("HBsAg is already required by this panel"));
        changeTest(panel, "HBSAG", 7, 7, "rule", " ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").isNotEmpty());
        // the address names the test changed; a body naming another one is a mistake, not a silent edit of the first
        mvc.perform(put("/api/screening-panels/" + panel + "/tests/HBSAG").with(qa.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"testCode": "ANTI_HCV", "daysBefore": 7, "daysAfter": 7, "source": "rule", "reason": "why"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.testCode", containsString("this changes HBsAg")));
        removeTest(panel, "HBSAG", "").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").isNotEmpty());
        removeTest(panel, "ANTI_HCV", "not in it").andExpect(status().isNotFound());
        removeTest(UUID.randomUUID().toString(), "HBSAG", "no panel").andExpect(status().isNotFound());

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesASecondPanelForTheSameSourceAndJurisdictionAndAPanelForANonHumanSource() throws Exception {
        createPanel("UMBILICAL_CORD_MSC", country);
        List<Long> before = counts(TABLES);

        postJson("/api/screening-panels", qa, """
                {"sourceType": "UMBILICAL_CORD_MSC", "jurisdiction": "%s", "source": "again"}""".formatted(country.toLowerCase(Locale.ROOT)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already a screening panel")));
        postJson("/api/screening-panels", qa, """
                {"sourceType": "PLANT", "jurisdiction": "Atlantis", "source": ""}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sourceType", containsString("not screened")))
                .andExpect(jsonPath("$.errors.jurisdiction", containsString("EU or a country code")))
                .andExpect(jsonPath("$.errors.source").isNotEmpty());

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void onlyQaChangesPanelsTheLabAndComplianceReadThemAndClinicsNever() throws Exception {
        String panel = createPanel("ADIPOSE_MSC", country);
        TestUser compliance = user(Role.COMPLIANCE_OFFICER);
        TestUser clinician = user(Role.CLINICIAN);
        List<Long> before = counts(TABLES);

        postJson("/api/screening-panels/" + panel + "/tests", analyst, """
                {"testCode": "HBSAG", "daysBefore": 7, "daysAfter": 7, "source": "rule", "reason": "why"}""")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        postJson("/api/screening-panels", compliance, """
                {"sourceType": "ADIPOSE_MSC", "jurisdiction": "%s", "source": "x"}""".formatted(country))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/screening-panels/" + panel + "/tests/HBSAG").param("reason", "x").with(analyst.basic()))
                .andExpect(status().isForbidden());
        getJson("/api/screening-panels", clinician).andExpect(status().isForbidden());

        assertThat(counts(TABLES)).isEqualTo(before);
        getJson("/api/screening-panels/" + panel, analyst).andExpect(status().isOk());
        getJson("/api/screening-panels", compliance).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.jurisdiction == 'EU' && @.sourceType == 'UMBILICAL_CORD_MSC')].tests.length()").value(9));
    }

    private String createPanel(String sourceType, String jurisdiction) throws Exception {
        return read(postJson("/api/screening-panels", qa, """
                {"sourceType": "%s", "jurisdiction": "%s", "source": "National tissue act (test)"}""".formatted(sourceType, jurisdiction))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.tests").isEmpty())
                .andReturn(), "$.id");
    }

    private ResultActions requireTest(String panel, String testCode, int before, int after, String source, String reason) throws Exception {
        return postJson("/api/screening-panels/" + panel + "/tests", qa, """
                {"testCode": "%s", "daysBefore": %d, "daysAfter": %d, "source": "%s", "verified": true, "reason": "%s"}"""
                .formatted(testCode, before, after, source, reason));
    }

    private ResultActions requireTestNoCheck(String panel, String testCode) throws Exception {
        return requireTest(panel, testCode, 7, 7, "rule", "why");
    }

    private ResultActions changeTest(String panel, String testCode, int before, int after, String source, String reason) throws Exception {
        return mvc.perform(put("/api/screening-panels/" + panel + "/tests/" + testCode).with(qa.basic())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"daysBefore": %d, "daysAfter": %d, "source": "%s", "verified": true, "reason": "%s"}"""
                        .formatted(before, after, source, reason)));
    }

    private ResultActions removeTest(String panel, String testCode, String reason) throws Exception {
        return mvc.perform(delete("/api/screening-panels/" + panel + "/tests/" + testCode).param("reason", reason).with(qa.basic())
                .accept(MediaType.APPLICATION_JSON));
    }

    private String registerDonor(String sourceType, LocalDate collectedOn, String jurisdiction) throws Exception {
        return read(postJson("/api/donors", analyst, """
                {"sourceType": "%s", "collectedOn": "%s", "collectionJurisdiction": "%s"}""".formatted(sourceType, collectedOn, jurisdiction))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private List<String> reasons(String donor) {
        return donors.determination(UUID.fromString(donor)).reasons();
    }

    private String countryName() {
        return CollectionJurisdictions.name(country);
    }

    /** A country outside the EU with no panel at all yet, and none of those other tests rely on. */
    private String freeCountry() {
        List<String> used = jdbc.sql("select distinct jurisdiction from screening_panel").query(String.class).list();
        List<String> candidates = new ArrayList<>(List.of(Locale.getISOCountries()));
        candidates.removeIf(c -> used.contains(c) || RESERVED.contains(c) || CollectionJurisdictions.EU_MEMBERS.contains(c));
        Collections.shuffle(candidates);
        return candidates.get(0);
    }
}
