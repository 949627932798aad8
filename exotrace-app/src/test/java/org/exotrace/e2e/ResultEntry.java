package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The lot page's "Enter a result" form, filled as an analyst would, one result at a time. */
final class ResultEntry {

    private final Page page;

    ResultEntry(Page page) {
        this.page = page;
    }

    /** The form as it is now: every submission swaps the whole quality panel, form included. */
    Locator form() {
        return page.locator("#result-form");
    }

    Locator notice() {
        return page.locator("#quality-panel > .alert[role=status]");
    }

    Locator verdict(String testCode) {
        return page.locator("#evaluation tr[data-test='" + testCode + "'] .verdict");
    }

    Recorded numeric(String testCode, String value, String unit, String method) {
        Locator form = fill(testCode, method);
        form.getByLabel("Numeric value").fill(value);
        form.getByLabel("Unit").fill(unit);
        return submit(testCode);
    }

    Recorded categorical(String testCode, String category, String method) {
        Locator form = fill(testCode, method);
        form.getByLabel("Categorical result").fill(category);
        return submit(testCode);
    }

    /** Submits the form as it is and waits for the refreshed panel (success or field messages). */
    void submitExpectingRefusal() {
        form().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record result")).click();
        assertThat(form().locator(".field-error:not(:empty)").first()).isVisible();
    }

    Locator fill(String testCode, String method) {
        Locator form = form();
        form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Test").setExact(true)).selectOption(testCode);
        form.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Method").setExact(true)).fill(method);
        return form;
    }

    private Recorded submit(String testCode) {
        form().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record result")).click();
        assertThat(notice()).containsText(testCode + " = ");
        return new Recorded(testCode);
    }

    /** A result the panel has acknowledged; its verdict is checked in the evaluation table. */
    final class Recorded {
        private final String testCode;

        Recorded(String testCode) {
            this.testCode = testCode;
        }

        void expect(String verdict) {
            assertThat(verdict(testCode)).hasText(verdict);
        }
    }
}
