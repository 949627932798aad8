package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The cold chain in a browser, on the demo dataset: an analyst records an excursion beyond the
 * serum's declared limits (first with a typo, answered beside the field) and the unit is held; QA
 * finds it among the holds and decides it usable with a reason; the unit's page shows the decision.
 * axe-core and a phone's width on both pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class ColdChainBrowserTest extends BrowserTest {

    @Test
    void anExcursionHoldsAUnitUntilQaDecidesInTheBrowser() {
        // the demo stores four serum units in box F1-R2-B07; A3 has no excursion yet
        String unit = jdbc.sql("""
                select u.code from unit_place p join lot_unit u on u.id = p.unit_id join storage_location l on l.id = p.location_id
                where l.code = 'F1-R2-B07' and p.position = 'A3'""").query(String.class).single();

        login("analyst", AccessibilityBrowserTest.DEMO_PASSWORD);
        navigate("Cold chain");
        page.getByLabel("A unit's cold-chain record").fill(unit);
        button("Open").click();
        assertThat(page.locator("#place")).containsText("F1 / F1-R2 / F1-R2-B07, position A3");
        Locator excursion = page.locator("#excursion-form");
        excursion.getByLabel("Highest temperature reached (°C)").fill("-4O");
        excursion.getByLabel("How long (minutes)").fill("12");
        excursion.getByRole(AriaRole.BUTTON).click();
        assertThat(excursion.locator(".field-error").first()).containsText("between -200 and 100");
        assertThat(excursion.getByLabel("How long (minutes)")).hasValue("12");
        excursion.getByLabel("Highest temperature reached (°C)").fill("-40");
        excursion.getByRole(AriaRole.BUTTON).click();
        assertThat(flash()).containsText("held until QA decides");
        assertThat(page.locator("#held")).isVisible();
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        screenshot("unit-held");
        screenshotNarrow("unit-held");

        logout();
        login("qa", AccessibilityBrowserTest.DEMO_PASSWORD);
        navigate("Cold chain");
        Locator row = page.locator("#holds tbody tr").filter(new Locator.FilterOptions().setHasText(unit));
        assertThat(row).containsText("-40 °C");
        assertThat(Accessibility.seriousViolations(page)).isEmpty();
        screenshot("holds");
        screenshotNarrow("holds");
        row.getByLabel("Decision").selectOption("USABLE");
        row.getByLabel("Reason").fill("Logger trace: 12 min at -40 °C, inside the stability study's excursion arm");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Decide")).click();
        assertThat(flash()).containsText("Decision recorded");
        assertThat(page.locator("#holds tbody tr").filter(new Locator.FilterOptions().setHasText(unit))).hasCount(0);

        page.navigate("/cold-chain/units/" + unit);
        assertThat(page.locator("#events")).containsText("inside the stability study's excursion arm");
        assertThat(page.locator("#held")).hasCount(0);
        assertThat(page.locator("header")).isVisible();
    }
}
