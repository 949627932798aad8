package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pool form finds its parents by search instead of listing every usable lot: an analyst
 * searches for one lot, ticks it, searches for another (the first stays ticked above the results,
 * and the fields already typed stay), ticks it and creates the pool. axe-core at 1280 and 390 px on
 * the form with a lot chosen. Uses the demo dataset, like {@link AccessibilityBrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class PoolFormBrowserTest extends BrowserTest {

    @Test
    void anAnalystFindsTwoLotsBySearchAndPoolsThem() {
        login("analyst", AccessibilityBrowserTest.DEMO_PASSWORD);
        page.navigate("/lots/pool");
        Locator found = page.locator("table:has(caption:text-is('Lots found')) tbody tr:has(input[type=checkbox])");
        assertThat(found.first()).isVisible();
        assertThat(found.count()).as("one page of candidates").isLessThanOrEqualTo(20);
        String first = found.nth(0).locator("code").textContent();
        String second = found.nth(1).locator("code").textContent();

        String product = found.nth(0).locator("td").nth(2).textContent();
        page.locator("input[name=volumeMl]").fill("7.5");
        page.getByRole(AriaRole.SEARCHBOX).fill(first);
        page.getByRole(AriaRole.SEARCHBOX).press("Enter");
        assertThat(page.getByText("1 found")).isVisible();
        page.getByLabel("Pool " + first).check();
        page.getByRole(AriaRole.SEARCHBOX).fill(second);
        button("Search").click();

        Locator chosen = page.locator("table:has(caption:text-is('Chosen to pool'))");
        assertThat(chosen.getByLabel("Pool " + first)).isChecked();
        assertThat(page.locator("input[name=volumeMl]")).hasValue("7.5");
        assertThat(Accessibility.seriousViolations(page)).as("axe at 1280 px").isEmpty();
        screenshot("second-search");
        page.setViewportSize(AccessibilityBrowserTest.PHONE, 844);
        assertThat(Accessibility.seriousViolations(page)).as("axe at 390 px").isEmpty();
        screenshot("second-search-390");
        page.setViewportSize(1280, 900);

        page.getByLabel("Pool " + second).check();
        String productCode = page.locator("select[name=productCode] option", new com.microsoft.playwright.Page.LocatorOptions().setHasText(product))
                .first().getAttribute("value");
        page.locator("select[name=productCode]").selectOption(productCode);
        button("Create pooled lot").click();
        assertThat(flash()).containsText("Pooled lot");
        screenshot("pool-created");
    }
}
