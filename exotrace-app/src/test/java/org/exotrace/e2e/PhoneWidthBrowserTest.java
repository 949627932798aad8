package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * On a phone (390 px wide) the lot page, the session form and the patients list fit the screen: the
 * page never scrolls sideways, the navigation folds behind a Menu button that opens and closes with
 * the mouse and the keyboard and says whether it is open, the page's main action is on screen, and
 * axe-core finds nothing critical or serious in either state of the menu. Uses the demo dataset, like
 * {@link AccessibilityBrowserTest} (the same application context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class PhoneWidthBrowserTest extends BrowserTest {

    private static final int PHONE = AccessibilityBrowserTest.PHONE;

    @Test
    void theLotPageFitsAPhone() {
        login("qa", AccessibilityBrowserTest.DEMO_PASSWORD);
        page.navigate("/lots");
        page.locator("#lot-rows a[href*='/lots/']").first().click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Evaluation"))).isVisible();
        screenshot("lot-1280");
        onAPhone("lot");
        assertThat(page.locator("#timeline")).isVisible();
    }

    @Test
    void theSessionFormFitsAPhone() {
        login("clinician", AccessibilityBrowserTest.DEMO_PASSWORD);
        page.navigate("/clinic");
        page.locator("main a[href*='/plans/']").first().click();
        assertThat(page.locator("#session-form")).isVisible();
        screenshot("session-1280");
        onAPhone("session");
        Locator record = page.locator("#session-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record session"));
        assertOnScreenWidth(record);
    }

    @Test
    void thePatientsListFitsAPhone() {
        login("clinician", AccessibilityBrowserTest.DEMO_PASSWORD);
        page.navigate("/clinic");
        assertThat(page.locator("main a[href*='/patients/']").first()).isVisible();
        screenshot("patients-1280");
        onAPhone("patients");
        assertOnScreenWidth(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Register a patient")).first());
    }

    /**
     * At 390 px: no sideways scroll, the primary actions within the width, the menu folded, opened by
     * a click and by the keyboard, folded again by Escape with the focus back on its button; axe clean
     * both ways. Screenshots of the page with the menu folded and open.
     */
    private void onAPhone(String name) {
        page.setViewportSize(PHONE, 844);
        page.reload();
        // the panels htmx loads after the page (a lot's evaluation, release, ...) are part of it
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(scrollWidth()).as("the page's width at %d px", PHONE).isLessThanOrEqualTo(PHONE);
        for (Locator action : page.locator("main button.primary:visible, main .button.primary:visible").all()) {
            assertOnScreenWidth(action);
        }

        Locator menu = page.locator("header .menu-toggle");
        Locator nav = page.locator("#site-nav");
        assertThat(menu).isVisible();
        assertThat(menu).hasAttribute("aria-expanded", "false");
        assertThat(nav).isHidden();
        assertThat(page.locator("header").boundingBox().height).as("the folded header's height").isLessThan(80);
        assertThat(Accessibility.seriousViolations(page)).as("axe at %d px, menu folded", PHONE).isEmpty();
        screenshot(name + "-390");

        menu.click();
        assertThat(menu).hasAttribute("aria-expanded", "true");
        assertThat(nav).isVisible();
        assertThat(nav.getByRole(AriaRole.LINK).first()).isVisible();
        assertThat(page.locator("#site-user").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out"))).isVisible();
        assertThat(scrollWidth()).as("the page's width with the menu open").isLessThanOrEqualTo(PHONE);
        assertThat(Accessibility.seriousViolations(page)).as("axe at %d px, menu open", PHONE).isEmpty();
        screenshot(name + "-390-menu");

        page.keyboard().press("Escape");
        assertThat(menu).hasAttribute("aria-expanded", "false");
        assertThat(nav).isHidden();
        assertThat(menu).isFocused();
        page.keyboard().press("Enter");
        assertThat(menu).hasAttribute("aria-expanded", "true");
        assertThat(nav).isVisible();
        page.keyboard().press("Space");
        assertThat(menu).hasAttribute("aria-expanded", "false");
    }

    private void assertOnScreenWidth(Locator action) {
        action.scrollIntoViewIfNeeded();
        assertThat(action).isVisible();
        var box = action.boundingBox();
        assertThat(box.x).as("left edge of " + action).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as("right edge of " + action).isLessThanOrEqualTo(PHONE);
    }

    private int scrollWidth() {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }
}
