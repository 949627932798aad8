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
 * the plan is refused with the FDA citation and the disclaimer. The form offers only the products
 * a protocol's route can deliver; a topical microneedling plan waits for the patient's treatment
 * consent, then goes ahead with its schedule and caution; the same course twice needs a confirmation.
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
        PlanFormSteps.chooseProtocol(page, "Androgenetic alopecia: intradermal exosomes (Intradermal injection)", "Intradermal injection");
        // an intradermal protocol offers only the injectable product, already chosen
        assertThat(form.locator("select[name=productCode] option")).hasText(new String[] {"Human MSC exosome injectable (investigational)"});
        assertThat(page.locator("#plan-fields")).hasAttribute("data-product", "HMSC-EXO-INJ");
        PlanFormSteps.chooseSource(page, "Umbilical-cord MSC");
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
        PlanFormSteps.chooseProtocol(page, "Photoaging: microneedling with exosomes (split-face vs saline) (Topical after microneedling)",
                "Topical after microneedling");
        // a topical protocol offers the serum and the gel, not the injectable
        assertThat(form.locator("select[name=productCode] option", new Locator.LocatorOptions().setHasText("injectable"))).hasCount(0);
        planSerumForPhotoaging();
        // Dana has signed no treatment consent yet: nothing is planned, and the page says what to do.
        assertThat(page.locator("#plan-refusal")).containsText("No treatment consent");
        assertThat(page.locator("#plan-refusal")).containsText("record the signed consent on this page first");
        assertThat(page.locator("#plans .plan")).hasCount(0);
        screenshot("no-consent");

        Locator consent = page.locator("form:has(select[name=kind])");
        consent.locator("select[name=kind]").selectOption(new SelectOption().setLabel("Treatment"));
        consent.locator("input[name=formVersion]").fill("TC-2026-1");
        consent.locator("input[name=signedBy]").fill("Dana Whitfield");
        button("Record consent").click();
        assertThat(page.locator("#consents, section:has(select[name=kind])")).containsText("Treatment");

        planSerumForPhotoaging();
        assertThat(page.locator("#plans .plan")).hasCount(1);
        assertThat(page.locator("#plans .plan")).containsText("Permitted with caution");
        assertThat(page.locator("#plans .plan")).containsText("Follow-up 1");
        screenshot("microneedling-planned");

        // The same course again: the form warns as soon as protocol and product are chosen, and plans it only when confirmed.
        planSerumForPhotoaging();
        assertThat(page.locator("#plan-refusal")).containsText("the same course is already running");
        assertThat(page.locator("#plans .plan")).hasCount(1);
        Locator duplicate = page.locator("#plan-duplicate");
        assertThat(duplicate).containsText("already running");
        screenshot("duplicate-warning");
        duplicate.getByLabel("Plan a second course alongside it").check();
        button("Plan the treatment").click();
        assertThat(page.locator("#plans .plan")).hasCount(2);
    }

    private void planSerumForPhotoaging() {
        PlanFormSteps.chooseProtocol(page, "Photoaging: microneedling with exosomes (split-face vs saline) (Topical after microneedling)",
                "Topical after microneedling");
        PlanFormSteps.chooseProduct(page, "Human MSC exosome serum", "HMSC-EXO-SERUM");
        PlanFormSteps.chooseSource(page, "Umbilical-cord MSC");
        button("Plan the treatment").click();
    }
}
