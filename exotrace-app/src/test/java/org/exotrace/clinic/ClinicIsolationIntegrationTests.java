package org.exotrace.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A clinic's staff see its patients and nobody else does: not another clinic's clinicians (for
 * whom the patient does not exist, in the API and the pages), not lab staff, researchers or
 * administrators (refused outright). The audit trail keeps the pseudonym, never the name.
 */
class ClinicIsolationIntegrationTests extends IntegrationTest {

    private TestUser admin;
    private TestUser seoulDoctor;
    private TestUser bostonDoctor;
    private String seoul;
    private String boston;

    @BeforeEach
    void clinics() throws Exception {
        admin = user(Role.ADMIN);
        seoulDoctor = user(Role.CLINICIAN);
        bostonDoctor = user(Role.CLINICIAN);
        seoul = clinic("Seoul Skin", "KR");
        boston = clinic("Boston Derm", "US");
        postJson("/api/clinics/" + seoul + "/members", admin, "{\"username\": \"" + seoulDoctor.username() + "\"}").andExpect(status().isNoContent());
        postJson("/api/clinics/" + boston + "/members", admin, "{\"username\": \"" + bostonDoctor.username() + "\"}").andExpect(status().isNoContent());
    }

    @Test
    void aPatientIsVisibleToTheStaffOfTheirClinicOnly() throws Exception {
        MvcResult created = postJson("/api/clinics/" + seoul + "/patients", seoulDoctor, patient("Min-ji", "Park"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pseudonym").value(matchesPattern("P-[A-Z0-9]+-\\d{6}")))
                .andReturn();
        String id = read(created, "$.id");
        String pseudonym = read(created, "$.pseudonym");

        getJson("/api/patients/" + id, seoulDoctor).andExpect(status().isOk()).andExpect(jsonPath("$.familyName").value("Park"));
        assertThat(mvc.perform(get("/patients/" + id).with(seoulDoctor.basic())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Park, Min-ji", pseudonym);

        // Another clinic's clinician: the patient and the clinic's list do not exist for them.
        getJson("/api/patients/" + id, bostonDoctor).andExpect(status().isNotFound());
        getJson("/api/clinics/" + seoul + "/patients", bostonDoctor).andExpect(status().isNotFound());
        getJson("/api/patients/" + id + "/consents", bostonDoctor).andExpect(status().isNotFound());
        postJson("/api/patients/" + id + "/consents", bostonDoctor, consent("TREATMENT")).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/patients/" + id).with(bostonDoctor.basic())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString()).doesNotContain("Park");
        assertThat(mvc.perform(get("/clinic").with(bostonDoctor.basic())).andReturn().getResponse().getContentAsString())
                .doesNotContain("Park").doesNotContain(pseudonym);
        getJson("/api/clinics", bostonDoctor).andExpect(jsonPath("$[*].id").value(not(hasItem(seoul))));

        // Lab staff, researchers and administrators never reach a patient.
        for (Role role : List.of(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN, Role.COMPLIANCE_OFFICER)) {
            TestUser other = user(role);
            getJson("/api/patients/" + id, other).andExpect(status().isForbidden());
            getJson("/api/clinics/" + seoul + "/patients", other).andExpect(status().isForbidden());
            mvc.perform(get("/patients/" + id).with(other.basic())).andExpect(status().isForbidden());
        }

        // The audit trail names the pseudonym, not the person.
        String audit = jdbc.sql("select new_value from audit_entry where record_type = 'patient' and record_id = ?").param(id)
                .query(String.class).single();
        assertThat(audit).contains(pseudonym).doesNotContain("Park").doesNotContain("Min-ji").doesNotContain("1990");
    }

    @Test
    void consentsAreRecordedAndWithdrawnWithAReason() throws Exception {
        String id = read(postJson("/api/clinics/" + seoul + "/patients", seoulDoctor, patient("Ji-woo", "Lee")).andReturn(), "$.id");
        String consent = read(postJson("/api/patients/" + id + "/consents", seoulDoctor, consent("PHOTOGRAPHS"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.formVersion").value("PH-2026-1")).andReturn(), "$.id");
        postJson("/api/patients/" + id + "/consents", seoulDoctor, consent("PHOTOGRAPHS")).andExpect(status().isConflict());
        postJson("/api/patient-consents/" + consent + "/withdrawal", seoulDoctor, "{}").andExpect(status().isBadRequest());
        postJson("/api/patient-consents/" + consent + "/withdrawal", bostonDoctor, "{\"reason\": \"x\"}").andExpect(status().isNotFound());
        postJson("/api/patient-consents/" + consent + "/withdrawal", seoulDoctor, "{\"reason\": \"Patient no longer wants photographs\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.withdrawalReason").value("Patient no longer wants photographs"));
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'patient_consent' and record_id = ? order by seq")
                .param(consent).query(String.class).list()).containsExactly("CREATE", "WITHDRAW");
    }

    @Test
    void badClinicsPatientsAndConsentsAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        List<Long> before = counts("clinic", "clinic_member", "patient", "patient_consent", "audit_entry");
        postJson("/api/clinics", admin, "{\"code\": \"a b\", \"name\": \"\", \"jurisdiction\": \"EU\"}").andExpect(status().isBadRequest());
        postJson("/api/clinics", admin, "{\"code\": \"ABC\", \"name\": \"X\", \"jurisdiction\": \"Atlantis\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.jurisdiction").exists());
        postJson("/api/clinics", seoulDoctor, "{\"code\": \"ABC\", \"name\": \"X\", \"jurisdiction\": \"US\"}").andExpect(status().isForbidden());
        TestUser analyst = user(Role.LAB_ANALYST);
        before = counts("clinic", "clinic_member", "patient", "patient_consent", "audit_entry");
        postJson("/api/clinics/" + seoul + "/members", admin, "{\"username\": \"" + analyst.username() + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.username").value(containsString("not a clinician")));

        MvcResult bad = postJson("/api/clinics/" + seoul + "/patients", seoulDoctor, """
                {"givenName": "", "familyName": "Kim", "dateOfBirth": "2999-01-01", "sex": "X", "fitzpatrick": "VII", "indications": []}""")
                .andExpect(status().isBadRequest()).andReturn();
        for (String field : List.of("givenName", "dateOfBirth", "sex", "fitzpatrick", "indications")) {
            assertThat((String) read(bad, "$.errors." + field)).as(field).isNotBlank();
        }
        postJson("/api/clinics/" + seoul + "/patients", seoulDoctor, "{\"givenName\": ").andExpect(status().isBadRequest());
        postJson("/api/clinics/" + UUID.randomUUID() + "/patients", seoulDoctor, patient("A", "B")).andExpect(status().isNotFound());
        assertThat(counts("clinic", "clinic_member", "patient", "patient_consent", "audit_entry")).isEqualTo(before);
    }

    private String clinic(String name, String jurisdiction) throws Exception {
        String code = (jurisdiction + UUID.randomUUID().toString().substring(0, 6)).toUpperCase(Locale.ROOT).replace("-", "");
        return read(postJson("/api/clinics", admin, "{\"code\": \"" + code + "\", \"name\": \"" + name + "\", \"jurisdiction\": \"" + jurisdiction + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.jurisdiction").value(jurisdiction)).andReturn(), "$.id");
    }

    private static String patient(String given, String family) {
        return """
                {"givenName": "%s", "familyName": "%s", "dateOfBirth": "1990-04-12", "sex": "FEMALE", "fitzpatrick": "III",
                 "indications": ["atopic dermatitis"], "contraindications": "none known"}""".formatted(given, family);
    }

    private static String consent(String kind) {
        return "{\"kind\": \"" + kind + "\", \"formVersion\": \"PH-2026-1\", \"signedOn\": \"2026-11-01\", \"signedBy\": \"the patient\"}";
    }

    /** The clinic home lists the first 50 patients by name and says how many match: a large clinic's page stays small. */
    @Test
    void theClinicHomeListsTheFirstFiftyPatientsAndSaysHowManyMatch() throws Exception {
        TestUser doctor = user(Role.CLINICIAN);
        org.exotrace.ClinicScenarios scenarios = new org.exotrace.ClinicScenarios(mvc, admin);
        String clinic = scenarios.clinic("US", doctor);
        for (int i = 0; i < 53; i++) scenarios.unconsentedPatient(clinic, doctor, "melasma");
        String home = mvc.perform(get("/clinic").with(doctor.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home.split("href=\"/patients/", -1).length - 1).as("patients listed").isEqualTo(50);
        assertThat(home).contains("53 patients match; the first 50 by name are shown.");
        mvc.perform(get("/api/clinics/" + clinic + "/patients").with(doctor.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(53));
    }
}
