package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The lab's units page: each unit's status and place, filtered by lot and status; a unit broken in
 * the lab is destroyed with a reason (refused without one, nothing written) and shows as destroyed.
 */
class UnitsPageBrowserTest extends BrowserTest {

    @Test
    void theLabSeesWhereEachUnitIsAndDestroysABrokenOneWithAReason() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("JP", doctor);
        String clinicName = read(getJson("/api/clinics", doctor).andReturn(), "$[0].name");
        String lot = lots.released(qa);
        String lotCode = read(lots.lot(lot, analyst), "$.code");
        List<String> units = clinics.split(lot, analyst, 4);
        clinics.shipAndReceive(clinic, analyst, doctor, List.of(units.get(0)));

        login(analyst);
        navigate("Units");
        page.getByLabel("Lot").fill(lotCode);
        button("Show").click();
        Locator rows = page.locator("#units tbody");
        assertThat(rows.locator("tr")).hasCount(4);
        assertThat(rows.locator("tr[data-unit='" + units.get(0) + "']")).containsText("Received by the clinic");
        assertThat(rows.locator("tr[data-unit='" + units.get(0) + "']")).containsText(clinicName);
        assertThat(rows.locator("tr[data-unit='" + units.get(3) + "']")).containsText("In the lab");
        screenshot("units");
        screenshotNarrow("units");

        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Destroy unit " + units.get(3))).click();
        assertThat(page.locator("h1")).hasText("Destroy unit " + units.get(3));
        long audits = count("audit_entry");
        button("Destroy unit").click();
        assertThat(page.locator("label:has-text('Reason') .field-error")).hasText("is required");
        org.assertj.core.api.Assertions.assertThat(count("audit_entry")).isEqualTo(audits);
        screenshot("destroy-refused");
        page.getByLabel("Reason").fill("Ampoule cracked at visual inspection");
        screenshotNarrow("destroy-form");
        button("Destroy unit").click();
        assertThat(flash()).containsText("Unit " + units.get(3) + " recorded as destroyed on " + LocalDate.now());
        assertThat(rows.locator("tr[data-unit='" + units.get(3) + "']")).containsText("Destroyed");
        assertThat(rows.locator("tr[data-unit='" + units.get(3) + "']")).containsText("Ampoule cracked at visual inspection");

        page.getByLabel("Status").selectOption("DESTROYED");
        button("Show").click();
        assertThat(rows.locator("tr")).hasCount(1);
        page.getByLabel("Status").selectOption("IN_LAB");
        button("Show").click();
        assertThat(rows.locator("tr")).hasCount(2);
        screenshot("units-in-lab");
    }
}
