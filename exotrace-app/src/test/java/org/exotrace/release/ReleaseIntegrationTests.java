package org.exotrace.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.LotScenarios.DonorRef;
import org.exotrace.donor.ConsentScope;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Release of lots under an electronic signature through the API: what a QA releaser may sign,
 * every reason a release is refused, and that a refusal writes nothing.
 */
class ReleaseIntegrationTests extends IntegrationTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    /** A refused signature must leave no decision, no signature and no audit entry behind. */
    private static final String[] SIGNATURE_TABLES = {"lot_decision", "electronic_signature", "audit_entry"};

    TestUser analyst;
    TestUser qa;
    LotScenarios scenarios;

    @BeforeEach
    void people() {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        scenarios = new LotScenarios(mvc, analyst);
    }

    @Test
    void releasesAPassingLotUnderTheQaUsersSignatureAndIssuesAPdfCertificate() throws Exception {
        String lot = scenarios.passingLot();

        scenarios.release(lot, qa)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("RELEASE"))
                .andExpect(jsonPath("$.lotId").value(lot))
                .andExpect(jsonPath("$.certificateNumber", matchesPattern("CoA-\\d{4}-\\d{5}")))
                .andExpect(jsonPath("$.specificationReference", matchesPattern("HMSC-EXO-SERUM version \\d+")))
                .andExpect(jsonPath("$.signature.username").value(qa.username()))
                .andExpect(jsonPath("$.signature.printedName").value("Test [QA_RELEASER]"))
                .andExpect(jsonPath("$.signature.meaning").value("RELEASE"))
                .andExpect(jsonPath("$.signature.contentHash", matchesPattern("[0-9a-f]{64}")));

        assertThat(lotState(lot)).isEqualTo("RELEASED");
        MvcResult pdf = mvc.perform(get("/api/lots/" + lot + "/certificate").with(qa.basic()).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn();
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void refusesReleaseByTheAnalystWhoEnteredResults() throws Exception {
        TestUser both = user(Role.LAB_ANALYST, Role.QA_RELEASER);
        String lot = scenarios.lotInTesting();
        scenarios.resultsPassing(lot, LotScenarios.PASSING_REQUIRED.keySet().stream().filter(c -> !c.equals("sterility")).toList());
        scenarios.categorical(lot, "sterility", "NO_GROWTH", both);
        List<Long> before = counts(SIGNATURE_TABLES);

        scenarios.release(lot, both)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Release refused"))
                .andExpect(jsonPath("$.reasons.length()").value(1))
                .andExpect(jsonPath("$.reasons[0]", containsString(both.username() + " entered results for this lot")))
                .andExpect(jsonPath("$.reasons[0]", containsString("two-person rule")));

        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
        assertThat(decisionRows(lot)).isZero();
        // The same lot is releasable by a QA user who did not test it: the refusal was the two-person rule alone.
        scenarios.release(lot, qa).andExpect(status().isOk());
    }

    @Test
    void refusesReleaseWhenConsentWithdrawn() throws Exception {
        DonorRef donor = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = scenarios.lotInTesting(donor);
        scenarios.allRequiredResultsPassing(lot);
        postJson("/api/donors/" + donor.id() + "/consents/" + donor.consents().get(ConsentScope.COMMERCIAL) + "/withdrawal", analyst, """
                {"reason": "Donor objects to commercial use"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        List<Long> before = counts(SIGNATURE_TABLES);

        scenarios.release(lot, qa)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.reasons.length()").value(1))
                .andExpect(jsonPath("$.reasons[0]", containsString("withdrew consent for commercial use")))
                .andExpect(jsonPath("$.reasons[0]", containsString("Donor objects to commercial use")));

        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
    }

    @Test
    void refusesReleaseOfOutOfSpecificationLot() throws Exception {
        String lot = scenarios.outOfSpecification();
        List<Long> before = counts(SIGNATURE_TABLES);

        scenarios.release(lot, qa)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.reasons.length()").value(2))
                .andExpect(jsonPath("$.reasons[0]", containsString("Endotoxin is out of specification: 2 EU/mL (limits ")))
                .andExpect(jsonPath("$.reasons[1]", matchesPattern("Out-of-specification investigation OOS-\\d{4}-\\d{4} \\(Endotoxin 2 EU/mL\\) is open.*")));

        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
    }

    @Test
    void refusesReleaseWithRequiredResultsMissingAndListsEachMissingTest() throws Exception {
        String lot = scenarios.lotInTesting();
        scenarios.resultsPassing(lot, List.of("size_mode", "marker_transmembrane", "marker_cytosolic"));
        List<String> expected = LotScenarios.REQUIRED_TEST_NAMES.entrySet().stream()
                .filter(e -> !List.of("size_mode", "marker_transmembrane", "marker_cytosolic").contains(e.getKey()))
                .map(e -> LotScenarios.missingReason(e.getKey()))
                .toList();
        assertThat(expected).hasSize(7);
        List<Long> before = counts(SIGNATURE_TABLES);

        MvcResult refusal = scenarios.release(lot, qa)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andReturn();

        List<String> reasons = read(refusal, "$.reasons");
        assertThat(reasons).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
    }

    @Test
    void scenarioPassingResultsCoverExactlyTheRequiredTestsOfTheDefaultSpecification() {
        assertThat(LotScenarios.PASSING_REQUIRED.keySet()).containsExactlyInAnyOrderElementsOf(LotScenarios.RESULTS_A_RELEASE_NEEDS);
    }

    @Test
    void locksSigningAfterThreeWrongPasswordsEvenWithTheRightOne() throws Exception {
        TestUser careless = user(Role.QA_RELEASER);
        String lot = scenarios.passingLot();
        for (int i = 0; i < 3; i++) {
            scenarios.sign(lot, "release", careless, careless.username(), "wrong " + i, null).andExpect(status().isBadRequest());
        }

        scenarios.sign(lot, "release", careless, careless.username(), careless.password(), null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("Signing is locked")));
        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        assertThat(jdbc.sql("select count(*) from signature_failure where username = ?").param(careless.username())
                .query(Long.class).single()).isEqualTo(3);

        scenarios.release(lot, qa).andExpect(status().isOk());
    }

    @Test
    void refusesASignatureWithAWrongPasswordAndWritesNothing() throws Exception {
        String lot = scenarios.passingLot();
        List<Long> before = counts(SIGNATURE_TABLES);

        scenarios.sign(lot, "release", qa, qa.username(), "not my password", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.password", containsString("password is wrong")));

        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        // the wrong password itself is audited (a failed sign-in of the account, issue 10); nothing else is written
        List<Long> after = counts(SIGNATURE_TABLES);
        assertThat(after.subList(0, 2)).isEqualTo(before.subList(0, 2));
        assertThat(after.get(2)).isEqualTo(before.get(2) + 1);
        assertThat(jdbc.sql("select record_id || ' ' || action from audit_entry order by seq desc limit 1").query(String.class).single())
                .isEqualTo(qa.username() + " LOGIN_FAILED");
    }

    @Test
    void refusesASignatureUnderAnotherUsersNameAndWritesNothing() throws Exception {
        TestUser otherQa = user(Role.QA_RELEASER);
        String lot = scenarios.passingLot();
        List<Long> before = counts(SIGNATURE_TABLES);

        // The caller knows the other user's password too: the signature must still be the caller's own.
        scenarios.sign(lot, "release", qa, otherQa.username(), otherQa.password(), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.username", containsString("you are signed in as " + qa.username())));

        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
    }

    @Test
    void rejectionAndQuarantineRequireAReasonAndWriteNothingWithoutOne() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts(SIGNATURE_TABLES);

        for (String action : List.of("rejection", "quarantine")) {
            scenarios.sign(lot, action, qa, qa.username(), qa.password(), null)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.errors.reason", containsString("state the reason")));
            scenarios.sign(lot, action, qa, qa.username(), qa.password(), "   ")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.reason").isNotEmpty());
        }

        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
    }

    @Test
    void quarantinesWithAReasonAndTheLotCanStillBeReleasedFromQuarantine() throws Exception {
        String lot = scenarios.passingLot();

        scenarios.sign(lot, "quarantine", qa, qa.username(), qa.password(), "Deviation 42 under investigation")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("QUARANTINE"))
                .andExpect(jsonPath("$.reason").value("Deviation 42 under investigation"))
                .andExpect(jsonPath("$.signature.meaning").value("QUARANTINE"));
        assertThat(lotState(lot)).isEqualTo("QUARANTINED");

        scenarios.release(lot, qa).andExpect(status().isOk());
        assertThat(lotState(lot)).isEqualTo("RELEASED");
    }

    @Test
    void withdrawsTheCertificateWhileAReleasedLotIsOnARecallHold() throws Exception {
        String lot = scenarios.released(qa);
        mvc.perform(get("/api/lots/" + lot + "/certificate").with(qa.basic()).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk());

        scenarios.sign(lot, "quarantine", qa, qa.username(), qa.password(), "Recall hold: complaint 7").andExpect(status().isOk());

        mvc.perform(get("/api/lots/" + lot + "/certificate").with(qa.basic()).accept(MediaType.APPLICATION_PDF, PROBLEM))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("withdrawn until it is released again")));
    }

    @Test
    void aRejectedLotCannotBeReleased() throws Exception {
        String lot = scenarios.passingLot();
        scenarios.sign(lot, "rejection", qa, qa.username(), qa.password(), "Container integrity failure")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("REJECTION"))
                .andExpect(jsonPath("$.reason").value("Container integrity failure"));
        assertThat(lotState(lot)).isEqualTo("REJECTED");
        List<Long> before = counts(SIGNATURE_TABLES);

        scenarios.release(lot, qa)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.reasons", hasItem(containsString("is rejected; only lots in testing or quarantine can be released"))));

        assertThat(lotState(lot)).isEqualTo("REJECTED");
        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
    }

    @Test
    void answersConflictForTheCertificateOfAnUnreleasedLot() throws Exception {
        String lot = scenarios.passingLot();

        mvc.perform(get("/api/lots/" + lot + "/certificate").with(qa.basic()).accept(MediaType.APPLICATION_PDF, PROBLEM))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("has not been released")));
    }

    @Test
    void answersConflictForTheCertificateOfAnUnreleasedLotToAClientThatAcceptsOnlyPdf() throws Exception {
        String lot = scenarios.passingLot();

        mvc.perform(get("/api/lots/" + lot + "/certificate").with(qa.basic()).accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isConflict());
    }

    @Test
    void forbidsAnAnalystToReleaseAndWritesNothing() throws Exception {
        String lot = scenarios.passingLot();
        List<Long> before = counts(SIGNATURE_TABLES);

        scenarios.sign(lot, "release", analyst, analyst.username(), analyst.password(), null)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(403));

        assertThat(lotState(lot)).isEqualTo("IN_TESTING");
        assertThat(counts(SIGNATURE_TABLES)).isEqualTo(before);
    }

    private String lotState(String lot) throws Exception {
        return read(scenarios.lot(lot, analyst), "$.state");
    }

    private long decisionRows(String lot) {
        return jdbc.sql("select count(*) from lot_decision where lot_id = ?::uuid").param(lot).query(Long.class).single();
    }
}
