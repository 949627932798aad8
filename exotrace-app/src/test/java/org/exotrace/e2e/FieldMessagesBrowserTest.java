package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.exotrace.batch.Lot;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/** Refused input comes back next to the field it concerns, with what was typed kept. */
class FieldMessagesBrowserTest extends BrowserTest {

    @Test
    void missingSourceTypeAndNonNumericResultGetFieldMessages() {
        TestUser analyst = user(Role.LAB_ANALYST);
        Lot lot = as(analyst, () -> fixtures().serumLotInTesting());
        login(analyst);

        navigate("Donors");
        link("Register a donor").click();
        page.getByLabel("Source detail").fill("no source type chosen");
        button("Register donor").click();
        Locator sourceType = page.locator("label").filter(new Locator.FilterOptions().setHasText("Source type"));
        assertThat(sourceType.locator(".field-error")).hasText("choose the source type");
        assertThat(page.getByLabel("Source type")).hasClass(regex("\\binvalid\\b"));
        assertThat(page.getByLabel("Source detail")).hasValue("no source type chosen");
        screenshot("donor-without-source-type");

        openLot(lot.code());
        ResultEntry results = new ResultEntry(page);
        results.fill("size_mode", "NTA");
        results.form().getByLabel("Numeric value").fill("abc");
        results.submitExpectingRefusal();
        Locator value = results.form().locator("label").filter(new Locator.FilterOptions().setHasText("Numeric value"));
        assertThat(value.locator(".field-error")).containsText("is not a number");
        assertThat(results.form().getByLabel("Numeric value")).hasValue("abc");
        assertThat(results.form().getByLabel("Numeric value")).hasClass(regex("\\binvalid\\b"));
        assertThat(results.verdict("size_mode")).hasText("Missing");
        screenshot("result-not-a-number");
    }
}
