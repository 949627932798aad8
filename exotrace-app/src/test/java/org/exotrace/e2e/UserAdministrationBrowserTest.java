package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * An administrator disables an account (a reason is required), enables it again, changes its roles
 * and resets its password: the temporary password is shown once, and its holder must choose a new
 * one before anything else, then lands on their own work. Administrators cannot disable themselves
 * or change their own roles (grant themselves release rights or drop their administrator role).
 */
class UserAdministrationBrowserTest extends BrowserTest {

    @Test
    void anAdministratorDisablesEnablesChangesRolesAndResetsAPassword() {
        TestUser admin = user(Role.ADMIN);
        TestUser analyst = user(Role.LAB_ANALYST);

        login(admin);
        assertThat(page.locator("h1")).hasText("Users");
        page.locator("#accounts").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(analyst.username()).setExact(true)).click();
        assertThat(page.locator("h1")).containsText(analyst.username());
        screenshot("account");
        screenshotNarrow("account");

        Locator status = page.locator("#status-form");
        status.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable account")).click();
        assertThat(page.locator("#status-form .field-error").first()).hasText("is required");
        page.locator("#status-form").getByLabel("Reason").fill("On leave until March");
        page.locator("#status-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable account")).click();
        assertThat(flash()).containsText(analyst.username() + " is disabled");
        assertThat(page.locator(".subtitle")).containsText("Disabled");
        page.locator("#status-form").getByLabel("Reason").fill("Back from leave");
        page.locator("#status-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable account")).click();
        assertThat(flash()).containsText("can sign in again");

        Locator roles = page.locator("#roles-form");
        roles.getByLabel("QA releaser").check();
        roles.getByLabel("Reason for the change").fill("Qualified as releaser");
        roles.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change roles")).click();
        assertThat(flash()).hasText("Roles of " + analyst.username() + " changed: Lab analyst, QA releaser.");

        page.locator("#reset-form").getByLabel("Reason").fill("Forgot the password");
        page.locator("#reset-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password")).click();
        String temporary = page.locator("#temporary-password code").textContent().strip();
        org.assertj.core.api.Assertions.assertThat(temporary).hasSize(16);
        screenshot("temporary-password");
        page.reload();
        assertThat(page.locator("#temporary-password")).hasCount(0);

        // Their own account: no way to disable it, reset it or change its roles here.
        page.navigate("/admin/users/" + admin.username());
        assertThat(page.locator("#status-form")).hasCount(0);
        assertThat(page.locator("#reset-form")).hasCount(0);
        assertThat(page.locator("#roles-form")).hasCount(0);
        assertThat(page.locator("#roles-own")).containsText("You cannot change your own roles");
        logout();

        // The holder of the temporary password chooses their own before anything else.
        login(analyst.username(), temporary);
        assertThat(page).hasURL(regex("/account/password$"));
        page.navigate("/lots");
        assertThat(page).hasURL(regex("/account/password$"));
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("An administrator reset your password");
        screenshot("password-change");
        screenshotNarrow("password-change");
        page.getByLabel("Temporary password").fill(temporary);
        page.getByLabel("New password (10 to 128 characters)").fill("my own long passphrase");
        page.getByLabel("New password again").fill("my own long passphrase");
        button("Change password").click();
        assertThat(flash()).hasText("Your password was changed.");
        assertThat(page).hasURL(regex("/lots/awaiting-release$"));
    }
}
