package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/** After signing in, each role is on its own work; the sign-in page names no account when the demo is off. */
class RoleLandingBrowserTest extends BrowserTest {

    @Test
    void eachRoleLandsOnItsOwnWorkAfterSigningIn() {
        page.navigate("/login");
        assertThat(page.locator("#demo-accounts")).hasCount(0);
        screenshot("login");
        screenshotNarrow("login");

        lands(user(Role.LAB_ANALYST), "/lots\\?state=IN_TESTING$", "Lots", null);
        lands(user(Role.QA_RELEASER), "/lots/awaiting-release$", "Lots awaiting release", "qa-landing");
        lands(user(Role.CLINICIAN), "/clinic$", "Patients", null);
        lands(user(Role.COMPLIANCE_OFFICER), "/compliance$", null, null);
        lands(user(Role.RESEARCHER), "/evidence$", "Evidence", null);
        lands(user(Role.ADMIN), "/admin/users$", "Users", "admin-landing");
    }

    private void lands(TestUser user, String url, String heading, String screenshot) {
        login(user);
        assertThat(page).hasURL(regex(url));
        if (heading != null) {
            assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1))).hasText(heading);
        }
        assertThat(page.locator("body")).not().containsText("being built");
        if (screenshot != null) {
            screenshot(screenshot);
            screenshotNarrow(screenshot);
        }
        logout();
    }
}
