package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import org.exotrace.ClinicScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A Korean clinician reads the adjustment rules of a shipped protocol, then on the clinic's copy adds
 * a rule (told field by field what is missing first), sees it listed, and changes another with a reason.
 */
class AdjustmentRuleBrowserTest extends BrowserTest {

    @Test
    void aClinicianAddsARuleToTheClinicsCopyAndSeesItListed() throws Exception {
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios scenarios = new ClinicScenarios(mvc, user(Role.ADMIN));
        String clinic = scenarios.clinic("KR", doctor);
        String shipped = scenarios.templateId("AD-REDNESS-EP", doctor);
        String copy = read(postJson("/api/protocol-templates/" + shipped + "/copies", doctor, "{\"clinicId\": \"" + clinic + "\"}")
                .andExpect(status().isCreated()).andReturn(), "$.id");

        login(doctor);
        page.navigate("/protocol-templates/" + shipped);
        Locator rules = page.locator("#adjustment-rules");
        assertThat(rules.locator("li.rule")).hasCount(2);
        assertThat(rules.locator("li.rule").first()).containsText("By week 8: EASI-50 not achieved \u2192 Shorter interval:");
        assertThat(page.locator("#rule-form")).hasCount(0);
        assertThat(rules.locator("details")).hasCount(0);

        page.navigate("/protocol-templates/" + copy);
        Locator add = page.locator("#rule-form");
        add.locator("select[name=instrument]").selectOption("EASI");
        add.locator("input[name=byWeek]").fill("200");
        add.locator("select[name=kind]").selectOption(new SelectOption().setLabel("Change of route"));
        button("Add the rule").click();
        assertThat(add.locator("select[name=responseName] + .field-error")).containsText("give either a response");
        assertThat(add.locator("input[name=byWeek] + .field-error")).hasText("a week of the course from 1 to 104, counted from the baseline");
        assertThat(add.locator("select[name=proposedRoute] + .field-error")).hasText("Change of route proposes a route: choose it");
        assertThat(add.locator("textarea[name=text] + .field-error")).hasText("is required");
        assertThat(add.locator("select[name=kind]")).hasValue("CHANGE_ROUTE");
        screenshot("bad-rule");

        add.locator("select[name=responseName]").selectOption("EASI-75");
        add.locator("input[name=byWeek]").fill("4");
        add.locator("select[name=kind]").selectOption(new SelectOption().setLabel("Consider stopping"));
        add.locator("textarea[name=text]").fill("EASI-75 not reached by week 4: consider stopping and an established treatment.");
        button("Add the rule").click();
        assertThat(flash()).containsText("Rule EASI75-W4-STOP added");
        rules = page.locator("#adjustment-rules");
        assertThat(rules.locator("li.rule")).hasCount(3);
        assertThat(rules.locator("li.rule").first()).containsText(
                "By week 4: EASI-75 not achieved \u2192 Consider stopping: EASI-75 not reached by week 4: consider stopping");

        Locator interval = rules.locator("li.rule[data-code=EASI50-W8-INTERVAL]");
        interval.locator("summary").click();
        Locator edit = interval.locator("form.rule-form");
        edit.locator("input[name=byWeek]").fill("6");
        edit.locator("button", new Locator.LocatorOptions().setHasText("Save the rule")).click();
        interval = page.locator("#adjustment-rules li.rule[data-code=EASI50-W8-INTERVAL]");
        assertThat(interval.locator("form.rule-form input[name=reason] + .field-error")).hasText("say why the rule changes");
        screenshot("rule-change-needs-a-reason");
        interval.locator("form.rule-form input[name=reason]").fill("our patients are reviewed at week 6");
        interval.locator("button", new Locator.LocatorOptions().setHasText("Save the rule")).click();
        assertThat(flash()).containsText("Rule EASI50-W8-INTERVAL saved");
        assertThat(page.locator("#adjustment-rules li.rule[data-code=EASI50-W8-INTERVAL]"))
                .containsText("By week 6: EASI-50 not achieved \u2192 Shorter interval:");
        screenshot("rules-of-the-copy");
    }
}
