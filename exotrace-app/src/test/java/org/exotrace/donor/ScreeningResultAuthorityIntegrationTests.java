package org.exotrace.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An out-of-specification donor result is never silently replaced: a result that is not negative
 * (reactive, detected, indeterminate, invalid run) is invalidated or corrected only by a QA releaser
 * who did not record it, with a reason; an unresolved inconclusive result keeps the donor from
 * being eligible even when a later negative result exists.
 */
class ScreeningResultAuthorityIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"donor_screening", "audit_entry"};

    @Autowired AuditTrail trail;

    private TestUser analyst;
    private TestUser qa;
    private LotScenarios scenarios;
    private LocalDate collected;

    @BeforeEach
    void people() {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        scenarios = new LotScenarios(mvc, analyst);
        collected = LocalDate.now().minusDays(5);
    }

    @Test
    void theAnalystWhoRecordedAReactiveResultCannotInvalidateOrCorrectItAndNothingIsWritten() throws Exception {
        String donor = eligibleDonor();
        String reactive = screen(donor, "HBSAG", "REACTIVE", analyst);
        eligibility(donor, "INELIGIBLE");
        TestUser otherAnalyst = user(Role.LAB_ANALYST);
        List<Long> before = counts(TABLES);

        invalidate(donor, reactive, "typo", analyst).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("QA releaser")));
        correct(donor, reactive, "HBSAG", "NON_REACTIVE", "typo", analyst).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("QA releaser")));
        // another analyst is no better
        invalidate(donor, reactive, "typo", otherAnalyst).andExpect(status().isForbidden());

        assertThat(counts(TABLES)).isEqualTo(before);
        eligibility(donor, "INELIGIBLE");
    }

    @Test
    void aQaReleaserWhoRecordedTheReactiveResultIsNotTheSecondPersonAndNothingIsWritten() throws Exception {
        TestUser both = user(Role.LAB_ANALYST, Role.QA_RELEASER);
        String donor = eligibleDonor();
        String reactive = screen(donor, "ANTI_HCV", "REACTIVE", both);
        List<Long> before = counts(TABLES);

        invalidate(donor, reactive, "typo", both).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons", hasItem(containsString("a person other than who recorded it"))));
        correct(donor, reactive, "ANTI_HCV", "NON_REACTIVE", "typo", both).andExpect(status().isUnprocessableContent());

        assertThat(counts(TABLES)).isEqualTo(before);
        eligibility(donor, "INELIGIBLE");
    }

    @Test
    void aSecondPersonFromQaInvalidatesAReactiveResultWithAReasonAndIsAudited() throws Exception {
        String donor = eligibleDonor();
        String reactive = screen(donor, "HBSAG", "REACTIVE", analyst);

        invalidate(donor, reactive, "  ", qa).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").isNotEmpty());
        invalidate(donor, reactive, "Tube of another donor, confirmed by the sample log", qa).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INVALIDATED"));

        eligibility(donor, "ELIGIBLE");
        List<AuditEntry> history = trail.history("donor_screening", reactive);
        assertThat(history).extracting(AuditEntry::action).containsExactly("CREATE", "INVALIDATE");
        assertThat(history.get(1).actor()).isEqualTo(qa.username());
    }

    @Test
    void aSecondPersonFromQaCorrectsAReactiveResult() throws Exception {
        String donor = eligibleDonor();
        String reactive = screen(donor, "HBSAG", "REACTIVE", analyst);

        correct(donor, reactive, "HBSAG", "NON_REACTIVE", "The report reads non-reactive", qa).andExpect(status().isCreated());

        eligibility(donor, "ELIGIBLE");
        assertThat(trail.history("donor_screening", reactive)).extracting(AuditEntry::action).containsExactly("CREATE", "CORRECT");
    }

    @Test
    void aNegativeResultIsStillInvalidatedByTheAnalystWhoRecordedIt() throws Exception {
        String donor = eligibleDonor();
        String negative = screen(donor, "HBSAG", "NON_REACTIVE", analyst);

        invalidate(donor, negative, "Entered twice", analyst).andExpect(status().isOk());
        eligibility(donor, "ELIGIBLE");
    }

    @Test
    void anIndeterminateResultIsNotResolvedByALaterNegativeOneUntilQaInvalidatesIt() throws Exception {
        String donor = eligibleDonor();
        String indeterminate = screen(donor, "ANTI_HBC", "INDETERMINATE", analyst);
        screen(donor, "ANTI_HBC", "NON_REACTIVE", analyst);

        getJson("/api/donors/" + donor, analyst).andExpect(jsonPath("$.eligibility").value("PENDING"))
                .andExpect(jsonPath("$.determination.reasons", hasItem(containsString("anti-HBc: indeterminate"))));
        List<Long> before = counts(TABLES);
        invalidate(donor, indeterminate, "repeat was negative", analyst).andExpect(status().isForbidden());
        assertThat(counts(TABLES)).isEqualTo(before);

        invalidate(donor, indeterminate, "Reader fault; repeat on the same sample non-reactive", qa).andExpect(status().isOk());
        eligibility(donor, "ELIGIBLE");
    }

    private String eligibleDonor() throws Exception {
        String donor = read(postJson("/api/donors", analyst, """
                {"sourceType": "UMBILICAL_CORD_MSC", "sourceDetail": "authority test donor", "collectedOn": "%s"}""".formatted(collected))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        scenarios.screenFullPanel(donor);
        return donor;
    }

    private String screen(String donor, String test, String result, TestUser as) throws Exception {
        return read(postJson("/api/donors/" + donor + "/screenings", as, """
                {"testCode": "%s", "result": "%s", "sampledOn": "%s"}""".formatted(test, result, collected))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private ResultActions invalidate(String donor, String screening, String reason, TestUser as) throws Exception {
        return postJson("/api/donors/" + donor + "/screenings/" + screening + "/invalidation", as, """
                {"reason": "%s"}""".formatted(reason));
    }

    private ResultActions correct(String donor, String screening, String test, String result, String reason, TestUser as) throws Exception {
        return postJson("/api/donors/" + donor + "/screenings/" + screening + "/correction", as, """
                {"testCode": "%s", "result": "%s", "sampledOn": "%s", "reason": "%s"}""".formatted(test, result, collected, reason));
    }

    private void eligibility(String donor, String expected) throws Exception {
        getJson("/api/donors/" + donor + "/eligibility", analyst).andExpect(jsonPath("$.eligibility").value(expected));
    }
}
