package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The donor page, the screening panels and the audit trail read in Traditional Chinese (Hong Kong)
 * after the language switch: headings, field labels, buttons and the flash message of a recorded
 * screening result come from the lab bundles. Screenshots at 1280 and 390 px.
 */
class DonorPageInChineseBrowserTest extends BrowserTest {

    @Test
    void aDonorIsRegisteredAndScreenedInChinese() {
        TestUser analyst = user(Role.LAB_ANALYST);
        LocalDate collected = LocalDate.now().minusDays(2);
        login(analyst);
        page.navigate("/donors/new?lang=zh-HK");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-HK");

        page.getByLabel("來源類別").selectOption(new SelectOption().setIndex(1));
        page.getByLabel("採集日期").fill(collected.toString());
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登記捐贈者")).click();

        assertThat(page.locator("h1")).containsText("捐贈者");
        assertThat(page.locator("#eligibility")).containsText("合資格狀況：");
        assertThat(page.locator("#screening h2")).hasText("合資格篩查");
        assertThat(page.locator("#screening-form h3")).hasText("記錄篩查結果");

        page.locator("#testCode").selectOption(new SelectOption().setValue("ANTI_HIV_1_2"));
        page.locator("#result-select").selectOption(new SelectOption().setValue("NON_REACTIVE"));
        page.getByLabel("採樣日期").fill(collected.toString());
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("記錄結果")).click();
        assertThat(flash()).containsText("篩查結果已記錄");
        assertThat(page.locator("#screening-results thead")).containsText("記錄人");
        screenshot("donor-zh-HK");
        screenshotNarrow("donor-zh-HK");

        page.navigate("/screening-panels");
        assertThat(page.locator("h1")).hasText("篩查組合");
        assertThat(page.locator("#catalog h2")).hasText("檢測目錄");
        screenshot("panels-zh-HK");
    }
}
