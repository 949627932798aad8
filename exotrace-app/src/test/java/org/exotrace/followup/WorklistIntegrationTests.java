package org.exotrace.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A clinician's worklist lists the visits of their clinic's plans that are not done: overdue, today and in the coming week, with
 * plans more than 30 days behind grouped per plan. Recorded sessions and follow-up assessments take visits off it; nobody outside
 * the clinic sees it.
 *
 * <p>AD-REDNESS-EP schedules six sessions a week apart, then a follow-up 28 days after the last session.
 */
class WorklistIntegrationTests extends IntegrationTest {

    private TestUser admin;
    private TestUser analyst;
    private TestUser qa;
    private TestUser doctor;
    private ClinicScenarios scenarios;
    private String clinic;

    @BeforeEach
    void setUp() throws Exception {
        admin = user(Role.ADMIN);
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        doctor = user(Role.CLINICIAN);
        scenarios = new ClinicScenarios(mvc, admin);
        clinic = scenarios.clinic("KR", doctor);
    }

    @Test
    void aPlanStartedTwoWeeksAgoWithOneSessionDoneShowsTheNextSessionOverdueAndTodaysSessionUnderToday() throws Exception {
        String patient = patient(clinic, doctor, "Min-ji", "Kang");
        String plan = planDaysAgo(patient, 14);
        List<String> units = scenarios.split(new LotScenarios(mvc, analyst).released(qa), analyst, 1);
        scenarios.shipAndReceive(clinic, analyst, doctor, units);
        postJson("/api/plans/" + plan + "/sessions", doctor, """
                {"unitCode": "%s", "volumeMl": 0.5, "device": "Electroporation handpiece", "energyMj": 12, "passes": 2, "area": "face"}"""
                .formatted(units.get(0))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(1));

        MvcResult r = getJson("/api/clinics/" + clinic + "/worklist", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.overdue.length()").value(1))
                .andExpect(jsonPath("$.overdue[0].visit").value("Session 2"))
                .andExpect(jsonPath("$.overdue[0].dueOn").value(LocalDate.now().minusDays(7).toString()))
                .andExpect(jsonPath("$.overdue[0].daysOverdue").value(7))
                .andExpect(jsonPath("$.overdue[0].planId").value(plan))
                .andExpect(jsonPath("$.overdue[0].familyName").value("Kang"))
                .andExpect(jsonPath("$.overdue[0].pseudonym").value(org.hamcrest.Matchers.startsWith("P-KR")))
                .andExpect(jsonPath("$.overdue[0].templateName").value("Atopic dermatitis facial redness: electroporation-assisted exosomes"))
                .andExpect(jsonPath("$.today.length()").value(1))
                .andExpect(jsonPath("$.today[0].visit").value("Session 3"))
                .andExpect(jsonPath("$.coming.length()").value(1))
                .andExpect(jsonPath("$.coming[0].visit").value("Session 4"))
                .andExpect(jsonPath("$.coming[0].dueOn").value(LocalDate.now().plusDays(7).toString()))
                .andExpect(jsonPath("$.behindCount").value(0))
                .andExpect(jsonPath("$.summary").value("1 overdue, 1 today, 1 this week"))
                .andReturn();
        List<String> visits = read(r, "$..visit");
        assertThat(visits).as("session 1 was recorded").doesNotContain("Session 1");

        // Seen from a week later, with a fortnight ahead: sessions 2 and 3 are late, 4 is due, 5 and 6 are coming.
        getJson("/api/clinics/" + clinic + "/worklist?from=" + LocalDate.now().plusDays(7) + "&days=14", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue[*].visit").value(org.hamcrest.Matchers.contains("Session 2", "Session 3")))
                .andExpect(jsonPath("$.today[*].visit").value(org.hamcrest.Matchers.contains("Session 4")))
                .andExpect(jsonPath("$.coming[*].visit").value(org.hamcrest.Matchers.contains("Session 5", "Session 6")))
                .andExpect(jsonPath("$.summary").value("2 overdue, 1 today, 2 in the next 14 days"));
    }

    @Test
    void aFollowUpIsDoneByAnAssessmentFromThreeDaysBeforeItIsDueAndPlansLongBehindAreGroupedPerPlan() throws Exception {
        String patient = patient(clinic, doctor, "Ji-woo", "Park");
        // Sessions on days -60, -53, ..., -25; the follow-up 28 days after the last, in three days.
        String plan = planDaysAgo(patient, 60);

        getJson("/api/clinics/" + clinic + "/worklist", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.behindCount").value(1))
                .andExpect(jsonPath("$.behind[0].visit").value("Session 1"))
                .andExpect(jsonPath("$.behind[0].visitsBehind").value(5))
                .andExpect(jsonPath("$.behind[0].planId").value(plan))
                .andExpect(jsonPath("$.overdue[*].visit").value(org.hamcrest.Matchers.contains("Session 6")))
                .andExpect(jsonPath("$.coming[*].visit").value(org.hamcrest.Matchers.contains("Follow-up 1")))
                .andExpect(jsonPath("$.coming[0].dueOn").value(LocalDate.now().plusDays(3).toString()))
                .andExpect(jsonPath("$.summary").value("1 overdue, 0 today, 1 this week; 1 plan more than 30 days behind"));

        postJson("/api/patients/" + patient + "/assessments", doctor, "{\"instrument\": \"vIGA-AD\", \"planId\": \"" + plan
                + "\", \"components\": {\"grade\": 2}}").andExpect(status().isCreated());

        getJson("/api/clinics/" + clinic + "/worklist", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.coming.length()").value(0))
                .andExpect(jsonPath("$.overdue[*].visit").value(org.hamcrest.Matchers.contains("Session 6")));
    }

    @Test
    void ofMoreThanTwentyPlansBehindTheTwentyMostRecentlyMissedAreListedTiesByNameAndAllAreCounted() throws Exception {
        java.util.Map<Integer, String> plans = new java.util.LinkedHashMap<>();
        for (int days = 60; days <= 80; days++) plans.put(days, planDaysAgo(patient(clinic, doctor, "Behind", "Late" + (char) ('A' + days - 60)), days));
        String tiedBefore = planDaysAgo(patient(clinic, doctor, "Behind", "Aardvark"), 61);

        MvcResult r = getJson("/api/clinics/" + clinic + "/worklist", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.behindCount").value(22))
                .andExpect(jsonPath("$.behind.length()").value(Worklist.BEHIND_LISTED))
                .andExpect(jsonPath("$.behind[0].planId").value(plans.get(60)))
                .andExpect(jsonPath("$.behind[1].planId").value(tiedBefore))
                .andExpect(jsonPath("$.behind[2].planId").value(plans.get(61)))
                .andExpect(jsonPath("$.behind[19].planId").value(plans.get(78)))
                .andReturn();
        List<String> listed = read(r, "$.behind[*].planId");
        assertThat(listed).doesNotContain(plans.get(79), plans.get(80));
        List<String> due = read(r, "$.behind[*].dueOn");
        assertThat(due).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void onlyTheClinicsCliniciansSeeItsWorklistAndNoOtherClinicsPatientAppears() throws Exception {
        TestUser elsewhere = user(Role.CLINICIAN);
        String otherClinic = scenarios.clinic("KR", elsewhere);
        String otherPatient = patient(otherClinic, elsewhere, "Seo-yeon", "Han");
        String otherPlan = planDaysAgo(otherPatient, 0, elsewhere);
        String patient = patient(clinic, doctor, "Ha-eun", "Lee");
        String plan = planDaysAgo(patient, 0);

        MvcResult mine = getJson("/api/clinics/" + clinic + "/worklist", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.today[*].planId").value(org.hamcrest.Matchers.contains(plan))).andReturn();
        assertThat(mine.getResponse().getContentAsString()).doesNotContain(otherPatient).doesNotContain(otherPlan).doesNotContain("Han");
        getJson("/api/clinics/" + otherClinic + "/worklist", elsewhere).andExpect(status().isOk())
                .andExpect(jsonPath("$.today[*].planId").value(org.hamcrest.Matchers.contains(otherPlan)));

        getJson("/api/clinics/" + clinic + "/worklist", elsewhere).andExpect(status().isNotFound());
        getJson("/api/clinics/" + clinic + "/worklist", analyst).andExpect(status().isForbidden());
        getJson("/api/clinics/" + clinic + "/worklist?days=0", doctor).andExpect(status().isBadRequest());
    }

    private String patient(String clinic, TestUser doctor, String givenName, String familyName) throws Exception {
        String id = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "%s", "familyName": "%s", "dateOfBirth": "1988-06-15", "sex": "FEMALE", "indications": ["atopic dermatitis"]}"""
                .formatted(givenName, familyName)).andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/patients/" + id + "/consents", doctor, "{\"kind\": \"TREATMENT\", \"formVersion\": \"TC-1\", \"signedOn\": \""
                + LocalDate.now().minusDays(90) + "\", \"signedBy\": \"" + givenName + " " + familyName + "\"}").andExpect(status().isCreated());
        return id;
    }

    private String planDaysAgo(String patient, int days) throws Exception {
        return planDaysAgo(patient, days, doctor);
    }

    /** A cosmetic AD-REDNESS-EP plan (electroporation, umbilical-cord MSC product) that started {@code days} days ago; its id. */
    private String planDaysAgo(String patient, int days, TestUser doctor) throws Exception {
        return read(postJson("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \"" + scenarios.templateId("AD-REDNESS-EP", doctor)
                + "\", \"productCode\": \"HMSC-EXO-SERUM\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"COSMETIC\", \"startOn\": \""
                + LocalDate.now().minusDays(days) + "\"}").andExpect(status().isCreated()).andReturn(), "$.id");
    }
}
