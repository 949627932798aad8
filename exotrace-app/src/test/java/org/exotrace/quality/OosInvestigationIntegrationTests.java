package org.exotrace.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.exotrace.IntegrationTest;
import org.exotrace.InvestigationScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Out-of-specification investigations through the API (FDA guidance "Investigating OOS Test
 * Results for Pharmaceutical Production", 2006, rev. 2022): an OOS result opens one, retests and
 * the invalidation happen only inside it, an invalidation needs a second QA person, and the lot's
 * evaluation never loses an OOS result that still stands.
 */
class OosInvestigationIntegrationTests extends IntegrationTest {

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

    private ResultActions evaluation() throws Exception {
        return getJson("/api/lots/" + lot + "/evaluation", analyst).andExpect(status().isOk());
    }
}
