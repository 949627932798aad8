package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotState;
import org.exotrace.batch.Lots;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An out-of-specification result is flagged where it is entered and stops QA's signature from releasing the lot. */
class OutOfSpecificationBrowserTest extends BrowserTest {

    @Autowired Lots lots;

    @Test
    void outOfSpecificationLotCannotBeReleased() {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        Lot lot = as(analyst, () -> {
            Lot made = fixtures().serumLotInTesting();
            fixtures().conformingResultsExcept(made, "endotoxin");
            return made;
        });

        login(analyst);
        openLot(lot.code());
        ResultEntry results = new ResultEntry(page);
        assertThat(results.verdict("endotoxin")).hasText("Missing");
        results.numeric("endotoxin", "2.0", "EU/mL", "LAL kinetic").expect("Out of specification");
        assertThat(results.notice()).containsText("Out of specification: endotoxin = 2");
        assertThat(results.notice()).hasClass(regex("\\berror\\b"));
        assertThat(page.locator("#overall-verdict")).hasText("Out of specification");
        screenshot("out-of-specification");
        logout();

        login(qa);
        openLot(lot.code());
        Locator blockers = page.locator("#release-blockers");
        assertThat(blockers).containsText("Endotoxin is out of specification");
        assertThat(blockers).containsText("Out-of-specification investigation OOS-");
        assertThat(blockers.getByRole(AriaRole.LISTITEM)).hasCount(2);
        screenshot("release-blocked");

        Locator signature = page.locator("#signature-form");
        signature.getByLabel("Approval").check();
        signature.getByLabel("User name").fill(qa.username());
        signature.getByLabel("Password").fill(qa.password());
        signature.getByLabel("I confirm the meaning").check();
        signature.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign")).click();

        Locator refusal = page.locator("#release-refusal");
        assertThat(refusal).containsText("Release refused:");
        assertThat(refusal.getByRole(AriaRole.LISTITEM)).containsText(new String[] {"Endotoxin is out of specification: 2"});
        assertThat(page.locator("#lot-state")).hasText("In testing");
        assertThat(page.locator("#decisions")).containsText("No decision yet.");
        assertThat(link("Download certificate")).hasCount(0);
        screenshot("release-refused");

        page.reload();
        assertThat(page.locator("#lot-state")).hasText("In testing");
        assertThat(lots.get(lot.id()).state()).isEqualTo(LotState.IN_TESTING);
    }
}
