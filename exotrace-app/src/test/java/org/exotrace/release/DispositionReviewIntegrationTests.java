package org.exotrace.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.LotScenarios.DonorRef;
import org.exotrace.donor.ConsentScope;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A change after release reaches the clinic: a withdrawn consent the product needs, an invalidated
 * result or a quarantine opens a disposition review of every released lot concerned (derived and
 * pooled lots too); until QA signs the outcome the lot's units are refused at the clinic's scan and
 * are not shipped; the outcome (continue, quarantine, recall) decides what the scan says next.
 */
class DispositionReviewIntegrationTests extends IntegrationTest {

    /** Everything a review, its outcome or a signature writes: a refusal must leave each count unchanged. */
    private static final String[] REVIEW_TABLES = {"disposition_review", "disposition_review_cause", "lot_decision", "electronic_signature",
            "audit_entry"};

    private TestUser analyst;
    private TestUser qa;
    private TestUser admin;
    private LotScenarios scenarios;
    private ClinicScenarios clinics;
    private final String today = LocalDate.now().toString();

    @BeforeEach
    void people() {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        admin = user(Role.ADMIN);
        scenarios = new LotScenarios(mvc, analyst);
        clinics = new ClinicScenarios(mvc, admin);
    }

    @Test
    void consentWithdrawalAfterReleaseOpensAReviewForTheLotAndItsDerivedAndPooledLots() throws Exception {
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String primary = releasedLot(donor);
        String derived = derive(primary);
        releaseWithResults(derived);
        String otherDonorsLot = scenarios.released(qa);
        String pool = pool(primary, otherDonorsLot);
        releaseWithResults(pool);
        String derivedInTesting = derive(primary);

        withdraw(donor, ConsentScope.COSMETIC_USE, "Donor no longer wants her cells used in cosmetics");

        for (String lot : List.of(primary, derived, pool)) {
            MvcResult reviews = reviews(lot, qa).andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].open").value(true))
                    .andExpect(jsonPath("$[0].openedOn").value(today))
                    .andExpect(jsonPath("$[0].causes.length()").value(1))
                    .andExpect(jsonPath("$[0].causes[0].kindLabel").value("Consent withdrawn"))
                    .andExpect(jsonPath("$[0].causes[0].text", containsString("withdrew consent for cosmetic use on " + today)))
                    .andExpect(jsonPath("$[0].causes[0].reason").value("Donor no longer wants her cells used in cosmetics"))
                    .andReturn();
            String id = read(reviews, "$[0].id");
            assertThat(jdbc.sql("select action from audit_entry where record_type = 'disposition_review' and record_id = ?").param(id)
                    .query(String.class).list()).containsExactly("CREATE");
        }
        reviews(otherDonorsLot, qa).andExpect(jsonPath("$.length()").value(0));
        reviews(derivedInTesting, qa).andExpect(jsonPath("$.length()").value(0));
        getJson("/api/disposition-reviews", analyst).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.lotId == '" + pool + "')].refusal", org.hamcrest.Matchers.hasItem(containsString(
                        "is under disposition review since " + today + ": donor "))));
    }

    @Test
    void researchersSeeTheReviewWithoutTheDonorsCode() throws Exception {
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = releasedLot(donor);
        withdraw(donor, ConsentScope.COSMETIC_USE, "withdrawn");

        reviews(lot, user(Role.RESEARCHER)).andExpect(jsonPath("$[0].causes[0].text").value("a donor withdrew consent for cosmetic use on " + today))
                .andExpect(jsonPath("$[0].refusal", containsString(": a donor withdrew consent")))
                .andExpect(content().string(not(containsString("donor " + LocalDate.now().getYear() % 100))));
        reviews(lot, qa).andExpect(jsonPath("$[0].causes[0].text", org.hamcrest.Matchers.startsWith("donor ")));
    }

    @Test
    void aWithdrawalForAScopeTheProductDoesNotNeedOpensNoReview() throws Exception {
        DonorRef donor = scenarios.humanDonor(List.of(ConsentScope.COSMETIC_USE, ConsentScope.COMMERCIAL, ConsentScope.RESEARCH));
        String lot = releasedLot(donor);
        List<Long> before = counts("disposition_review", "disposition_review_cause");

        withdraw(donor, ConsentScope.RESEARCH, "No more research");

        assertThat(counts("disposition_review", "disposition_review_cause")).isEqualTo(before);
        reviews(lot, qa).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anUnreleasedLotGetsNoReviewItsReleaseIsBlockedInstead() throws Exception {
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = scenarios.lotInTesting(donor);
        scenarios.allRequiredResultsPassing(lot);

        withdraw(donor, ConsentScope.COSMETIC_USE, "withdrawn before release");

        reviews(lot, qa).andExpect(jsonPath("$.length()").value(0));
        scenarios.release(lot, qa).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]", containsString("withdrew consent for cosmetic use")));
    }

    @Test
    void whileAReviewIsOpenTheClinicsScanAndTheSessionRefuseTheUnitAndNothingShips() throws Exception {
        TestUser doctor = user(Role.CLINICIAN);
        String clinic = clinics.clinic("KR", doctor);
        String plan = planWithConsent(clinic, doctor);
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = releasedLot(donor);
        String lotCode = lotCode(lot);
        List<String> units = clinics.split(lot, analyst, 2);
        clinics.shipAndReceive(clinic, analyst, doctor, List.of(units.get(0)));
        assertThat(unitReasons(clinic, doctor, units.get(0))).isEmpty();

        withdraw(donor, ConsentScope.COSMETIC_USE, "withdrawn");

        // a clinician learns why, but never the donor's code
        String refusal = "lot " + lotCode + " is under disposition review since " + today + ": a donor withdrew consent for cosmetic use on " + today;
        assertThat(unitReasons(clinic, doctor, units.get(0))).singleElement().asString().startsWith(refusal)
                .endsWith("; do not use until QA decides").doesNotContain(donorCode(donor));
        // the session form's scan preview refuses and shows no dose
        mvc.perform(get("/plans/" + plan + "/unit-preview").param("unitCode", units.get(0)).param("volumeMl", "0.5")
                        .with(SecurityMockMvcRequestPostProcessors.user(doctor.username()).roles("CLINICIAN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Unit " + units.get(0) + " cannot be used")))
                .andExpect(content().string(containsString("is under disposition review since " + today)))
                .andExpect(content().string(not(containsString("dose-preview"))));
        // the session itself is refused, with nothing written
        List<Long> before = counts("treatment_session", "audit_entry");
        postJson("/api/plans/" + plan + "/sessions", doctor, session(units.get(0))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]", containsString(refusal)));
        assertThat(counts("treatment_session", "audit_entry")).isEqualTo(before);
        // the lab cannot ship more of it
        List<Long> shipments = counts("shipment", "shipment_unit", "audit_entry");
        postJson("/api/shipments", analyst, "{\"clinicId\": \"" + clinic + "\", \"unitCodes\": [\"" + units.get(1) + "\"]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value(units.get(1) + ": lot " + lotCode + " is under disposition review since " + today
                        + "; it cannot be shipped until QA decides"));
        assertThat(counts("shipment", "shipment_unit", "audit_entry")).isEqualTo(shipments);
    }

    @Test
    void theOutcomeNeedsAQaReleaserAReasonAndTheSignersOwnPasswordAndARefusalWritesNothing() throws Exception {
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = releasedLot(donor);
        String path = "/api/lots/" + lot + "/disposition-review/outcome";
        TestUser otherQa = user(Role.QA_RELEASER);
        postJson(path, qa, outcome("CONTINUE", qa, "no review yet")).andExpect(status().isConflict());
        withdraw(donor, ConsentScope.COSMETIC_USE, "withdrawn");
        List<Long> before = counts(REVIEW_TABLES);

        postJson(path, analyst, outcome("CONTINUE", analyst, "analyst tries")).andExpect(status().isForbidden());
        postJson(path, admin, outcome("CONTINUE", admin, "admin tries")).andExpect(status().isForbidden());
        postJson(path, qa, outcome("CONTINUE", qa, "")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        postJson(path, qa, outcome("CARRY_ON", qa, "a reason")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.outcome").exists());
        postJson(path, qa, """
                {"outcome": "CONTINUE", "username": "%s", "password": "wrong password", "reason": "a reason"}""".formatted(qa.username()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.password", containsString("wrong")));
        postJson(path, qa, """
                {"outcome": "CONTINUE", "username": "%s", "password": "%s", "reason": "a reason"}""".formatted(otherQa.username(), otherQa.password()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.username", containsString("sign with your own user name")));

        // the wrong password itself is audited (a failed sign-in of the account, issue 10); nothing else is written
        List<Long> after = counts(REVIEW_TABLES);
        assertThat(after.subList(0, 4)).isEqualTo(before.subList(0, 4));
        assertThat(after.get(4)).isEqualTo(before.get(4) + 1);
        assertThat(jdbc.sql("select record_id || ' ' || action from audit_entry where action = 'LOGIN_FAILED' order by seq desc limit 1")
                .query(String.class).single()).isEqualTo(qa.username() + " LOGIN_FAILED");
        reviews(lot, qa).andExpect(jsonPath("$[0].open").value(true));
    }

    @Test
    void continueKeepsTheLotReleasedAndTheUnitsUsableAgain() throws Exception {
        TestUser doctor = user(Role.CLINICIAN);
        String clinic = clinics.clinic("KR", doctor);
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = releasedLot(donor);
        List<String> units = clinics.split(lot, analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        withdraw(donor, ConsentScope.COSMETIC_USE, "withdrawn");
        assertThat(unitReasons(clinic, doctor, units.get(0))).isNotEmpty();

        decide(lot, "CONTINUE", "Consent form CF-7 allows use of material released before withdrawal").andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false)).andExpect(jsonPath("$.outcomeLabel").value("Continue"))
                .andExpect(jsonPath("$.decidedBy").value(qa.username()));

        assertThat(unitReasons(clinic, doctor, units.get(0))).isEmpty();
        assertThat(lotState(lot)).isEqualTo("RELEASED");
        getJson("/api/lots/" + lot + "/decisions", qa).andExpect(jsonPath("$[-1].kind").value("CONTINUATION"))
                .andExpect(jsonPath("$[-1].reason").value("Consent form CF-7 allows use of material released before withdrawal"))
                .andExpect(jsonPath("$[-1].signature.username").value(qa.username()));
        String review = read(reviews(lot, qa).andReturn(), "$[0].id");
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'disposition_review' and record_id = ? order by seq").param(review)
                .query(String.class).list()).containsExactly("CREATE", "DECIDE");
        // A later change opens a new review: the decided one stays as it was.
        withdraw(donor, ConsentScope.COMMERCIAL, "withdrawn too");
        reviews(lot, qa).andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].open").value(false))
                .andExpect(jsonPath("$[1].open").value(true)).andExpect(jsonPath("$[1].causes[0].text", containsString("commercial use")));
    }

    @Test
    void recallQuarantinesTheLotAndTheScanKeepsRefusingTheUnitAsRecalled() throws Exception {
        TestUser doctor = user(Role.CLINICIAN);
        String clinic = clinics.clinic("KR", doctor);
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = releasedLot(donor);
        String lotCode = lotCode(lot);
        List<String> units = clinics.split(lot, analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        withdraw(donor, ConsentScope.COSMETIC_USE, "withdrawn");
        long reviewsBefore = count("disposition_review");

        decide(lot, "RECALL", "Consent withdrawn for all uses; recover units").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("RECALL"));

        assertThat(lotState(lot)).isEqualTo("QUARANTINED");
        assertThat(unitReasons(clinic, doctor, units.get(0))).containsExactly("lot " + lotCode + " was recalled on " + today
                + " (Consent withdrawn for all uses; recover units): do not use");
        // its own quarantine opened no new review, and nothing new opens one on a recalled lot
        withdraw(donor, ConsentScope.COMMERCIAL, "withdrawn too");
        assertThat(count("disposition_review")).isEqualTo(reviewsBefore);
        getJson("/api/lots/" + lot + "/decisions", qa).andExpect(jsonPath("$[-1].kind").value("RECALL"));
        scenarios.release(lot, qa).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons", org.hamcrest.Matchers.hasItem("Lot " + lotCode + " was recalled on " + today
                        + "; a recalled lot is not released again")));
    }

    @Test
    void quarantineOutcomePutsTheLotOnHoldAndTheUnitStaysRefused() throws Exception {
        TestUser doctor = user(Role.CLINICIAN);
        String clinic = clinics.clinic("KR", doctor);
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = releasedLot(donor);
        List<String> units = clinics.split(lot, analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        withdraw(donor, ConsentScope.COSMETIC_USE, "withdrawn");

        decide(lot, "QUARANTINE", "Hold until the ethics committee answers").andExpect(status().isOk());

        assertThat(lotState(lot)).isEqualTo("QUARANTINED");
        assertThat(unitReasons(clinic, doctor, units.get(0))).singleElement().asString().contains("quarantined").contains("do not use");
        reviews(lot, qa).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].outcome").value("QUARANTINE"));
        decide(lot, "CONTINUE", "again").andExpect(status().isConflict());
    }

    @Test
    void aQuarantineAfterReleaseOpensAReviewThatCollectsAnInvalidationAndContinueReleasesTheLotAgain() throws Exception {
        String lot = scenarios.released(qa);
        String lotCode = lotCode(lot);
        scenarios.sign(lot, "quarantine", qa, qa.username(), qa.password(), "Particulates reported by a clinic").andExpect(status().isOk());
        reviews(lot, qa).andExpect(jsonPath("$[0].causes[0].kindLabel").value("Lot quarantined"))
                .andExpect(jsonPath("$[0].causes[0].text").value("the lot was quarantined by Test [QA_RELEASER] on " + today))
                .andExpect(jsonPath("$[0].causes[0].reason").value("Particulates reported by a clinic"));

        // release and rejection wait for the review's outcome
        List<Long> before = counts(REVIEW_TABLES);
        scenarios.release(lot, qa).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons", org.hamcrest.Matchers.hasItem(containsString("is under disposition review since " + today))));
        scenarios.sign(lot, "rejection", qa, qa.username(), qa.password(), "reject").andExpect(status().isConflict());
        assertThat(counts(REVIEW_TABLES)).isEqualTo(before);

        // an invalidated result joins the open review
        String endotoxin = jdbc.sql("select id::text from result where lot_id = ?::uuid and test_code = 'endotoxin'").param(lot).query(String.class).single();
        postJson("/api/results/" + endotoxin + "/invalidation", analyst, "{\"reason\": \"Reader out of calibration\"}").andExpect(status().isOk());
        MvcResult joined = reviews(lot, qa).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].causes.length()").value(2))
                .andExpect(jsonPath("$[0].causes[1].kindLabel").value("Result invalidated"))
                .andExpect(jsonPath("$[0].causes[1].text").value("the result Endotoxin = 0.1 EU/mL was invalidated on " + today)).andReturn();
        String review = read(joined, "$[0].id");
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'disposition_review' and record_id = ? order by seq").param(review)
                .query(String.class).list()).containsExactly("CREATE", "ADD_CAUSE");

        // continuing a quarantined lot is a release: every release check applies (the endotoxin result is missing now)
        decide(lot, "CONTINUE", "Particulates were bubbles").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons", org.hamcrest.Matchers.hasItem(containsString("Endotoxin"))));
        scenarios.numeric(lot, "endotoxin", 0.1, "EU/mL", analyst);
        decide(lot, "CONTINUE", "Particulates were bubbles; endotoxin retested").andExpect(status().isOk());

        assertThat(lotState(lot)).isEqualTo("RELEASED");
        getJson("/api/lots/" + lot + "/decisions", qa).andExpect(jsonPath("$[-1].kind").value("RELEASE"))
                .andExpect(jsonPath("$[-1].reason").value("Particulates were bubbles; endotoxin retested"));
        assertThat(lotCode).isNotBlank();
    }

    @Test
    void aQuarantineBeforeReleaseOpensNoReview() throws Exception {
        String lot = scenarios.passingLot();
        scenarios.sign(lot, "quarantine", qa, qa.username(), qa.password(), "Hold while the batch record is checked").andExpect(status().isOk());
        reviews(lot, qa).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theLotPageDashboardAndLotListFlagTheReviewAndOnlyQaGetsTheOutcomeForm() throws Exception {
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = releasedLot(donor);
        String lotCode = lotCode(lot);
        withdraw(donor, ConsentScope.COSMETIC_USE, "withdrawn");
        var asQa = SecurityMockMvcRequestPostProcessors.user(qa.username()).roles("QA_RELEASER");
        var asResearcher = SecurityMockMvcRequestPostProcessors.user("review.researcher").roles("RESEARCHER");
        var asAnalyst = SecurityMockMvcRequestPostProcessors.user(analyst.username()).roles("LAB_ANALYST");

        mvc.perform(get("/lots/" + lot).with(asAnalyst)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span id=\"review-flag\"><span class=\"tag state-REJECTED\">Under disposition review</span>")));
        mvc.perform(get("/lots/" + lot + "/review-panel").with(asQa)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Under disposition review since " + today)))
                .andExpect(content().string(containsString("id=\"review-form\"")));
        mvc.perform(get("/lots/" + lot + "/review-panel").with(asResearcher)).andExpect(status().isOk())
                .andExpect(content().string(containsString("A donor withdrew consent for cosmetic use on " + today)))
                .andExpect(content().string(not(containsString("id=\"review-form\""))));
        mvc.perform(get("/lots/" + lot + "/release-panel").with(asQa)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"release-review-note\"")));
        mvc.perform(get("/dashboard").with(asQa)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Under disposition review (")))
                .andExpect(content().string(containsString(">" + lotCode + "</a>")));
        mvc.perform(get("/lots").param("review", "open").param("q", lotCode).with(asAnalyst)).andExpect(status().isOk())
                .andExpect(content().string(containsString(lotCode))).andExpect(content().string(containsString("Under review")));
        mvc.perform(get("/lots").param("review", "open").param("q", "NO-SUCH-LOT").with(asAnalyst)).andExpect(status().isOk())
                .andExpect(content().string(containsString("No lots match.")));

        List<Long> before = counts(REVIEW_TABLES);
        mvc.perform(post("/lots/" + lot + "/review-outcome").with(asAnalyst).with(csrf()).param("outcome", "CONTINUE")
                .param("reason", "analyst").param("username", analyst.username()).param("password", analyst.password()).param("confirm", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/lots/" + lot + "/review-outcome").with(asQa).with(csrf()).param("outcome", "CONTINUE")
                        .param("reason", "no box ticked").param("username", qa.username()).param("password", qa.password()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("tick the box to confirm")));
        mvc.perform(post("/lots/" + lot + "/review-outcome").with(asQa).with(csrf()).param("outcome", "RECALL")
                        .param("reason", "").param("username", qa.username()).param("password", qa.password()).param("confirm", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(">is required</span>")));
        assertThat(counts(REVIEW_TABLES)).isEqualTo(before);

        mvc.perform(post("/lots/" + lot + "/review-outcome").with(asQa).with(csrf()).param("outcome", "RECALL")
                        .param("reason", "Recover every unit").param("username", qa.username()).param("password", qa.password()).param("confirm", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Outcome signed: Recall")));
        assertThat(lotState(lot)).isEqualTo("QUARANTINED");
    }

    private String releasedLot(DonorRef donor) throws Exception {
        String lot = scenarios.lotInTesting(donor);
        releaseWithResults(lot);
        return lot;
    }

    private void releaseWithResults(String lot) throws Exception {
        scenarios.allRequiredResultsPassing(lot);
        scenarios.release(lot, qa).andExpect(status().isOk());
    }

    private String derive(String parent) throws Exception {
        return read(postJson("/api/lots/" + parent + "/derivatives", analyst, """
                {"productCode": "%s", "concentrationPerMl": 2.0E9, "volumeMl": 5, "manufacturedOn": "%s"}""".formatted(LotScenarios.PRODUCT, today))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private String pool(String... parents) throws Exception {
        return read(postJson("/api/lots/pools", analyst, """
                {"parentLotIds": ["%s"], "productCode": "%s", "concentrationPerMl": 3.0E9, "volumeMl": 8, "manufacturedOn": "%s"}"""
                .formatted(String.join("\", \"", parents), LotScenarios.PRODUCT, today))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private void withdraw(DonorRef donor, ConsentScope scope, String reason) throws Exception {
        postJson("/api/donors/" + donor.id() + "/consents/" + donor.consents().get(scope) + "/withdrawal", analyst,
                "{\"reason\": \"" + reason + "\"}").andExpect(status().isOk());
    }

    private ResultActions reviews(String lot, TestUser as) throws Exception {
        return getJson("/api/lots/" + lot + "/disposition-reviews", as).andExpect(status().isOk());
    }

    private ResultActions decide(String lot, String outcome, String reason) throws Exception {
        return postJson("/api/lots/" + lot + "/disposition-review/outcome", qa, outcome(outcome, qa, reason));
    }

    private static String outcome(String outcome, TestUser signer, String reason) {
        return """
                {"outcome": "%s", "username": "%s", "password": "%s", "reason": "%s"}""".formatted(outcome, signer.username(), signer.password(), reason);
    }

    private List<String> unitReasons(String clinic, TestUser doctor, String unit) throws Exception {
        return read(getJson("/api/clinics/" + clinic + "/unit-check?code=" + unit, doctor).andExpect(status().isOk()).andReturn(), "$.reasons");
    }

    /** A plan of a patient who signed the treatment consent (the scenario's patients do at registration). */
    private String planWithConsent(String clinic, TestUser doctor) throws Exception {
        String patient = clinics.patient(clinic, doctor, "melasma");
        return clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
    }

    private static String session(String unit) {
        return """
                {"unitCode": "%s", "volumeMl": 0.5, "device": "Dermapen 4", "needleDepthMm": 0.5, "passes": 3, "area": "full face", "side": "BOTH"}"""
                .formatted(unit);
    }

    private String donorCode(DonorRef donor) throws Exception {
        return read(getJson("/api/donors/" + donor.id(), analyst).andReturn(), "$.codeDisplay");
    }

    private String lotCode(String lot) throws Exception {
        return read(scenarios.lot(lot, analyst), "$.code");
    }

    private String lotState(String lot) throws Exception {
        return read(scenarios.lot(lot, analyst), "$.state");
    }
}
