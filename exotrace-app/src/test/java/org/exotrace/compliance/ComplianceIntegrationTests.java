package org.exotrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The shipped rules decide the uses regulation.md describes, with their citations; a compliance
 * officer's edits change decisions and are audited; nobody else may edit; bad input writes nothing.
 */
class ComplianceIntegrationTests extends IntegrationTest {

    private TestUser clinician;
    private TestUser officer;

    @BeforeEach
    void users() {
        clinician = user(Role.CLINICIAN);
        officer = user(Role.COMPLIANCE_OFFICER);
    }

    @Test
    void injectingHumanExosomesInTheUnitedStatesIsProhibitedWithTheFdaCitation() throws Exception {
        check("US", "UMBILICAL_CORD_MSC", "INTRADERMAL_INJECTION", "COSMETIC", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("PROHIBITED"))
                .andExpect(jsonPath("$.blocks").value(true))
                .andExpect(jsonPath("$.decidingRule.confidence").value("CONFIRMED"))
                .andExpect(jsonPath("$.message").value(containsString("FDA Public Safety Notification on Exosome Products (6 Dec 2019)")))
                .andExpect(jsonPath("$.disclaimer").value(containsString("not legal advice")));
        // Under an IND the more specific clinical-investigation rule decides.
        check("US", "UMBILICAL_CORD_MSC", "INTRADERMAL_INJECTION", "CLINICAL_INVESTIGATION", null)
                .andExpect(jsonPath("$.verdict").value("NEEDS_TRIAL_AUTHORIZATION"))
                .andExpect(jsonPath("$.blocks").value(true));
        check("US", "ADIPOSE_MSC", "INTRAVENOUS", "COSMETIC", null).andExpect(jsonPath("$.verdict").value("PROHIBITED"));
        check("US", "UMBILICAL_CORD_MSC", "TOPICAL_AFTER_MICRONEEDLING", "COSMETIC", null)
                .andExpect(jsonPath("$.verdict").value("PERMITTED_WITH_CAUTION"))
                .andExpect(jsonPath("$.blocks").value(false))
                .andExpect(jsonPath("$.decidingRule.confidence").value("UNCERTAIN"))
                .andExpect(jsonPath("$.needsAttention").value(true));
    }

    @Test
    void euRulesApplyInMemberStatesAndDistinguishHumanFromPlantSources() throws Exception {
        check("DE", "UMBILICAL_CORD_MSC", "TOPICAL_INTACT_SKIN", "COSMETIC", null)
                .andExpect(jsonPath("$.verdict").value("PROHIBITED"))
                .andExpect(jsonPath("$.decidingRule.jurisdiction").value("EU"))
                .andExpect(jsonPath("$.message").value(containsString("1223/2009")));
        check("FR", "PLANT", "TOPICAL_INTACT_SKIN", "COSMETIC", null).andExpect(jsonPath("$.verdict").value("PERMITTED"));
        check("KR", "UMBILICAL_CORD_MSC", "TOPICAL_INTACT_SKIN", "COSMETIC", null)
                .andExpect(jsonPath("$.verdict").value("PERMITTED_WITH_CAUTION"))
                .andExpect(jsonPath("$.message").value(containsString("culture media")));
        check("HK", "PLANT", "SUBCUTANEOUS_INJECTION", "COSMETIC", null).andExpect(jsonPath("$.verdict").value("PROHIBITED"));
    }

    @Test
    void aUseNoRuleCoversAsksForReviewAndRulesApplyOnlyWhileInForce() throws Exception {
        check("US", "PLANT", "TOPICAL_INTACT_SKIN", "COSMETIC", null)
                .andExpect(jsonPath("$.verdict").doesNotExist())
                .andExpect(jsonPath("$.blocks").value(false))
                .andExpect(jsonPath("$.message").value(containsString("No rule covers")));
        // Taiwan's rule starts on 21 March 2024.
        check("TW", "UMBILICAL_CORD_MSC", "TOPICAL_INTACT_SKIN", "COSMETIC", "2024-03-20").andExpect(jsonPath("$.verdict").doesNotExist());
        check("TW", "UMBILICAL_CORD_MSC", "TOPICAL_INTACT_SKIN", "COSMETIC", "2024-03-21")
                .andExpect(jsonPath("$.verdict").value("PERMITTED_WITH_CAUTION"));
    }

