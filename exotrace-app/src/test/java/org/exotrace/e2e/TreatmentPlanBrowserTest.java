package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.Locale;
import java.util.UUID;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A clinician in a US clinic plans an intradermal injection of human MSC exosomes for hair loss:
 * the plan is refused with the FDA citation and the disclaimer; a topical microneedling plan for
 * the same patient goes ahead with its schedule and caution.
 */
class TreatmentPlanBrowserTest extends BrowserTest {

    @Test
    void aUsInjectionPlanIsBlockedWithItsCitation() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser doctor = user(Role.CLINICIAN);
        String code = ("US" + UUID.randomUUID().toString().substring(0, 6)).toUpperCase(Locale.ROOT).replace("-", "");
        String clinic = read(postJson("/api/clinics", admin, "{\"code\": \"" + code + "\", \"name\": \"Boston Hair and Skin\", \"jurisdiction\": \"US\"}")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/clinics/" + clinic + "/members", admin, "{\"username\": \"" + doctor.username() + "\"}").andExpect(status().isNoContent());
        postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Dana", "familyName": "Whitfield", "dateOfBirth": "1979-06-30", "sex": "MALE", "fitzpatrick": "II",
                 "indications": ["androgenetic alopecia"]}""").andExpect(status().isCreated());

        login(doctor);
        navigate("Patients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Whitfield, Dana")).click();
        Locator form = page.locator("#plan-form");
        form.locator("select[name=templateId]").selectOption(new SelectOption().setLabel("Androgenetic alopecia: intradermal exosomes (Intradermal injection)"));
        form.locator("select[name=productCode]").selectOption(new SelectOption().setLabel("Human MSC exosome injectable (investigational)"));
        form.locator("select[name=sourceType]").selectOption(new SelectOption().setLabel("Umbilical-cord MSC"));
        form.locator("select[name=purpose]").selectOption(new SelectOption().setLabel("Cosmetic"));
        button("Plan the treatment").click();

        Locator refusal = page.locator("#plan-refusal");
        assertThat(refusal).containsText("Not permitted in US");
        assertThat(refusal).containsText("FDA Public Safety Notification on Exosome Products (6 Dec 2019)");
        assertThat(refusal).containsText("not legal advice");
        assertThat(page.locator("#plans .plan")).hasCount(0);
        // What was chosen stays chosen, and the attempt is kept for the record.
        assertThat(page.locator("#plan-form select[name=productCode]")).hasValue("HMSC-EXO-INJ");
        assertThat(page.locator("#plan-refusals")).containsText("Refused by the rules: 1 attempt");
        screenshot("injection-blocked");

        // Without a protocol the form says so beside the field.
        page.locator("#plan-form select[name=templateId]").selectOption("");
        button("Plan the treatment").click();
        assertThat(page.locator("label:has(select[name=templateId]) .field-error")).hasText("choose a protocol template");
        assertThat(page.locator("#plan-form select[name=productCode]")).hasValue("HMSC-EXO-INJ");

        form = page.locator("#plan-form");
        form.locator("select[name=templateId]").selectOption(new SelectOption().setLabel("Photoaging: microneedling with exosomes (split-face vs saline) (Topical after microneedling)"));
        form.locator("select[name=productCode]").selectOption(new SelectOption().setLabel("Human MSC exosome serum"));
        form.locator("select[name=sourceType]").selectOption(new SelectOption().setLabel("Umbilical-cord MSC"));
        button("Plan the treatment").click();
        assertThat(page.locator("#plans .plan")).hasCount(1);
        assertThat(page.locator("#plans .plan")).containsText("Permitted with caution");
        assertThat(page.locator("#plans .plan")).containsText("Follow-up 1");
        screenshot("microneedling-planned");
    }
}
