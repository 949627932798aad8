package org.exotrace.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Plans from protocol templates are checked against the clinic's jurisdiction: an injection of
 * human-derived exosomes in a US clinic is refused with the FDA citation (unless planned under a
 * trial), a Korean microneedling plan goes ahead with its caution and its schedule.
 */
class TreatmentPlanIntegrationTests extends IntegrationTest {

    private TestUser admin;
    private TestUser usDoctor;
    private TestUser krDoctor;
    private String usPatient;
    private String krPatient;

    @BeforeEach
    void setUp() throws Exception {
        admin = user(Role.ADMIN);
        usDoctor = user(Role.CLINICIAN);
        krDoctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        usPatient = clinics.patient(clinics.clinic("US", usDoctor), usDoctor, "melasma");
        krPatient = clinics.patient(clinics.clinic("KR", krDoctor), krDoctor, "melasma");
    }

    @Test
    void anInjectionOfHumanExosomesInAUsClinicIsRefusedWithItsCitation() throws Exception {
        List<Long> before = counts("treatment_plan", "plan_visit");
        postJson("/api/patients/" + usPatient + "/plans", usDoctor, plan("AGA-INTRADERMAL", "HMSC-EXO-INJ", "COSMETIC", null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Not permitted in US"))
                .andExpect(jsonPath("$.reasons[0]").value(containsString("Prohibited: Umbilical-cord MSC, intradermal injection")))
                .andExpect(jsonPath("$.reasons[0]").value(containsString("FDA Public Safety Notification on Exosome Products (6 Dec 2019)")))
                .andExpect(jsonPath("$.reasons[1]").value(containsString("not legal advice")));
        assertThat(counts("treatment_plan", "plan_visit")).isEqualTo(before);

        // The attempt itself is kept, and audited, for the clinic and the compliance officer; no name leaves the clinic.
        getJson("/api/patients/" + usPatient + "/plan-refusals", usDoctor).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].verdict").value("PROHIBITED")).andExpect(jsonPath("$[0].route").value("INTRADERMAL_INJECTION"))
                .andExpect(jsonPath("$[0].message").value(containsString("FDA Public Safety Notification")));
        getJson("/api/patients/" + usPatient + "/plan-refusals", krDoctor).andExpect(status().isNotFound());
        TestUser compliance = user(Role.COMPLIANCE_OFFICER);
        String all = getJson("/api/plan-refusals", compliance).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(all).contains("\"pseudonym\":\"P-").doesNotContain("\"givenName\"");
        getJson("/api/plan-refusals", usDoctor).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select new_value from audit_entry where record_type = 'plan_refusal' order by seq desc limit 1").query(String.class)
                .single()).contains("AGA-INTRADERMAL", "PROHIBITED").doesNotContain("Test");

        // Under an IND it may be planned, and the plan says so.
        postJson("/api/patients/" + usPatient + "/plans", usDoctor, plan("AGA-INTRADERMAL", "HMSC-EXO-INJ", "CLINICAL_INVESTIGATION", "IND 123456"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.complianceVerdict").value("NEEDS_TRIAL_AUTHORIZATION"))
                .andExpect(jsonPath("$.complianceMessage").value(containsString("Planned under trial IND 123456")));
    }

    @Test
    void aKoreanMelasmaPlanGoesAheadWithItsCautionAndTheTemplatesSchedule() throws Exception {
        LocalDate start = LocalDate.now().plusDays(3);
        MvcResult r = postJson("/api/patients/" + krPatient + "/plans", krDoctor, plan("MELASMA-MN", "HMSC-EXO-SERUM", "COSMETIC", null)
                        .replace("}", ", \"startOn\": \"" + start + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.route").value("TOPICAL_AFTER_MICRONEEDLING"))
                .andExpect(jsonPath("$.complianceVerdict").value("PERMITTED_WITH_CAUTION"))
                .andExpect(jsonPath("$.complianceMessage").value(containsString("MFDS")))
                .andReturn();
        // 5 sessions every 28 days, then follow-ups 28 and 84 days after the last (day 112).
        List<String> sessions = read(r, "$.visits[?(@.kind == 'SESSION')].dueOn");
        List<String> followUps = read(r, "$.visits[?(@.kind == 'FOLLOW_UP')].dueOn");
        assertThat(sessions).containsExactly(start.toString(), start.plusDays(28).toString(), start.plusDays(56).toString(),
                start.plusDays(84).toString(), start.plusDays(112).toString());
        assertThat(followUps).containsExactly(start.plusDays(140).toString(), start.plusDays(196).toString());
        getJson("/api/patients/" + krPatient + "/plans", krDoctor).andExpect(jsonPath("$.length()").value(1));
        getJson("/api/patients/" + krPatient + "/plans", usDoctor).andExpect(status().isNotFound());
    }

    @Test
    void investigationalIndicationsAreSaidToBeSo() throws Exception {
        postJson("/api/patients/" + krPatient + "/plans", krDoctor, plan("PSORIASIS-INV", "HMSC-EXO-SERUM", "COSMETIC", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.complianceMessage").value(containsString("Investigational: no human exosome clinical study was found for psoriasis")));
    }

    @Test
    void aPlanOfAnotherClinicIsNotFoundWithoutNamingItsPatient() throws Exception {
        String plan = new ClinicScenarios(mvc, admin).plan(krPatient, krDoctor, "MELASMA-MN", "HMSC-EXO-SERUM");

        String answer = getJson("/api/plans/" + plan, usDoctor).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString(plan)))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(krPatient).doesNotContainIgnoringCase("patient");
    }

    @Test
    void aClinicsCopyOfATemplateCannotBeUsedForAnotherClinicsPatient() throws Exception {
        TestUser both = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        String a = clinics.clinic("KR", both);
        String b = clinics.clinic("KR", both);
        String patientOfB = clinics.patient(b, both, "melasma");
        String copy = read(postJson("/api/protocol-templates/" + clinics.templateId("MELASMA-MN", both) + "/copies", both,
                "{\"clinicId\": \"" + a + "\"}").andExpect(status().isCreated()).andReturn(), "$.id");
        long plans = count("treatment_plan");
        postJson("/api/patients/" + patientOfB + "/plans", both, "{\"templateId\": \"" + copy + "\", \"productCode\": \"HMSC-EXO-SERUM\", "
                + "\"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"COSMETIC\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.templateId").value(containsString("belongs to another clinic")));
        assertThat(count("treatment_plan")).isEqualTo(plans);
    }

    @Test
    void aClinicCopiesATemplateForItselfAlone() throws Exception {
        String template = templateId("MELASMA-MN", krDoctor);
        String clinic = read(getJson("/api/clinics", krDoctor).andReturn(), "$[0].id");
        String copy = read(postJson("/api/protocol-templates/" + template + "/copies", krDoctor, "{\"clinicId\": \"" + clinic + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.copiedFrom").value(template)).andReturn(), "$.id");
        getJson("/api/protocol-templates", krDoctor).andExpect(jsonPath("$[*].id").value(hasItem(copy)));
        getJson("/api/protocol-templates", usDoctor).andExpect(jsonPath("$[*].id").value(not(hasItem(copy))));
        getJson("/api/protocol-templates/" + copy, usDoctor).andExpect(status().isNotFound());
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        List<Long> before = counts("treatment_plan", "plan_visit", "audit_entry");
        MvcResult r = postJson("/api/patients/" + krPatient + "/plans", krDoctor,
                "{\"productCode\": \"NOPE\", \"sourceType\": \"UNICORN\", \"purpose\": \"CLINICAL_INVESTIGATION\"}")
                .andExpect(status().isBadRequest()).andReturn();
        for (String field : List.of("templateId", "productCode", "sourceType", "trialId")) {
            assertThat((String) read(r, "$.errors." + field)).as(field).isNotBlank();
        }
        postJson("/api/patients/" + krPatient + "/plans", usDoctor, plan("MELASMA-MN", "HMSC-EXO-SERUM", "COSMETIC", null))
                .andExpect(status().isNotFound());
        assertThat(counts("treatment_plan", "plan_visit", "audit_entry")).isEqualTo(before);
    }

    @Test
    void theProductMustBeOneTheProtocolsRouteCanDeliver() throws Exception {
        List<Long> before = counts("treatment_plan", "plan_visit", "plan_refusal", "audit_entry");

        postJson("/api/patients/" + krPatient + "/plans", krDoctor, plan("MELASMA-MN", "HMSC-EXO-INJ", "COSMETIC", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.productCode").value(
                        "Human MSC exosome injectable (investigational) is an injectable solution; topical after microneedling "
                                + "(the protocol's route) needs a serum, cream or gel"));
        postJson("/api/patients/" + krPatient + "/plans", krDoctor, plan("MELASMA-MN", "HMSC-EXO-BULK", "COSMETIC", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.productCode").value(containsString("a bulk isolate for the lab")));
        postJson("/api/patients/" + usPatient + "/plans", usDoctor, plan("AGA-INTRADERMAL", "HMSC-EXO-SERUM", "COSMETIC", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.productCode").value(containsString("needs an injectable solution")));

        assertThat(counts("treatment_plan", "plan_visit", "plan_refusal", "audit_entry")).isEqualTo(before);
    }

    @Test
    void theProtocolSetsTheRouteAndTheProductItsSources() throws Exception {
        List<Long> before = counts("treatment_plan", "plan_refusal", "audit_entry");
        String template = templateId("MELASMA-MN", krDoctor);

        postJson("/api/patients/" + krPatient + "/plans", krDoctor, "{\"templateId\": \"" + template
                + "\", \"productCode\": \"HMSC-EXO-SERUM\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"route\": \"ELECTROPORATION\", "
                + "\"purpose\": \"COSMETIC\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.route").value("the protocol sets the route: topical after microneedling"));
        postJson("/api/patients/" + krPatient + "/plans", krDoctor, "{\"templateId\": \"" + template
                + "\", \"productCode\": \"HMSC-EXO-SERUM\", \"sourceType\": \"PLANT\", \"purpose\": \"COSMETIC\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sourceType").value(
                        "Human MSC exosome serum is made from umbilical-cord MSC, bone-marrow MSC or adipose MSC, not plant"));
        postJson("/api/patients/" + krPatient + "/plans", krDoctor, "{\"templateId\": \"" + template
                + "\", \"productCode\": \"HMSC-EXO-SERUM\", \"purpose\": \"COSMETIC\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sourceType").exists());
        assertThat(counts("treatment_plan", "plan_refusal", "audit_entry")).isEqualTo(before);

        // a product made from one source needs no source named
        postJson("/api/patients/" + krPatient + "/plans", krDoctor, "{\"templateId\": \"" + template
                + "\", \"productCode\": \"PLANT-EXO-GEL\", \"purpose\": \"COSMETIC\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sourceType").value("PLANT"))
                .andExpect(jsonPath("$.route").value("TOPICAL_AFTER_MICRONEEDLING"));
    }

    @Test
    void aPlanNeedsThePatientsTreatmentConsent() throws Exception {
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        String clinic = clinics.clinic("KR", krDoctor);
        String patient = clinics.unconsentedPatient(clinic, krDoctor, "melasma");
        List<Long> before = counts("treatment_plan", "plan_visit", "plan_refusal", "audit_entry");

        postJson("/api/patients/" + patient + "/plans", krDoctor, plan("MELASMA-MN", "HMSC-EXO-SERUM", "COSMETIC", null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("No treatment consent"))
                .andExpect(jsonPath("$.reasons[0]").value(containsString("record the signed consent")));
        assertThat(counts("treatment_plan", "plan_visit", "plan_refusal", "audit_entry")).isEqualTo(before);

        // a photographs consent is not a treatment consent
        postJson("/api/patients/" + patient + "/consents", krDoctor, "{\"kind\": \"PHOTOGRAPHS\", \"formVersion\": \"PH-1\", \"signedOn\": \""
                + LocalDate.now() + "\", \"signedBy\": \"Test Patient\"}").andExpect(status().isCreated());
        postJson("/api/patients/" + patient + "/plans", krDoctor, plan("MELASMA-MN", "HMSC-EXO-SERUM", "COSMETIC", null))
                .andExpect(status().isUnprocessableContent());
        postJson("/api/patients/" + patient + "/consents", krDoctor, "{\"kind\": \"TREATMENT\", \"formVersion\": \"TC-1\", \"signedOn\": \""
                + LocalDate.now() + "\", \"signedBy\": \"Test Patient\"}").andExpect(status().isCreated());
        postJson("/api/patients/" + patient + "/plans", krDoctor, plan("MELASMA-MN", "HMSC-EXO-SERUM", "COSMETIC", null))
                .andExpect(status().isCreated());
    }

    @Test
    void theSameRunningCourseIsPlannedAgainOnlyWhenConfirmed() throws Exception {
        String first = read(postJson("/api/patients/" + krPatient + "/plans", krDoctor, plan("MELASMA-MN", "HMSC-EXO-SERUM", "COSMETIC", null))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        List<Long> before = counts("treatment_plan", "plan_visit", "audit_entry");

        postJson("/api/patients/" + krPatient + "/plans", krDoctor, plan("MELASMA-MN", "HMSC-EXO-SERUM", "COSMETIC", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already has a running plan")))
                .andExpect(jsonPath("$.detail").value(containsString("Confirm to plan a second course")));
        assertThat(counts("treatment_plan", "plan_visit", "audit_entry")).isEqualTo(before);

        // another product, or the same one confirmed, is planned
        postJson("/api/patients/" + krPatient + "/plans", krDoctor, plan("MELASMA-MN", "PLANT-EXO-GEL", "COSMETIC", null).replace(
                "\"sourceType\": \"UMBILICAL_CORD_MSC\", ", "")).andExpect(status().isCreated());
        String second = read(postJson("/api/patients/" + krPatient + "/plans", krDoctor,
                plan("MELASMA-MN", "HMSC-EXO-SERUM", "COSMETIC", null).replace("}", ", \"confirmDuplicate\": true}"))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        assertThat(second).isNotEqualTo(first);
    }

    private String plan(String templateCode, String product, String purpose, String trialId) throws Exception {
        return "{\"templateId\": \"" + templateId(templateCode, krDoctor) + "\", \"productCode\": \"" + product
                + "\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"" + purpose + "\""
                + (trialId == null ? "" : ", \"trialId\": \"" + trialId + "\"") + "}";
    }

    private String templateId(String code, TestUser as) throws Exception {
        List<String> ids = read(getJson("/api/protocol-templates", as).andReturn(), "$[?(@.code == '" + code + "' && !@.clinicId)].id");
        return ids.get(0);
    }

}
