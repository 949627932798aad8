package org.exotrace.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.InvestigationScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A concentration is out of specification when the particles per ampoule computed from it fail
 * (it opens its investigation like any OOS result, so no plain retest clears it), and an NTA
 * concentration counts only from an NTA measurement with a calibration record: typed, it is
 * refused. The lot is declared at 4 × 10⁹ particles/mL in 2 mL ampoules (5-12 × 10⁹ per ampoule).
 */
class ConcentrationCountsOnlyWhenMeasuredIntegrationTests extends IntegrationTest {

    /** A refusal must leave no result, no investigation and no audit entry behind. */
    private static final String[] TABLES = {"result", "oos_investigation", "oos_additional_result", "audit_entry"};

    TestUser analyst;
    TestUser analyst2;
    TestUser qa;
    LotScenarios scenarios;
    String lot;

    @BeforeEach
    void lotWithEveryRequiredResultButTheConcentration() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        analyst2 = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        scenarios = new LotScenarios(mvc, analyst);
        lot = scenarios.lotInTesting();
        scenarios.resultsPassing(lot, LotScenarios.PASSING_REQUIRED.keySet().stream().filter(c -> !c.equals("particle_concentration")).toList());
    }

    private String concentration(double value, String method) {
        return """
                {"testCode": "particle_concentration", "value": %s, "unit": "particles/mL", "method": "%s", "performedAt": "%s"}"""
                .formatted(value, method, LotScenarios.performedAt());
    }

    @Test
    void aConcentrationWhoseParticlesPerAmpouleFailIsOutOfSpecificationAndOpensItsInvestigation() throws Exception {
        long before = count("oos_investigation");
        String oos = read(scenarios.recordResult(lot, analyst, concentration(5e8, "TRPS (Exoid)"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verdictAtEntry").value("FAIL"))
                .andReturn(), "$.id");
        assertThat(count("oos_investigation")).isEqualTo(before + 1);
        String investigation = new InvestigationScenarios(mvc).of(lot, "particle_concentration", analyst);
        getJson("/api/investigations/" + investigation, analyst).andExpect(jsonPath("$.resultId").value(oos));
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'result' and record_id = ? and new_value like ?")
                .params(oos, "%Particles per ampoule%out of specification%").query(Long.class).single()).isEqualTo(1);
        getJson("/api/lots/" + lot + "/evaluation", analyst)
                .andExpect(jsonPath("$.tests[?(@.code == 'particles_per_ampoule')].verdict", contains("FAIL")))
                .andExpect(jsonPath("$.releasable").value(false));
    }

    @Test
    void refusesAPlainRetestOfAConcentrationWhoseParticlesPerAmpouleFailAndWritesNothing() throws Exception {
        String oos = read(scenarios.recordResult(lot, analyst, concentration(5e8, "TRPS (Exoid)")).andExpect(status().isCreated()).andReturn(), "$.id");
        List<Long> before = counts(TABLES);
        scenarios.recordResult(lot, analyst2, """
                {"testCode": "particle_concentration", "value": 3e9, "unit": "particles/mL", "method": "TRPS (Exoid)", "performedAt": "%s",
                 "retestOf": "%s", "retestReason": "second aliquot"}""".formatted(LotScenarios.performedAt(), oos))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("investigation")));
        assertThat(counts(TABLES)).isEqualTo(before);
        getJson("/api/lots/" + lot + "/release-check", qa).andExpect(jsonPath("$.allowed").value(false));
        scenarios.release(lot, qa).andExpect(status().isUnprocessableEntity());
        getJson("/api/lots/" + lot, analyst).andExpect(jsonPath("$.state").value("IN_TESTING"));
    }

    @Test
    void aConcentrationWithinItsOwnLimitsAndAPassingParticlesPerAmpouleIsNotOutOfSpecification() throws Exception {
        long before = count("oos_investigation");
        scenarios.recordResult(lot, analyst, concentration(4e9, "TRPS (Exoid)"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.verdictAtEntry").value("PASS"));
        assertThat(count("oos_investigation")).isEqualTo(before);
    }

    @Test
    void refusesATypedNtaConcentrationNamingTheMethodAndWritesNothing() throws Exception {
        for (String method : List.of("NTA", "NTA (NanoSight NS300), calibrated detection volume", "nanoparticle tracking analysis")) {
            List<Long> before = counts(TABLES);
            scenarios.recordResult(lot, analyst, concentration(4e9, method))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.method", containsString("upload the NTA measurement and choose its calibration record")));
            assertThat(counts(TABLES)).as(method).isEqualTo(before);
        }
        getJson("/api/lots/" + lot + "/evaluation", analyst)
                .andExpect(jsonPath("$.tests[?(@.code == 'particles_per_ampoule')].verdict", contains("MISSING")));
    }

    @Test
    void aConcentrationTypedByAnotherMethodCountsAndIsLabelledWithIt() throws Exception {
        scenarios.recordResult(lot, analyst, concentration(4e9, "TRPS (Exoid)"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.method").value("TRPS (Exoid)"));
        getJson("/api/lots/" + lot + "/evaluation", analyst).andExpect(jsonPath("$.releasable").value(true));
        scenarios.release(lot, qa).andExpect(status().isOk());
    }
}
