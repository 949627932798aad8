package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.LotScenarios.DonorRef;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A donor's reactive screening result recorded after her lot was released reaches the clinic: the
 * scan refuses the unit with the reason and no dose; the analyst who recorded the result cannot
 * invalidate it on the donor page (the page says QA, a second person, must), and a QA releaser can.
 */
class DonorEligibilityLostBrowserTest extends BrowserTest {

    @Test
    void aReactiveResultAfterReleaseStopsTheUnitAtTheClinicAndOnlyQaMayInvalidateIt() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("KR", doctor);
        String plan = clinics.plan(clinics.patient(clinic, doctor, "melasma"), doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        DonorRef donor = lots.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = lots.lotInTesting(donor);
        lots.allRequiredResultsPassing(lot);
        lots.release(lot, qa).andExpect(status().isOk());
        String lotCode = read(lots.lot(lot, analyst), "$.code");
        String unit = clinics.split(lot, analyst, 1).get(0);
        clinics.shipAndReceive(clinic, analyst, doctor, List.of(unit));

        // The analyst records a reactive HBsAg on the donor's page.
        login(analyst);
        page.navigate("/donors/" + donor.id());
        new ScreeningEntry(page).record("HBsAg", "Reactive", LocalDate.now().minusDays(5));
        Locator reactive = page.locator("#screening-results tr").filter(new Locator.FilterOptions().setHasText("Reactive"))
                .filter(new Locator.FilterOptions().setHasNotText("Non-reactive"));
        reactive.getByText("Entered in error?").click();
        assertThat(reactive).containsText("only QA, a person other than who recorded it, may invalidate it");
        assertThat(reactive.getByRole(AriaRole.BUTTON)).hasCount(0);
        screenshot("reactive-result-analyst");
        logout();

        // The clinic's scan refuses the unit, says why without the donor's code, and shows no dose.
        login(doctor);
        page.navigate("/plans/" + plan);
        Locator form = page.locator("#session-form");
        page.waitForResponse(r -> r.url().contains("/unit-preview"), () -> form.locator("input[name=volumeMl]").fill("0.5"));
        form.locator("input[name=unitCode]").fill(unit);
        Locator preview = page.locator("#unit-preview");
        assertThat(preview).containsText("Unit " + unit + " cannot be used");
        assertThat(preview).containsText("lot " + lotCode + " is under disposition review since " + LocalDate.now()
                + ": the donor's screening is no longer complete and negative: HBsAg: reactive");
        assertThat(page.locator("#dose-preview")).hasCount(0);
        screenshot("scan-refused-reactive-donor");
        logout();

        // A QA releaser, a second person, may invalidate it with a reason.
        login(qa);
        page.navigate("/donors/" + donor.id());
        reactive = page.locator("#screening-results tr").filter(new Locator.FilterOptions().setHasText("Reactive"))
                .filter(new Locator.FilterOptions().setHasNotText("Non-reactive"));
        reactive.getByText("Entered in error?").click();
        reactive.getByLabel("Reason for invalidating").fill("Result of another donor's tube, per the sample log");
        screenshot("reactive-result-qa");
        reactive.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invalidate as QA")).click();
        assertThat(page.locator(".flash[role=status]")).containsText("Screening result invalidated");
        assertThat(page.locator("#screening-results")).containsText("Result of another donor's tube, per the sample log");
    }
}
