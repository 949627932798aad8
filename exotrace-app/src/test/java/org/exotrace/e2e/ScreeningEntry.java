package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.List;

/** The donor page's "Record a screening result" form, filled as an analyst would: the test, then its result, from the lists. */
final class ScreeningEntry {

    private final Page page;

    ScreeningEntry(Page page) {
        this.page = page;
    }

    Locator form() {
        return page.locator("#screening-form");
    }

    /** Records one result and waits for the page to say so. */
    void record(String test, String result, LocalDate sampledOn) {
        fill(test, result, sampledOn);
        form().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record result")).click();
        assertThat(page.locator(".flash[role=status]")).hasText("Screening result recorded.");
    }

    /** Chooses the test (which loads its results) and the result, and types the sampling date. */
    void fill(String test, String result, LocalDate sampledOn) {
        // htmx starts when the page has loaded: a test chosen before that would not fetch its results
        page.waitForLoadState(LoadState.LOAD);
        testSelect().selectOption(new SelectOption().setLabel(test));
        resultSelect().selectOption(new SelectOption().setLabel(result));
        form().getByLabel("Sampled on").fill(sampledOn.toString());
    }

    /** The test list (its accessible name grows with a field message, so found by its field name). */
    Locator testSelect() {
        return form().locator("select[name=testCode]");
    }

    /** The result list, swapped by htmx whenever the test changes. */
    Locator resultSelect() {
        return form().locator("select[name=result]");
    }

    /** The names of the panel's required tests, as the page lists them. */
    List<String> requiredTests() {
        return page.locator("#panel-tests tbody tr td:first-child strong").allTextContents();
    }

    /** Records the negative result of every required test the page lists (NAT: not detected; serology: non-reactive). */
    void wholePanelNegative(LocalDate sampledOn) {
        for (String test : requiredTests()) record(test, test.endsWith("NAT") ? "Not detected" : "Non-reactive", sampledOn);
    }

    /** The row of a required test in the panel table. */
    Locator required(String testCode) {
        return page.locator("#panel-tests tr[data-test='" + testCode + "']");
    }
}
