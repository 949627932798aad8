package org.exotrace.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.LotScenarios.DonorRef;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A change after release reaches every unit in the field: when a donor stops being eligible (a
 * reactive or inconclusive screening result recorded, or a negative one invalidated so the panel is
 * no longer complete) every released lot made from them, derived and pooled lots too, is put under
 * disposition review, and the clinic's scan refuses its units without naming the donor.
 */
class DonorEligibilityLostReviewIntegrationTests extends IntegrationTest {

    private TestUser analyst;
    private TestUser qa;
    private LotScenarios scenarios;
    private ClinicScenarios clinics;

    @BeforeEach
    void people() {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        scenarios = new LotScenarios(mvc, analyst);
        clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
    }

    @Test
    void aReactiveResultAfterReleaseReviewsTheLotAndItsDerivedLotAndTheClinicsScanRefusesTheUnit() throws Exception {
        TestUser doctor = user(Role.CLINICIAN);
        String clinic = clinics.clinic("KR", doctor);
        String patient = clinics.patient(clinic, doctor, "melasma");
        String plan = clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = released(donor);
        String derived = derive(lot);
        scenarios.allRequiredResultsPassing(derived);
        scenarios.release(derived, qa).andExpect(status().isOk());
        String unit = clinics.split(lot, analyst, 1).get(0);
        clinics.shipAndReceive(clinic, analyst, doctor, List.of(unit));
        getJson("/api/plans/" + plan + "/unit-preview?code=" + unit, doctor).andExpect(jsonPath("$.usable").value(true));

        screen(donor.id(), "HBSAG", "REACTIVE");

        for (String l : List.of(lot, derived)) {
            reviews(l, qa).andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].open").value(true))
                    .andExpect(jsonPath("$[0].causes[0].kindLabel").value("Donor no longer eligible"))
                    .andExpect(jsonPath("$[0].causes[0].text", startsWith("donor ")))
                    .andExpect(jsonPath("$[0].causes[0].text", containsString(
                            "screening is no longer complete and negative: HBsAg: reactive (sampled " + LocalDate.now().minusDays(5) + ")")));
        }
        getJson("/api/plans/" + plan + "/unit-preview?code=" + unit, doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.usable").value(false))
                .andExpect(jsonPath("$.refusals[0]", containsString("is under disposition review since ")))
                .andExpect(jsonPath("$.refusals[0]", containsString(": the donor's screening is no longer complete and negative: HBsAg: reactive")))
                .andExpect(content().string(not(containsString(donorCode(donor)))));
        reviews(lot, user(Role.RESEARCHER)).andExpect(jsonPath("$[0].causes[0].text", startsWith("the donor's screening")))
                .andExpect(content().string(not(containsString(donorCode(donor)))));
    }

    @Test
    void anInvalidatedNegativeResultThatLeavesThePanelIncompleteReviewsTheReleasedLot() throws Exception {
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = released(donor);
        String hbsag = jdbc.sql("select id::text from donor_screening where donor_id = ?::uuid and test_code = 'HBSAG'").param(donor.id())
                .query(String.class).single();

        postJson("/api/donors/" + donor.id() + "/screenings/" + hbsag + "/invalidation", analyst, "{\"reason\": \"Tube of another donor\"}")
                .andExpect(status().isOk());

        reviews(lot, qa).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].causes[0].text", containsString("no longer complete and negative: HBsAg: no result")));
    }

    @Test
    void aResultThatKeepsTheDonorEligibleOpensNoReviewAndALaterLossJoinsTheOpenReviewOnce() throws Exception {
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = released(donor);
        List<Long> before = counts("disposition_review", "disposition_review_cause");

        screen(donor.id(), "ANTI_HCV", "NON_REACTIVE");
        assertThat(counts("disposition_review", "disposition_review_cause")).isEqualTo(before);

        screen(donor.id(), "ANTI_HCV", "REACTIVE");
        // already ineligible: a second reactive result is no new loss
        screen(donor.id(), "HBSAG", "REACTIVE");
        reviews(lot, qa).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].causes.length()").value(1));
    }

    private String released(DonorRef donor) throws Exception {
        String lot = scenarios.lotInTesting(donor);
        scenarios.allRequiredResultsPassing(lot);
        scenarios.release(lot, qa).andExpect(status().isOk());
        return lot;
    }

    private String derive(String parent) throws Exception {
        return read(postJson("/api/lots/" + parent + "/derivatives", analyst, """
                {"productCode": "%s", "concentrationPerMl": 2.0E9, "volumeMl": 5, "manufacturedOn": "%s"}""".formatted(LotScenarios.PRODUCT, LocalDate.now()))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private void screen(String donor, String test, String result) throws Exception {
        postJson("/api/donors/" + donor + "/screenings", analyst, """
                {"testCode": "%s", "result": "%s", "sampledOn": "%s"}""".formatted(test, result, LocalDate.now().minusDays(5)))
                .andExpect(status().isCreated());
    }

    private ResultActions reviews(String lot, TestUser as) throws Exception {
        return getJson("/api/lots/" + lot + "/disposition-reviews", as).andExpect(status().isOk());
    }

    private String donorCode(DonorRef donor) throws Exception {
        Map<String, Object> d = com.jayway.jsonpath.JsonPath.read(getJson("/api/donors/" + donor.id(), analyst).andReturn()
                .getResponse().getContentAsString(), "$");
        return (String) d.get("codeDisplay");
    }
}
