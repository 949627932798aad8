package org.exotrace.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.LotScenarios.DonorRef;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Screening through the API: results are coded (a catalog test and one of its results), the
 * determination follows the panel of the donor's source type and country of collection, a wrong
 * field is a 400 naming it with nothing written, and a result entered in error is invalidated or
 * corrected with a reason, never deleted. Uses the seeded US panel for umbilical-cord MSC (no other
 * test changes it) and countries no panel test writes for.
 */
class ScreeningIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"donor", "donor_screening", "donor_consent", "audit_entry"};
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    /** The seeded US panel for umbilical-cord MSC (21 CFR 1271.85(a) and FDA's list of tests). */
    private static final List<String> US_UC_PANEL = List.of("anti-HIV-1/2", "HIV-1 NAT", "HBsAg", "anti-HBc", "HBV NAT", "anti-HCV",
            "HCV NAT", "Syphilis (T. pallidum)");

    @Autowired Donors donors;
    @Autowired AuditTrail trail;

    TestUser analyst;
    LotScenarios scenarios;
    LocalDate collected;

    @BeforeEach
    void people() {
        analyst = user(Role.LAB_ANALYST);
        scenarios = new LotScenarios(mvc, analyst);
        collected = LocalDate.now().minusDays(10);
    }

    @Test
    void aDonorWithOnlyANegativeAntiHivIsPendingWithEveryMissingTestNamed() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", collected, null);
        screen(donor, "ANTI_HIV_1_2", "NON_REACTIVE", collected).andExpect(status().isCreated())
                .andExpect(jsonPath("$.testName").value("anti-HIV-1/2"))
                .andExpect(jsonPath("$.resultLabel").value("Non-reactive"))
                .andExpect(jsonPath("$.meaning").value("NEGATIVE"));

        getJson("/api/donors/" + donor + "/eligibility", analyst)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligibility").value("PENDING"))
                .andExpect(jsonPath("$.label").value("Pending"))
                .andExpect(jsonPath("$.panel").value("Umbilical-cord MSC in United States"))
                .andExpect(jsonPath("$.tests[*].test").value(contains(US_UC_PANEL.toArray())))
                .andExpect(jsonPath("$.reasons", hasSize(US_UC_PANEL.size() - 1)))
                .andExpect(jsonPath("$.reasons", hasItem("HBsAg: no result")))
                .andExpect(jsonPath("$.reasons", hasItem("HCV NAT: no result")));

        UseCheck check = donors.checkUse(UUID.fromString(donor), ConsentScope.COSMETIC_USE);
        assertThat(check.allowed()).isFalse();
        assertThat(check.reasons()).contains(who(donor) + " screening pending – anti-HBc: no result",
                who(donor) + " screening pending – Syphilis (T. pallidum): no result");
    }

    @Test
    void theWholePanelNegativeInsideItsWindowsMakesTheDonorEligibleAndAReactiveResultIneligible() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", collected, null);
        Map<String, String> results = scenarios.screenFullPanel(donor);
        assertThat(results).hasSize(US_UC_PANEL.size());
        grantConsent(donor, "COSMETIC_USE");
        assertThat(donors.checkUse(UUID.fromString(donor), ConsentScope.COSMETIC_USE)).isEqualTo(new UseCheck(true, List.of()));

        screen(donor, "HBSAG", "REACTIVE", collected.plusDays(1)).andExpect(status().isCreated());

        getJson("/api/donors/" + donor, analyst)
                .andExpect(jsonPath("$.eligibility").value("INELIGIBLE"))
                .andExpect(jsonPath("$.determination.reasons").value(contains("HBsAg: reactive (sampled " + collected.plusDays(1) + ")")));
        assertThat(donors.checkUse(UUID.fromString(donor), ConsentScope.COSMETIC_USE).reasons())
                .containsExactly(who(donor) + " is ineligible – HBsAg: reactive (sampled " + collected.plusDays(1) + ")");
    }

    @Test
    void aResultSampledOutsideItsWindowDoesNotCountAndTheReasonSaysByHowMuch() throws Exception {
        String donor = register("ADIPOSE_MSC", collected, null);
        Map<String, String> panel = scenarios.screenFullPanel(donor);
        invalidate(donor, panel.get("ANTI_HCV"), "Sample haemolysed").andExpect(status().isOk());
        String early = collected.minusDays(9).toString();
        screen(donor, "ANTI_HCV", "NON_REACTIVE", collected.minusDays(9)).andExpect(status().isCreated());

        getJson("/api/donors/" + donor + "/eligibility", analyst)
                .andExpect(jsonPath("$.eligibility").value("PENDING"))
                .andExpect(jsonPath("$.reasons").value(contains(
                        "anti-HCV: sampled " + early + ", 9 days before collection; must be within 7 days before")));
    }

    @Test
    void aDonorRegisteredWithoutCollectionDateIsPendingUntilItIsRecordedWithAReason() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", null, null);
        scenarios.screenFullPanel(donor);
        getJson("/api/donors/" + donor + "/eligibility", analyst)
                .andExpect(jsonPath("$.eligibility").value("PENDING"))
                .andExpect(jsonPath("$.reasons").value(contains("collection date not recorded: the sampling windows cannot be checked")));

        putJson("/api/donors/" + donor + "/collection", analyst, """
                {"collectedOn": "%s", "collectionJurisdiction": "US", "reason": "Date from the procurement report"}"""
                .formatted(LocalDate.now()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.collectedOn").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.eligibility").value("ELIGIBLE"));

        List<AuditEntry> history = trail.history("donor", donor);
        assertThat(history).extracting(AuditEntry::action).containsExactly("CREATE", "RECORD_COLLECTION");
        assertThat(history.get(1).reason()).isEqualTo("Date from the procurement report");
        assertThat(history.get(1).newValue()).contains("\"collectedOn\":\"" + LocalDate.now() + "\"");
        assertThat(history.get(1).oldValue()).doesNotContain("collectedOn");
    }

    @Test
    void refusesACollectionWithoutReasonOrInTheFutureAndWritesNothing() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", null, null);
        List<Long> before = counts(TABLES);

        putJson("/api/donors/" + donor + "/collection", analyst, """
                {"collectedOn": "%s", "collectionJurisdiction": "XX", "reason": " "}""".formatted(LocalDate.now().plusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.collectedOn").value("cannot be in the future"))
                .andExpect(jsonPath("$.errors.collectionJurisdiction", containsString("not a country code")))
                .andExpect(jsonPath("$.errors.reason").isNotEmpty());

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void theCountryOfCollectionChoosesThePanelAnEuMemberStateUsesTheEuPanel() throws Exception {
        String german = register("UMBILICAL_CORD_MSC", collected, "DE");
        getJson("/api/donors/" + german + "/eligibility", analyst)
                .andExpect(jsonPath("$.panel").value("Umbilical-cord MSC in European Union"))
                .andExpect(jsonPath("$.tests[*].test", hasItem("anti-HTLV-I/II")))
                .andExpect(jsonPath("$.tests[?(@.testCode == 'ANTI_HIV_1_2')].window").value("from the day of collection to 7 days after"));

        String japanese = register("UMBILICAL_CORD_MSC", collected, "JP");
        scenarios.screenFullPanel(japanese);
        getJson("/api/donors/" + japanese + "/eligibility", analyst)
                .andExpect(jsonPath("$.eligibility").value("PENDING"))
                .andExpect(jsonPath("$.reasons").value(contains("no screening panel for Umbilical-cord MSC in Japan")))
                .andExpect(jsonPath("$.tests").isEmpty());
    }

    @Test
    void aDonorRegisteredWithoutCountryIsCollectedInTheLabsCountry() throws Exception {
        String donor = register("BONE_MARROW_MSC", collected, null);

        getJson("/api/donors/" + donor, analyst)
                .andExpect(jsonPath("$.collectionJurisdiction").value("US"))
                .andExpect(jsonPath("$.determination.panel").value("Bone-marrow MSC in United States"))
                .andExpect(jsonPath("$.determination.tests[?(@.testCode == 'ANTI_HTLV_I_II')].window")
                        .value("from 30 days before to 7 days after collection"));
    }

    @Test
    void refusesAnUnknownTestAResultOfAnotherTestAndAFutureDateNamingEachFieldAndWritesNothing() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", collected, null);
        List<Long> before = counts(TABLES);

        screen(donor, "ANTI_DRAGON", "NON_REACTIVE", collected)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.testCode", containsString("'ANTI_DRAGON' is not a test of the catalog")))
                .andExpect(jsonPath("$.errors.testCode", containsString("ANTI_HCV")));
        screen(donor, "HCV_NAT", "NON_REACTIVE", collected)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.result").value("'NON_REACTIVE' is not a result of HCV NAT; use one of NOT_DETECTED, DETECTED, INVALID"));
        screen(donor, "HBSAG", "NEGATIVE", LocalDate.now().plusDays(1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.result", containsString("not a result of HBsAg")))
                .andExpect(jsonPath("$.errors.sampledOn").value("cannot be in the future"));
        postJson("/api/donors/" + donor + "/screenings", analyst, """
                {"test": "anti-HIV-1/2", "result": "NEGATIVE", "sampledOn": "%s"}""".formatted(collected))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.testCode").value("choose the test from the catalog"));

        assertThat(counts(TABLES)).isEqualTo(before);
        assertThat(donors.screenings(UUID.fromString(donor))).isEmpty();
    }

    @Test
    void refusesScreeningANonHumanSourceAndWritesNothing() throws Exception {
        String plant = register("PLANT", null, null);
        List<Long> before = counts(TABLES);

        screen(plant, "ANTI_HIV_1_2", "NON_REACTIVE", collected)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sourceType", containsString("not screened")));

        assertThat(counts(TABLES)).isEqualTo(before);
        getJson("/api/donors/" + plant + "/eligibility", analyst).andExpect(jsonPath("$.eligibility").value("NOT_APPLICABLE"));
    }

    @Test
    void aResultEnteredInErrorIsInvalidatedWithAReasonKeptAndAuditedAndNoLongerCounts() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", collected, null);
        Map<String, String> panel = scenarios.screenFullPanel(donor);
        String hbsag = panel.get("HBSAG");

        invalidate(donor, hbsag, "Sample tube of another donor")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INVALIDATED"))
                .andExpect(jsonPath("$.invalidationReason").value("Sample tube of another donor"));

        getJson("/api/donors/" + donor, analyst)
                .andExpect(jsonPath("$.eligibility").value("PENDING"))
                .andExpect(jsonPath("$.determination.reasons").value(contains("HBsAg: no result")))
                .andExpect(jsonPath("$.screenings[?(@.id == '" + hbsag + "')].status").value("INVALIDATED"));
        List<AuditEntry> history = trail.history("donor_screening", hbsag);
        assertThat(history).extracting(AuditEntry::action).containsExactly("CREATE", "INVALIDATE");
        assertThat(history.get(1).oldValue()).contains("\"status\":\"VALID\"");
        assertThat(history.get(1).newValue()).contains("\"status\":\"INVALIDATED\"");
        assertThat(history.get(1).reason()).isEqualTo("Sample tube of another donor");
        assertThat(history.get(1).actor()).isEqualTo(analyst.username());
    }

    @Test
    void aCorrectionInvalidatesTheWrongResultLinksTheNewOneAndBothStayOnRecord() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", collected, null);
        Map<String, String> panel = scenarios.screenFullPanel(donor);
        String wrong = read(screen(donor, "ANTI_HCV", "REACTIVE", collected).andReturn(), "$.id");
        getJson("/api/donors/" + donor + "/eligibility", analyst).andExpect(jsonPath("$.eligibility").value("INELIGIBLE"));

        // a reactive result is corrected by QA, a second person (ScreeningResultAuthorityIntegrationTests)
        MvcResult corrected = postJson("/api/donors/" + donor + "/screenings/" + wrong + "/correction", user(Role.QA_RELEASER), """
                {"testCode": "ANTI_HCV", "result": "NON_REACTIVE", "sampledOn": "%s", "reason": "Typed reactive; the report reads non-reactive"}"""
                .formatted(collected))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andReturn();
        String fixed = read(corrected, "$.id");

        getJson("/api/donors/" + donor, analyst)
                .andExpect(jsonPath("$.eligibility").value("ELIGIBLE"))
                .andExpect(jsonPath("$.screenings", hasSize(panel.size() + 2)))
                .andExpect(jsonPath("$.screenings[?(@.id == '" + wrong + "')].correctedBy").value(fixed));
        assertThat(trail.history("donor_screening", wrong)).extracting(AuditEntry::action).containsExactly("CREATE", "CORRECT");
        assertThat(trail.history("donor_screening", fixed)).extracting(AuditEntry::action).containsExactly("CREATE");
    }

    @Test
    void refusesAnInvalidationWithoutReasonOrOfAnInvalidatedResultAndAWrongCorrectionAndWritesNothing() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", collected, null);
        String hiv = read(screen(donor, "ANTI_HIV_1_2", "NON_REACTIVE", collected).andReturn(), "$.id");
        String hcv = read(screen(donor, "ANTI_HCV", "NON_REACTIVE", collected).andReturn(), "$.id");
        invalidate(donor, hcv, "wrong donor").andExpect(status().isOk());
        List<Long> before = counts(TABLES);

        invalidate(donor, hiv, "  ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").isNotEmpty());
        invalidate(donor, hcv, "again").andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("already invalidated")));
        postJson("/api/donors/" + donor + "/screenings/" + hiv + "/correction", analyst, """
                {"testCode": "ANTI_HIV_1_2", "result": "MAYBE", "sampledOn": "%s", "reason": "typo"}""".formatted(collected))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.result", containsString("use one of NON_REACTIVE, REACTIVE, INDETERMINATE")));
        invalidate(donor, UUID.randomUUID().toString(), "no such result").andExpect(status().isNotFound());

        assertThat(counts(TABLES)).isEqualTo(before);
        assertThat(donors.screenings(UUID.fromString(donor))).filteredOn(s -> s.id().toString().equals(hiv))
                .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(Screening.Status.VALID));
    }

    @Test
    void legacyFreeTextResultsStayOnRecordAsUncodedAndNeverCount() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC", collected, null);
        UUID legacy = UUID.randomUUID();
        jdbc.sql("insert into donor_screening (id, donor_id, test, result, sampled_on, recorded_by) values (?, ?, 'anti-HIV-1/2', 'NEGATIVE', ?, 'analyst')")
                .params(legacy, UUID.fromString(donor), collected).update();

        getJson("/api/donors/" + donor, analyst)
                .andExpect(jsonPath("$.eligibility").value("PENDING"))
                .andExpect(jsonPath("$.determination.reasons", hasItem("anti-HIV-1/2: no result")))
                .andExpect(jsonPath("$.screenings[0].testCode").doesNotExist())
                .andExpect(jsonPath("$.screenings[0].testName").value("anti-HIV-1/2"))
                .andExpect(jsonPath("$.screenings[0].resultLabel").value("Negative"));
        assertThat(donors.screenings(UUID.fromString(donor))).singleElement().satisfies(s -> {
            assertThat(s.coded()).isFalse();
            assertThat(s.counts()).isFalse();
        });
    }

    @Test
    void releaseIsRefusedWithTheScreeningReasonsOfTheLotsDonor() throws Exception {
        TestUser qa = user(Role.QA_RELEASER);
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = scenarios.lotInTesting(donor);
        scenarios.allRequiredResultsPassing(lot);
        String hbv = donors.screenings(UUID.fromString(donor.id())).stream().filter(s -> "HBV_NAT".equals(s.testCode()))
                .findFirst().orElseThrow().id().toString();
        invalidate(donor.id(), hbv, "Run failed its internal control").andExpect(status().isOk());
        List<Long> before = counts("lot_decision", "electronic_signature", "audit_entry");

        scenarios.release(lot, qa)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons").value(contains(who(donor.id()) + " screening pending – HBV NAT: no result")));

        assertThat(counts("lot_decision", "electronic_signature", "audit_entry")).isEqualTo(before);
    }

    @Test
    void theCatalogListsEachTestWithItsClosedListOfResults() throws Exception {
        getJson("/api/screening-tests", analyst)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'ANTI_HTLV_I_II')].name").value("anti-HTLV-I/II"))
                .andExpect(jsonPath("$[?(@.code == 'HBV_NAT')].results[*].code").value(contains("NOT_DETECTED", "DETECTED", "INVALID")))
                .andExpect(jsonPath("$[?(@.code == 'SYPHILIS')].results[*].meaning").value(contains("NEGATIVE", "POSITIVE", "INCONCLUSIVE")))
                .andExpect(jsonPath("$[*].code", hasItem("ANTI_CMV")));
    }

    private String register(String sourceType, LocalDate collectedOn, String country) throws Exception {
        String json = "{\"sourceType\": \"" + sourceType + "\", \"sourceDetail\": \"screening test donor\""
                + (collectedOn == null ? "" : ", \"collectedOn\": \"" + collectedOn + "\"")
                + (country == null ? "" : ", \"collectionJurisdiction\": \"" + country + "\"") + "}";
        return read(postJson("/api/donors", analyst, json).andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private ResultActions screen(String donor, String testCode, String result, LocalDate sampledOn) throws Exception {
        return postJson("/api/donors/" + donor + "/screenings", analyst, """
                {"testCode": "%s", "result": "%s", "sampledOn": "%s"}""".formatted(testCode, result, sampledOn));
    }

    private ResultActions invalidate(String donor, String screening, String reason) throws Exception {
        return postJson("/api/donors/" + donor + "/screenings/" + screening + "/invalidation", analyst, """
                {"reason": "%s"}""".formatted(reason));
    }

    private void grantConsent(String donor, String scope) throws Exception {
        postJson("/api/donors/" + donor + "/consents", analyst, """
                {"scope": "%s", "grantedOn": "%s", "documentReference": "CF-SCREEN"}""".formatted(scope, collected))
                .andExpect(status().isCreated());
    }

    private ResultActions putJson(String path, TestUser as, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).with(as.basic())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String who(String donorId) {
        return "Donor " + donors.get(UUID.fromString(donorId)).code().display();
    }
}
