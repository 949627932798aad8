package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.exotrace.batch.Lot;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The header's language switch turns the pages into Traditional Chinese (Hong Kong) and back, for
 * a signed-in analyst on the lot page and for someone not yet signed in on the sign-in page; the
 * page's lang attribute follows, so screen readers pronounce it in the right language.
 */
class LanguageSwitchBrowserTest extends BrowserTest {

    @Test
    void theLotPageReadsInChineseAfterTheSwitchAndInEnglishAgainAfterSwitchingBack() {
        TestUser analyst = user(Role.LAB_ANALYST);
        Lot lot = as(analyst, () -> fixtures().serumLotInTesting());
        login(analyst);
        openLot(lot.code());
        assertThat(page.locator("html")).hasAttribute("lang", "en");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Language"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("繁體中文")).click();

        assertThat(page.locator("html")).hasAttribute("lang", "zh-HK");
        // the switch is labelled in the page's language too
        Locator languages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("語言"));
        Locator nav = page.locator("header nav.modules");
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("批號").setExact(true))).isVisible();
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("捐贈者").setExact(true))).isVisible();
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("批次").setExact(true))).isVisible();
        assertThat(page.locator("h1")).containsText("批號");
        assertThat(page.locator("h1")).containsText(lot.code());
        assertThat(page.locator("#lot-state")).hasText("檢測中");
        assertThat(page.locator("#timeline h2")).hasText("時間線");
        assertThat(page.locator("#release-panel h2").first()).hasText("放行");
        assertThat(page.locator("#lot-declared")).containsText("× 10");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登出"))).isVisible();
        assertThat(languages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("繁體中文")))
                .hasAttribute("aria-current", "true");
        screenshot("lot-zh-HK");
        screenshotNarrow("lot-zh-HK");

        // the choice holds on the next page, opened from the Chinese navigation
        nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("批號").setExact(true)).click();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-HK");

        languages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Lots").setExact(true))).isVisible();
    }

    @Test
    void theSignInPageSwitchesLanguageBeforeSignIn() {
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("繁體中文")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-HK");
        assertThat(page.getByLabel("用戶名稱")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登入"))).isVisible();
        screenshot("login-zh-HK");

        // the focus reaches the switch by keyboard, and Enter follows it
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByLabel("User name")).isVisible();
    }
}
