package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/**
 * Fills the patient page's plan form the way a clinician does: the protocol first (the form then
 * shows its route and offers only the products that fit), then the product (the form then offers
 * only its sources). Each choice reloads the dependent fields; every step waits for that reload.
 */
final class PlanFormSteps {

    private PlanFormSteps() {
    }

    static void chooseProtocol(Page page, String templateLabel, String routeLabel) {
        Locator form = page.locator("#plan-form");
        reloadingFields(page, () -> form.locator("select[name=templateId]").selectOption(new SelectOption().setLabel(templateLabel)));
        assertThat(page.locator("#plan-route")).containsText(routeLabel);
    }

    static void chooseProduct(Page page, String productLabel, String productCode) {
        reloadingFields(page, () -> page.locator("#plan-form select[name=productCode]").selectOption(new SelectOption().setLabel(productLabel)));
        assertThat(page.locator("#plan-fields")).hasAttribute("data-product", productCode);
    }

    /**
     * Makes a choice and waits until the fields it reloads are back and swapped in, so that the
     * next choice is made on the new fields (choosing the same protocol twice changes no text to
     * wait for).
     */
    private static void reloadingFields(Page page, Runnable choice) {
        page.waitForResponse(response -> response.url().contains("/plan-fields"), choice);
        page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
    }

    static void chooseSource(Page page, String sourceLabel) {
        page.locator("#plan-form select[name=sourceType]").selectOption(new SelectOption().setLabel(sourceLabel));
    }
}
