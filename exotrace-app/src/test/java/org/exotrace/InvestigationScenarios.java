package org.exotrace;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.exotrace.IntegrationTest.TestUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Moves an out-of-specification investigation through the real API, step by step, the way the
 * lab and QA would (FDA OOS guidance: phase I laboratory investigation, phase II full-scale
 * investigation, a conclusion approved by QA). Every step asserts its own success.
 */
public final class InvestigationScenarios {

    private final MockMvc mvc;

    public InvestigationScenarios(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** The id of the investigation the out-of-specification result of {@code testCode} opened on the lot. */
    public String of(String lotId, String testCode, TestUser as) throws Exception {
        String body = mvc.perform(get("/api/lots/" + lotId + "/investigations").with(httpBasic(as.username(), as.password()))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(body, "$[?(@.testCode == '" + testCode + "')].id");
        if (ids.size() != 1) throw new AssertionError("expected one investigation of " + testCode + " on lot " + lotId + ", found " + ids.size());
        return ids.get(0);
    }

    /** Phase I: what the analyst and supervisor checked (calculation, instrument, standard, sample preparation) and the hypothesis. */
    public ResultActions phaseOne(String investigation, TestUser as, String hypothesis) throws Exception {
        return action(investigation, "phase-one", as, """
                {"calculationCheck": "Raw data and calculation re-checked: no error",
                 "instrumentCheck": "Reader calibration and system suitability in order",
                 "standardCheck": "Control standard endotoxin recovery 98 %%",
                 "samplePreparationCheck": "Dilution 1:4 instead of 1:10 per the worksheet photo",
                 "hypothesis": "%s"}""".formatted(hypothesis));
    }

    /** Phase II: production review and the predefined plan of additional testing. */
    public ResultActions phaseTwo(String investigation, TestUser as, String resamplingJustification) throws Exception {
        return action(investigation, "phase-two", as, """
                {"productionReview": "Batch record, environmental monitoring and water system reviewed: no deviation",
                 "plan": "Retest of the retained sample in duplicate by a second analyst"%s}"""
                .formatted(resamplingJustification == null ? "" : ", \"resamplingJustification\": \"" + resamplingJustification + "\""));
    }

    /** An additional numeric result recorded inside the investigation (kind RETEST or RESAMPLE). */
    public ResultActions additional(String investigation, TestUser as, String testCode, double value, String unit, String kind) throws Exception {
        return action(investigation, "results", as, """
                {"testCode": "%s", "value": %s, "unit": "%s", "method": "LAL kinetic chromogenic", "performedAt": "%s",
                 "retestReason": "Hypothesis test of the investigation", "kind": "%s"}"""
                .formatted(testCode, value, unit, Instant.now().minus(30, ChronoUnit.MINUTES), kind));
    }

    /** Proposes to invalidate the original result for an assignable laboratory cause. */
    public ResultActions proposeInvalidation(String investigation, TestUser as) throws Exception {
        return action(investigation, "proposal", as, """
                {"conclusion": "INVALIDATED", "causeCategory": "SAMPLE_PREPARATION",
                 "causeDescription": "Sample diluted 1:4 instead of 1:10 (worksheet photo); retest at the right dilution 0.2 EU/mL",
                 "summary": "Laboratory error in sample preparation confirmed"}""");
    }

    /** Proposes to conclude that the out-of-specification result stands. */
    public ResultActions proposeConfirmation(String investigation, TestUser as) throws Exception {
        return action(investigation, "proposal", as, """
                {"conclusion": "OOS_CONFIRMED", "summary": "No laboratory error; the retests confirm the failure"}""");
    }

    /** QA approves the proposed conclusion, re-entering user name and password. */
    public ResultActions approve(String investigation, TestUser qa) throws Exception {
        return approve(investigation, qa, qa.username(), qa.password());
    }

    public ResultActions approve(String investigation, TestUser caller, String username, String password) throws Exception {
        return action(investigation, "approval", caller, """
                {"username": "%s", "password": "%s", "comment": "Investigation reviewed"}""".formatted(username, password));
    }

    public ResultActions action(String investigation, String action, TestUser as, String json) throws Exception {
        return mvc.perform(post("/api/investigations/" + investigation + "/" + action).with(httpBasic(as.username(), as.password()))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
    }
}