    @Test
    void aComplianceOfficersEditsChangeDecisionsAndAreAudited() throws Exception {
        String rule = """
                {"jurisdiction": "SG", "source": "PLANT", "route": "TOPICAL_INTACT", "purpose": "COSMETIC", "verdict": "PERMITTED",
                 "confidence": "UNCERTAIN", "citation": "Test citation: ASEAN Cosmetic Directive"}""";
        postJson("/api/compliance/rules", clinician, rule).andExpect(status().isForbidden());
        String id = read(postJson("/api/compliance/rules", officer, rule).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1)).andReturn(), "$.id");
        check("SG", "PLANT", "TOPICAL_INTACT_SKIN", "COSMETIC", null).andExpect(jsonPath("$.verdict").value("PERMITTED"));

        String changed = rule.replace("\"PERMITTED\"", "\"PERMITTED_WITH_CAUTION\"");
        List<Long> before = counts("audit_entry");
        mvc.perform(put("/api/compliance/rules/" + id).with(officer.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rule\": " + changed + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        assertThat(counts("audit_entry")).isEqualTo(before);
        mvc.perform(put("/api/compliance/rules/" + id).with(officer.basic()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rule\": " + changed + ", \"reason\": \"New guidance on botanical actives\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        check("SG", "PLANT", "TOPICAL_INTACT_SKIN", "COSMETIC", null).andExpect(jsonPath("$.verdict").value("PERMITTED_WITH_CAUTION"));

        postJson("/api/compliance/rules/" + id + "/retirement", officer, "{\"reason\": \"Superseded\"}").andExpect(status().isOk());
        check("SG", "PLANT", "TOPICAL_INTACT_SKIN", "COSMETIC", null).andExpect(jsonPath("$.verdict").doesNotExist());

        List<Map<String, Object>> trail = jdbc.sql("select action, actor, old_value, new_value, reason from audit_entry "
                + "where record_type = 'compliance_rule' and record_id = ? order by seq").param(id).query().listOfRows();
        assertThat(trail).extracting(r -> r.get("action")).containsExactly("CREATE", "UPDATE", "RETIRE");
        assertThat(trail).extracting(r -> r.get("actor")).containsOnly(officer.username());
        assertThat((String) trail.get(1).get("old_value")).contains("\"verdict\":\"PERMITTED\"");
        assertThat((String) trail.get(1).get("new_value")).contains("\"verdict\":\"PERMITTED_WITH_CAUTION\"");
        assertThat(trail.get(1).get("reason")).isEqualTo("New guidance on botanical actives");
    }

    @Test
    void badRulesAndChecksAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        List<Long> before = counts("compliance_rule", "audit_entry");
        MvcResult r = postJson("/api/compliance/rules", officer, """
                {"jurisdiction": "XX", "source": "HUMANS", "route": "INJECT", "purpose": "FUN", "verdict": "MAYBE",
                 "confidence": "", "citation": " ", "effectiveFrom": "2025-01-01", "effectiveTo": "2024-01-01"}""")
                .andExpect(status().isBadRequest()).andReturn();
        for (String field : List.of("jurisdiction", "source", "route", "purpose", "verdict", "confidence", "citation", "effectiveTo")) {
            assertThat((String) read(r, "$.errors." + field)).as(field).isNotBlank();
        }
        postJson("/api/compliance/rules", officer, "{not json").andExpect(status().isBadRequest());
        assertThat(counts("compliance_rule", "audit_entry")).isEqualTo(before);

        check("ZZ", "PLANT", "TOPICAL_INTACT_SKIN", "COSMETIC", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.jurisdiction").exists());
        check("US", "PLANTS", "TOPICAL_INTACT_SKIN", "COSMETIC", null).andExpect(status().isBadRequest());
    }

    @Test
    void theRulesPageShowsTheDisclaimerAndAnswersACheckWithItsCitation() throws Exception {
        String page = mvc.perform(get("/compliance").with(clinician.basic())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("not legal advice", "1223/2009").doesNotContain("Add a rule");
        String answer = mvc.perform(get("/compliance/check").param("jurisdiction", "US").param("source", "BONE_MARROW_MSC")
                        .param("route", "SUBCUTANEOUS_INJECTION").param("purpose", "COSMETIC").with(clinician.basic()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("Prohibited", "FDA Public Safety Notification", "not legal advice");
        mvc.perform(get("/compliance/rules/new").with(clinician.basic())).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/compliance").with(officer.basic())).andReturn().getResponse().getContentAsString()).contains("Add a rule");
    }

    private ResultActions check(String jurisdiction, String source, String route, String purpose, String on) throws Exception {
        String query = "/api/compliance/check?jurisdiction=" + jurisdiction + "&source=" + source + "&route=" + route + "&purpose=" + purpose
                + (on == null ? "" : "&on=" + on);
        return getJson(query, clinician);
    }
}
