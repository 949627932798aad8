package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.exotrace.ClinicScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A clinician in Seoul opens Exotrace in the morning: above the patient lists, the visits due at their clinic, with counts, and
 * a link from each to the patient's plan.
 */
class WorklistBrowserTest extends BrowserTest {

    @Test
    void theHomePageListsTheVisitsDueAndLinksToThePlan() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        String clinic = clinics.clinic("KR", doctor);
        String late = patient(clinic, doctor, "Min-ji", "Kang");
        String onTime = patient(clinic, doctor, "Ji-woo", "Park");
        // Started nine days ago, weekly sessions: session 1 and 2 overdue, session 3 in five days.
        plan(late, doctor, clinics, 9);
        plan(onTime, doctor, clinics, 0);

        login(doctor);
        navigate("Patients");
        Locator worklist = page.locator("#worklist");
        assertThat(worklist.locator(".worklist-summary")).hasText("2 overdue, 1 today, 2 this week");
        assertThat(worklist).containsText("Overdue (2)");
        assertThat(worklist.locator("tr", new Locator.LocatorOptions().setHasText("Kang, Min-ji")).first()).containsText("9 d late");
        screenshot("worklist");

        // The visit links to the plan; the patient's name is left to the patient list below, so it links to one place only.
        Locator parkToday = worklist.locator("tr", new Locator.LocatorOptions().setHasText("Park, Ji-woo")).first();
        assertThat(parkToday).containsText("P-");
        parkToday.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Session 1")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/plans/[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).containsText("Atopic dermatitis facial redness");
    }

    private String patient(String clinic, TestUser doctor, String givenName, String familyName) throws Exception {
        String patient = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "%s", "familyName": "%s", "dateOfBirth": "1988-06-15", "sex": "FEMALE", "indications": ["atopic dermatitis"]}"""
                .formatted(givenName, familyName)).andExpect(status().isCreated()).andReturn(), "$.id");
        new ClinicScenarios(mvc, doctor).treatmentConsent(patient, doctor);
        return patient;
    }

    private void plan(String patient, TestUser doctor, ClinicScenarios clinics, int daysAgo) throws Exception {
        postJson("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \"" + clinics.templateId("AD-REDNESS-EP", doctor)
                + "\", \"productCode\": \"HMSC-EXO-SERUM\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"COSMETIC\", \"startOn\": \""
                + LocalDate.now().minusDays(daysAgo) + "\"}").andExpect(status().isCreated());
    }
}
