package org.exotrace.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.InvestigationScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Out-of-specification investigations through the API (FDA guidance "Investigating OOS Test
 * Results for Pharmaceutical Production", 2006, rev. 2022): an OOS result opens one, retests and
 * the invalidation happen only inside it, an invalidation needs a second QA person, and the lot's
 * evaluation never loses an OOS result that still stands.
 */
@RecordApplicationEvents
class OosInvestigationIntegrationTests extends IntegrationTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    /** A refusal must leave no result, no investigation change and no audit entry behind. */
    private static final String[] TABLES = {"result", "oos_investigation", "oos_additional_result", "audit_entry"};

    @Autowired ApplicationEvents events;

    TestUser analyst;
    TestUser qa;
    LotScenarios scenarios;
    InvestigationScenarios investigations;
    String lot;

    @BeforeEach
    void lotWithEveryRequiredResultButEndotoxin() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        scenarios = new LotScenarios(mvc, analyst);
        investigations = new InvestigationScenarios(mvc);
        lot = scenarios.lotInTesting();
        scenarios.resultsPassing(lot, LotScenarios.PASSING_REQUIRED.keySet().stream().filter(c -> !c.equals("endotoxin")).toList());
    }

    @Test
    void aTestWithAValidOutOfSpecificationResultFailsWhateverItsRetestsSay() throws Exception {
        String oos = scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseOne(investigation, analyst, "Wrong dilution").andExpect(status().isOk());
        String retest = read(investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verdictAtEntry").value("PASS"))
                .andExpect(jsonPath("$.retestOf").value(oos))
                .andReturn(), "$.id");
        investigations.additional(investigation, analyst, "endotoxin", 0.1, "EU/mL", "RETEST").andExpect(status().isCreated());

        // Two passing retests, newer than the OOS result: the test still fails on the OOS result, which stays valid.
        evaluation()
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("FAIL")))
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].resultId", contains(oos)))
                .andExpect(jsonPath("$.overall").value("FAIL"))
                .andExpect(jsonPath("$.releasable").value(false));
        getJson("/api/results/" + oos, analyst).andExpect(jsonPath("$.status").value("VALID"));

        // Proposed, not yet approved: the OOS result still counts.
        investigations.proposeInvalidation(investigation, analyst).andExpect(status().isOk());
        evaluation().andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("FAIL")));

        // Approved by a second person holding the QA role: the OOS result is invalidated and the newest retest counts.
        investigations.approve(investigation, qa).andExpect(status().isOk());
        getJson("/api/results/" + oos, analyst).andExpect(jsonPath("$.status").value("INVALIDATED"));
        getJson("/api/results/" + retest, analyst).andExpect(jsonPath("$.status").value("VALID"));
        evaluation()
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("PASS")))
                .andExpect(jsonPath("$.overall").value("PASS"));
    }

    @Test
    void anOutOfSpecificationRetestInsideTheInvestigationKeepsTheTestFailingEvenAfterTheFirstResultIsInvalidated() throws Exception {
        scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseOne(investigation, analyst, "Wrong dilution").andExpect(status().isOk());
        String failingRetest = read(investigations.additional(investigation, analyst, "endotoxin", 0.9, "EU/mL", "RETEST")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.verdictAtEntry").value("FAIL")).andReturn(), "$.id");
        investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST").andExpect(status().isCreated());
        investigations.proposeInvalidation(investigation, analyst).andExpect(status().isOk());
        investigations.approve(investigation, qa).andExpect(status().isOk());

        evaluation()
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("FAIL")))
                .andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].resultId", contains(failingRetest)))
                .andExpect(jsonPath("$.blockingReasons[0]", containsString("Endotoxin is out of specification: 0.9 EU/mL")));
    }

    @Test
    void anOutOfSpecificationResultOpensANumberedInvestigationOfItsLotTestAndResult() throws Exception {
        String passing = scenarios.numeric(lot, "size_d50", 110, "nm", analyst);
        getJson("/api/lots/" + lot + "/investigations", analyst).andExpect(jsonPath("$.length()").value(0));

        String oos = scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);

        getJson("/api/lots/" + lot + "/investigations", analyst)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].number", matchesPattern("OOS-" + Year.now().getValue() + "-\\d{4}")))
                .andExpect(jsonPath("$[0].lotId").value(lot))
                .andExpect(jsonPath("$[0].testCode").value("endotoxin"))
                .andExpect(jsonPath("$[0].resultId").value(oos))
                .andExpect(jsonPath("$[0].analyst").value(analyst.username()))
                .andExpect(jsonPath("$[0].status").value("OPEN"))
                .andExpect(jsonPath("$[0].phase").value("PHASE_I"))
                .andExpect(jsonPath("$[0].state").value("Phase I, open"))
                .andExpect(jsonPath("$[0].conclusion").doesNotExist());
        String investigation = investigations.of(lot, "endotoxin", analyst);
        assertThat(auditActions(investigation)).containsExactly("CREATE");
        getJson("/api/investigations", qa).andExpect(jsonPath("$[*].id", hasItem(investigation)));
        assertThat(passing).isNotEqualTo(oos);
    }

    @Test
    void refusesADirectRetestOfAnOutOfSpecificationResultAndWritesNothing() throws Exception {
        String oos = scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String number = read(getJson("/api/lots/" + lot + "/investigations", analyst).andReturn(), "$[0].number");
        List<Long> before = counts(TABLES);

        scenarios.recordResult(lot, analyst, """
                {"testCode": "endotoxin", "value": 0.2, "unit": "EU/mL", "method": "LAL", "performedAt": "%s",
                 "retestOf": "%s", "retestReason": "Looks like a dilution error"}""".formatted(LotScenarios.performedAt(), oos))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("under investigation " + number)))
                .andExpect(jsonPath("$.detail", containsString("only inside that investigation")));
        scenarios.recordResult(lot, analyst, LotScenarios.numericJson("endotoxin", 0.2, "EU/mL"))
                .andExpect(status().isConflict());

        assertThat(counts(TABLES)).isEqualTo(before);
        getJson("/api/results/" + oos, analyst).andExpect(jsonPath("$.status").value("VALID"));
    }

    @Test
    void refusesToInvalidateAnOutOfSpecificationResultOutsideItsInvestigationAndWritesNothing() throws Exception {
        String oos = scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        List<Long> before = counts(TABLES);

        postJson("/api/results/" + oos + "/invalidation", analyst, """
                {"reason": "Wrong dilution"}""")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("invalidated only inside its investigation")));

        assertThat(counts(TABLES)).isEqualTo(before);
        getJson("/api/results/" + oos, analyst).andExpect(jsonPath("$.status").value("VALID"));
    }

    @Test
    void aRetestInsideTheInvestigationNeedsThePhaseOneFindingsFirstAndRefusalsWriteNothing() throws Exception {
        scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        List<Long> before = counts(TABLES);

        investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("phase I findings")));
        investigations.proposeInvalidation(investigation, analyst).andExpect(status().isConflict());
        investigations.action(investigation, "phase-one", analyst, """
                {"calculationCheck": "fine", "instrumentCheck": " ", "hypothesis": "none"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.instrumentCheck").value("is required"))
                .andExpect(jsonPath("$.errors.standardCheck").value("is required"))
                .andExpect(jsonPath("$.errors.samplePreparationCheck").value("is required"));

        assertThat(counts(TABLES)).isEqualTo(before);
        investigations.phaseOne(investigation, analyst, "Wrong dilution").andExpect(status().isOk())
                .andExpect(jsonPath("$.phaseOne.hypothesis").value("Wrong dilution"));
        investigations.additional(investigation, analyst, "size_mode", 100, "nm", "RETEST")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.testCode", containsString("investigates endotoxin")));
        investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RESAMPLE")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind", containsString("justification in the phase II plan")));
    }

    @Test
    void anInvalidationNeedsAnAssignableCauseWithCategoryAndDescription() throws Exception {
        scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseOne(investigation, analyst, "Wrong dilution").andExpect(status().isOk());
        List<Long> before = counts(TABLES);

        investigations.action(investigation, "proposal", analyst, """
                {"conclusion": "INVALIDATED"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.causeCategory", containsString("category of its assignable cause")))
                .andExpect(jsonPath("$.errors.causeDescription").value("is required"));
        investigations.action(investigation, "proposal", analyst, """
                {"conclusion": "INVALIDATED", "causeCategory": "BAD_LUCK", "causeDescription": "The retest passed, so the first was wrong"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.causeCategory").exists());
        investigations.action(investigation, "proposal", analyst, """
                {"conclusion": "OOS_CONFIRMED"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.summary").value("is required"));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void theApproverMustBeASecondPersonHoldingTheQaRoleWhoNeitherProposedNorTested() throws Exception {
        String oos = scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        TestUser testingQa = user(Role.LAB_ANALYST, Role.QA_RELEASER);
        investigations.phaseOne(investigation, qa, "Wrong dilution").andExpect(status().isOk());
        investigations.additional(investigation, testingQa, "endotoxin", 0.2, "EU/mL", "RETEST").andExpect(status().isCreated());
        investigations.proposeInvalidation(investigation, qa).andExpect(status().isOk());
        TestUser secondQa = user(Role.QA_RELEASER);
        List<Long> before = counts(TABLES);

        // The analyst holds no QA role.
        investigations.approve(investigation, analyst).andExpect(status().isForbidden());
        // The proposer.
        investigations.approve(investigation, qa)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Approval refused"))
                .andExpect(jsonPath("$.reasons[0]", containsString("proposed this conclusion; a second person must approve it")));
        // A QA person who entered a result of the investigation.
        investigations.approve(investigation, testingQa)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]", containsString("two-person rule")));
        // Somebody else's user name, or a wrong password.
        investigations.approve(investigation, secondQa, qa.username(), qa.password())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.username", containsString("signed in as " + secondQa.username())));
        investigations.approve(investigation, secondQa, secondQa.username(), "not my password")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.password", containsString("password is wrong")));

        // the wrong password itself is audited (a failed sign-in of the account, issue 10); nothing else is written
        List<Long> after = counts(TABLES);
        assertThat(after.subList(0, 3)).isEqualTo(before.subList(0, 3));
        assertThat(after.get(3)).isEqualTo(before.get(3) + 1);
        assertThat(jdbc.sql("select record_id || ' ' || action from audit_entry order by seq desc limit 1").query(String.class).single())
                .isEqualTo(secondQa.username() + " LOGIN_FAILED");
        getJson("/api/results/" + oos, analyst).andExpect(jsonPath("$.status").value("VALID"));
        getJson("/api/investigations/" + investigation, analyst).andExpect(jsonPath("$.status").value("OPEN"));
        assertThat(events.stream(ResultInvalidated.class)).isEmpty();

        investigations.approve(investigation, secondQa)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.approval.username").value(secondQa.username()))
                .andExpect(jsonPath("$.approval.contentHash", matchesPattern("[0-9a-f]{64}")));
        assertThat(events.stream(ResultInvalidated.class)).singleElement().satisfies(e -> {
            assertThat(e.resultId().toString()).isEqualTo(oos);
            assertThat(e.reason()).contains("Sample preparation", "diluted 1:4");
        });
    }

    @Test
    void locksApprovalAfterThreeWrongPasswords() throws Exception {
        scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseOne(investigation, analyst, "Wrong dilution").andExpect(status().isOk());
        investigations.proposeInvalidation(investigation, analyst).andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            investigations.approve(investigation, qa, qa.username(), "wrong " + i).andExpect(status().isBadRequest());
        }

        investigations.approve(investigation, qa).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("Approving is locked")));
        getJson("/api/investigations/" + investigation, analyst).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void inPhaseTwoAdditionalTestingIsDoneByASecondAnalystAndAResampleNeedsItsJustification() throws Exception {
        scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseTwo(investigation, analyst, null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("phase I findings")));
        investigations.phaseOne(investigation, analyst, "No laboratory error found").andExpect(status().isOk());
        investigations.phaseTwo(investigation, analyst, "Retained sample stored above 8 °C for 2 h")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("PHASE_II"))
                .andExpect(jsonPath("$.phaseTwo.resamplingJustification").value("Retained sample stored above 8 °C for 2 h"));
        List<Long> before = counts(TABLES);

        investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("second analyst")));
        investigations.phaseOne(investigation, analyst, "amended").andExpect(status().isConflict());

        assertThat(counts(TABLES)).isEqualTo(before);
        TestUser second = user(Role.LAB_ANALYST);
        investigations.additional(investigation, second, "endotoxin", 0.7, "EU/mL", "RETEST").andExpect(status().isCreated());
        investigations.additional(investigation, second, "endotoxin", 0.75, "EU/mL", "RESAMPLE").andExpect(status().isCreated());
        getJson("/api/investigations/" + investigation, analyst)
                .andExpect(jsonPath("$.additionalResults[*].kind", contains("RETEST", "RESAMPLE")))
                .andExpect(jsonPath("$.additionalResults[*].phase", contains("PHASE_II", "PHASE_II")));
        // Out-of-specification retests inside the investigation open no investigation of their own.
        getJson("/api/lots/" + lot + "/investigations", analyst).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aConfirmedOutOfSpecificationResultKeepsTheTestFailingSoQaRejectsTheLot() throws Exception {
        String oos = scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseOne(investigation, analyst, "No laboratory error found").andExpect(status().isOk());
        investigations.proposeConfirmation(investigation, analyst).andExpect(status().isOk());
        investigations.approve(investigation, qa).andExpect(status().isOk())
                .andExpect(jsonPath("$.approval.meaning", containsString("confirmed; the lot fails this test")));

        getJson("/api/results/" + oos, analyst).andExpect(jsonPath("$.status").value("VALID"));
        evaluation().andExpect(jsonPath("$.tests[?(@.code == 'endotoxin')].verdict", contains("FAIL")));
        getJson("/api/lots/" + lot + "/results-on-record", analyst)
                .andExpect(jsonPath("$.lines[?(@.result.id == '" + oos + "')].status", contains("Valid, OOS confirmed")))
                .andExpect(jsonPath("$.lines[?(@.result.id == '" + oos + "')].atEntry", contains("Out of specification")));
        getJson("/api/investigations/" + investigation, analyst)
                .andExpect(jsonPath("$.conclusion").value("OOS_CONFIRMED"))
                .andExpect(jsonPath("$.state").value("Closed: OOS confirmed: the result stands"));
        // Closed: no retest, no further step.
        investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST").andExpect(status().isConflict());
        scenarios.recordResult(lot, analyst, LotScenarios.numericJson("endotoxin", 0.2, "EU/mL")).andExpect(status().isConflict());
        scenarios.release(lot, qa).andExpect(status().isUnprocessableContent());
        scenarios.sign(lot, "rejection", qa, qa.username(), qa.password(), "Endotoxin OOS confirmed").andExpect(status().isOk());
    }

    @Test
    void qaCanReturnAProposalAndTheInvestigationGoesOn() throws Exception {
        scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseOne(investigation, analyst, "Wrong dilution").andExpect(status().isOk());
        investigations.proposeInvalidation(investigation, analyst).andExpect(status().isOk());
        investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("waiting for QA approval")));

        investigations.action(investigation, "return", qa, """
                {"reason": "No retest at the right dilution yet"}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.proposal").doesNotExist());

        investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST").andExpect(status().isCreated());
        assertThat(auditActions(investigation)).containsExactly("CREATE", "PHASE_I", "PROPOSE", "RETURN");
    }

    @Test
    void everyStepIsAuditedAndTheInvalidatedResultKeepsItsCauseOnRecord() throws Exception {
        String oos = scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        investigations.phaseOne(investigation, analyst, "Wrong dilution").andExpect(status().isOk());
        String retest = read(investigations.additional(investigation, analyst, "endotoxin", 0.2, "EU/mL", "RETEST")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        investigations.proposeInvalidation(investigation, analyst).andExpect(status().isOk());
        investigations.approve(investigation, qa).andExpect(status().isOk());
        String number = read(getJson("/api/investigations/" + investigation, analyst).andReturn(), "$.number");

        assertThat(auditActions(investigation)).containsExactly("CREATE", "PHASE_I", "PROPOSE", "APPROVE");
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'result' and record_id = ? order by seq").param(oos)
                .query(String.class).list()).containsExactly("CREATE", "INVALIDATE");
        assertThat(jdbc.sql("select new_value from audit_entry where record_type = 'result' and record_id = ? and action = 'CREATE'")
                .param(retest).query(String.class).single()).contains(number, "Retest of the original sample");
        getJson("/api/results/" + oos, analyst)
                .andExpect(jsonPath("$.status").value("INVALIDATED"))
                .andExpect(jsonPath("$.statusReason", containsString("Invalidated under " + number)))
                .andExpect(jsonPath("$.statusReason", containsString("Sample preparation (dilution, handling, contamination): Sample diluted 1:4")));
        getJson("/api/lots/" + lot + "/results-on-record", analyst)
                .andExpect(jsonPath("$.lines[?(@.result.id == '" + oos + "')].status", contains("Invalidated")))
                .andExpect(jsonPath("$.lines[?(@.result.id == '" + oos + "')].role", contains("Out-of-specification result, " + number)))
                .andExpect(jsonPath("$.lines[?(@.result.id == '" + retest + "')].role", contains("Retest in " + number + " (Phase I)")));
    }

    @Test
    void theInvestigationPagesRenderAndAFormRefusalShowsItsFieldMessagesAndWritesNothing() throws Exception {
        scenarios.numeric(lot, "endotoxin", 0.8, "EU/mL", analyst);
        String investigation = investigations.of(lot, "endotoxin", analyst);
        String number = read(getJson("/api/investigations/" + investigation, analyst).andReturn(), "$.number");
        var asAnalyst = SecurityMockMvcRequestPostProcessors.user(analyst.username()).roles("LAB_ANALYST");
        var asQa = SecurityMockMvcRequestPostProcessors.user(qa.username()).roles("QA_RELEASER");

        mvc.perform(get("/investigations").with(asQa)).andExpect(status().isOk())
                .andExpect(content().string(containsString(number))).andExpect(content().string(containsString("Endotoxin: 0.8 EU/mL")));
        mvc.perform(get("/dashboard").with(asQa)).andExpect(status().isOk()).andExpect(content().string(containsString("open OOS investigations")));
        mvc.perform(get("/lots/" + lot + "/quality").with(asAnalyst)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/investigations/" + investigation)))
                .andExpect(content().string(containsString(number + " · Phase I, open")));
        mvc.perform(get("/investigations/" + investigation).with(asAnalyst)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Record the phase I findings")));
        List<Long> before = counts(TABLES);

        mvc.perform(post("/investigations/" + investigation + "/phase-one").with(asAnalyst).with(csrf()).param("calculationCheck", "ok"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error\">is required")))
                .andExpect(content().string(containsString(">ok</textarea>")));
        mvc.perform(post("/investigations/" + investigation + "/results").with(asAnalyst).with(csrf()).param("value", "zero point two"))
                .andExpect(status().isOk());

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    private List<String> auditActions(String investigation) {
        return jdbc.sql("select action from audit_entry where record_type = 'oos_investigation' and record_id = ? order by seq")
                .param(investigation).query(String.class).list();
    }

    private ResultActions evaluation() throws Exception {
        return getJson("/api/lots/" + lot + "/evaluation", analyst).andExpect(status().isOk());
    }
}
