package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The lab ships units of a released lot from the lot's units page, a unit refused beside itself;
 * the clinician sees the shipment waiting on the clinic page, confirms its receipt with the day,
 * and the inventory says for each unit whether it may be used today, with the check's reasons
 * when not (here a recall hold).
 */
class ShippingBrowserTest extends BrowserTest {

    @Test
    void theLabShipsUnitsAndTheClinicConfirmsTheReceiptAndSeesWhatItMayUse() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("KR", doctor);
        String clinicName = read(getJson("/api/clinics", doctor).andReturn(), "$[0].name");
        String lot = lots.released(qa);
        String lotCode = read(lots.lot(lot, analyst), "$.code");
        List<String> units = clinics.split(lot, analyst, 6);

        login(analyst);
        openLot(lotCode);
        link("Units (6)").click();
        link("Ship units to a clinic").click();
        assertThat(page.locator("h1")).containsText("Ship units of lot " + lotCode);
        Locator form = page.locator("#ship-form");
        form.getByLabel("Clinic").selectOption(new SelectOption().setLabel(clinicName + " (KR)"));
        form.getByLabel("Select all").check();
        assertThat(form.locator("input[name=unit]:checked")).hasCount(6);
        form.getByLabel("Select all").uncheck();
        form.getByLabel("Unit numbers").fill("1-3");
        form.locator("input[name=unit][value='" + units.get(4) + "']").check();
        screenshot("ship-form");
        screenshotNarrow("ship-form");
        // Meanwhile a colleague ships unit 2 elsewhere through the API: this shipment must now be refused for it, and only for it.
        TestUser colleague = user(Role.CLINICIAN);
        clinics.shipAndReceive(clinics.clinic("KR", colleague), analyst, colleague, List.of(units.get(1)));
        long shipments = count("shipment");
        button("Ship units").click();
        assertThat(page.locator("#ship-form .alert.error")).hasText("Nothing was shipped: 1 refusal, shown beside the units.");
        assertThat(page.locator(".unit-choice.refused")).hasCount(1);
        assertThat(page.locator(".unit-choice.refused")).containsText(units.get(1) + " already shipped");
        assertThat(page.locator("#ship-form input[name=unit][value='" + units.get(4) + "']")).isChecked();
        screenshot("ship-refused");
        org.assertj.core.api.Assertions.assertThat(count("shipment")).isEqualTo(shipments);

        page.locator("#ship-form").getByLabel("Unit numbers").fill("1, 3");
        page.locator("#ship-form input[name=unit][value='" + units.get(1) + "']").uncheck();
        button("Ship units").click();
        assertThat(flash()).hasText("3 units shipped to " + clinicName + " on " + LocalDate.now() + "; the clinic confirms the receipt.");
        assertThat(page.locator("#shipments tbody tr").first()).containsText("In transit");
        screenshot("shipments");
        screenshotNarrow("shipments");
        logout();

        login(doctor);
        assertThat(page).hasURL(regex("/clinic$"));
        assertThat(page.locator(".incoming-notice")).containsText("A shipment from the lab is waiting for your receipt");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("confirm it on the inventory page")).click();
        assertThat(page.locator("h1")).hasText("Inventory of " + clinicName);
        Locator incoming = page.locator("#incoming .incoming").first();
        assertThat(incoming).containsText("3 units");
        assertThat(incoming.getByLabel("Received on")).hasValue(LocalDate.now().toString());
        screenshot("inventory-incoming");
        screenshotNarrow("inventory-incoming");
        incoming.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm receipt")).click();
        assertThat(flash()).hasText("Receipt confirmed: 3 units received on " + LocalDate.now() + ".");
        Locator stock = page.locator("#stock tbody");
        for (String code : List.of(units.get(0), units.get(2), units.get(4))) {
            assertThat(stock.locator("tr[data-unit='" + code + "']")).containsText("Yes");
        }
        screenshot("inventory-stock");

        // A recall hold reaches the shelf at once, with the reason the unit check gives.
        lots.sign(lot, "quarantine", qa, qa.username(), qa.password(), "Recall: particulates reported").andExpect(status().isOk());
        page.reload();
        assertThat(stock.locator("tr[data-unit='" + units.get(0) + "']")).containsText("No");
        assertThat(stock.locator("tr[data-unit='" + units.get(0) + "'] .flags")).containsText("quarantined (on hold or recalled): do not use");
        screenshot("inventory-recalled");
        screenshotNarrow("inventory-recalled");
    }
}
