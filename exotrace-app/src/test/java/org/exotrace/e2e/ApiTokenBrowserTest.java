package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Someone makes a personal API token on their account's API tokens page: it is shown once, opens the
 * API from outside the browser with the chosen roles, is listed by its first characters only, and
 * stops working the moment it is revoked.
 */
class ApiTokenBrowserTest extends BrowserTest {

    private int apiStatus(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/lots")).header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void makesATokenShownOnceUsesItAndRevokesIt() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST, Role.QA_RELEASER);
        login(analyst);
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("API tokens")).click();
        assertThat(page.locator("h1")).hasText("API tokens");
        assertThat(page.getByText("You have no API tokens yet.")).isVisible();

        Locator form = page.locator("#token-form");
        button("Create token").click();
        assertThat(form.locator(".field-error").first()).containsText("is required");

        form.getByLabel("Name (what the token is for)").fill("weekly export");
        form.getByLabel("Valid for (days, ≤ 365)").fill("30");
        form.getByLabel("QA releaser").uncheck();
        button("Create token").click();
        assertThat(page.locator("#new-token")).containsText("shown only this once");
        String token = page.locator("#new-token-value").textContent().strip();
        org.assertj.core.api.Assertions.assertThat(token).startsWith("exo_").hasSize(47);
        Locator row = page.locator("#tokens tbody tr").first();
        assertThat(row).containsText("weekly export");
        assertThat(row).containsText(token.substring(0, 12) + "…");
        assertThat(row).containsText("Lab analyst");
        assertThat(row).not().containsText("QA releaser");
        assertThat(row).containsText("Active");
        screenshot("token-made");
        screenshotNarrow("token-made");

        org.assertj.core.api.Assertions.assertThat(apiStatus(token)).isEqualTo(200);
        page.reload();
        assertThat(page.locator("#new-token")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(token);
        assertThat(page.locator("#tokens tbody tr").first()).not().containsText("never");

        page.locator("#tokens tbody tr").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke weekly export")).click();
        assertThat(flash()).containsText("The token 'weekly export' is revoked");
        assertThat(page.locator("#tokens tbody tr").first()).containsText("Revoked");
        assertThat(page.locator("#tokens tbody tr").first().getByRole(AriaRole.BUTTON)).hasCount(0);
        screenshot("token-revoked");
        screenshotNarrow("token-revoked");
        org.assertj.core.api.Assertions.assertThat(apiStatus(token)).isEqualTo(401);
    }
}
