package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.exotrace.batch.Lot;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Results entered many at a time: every test of a lot on one form (a mistyped number refused beside
 * its row with nothing recorded, then the whole sheet recorded with the out-of-specification result
 * flagged), and a worksheet of one test across the lots in testing that lack it.
 */
class ResultSheetBrowserTest extends BrowserTest {

    @Test
    void everyTestOfALotIsEnteredOnOneFormAllOrNothing() {
        TestUser analyst = user(Role.LAB_ANALYST);
        Lot lot = as(analyst, () -> fixtures().serumLotInTesting());
        login(analyst);
        openLot(lot.code());
        link("Enter all tests on one form").click();
        assertThat(page.locator("h1")).containsText("Results of lot " + lot.code());
        Locator sheet = page.locator("#sheet-form");
        sheet.getByLabel("Size (mode): value").fill("1O4");
        sheet.getByLabel("Size (mode): method").fill("NTA");
        sheet.getByLabel("Endotoxin: value").fill("0.9");
        sheet.getByLabel("Endotoxin: method").fill("LAL kinetic chromogenic");
        sheet.getByLabel("Sterility: result").selectOption("NO_GROWTH");
        sheet.getByLabel("Sterility: method").fill("Ph. Eur. 2.6.1");
        screenshot("sheet");
        screenshotNarrow("sheet");
        long results = count("result");
        sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record results")).click();

        assertThat(page.locator("#sheet-form .alert.error")).hasText("Nothing was recorded: see the messages beside the rows.");
        assertThat(page.locator("tr[data-test='size_mode'] td[data-label='Result'] .field-error")).containsText("'1O4' is not a number");
        assertThat(page.locator("#sheet-form").getByLabel("Endotoxin: value")).hasValue("0.9");
        assertThat(page.locator("#sheet-form").getByLabel("Sterility: result")).hasValue("NO_GROWTH");
        org.assertj.core.api.Assertions.assertThat(count("result")).as("nothing half-written").isEqualTo(results);
        screenshot("sheet-refused");

        page.locator("#sheet-form").getByLabel("Size (mode): value").fill("104");
        page.locator("#sheet-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record results")).click();
        assertThat(page.locator("#recorded h2")).hasText("Recorded 3 results");
        Locator endotoxin = page.locator("#recorded tr").filter(new Locator.FilterOptions().setHasText("Endotoxin"));
        assertThat(endotoxin).containsText("Out of specification");
        assertThat(endotoxin).containsText("The lot cannot be released with this result.");
        assertThat(page.locator("#recorded")).containsText("No growth");
        assertThat(page.locator("tr[data-test='size_mode']")).containsText("104 nm");
        assertThat(page.locator("#value-size_mode")).hasCount(0);
        screenshot("sheet-recorded");
        screenshotNarrow("sheet-recorded");
    }

    @Test
    void oneTestIsEnteredAcrossTheLotsThatLackIt() {
        TestUser analyst = user(Role.LAB_ANALYST);
        Lot first = as(analyst, () -> fixtures().serumLotInTesting());
        Lot second = as(analyst, () -> fixtures().serumLotInTesting());
        login(analyst);
        navigate("Lots");
        link("Worksheet: one test across lots").click();
        page.getByLabel("Test").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Human MSC exosome serum · Endotoxin"));
        button("List lots").click();
        Locator sheet = page.locator("#worksheet-form");
        assertThat(sheet.locator("tr[data-lot='" + first.code() + "']")).isVisible();
        assertThat(sheet.getByLabel("Unit of the values")).hasValue("EU/mL");
        sheet.getByLabel(first.code() + ": value").fill("0.1");
        sheet.getByLabel(second.code() + ": value").fill("0.2");
        sheet.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record results")).click();
        assertThat(page.locator("#worksheet-form label:has-text('Method') .field-error")).hasText("is required");
        screenshot("worksheet-refused");
        page.locator("#worksheet-form").getByLabel("Method").fill("LAL kinetic chromogenic");
        screenshotNarrow("worksheet");
        page.locator("#worksheet-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record results")).click();
        assertThat(page.locator("#recorded h2")).hasText("Recorded 2 results");
        assertThat(page.locator("#recorded")).containsText(first.code());
        assertThat(page.locator("#recorded")).containsText(second.code());
        assertThat(page.locator("#worksheet-form tr[data-lot='" + first.code() + "']")).hasCount(0);
        screenshot("worksheet-recorded");
    }
}
