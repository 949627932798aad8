package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A clinician in Seoul records a melasma microneedling session by scanning the unit's label: the
 * form shows at once that the unit may be used and the dose the volume gives; a unit received by
 * another clinic is refused before anything is recorded; an adverse event is reported against the
 * session.
 */
class SessionBrowserTest extends BrowserTest {

    @Test
    void aSessionIsRecordedByScanningTheUnit() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        TestUser elsewhere = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("KR", doctor);
        String otherClinic = clinics.clinic("KR", elsewhere);
        String patient = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Seo-yeon", "familyName": "Han", "dateOfBirth": "1984-03-12", "sex": "FEMALE", "fitzpatrick": "III",
                 "indications": ["melasma"]}""").andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/patients/" + patient + "/consents", doctor, "{\"kind\": \"TREATMENT\", \"formVersion\": \"TC-2026-1\", \"signedOn\": \""
                + LocalDate.now() + "\", \"signedBy\": \"Han Seo-yeon\"}").andExpect(status().isCreated());
        clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        List<String> units = clinics.split(lots.released(qa), analyst, 2);
        clinics.shipAndReceive(clinic, analyst, doctor, List.of(units.get(0)));
        clinics.shipAndReceive(otherClinic, analyst, elsewhere, List.of(units.get(1)));

        login(doctor);
        navigate("Patients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Han, Seo-yeon")).click();
        link("Sessions and adverse events").click();
        assertThat(page.locator("h1")).containsText("Melasma: microneedling with exosomes");

        // A unit another clinic received is refused as soon as it is scanned.
        Locator form = page.locator("#session-form");
        Locator unit = form.locator("input[name=unitCode]");
        unit.fill(units.get(1));
        assertThat(page.locator("#unit-preview")).containsText("cannot be used");
        assertThat(page.locator("#unit-preview")).containsText("was not received by this clinic");

        // A scanner types the code and presses Enter in the focused field: the form must not be sent half-filled.
        unit.fill(units.get(0).toLowerCase());
        unit.press("Enter");
        assertThat(form.locator("input[name=volumeMl]")).isFocused();
        assertThat(page.locator("#sessions")).containsText("No session recorded yet.");
        form.locator("input[name=volumeMl]").fill("0.5");
        assertThat(page.locator("#unit-preview")).containsText("may be used");
        assertThat(page.locator("#dose-preview")).hasText("· dose 2 × 10⁹ particles");
        screenshot("unit-scanned");
        form.locator("input[name=area]").fill("full face");
        form.locator("input[name=device]").fill("Dermapen 4");
        form.locator("input[name=needleDepthMm]").fill("0.5");
        form.locator("input[name=passes]").fill("3");
        button("Record session").click();

        assertThat(flash()).containsText("Session 1 recorded with unit " + units.get(0) + ": 2 × 10⁹ particles.");
        Locator sessions = page.locator("#sessions table");
        assertThat(sessions).containsText(units.get(0));
        assertThat(sessions).containsText("Dermapen 4 · 0.5 mm · 3 passes");
        assertThat(page.locator("#visits tbody tr").first()).containsText("Done " + LocalDate.now());
        screenshot("session-recorded");

        // The same unit cannot be used again.
        page.locator("#session-form input[name=unitCode]").fill(units.get(0));
        assertThat(page.locator("#unit-preview")).containsText("was already used on " + LocalDate.now());

        page.getByText("Report adverse event").click();
        Locator ae = page.locator(".ae-form").first();
        ae.locator("input[name=term]").fill("Erythema and burning");
        ae.locator("select[name=severity]").selectOption("MODERATE");
        ae.locator("select[name=causality]").selectOption("PROBABLE");
        ae.locator("select[name=outcome]").selectOption("RECOVERING");
        ae.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report")).click();
        assertThat(flash()).containsText("Adverse event reported.");
        assertThat(page.locator("#adverse-events table")).containsText("Erythema and burning");
        assertThat(page.locator("#adverse-events table")).containsText("Session 1 · " + units.get(0));
        screenshot("adverse-event");
    }
}
