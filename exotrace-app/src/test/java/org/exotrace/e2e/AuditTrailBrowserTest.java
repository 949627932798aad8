package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * An auditor reads a correction on the audit trail as the regulations ask for it (who, when, why,
 * old and new values): the action in words and every field before and after, side by side, the
 * changed ones marked.
 */
class AuditTrailBrowserTest extends BrowserTest {

    @Test
    void aCorrectionShowsEachFieldBeforeAndAfterSideBySide() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser auditor = user(Role.COMPLIANCE_OFFICER);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String donor = lots.humanDonor(LotScenarios.PRODUCT_SCOPES).id();
        String batch = lots.batch(donor);
        postJson("/api/batches/" + batch + "/corrections", analyst, """
                {"donorId": "%s", "method": "SIZE_EXCLUSION_CHROMATOGRAPHY", "inputVolumeMl": 55, "operator": "J. Park",
                 "startedOn": "%s", "reason": "input volume read again from the bottle label"}"""
                .formatted(donor, LocalDate.now().minusDays(3))).andExpect(status().isOk());

        login(auditor);
        page.navigate("/audit?q=" + batch);
        Locator row = page.locator("#audit-rows table.audit > tbody > tr").filter(new Locator.FilterOptions().setHasText("input volume read again"));
        assertThat(row).hasCount(1);
        assertThat(row.locator(".tag")).hasText("Changed");
        assertThat(row).containsText("Batch");
        Locator inputVolume = row.locator("table.changes tr:has(th:text-is('Input volume ml'))");
        assertThat(inputVolume.locator("td")).hasText(new String[] {"50.0", "55.0"});
        assertThat(inputVolume).hasClass(regex("changed"));
        Locator method = row.locator("table.changes tr:has(th:text-is('Method'))");
        assertThat(method).not().hasClass(regex("changed"));
        screenshot("correction-side-by-side");
        screenshotNarrow("correction-side-by-side");
    }

    @Test
    void verifyingTheChainShowsThatTheChainAndItsCheckpointsAgree() throws Exception {
        TestUser auditor = user(Role.COMPLIANCE_OFFICER);

        login(auditor);
        page.navigate("/audit");
        Locator verify = page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Verify the chain"));
        Locator result = page.locator("#verify-result [role=status]");
        verify.click();
        assertThat(result).containsText("Audit chain intact");
        // the first verification wrote the head as a checkpoint if no periodic one had yet
        page.locator("#verify-result").evaluate("e => e.innerHTML = ''");
        verify.click();
        assertThat(result).containsText("checkpoints outside the database agree");
        screenshot("audit-verify-intact");
        screenshotNarrow("audit-verify-intact");
    }
}
