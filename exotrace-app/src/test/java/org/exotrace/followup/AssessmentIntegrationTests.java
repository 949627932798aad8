package org.exotrace.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Outcome assessments through the API: components scored, banded, persisted and audited under
 * the pseudonym; child EASI weights from the date of birth; every bad component refused with
 * nothing written; corrections that supersede; progress with responses against baseline; and no
 * way in for another clinic's staff or the lab.
 */
class AssessmentIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"outcome_assessment", "audit_entry"};

    private TestUser admin;
    private TestUser doctor;
    private ClinicScenarios scenarios;
    private String clinic;
    private String patient;

    @BeforeEach
    void setUp() throws Exception {
        admin = user(Role.ADMIN);
        doctor = user(Role.CLINICIAN);
        scenarios = new ClinicScenarios(mvc, admin);
        clinic = scenarios.clinic("KR", doctor);
        patient = register("Ottilie", "Vandermeer", LocalDate.of(1984, 3, 9));
    }

    @Test
    void easiComponentsAreScoredBandedPersistedAndAuditedUnderThePseudonymOnly() throws Exception {
        // head/neck: signs 2+1+0.5+0.5 = 4, 25 % -> area 2 -> 0.1 x 2 x 4 = 0.8
        // trunk: signs 3+2+1+0 = 6, 50 % -> area 4 -> 0.3 x 4 x 6 = 7.2 ; total 8 -> moderate (6.0-22.9)
        String components = """
                {"headNeck": {"erythema": 2, "oedemaPapulation": 1, "excoriation": 0.5, "lichenification": 0.5, "areaPercent": 25},
                 "upperLimbs": %s,
                 "trunk": {"erythema": 3, "oedemaPapulation": 2, "excoriation": 1, "lichenification": 0, "areaPercent": 50},
                 "lowerLimbs": %s}""".formatted(CLEAR, CLEAR);
        MvcResult r = postJson("/api/patients/" + patient + "/assessments", doctor,
                "{\"instrument\": \"EASI\", \"assessedOn\": \"" + LocalDate.now() + "\", \"components\": " + components + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.instrument").value("EASI"))
                .andExpect(jsonPath("$.value").value(8))
                .andExpect(jsonPath("$.band").value("moderate"))
                .andExpect(jsonPath("$.side").value("BOTH"))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.assessor").value(doctor.username()))
                .andExpect(jsonPath("$.parts.headNeck").value(0.8))
                .andExpect(jsonPath("$.components['trunk.areaPercent']").value(50))
                .andExpect(jsonPath("$.components.ageYears").isNumber())
                .andReturn();
        String id = read(r, "$.id");

        Map<String, Object> row = jdbc.sql("select value, band, instrument, components::text as components from outcome_assessment where id = ?::uuid")
                .param(id).query().singleRow();
        assertThat(row.get("value").toString()).isEqualTo("8");
        assertThat(row.get("band")).isEqualTo("moderate");
        assertThat(row.get("components").toString()).contains("\"headNeck.erythema\": 2");

        String pseudonym = read(getJson("/api/patients/" + patient, doctor).andReturn(), "$.pseudonym");
        String audit = jdbc.sql("select new_value from audit_entry where record_type = 'outcome_assessment' and record_id = ? and action = 'CREATE'")
                .param(id).query(String.class).single();
        assertThat(audit).contains(pseudonym, "EASI", "\"value\":\"8\"", "moderate")
                .doesNotContain("Ottilie", "Vandermeer", "1984");
        getJson("/api/patients/" + patient + "/assessments", doctor)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].summary").value("EASI 8 (moderate)"));
    }

    @Test
    void aChildUnderEightIsScoredWithTheChildWeightsFromTheDateOfBirth() throws Exception {
        String child = register("Mila", "Okonkwo", LocalDate.now().minusYears(6).minusDays(10));
        // head/neck only: signs 2+2+1+1 = 6, 40 % -> area 3 ; adult 0.1 x 3 x 6 = 1.8, child 0.2 x 3 x 6 = 3.6
        String body = "{\"instrument\": \"EASI\", \"components\": {\"headNeck\": {\"erythema\": 2, \"oedemaPapulation\": 2, "
                + "\"excoriation\": 1, \"lichenification\": 1, \"areaPercent\": 40}, \"upperLimbs\": " + CLEAR + ", \"trunk\": " + CLEAR
                + ", \"lowerLimbs\": " + CLEAR + "}}";

        postJson("/api/patients/" + child + "/assessments", doctor, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.value").value(3.6))
                .andExpect(jsonPath("$.band").value("mild"))
                .andExpect(jsonPath("$.components.ageYears").value(6));
        postJson("/api/patients/" + patient + "/assessments", doctor, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.value").value(1.8));
    }

    @Test
    void outOfRangeAndMissingComponentsAreRefusedByFieldAndNothingIsWritten() throws Exception {
        List<Long> before = counts(TABLES);
        postJson("/api/patients/" + patient + "/assessments", doctor, """
                {"instrument": "EASI", "components": {
                  "headNeck": {"erythema": 3.5, "oedemaPapulation": 1, "excoriation": 0.25, "lichenification": 0, "areaPercent": 10},
                  "upperLimbs": %s, "lowerLimbs": %s,
                  "trunk": {"erythema": 1, "oedemaPapulation": 1, "excoriation": 1, "lichenification": 1}}}""".formatted(CLEAR, CLEAR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid EASI assessment"))
                .andExpect(jsonPath("$.errors['headNeck.erythema']").value("must be from 0 to 3 in half points (0, 0.5, 1, ...), was 3.5"))
                .andExpect(jsonPath("$.errors['headNeck.excoriation']").value("must be from 0 to 3 in half points (0, 0.5, 1, ...), was 0.25"))
                .andExpect(jsonPath("$.errors['trunk.areaPercent']").value("required: from 0 to 100 %"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        postJson("/api/patients/" + patient + "/assessments", doctor, """
                {"instrument": "DLQI", "assessedOn": "%s", "side": "UP", "components": {"symptoms": 4}}""".formatted(LocalDate.now().plusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.assessedOn").value("cannot be in the future"))
                .andExpect(jsonPath("$.errors.side").value(startsWith("use one of")))
                .andExpect(jsonPath("$.errors.symptoms").value("must be a whole number from 0 to 3, was 4"))
                .andExpect(jsonPath("$.errors.treatment").value("required: a whole number from 0 to 3"));
        postJson("/api/patients/" + patient + "/assessments", doctor, "{\"instrument\": \"BSA\", \"components\": {}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.instrument").value(startsWith("\"BSA\" is not one of [EASI, SCORAD")));
        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void aCorrectionSupersedesTheAssessmentWithItsReasonAndIsAudited() throws Exception {
        String first = read(postJson("/api/patients/" + patient + "/assessments", doctor,
                "{\"instrument\": \"TEWL\", \"side\": \"left\", \"components\": {\"tewl\": 185}}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.value").value(185)).andReturn(), "$.id");

        List<Long> before = counts(TABLES);
        postJson("/api/assessments/" + first + "/correction", doctor, "{\"components\": {\"tewl\": 18.5}, \"reason\": \" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").value("is required"));
        assertThat(counts(TABLES)).isEqualTo(before);

        String second = read(postJson("/api/assessments/" + first + "/correction", doctor,
                "{\"components\": {\"tewl\": 18.5}, \"reason\": \"decimal point missed when typing\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.value").value(18.5))
                .andExpect(jsonPath("$.side").value("LEFT"))
                .andExpect(jsonPath("$.status").value("VALID")).andReturn(), "$.id");

        getJson("/api/patients/" + patient + "/assessments", doctor)
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.id == '" + first + "')].status").value("CORRECTED"))
                .andExpect(jsonPath("$[?(@.id == '" + first + "')].supersededBy").value(second))
                .andExpect(jsonPath("$[?(@.id == '" + first + "')].correctionReason").value("decimal point missed when typing"));
        Map<String, Object> entry = jdbc.sql("select old_value, new_value, reason from audit_entry where record_type = 'outcome_assessment' "
                + "and record_id = ? and action = 'CORRECT'").param(first).query().singleRow();
        assertThat(entry.get("reason")).isEqualTo("decimal point missed when typing");
        assertThat(entry.get("old_value").toString()).contains("\"value\":\"185\"", "VALID");
        assertThat(entry.get("new_value").toString()).contains("CORRECTED", second).doesNotContain("Vandermeer");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'outcome_assessment' and record_id = ?")
                .param(second).query(Long.class).single()).isEqualTo(1);

        postJson("/api/assessments/" + first + "/correction", doctor, "{\"components\": {\"tewl\": 17}, \"reason\": \"again\"}")
                .andExpect(status().isConflict());
        getJson("/api/patients/" + patient + "/progress", doctor)
                .andExpect(jsonPath("$.series.length()").value(1))
                .andExpect(jsonPath("$.series[0].side").value("LEFT"))
                .andExpect(jsonPath("$.series[0].points.length()").value(1))
                .andExpect(jsonPath("$.series[0].latest.value").value(18.5));
    }

    @Test
    void anotherClinicsClinicianFindsNothingAndTheLabIsNotLetIn() throws Exception {
        String id = read(postJson("/api/patients/" + patient + "/assessments", doctor,
                "{\"instrument\": \"vIGA-AD\", \"components\": {\"grade\": 3}}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.band").value("moderate")).andReturn(), "$.id");
        TestUser stranger = user(Role.CLINICIAN);
        scenarios.clinic("KR", stranger);
        TestUser analyst = user(Role.LAB_ANALYST);
        List<Long> before = counts(TABLES);

        getJson("/api/patients/" + patient + "/assessments", stranger).andExpect(status().isNotFound());
        getJson("/api/patients/" + patient + "/progress", stranger).andExpect(status().isNotFound());
        postJson("/api/patients/" + patient + "/assessments", stranger, "{\"instrument\": \"vIGA-AD\", \"components\": {\"grade\": 1}}")
                .andExpect(status().isNotFound());
        postJson("/api/assessments/" + id + "/correction", stranger, "{\"components\": {\"grade\": 1}, \"reason\": \"x\"}")
                .andExpect(status().isNotFound());

        getJson("/api/patients/" + patient + "/assessments", analyst).andExpect(status().isForbidden());
        getJson("/api/patients/" + patient + "/progress", analyst).andExpect(status().isForbidden());
        postJson("/api/patients/" + patient + "/assessments", analyst, "{\"instrument\": \"vIGA-AD\", \"components\": {\"grade\": 1}}")
                .andExpect(status().isForbidden());
        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void progressGivesTheResponsesAgainstTheBaselineAndTheNextVisit() throws Exception {
        String plan = scenarios.plan(patient, doctor, "AD-REDNESS-EP", "HMSC-EXO-SERUM");
        LocalDate baseline = LocalDate.now().minusDays(28);
        // lower limbs only: 0.4 x area 5 (70 %) x signs (3+3+2+2 = 10) = 20 ; then 0.4 x 5 x (1+1+0.5+0 = 2.5) = 5
        easi(baseline, plan, "{\"erythema\": 3, \"oedemaPapulation\": 3, \"excoriation\": 2, \"lichenification\": 2, \"areaPercent\": 70}")
                .andExpect(jsonPath("$.value").value(20));
        easi(LocalDate.now(), plan, "{\"erythema\": 1, \"oedemaPapulation\": 1, \"excoriation\": 0.5, \"lichenification\": 0, \"areaPercent\": 70}")
                .andExpect(jsonPath("$.value").value(5));

        getJson("/api/patients/" + patient + "/progress", doctor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pseudonym").value(startsWith("P-")))
                .andExpect(jsonPath("$.series.length()").value(1))
                .andExpect(jsonPath("$.series[0].endpoint").value("EASI"))
                .andExpect(jsonPath("$.series[0].points.length()").value(2))
                .andExpect(jsonPath("$.series[0].baseline.value").value(20))
                .andExpect(jsonPath("$.series[0].baseline.band").value("moderate"))
                .andExpect(jsonPath("$.series[0].latest.band").value("mild"))
                .andExpect(jsonPath("$.series[0].change.difference").value(-15))
                .andExpect(jsonPath("$.series[0].change.percentChange").value(-75))
                .andExpect(jsonPath("$.series[0].comparison.percentImprovement").value(75))
                .andExpect(jsonPath("$.series[0].responses[0].text").value("EASI-50 achieved at week 4"))
                .andExpect(jsonPath("$.series[0].responses[1].name").value("EASI-75"))
                .andExpect(jsonPath("$.series[0].responses[1].outcome").value("ACHIEVED"))
                .andExpect(jsonPath("$.series[0].responses[1].firstAchievedOn").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.series[0].responses[2].text").value("EASI-90 not yet"))
                .andExpect(jsonPath("$.nextVisit.dueOn").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.nextVisit.text").value("Session 1 on " + LocalDate.now()));
    }

    private static final String CLEAR = "{\"erythema\": 0, \"oedemaPapulation\": 0, \"excoriation\": 0, \"lichenification\": 0, \"areaPercent\": 0}";

    private org.springframework.test.web.servlet.ResultActions easi(LocalDate on, String plan, String lowerLimbs) throws Exception {
        return postJson("/api/patients/" + patient + "/assessments", doctor, "{\"instrument\": \"EASI\", \"assessedOn\": \"" + on
                + "\", \"planId\": \"" + plan + "\", \"components\": {\"headNeck\": " + CLEAR + ", \"upperLimbs\": " + CLEAR
                + ", \"trunk\": " + CLEAR + ", \"lowerLimbs\": " + lowerLimbs + "}}").andExpect(status().isCreated());
    }

    /** A patient who signed the treatment consent at registration. */
    private String register(String given, String family, LocalDate born) throws Exception {
        String patient = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "sex": "FEMALE", "indications": ["atopic dermatitis"]}"""
                .formatted(given, family, born)).andExpect(status().isCreated()).andReturn(), "$.id");
        new ClinicScenarios(mvc, doctor).treatmentConsent(patient, doctor);
        return patient;
    }
}
