package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.exotrace.ClinicScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A Korean clinician plans a split-face microneedling course with a randomized side and a
 * colleague as blinded assessor: the planning clinician sees which side gets the exosome serum,
 * the assessor sees only that the allocation is concealed. On the way the clinician copies the
 * shipped protocol to the clinic and is told, field by field, what is wrong with a bad edit.
 */
class SplitFacePlanBrowserTest extends BrowserTest {

    private static final String PHOTOAGING = "Photoaging: microneedling with exosomes (split-face vs saline) (Topical after microneedling)";

    @Test
    void theAllocationIsShownToThePlannerAndConcealedFromTheBlindedAssessor() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser doctor = user(Role.CLINICIAN);
        TestUser assessor = user(Role.CLINICIAN);
        ClinicScenarios scenarios = new ClinicScenarios(mvc, admin);
        String clinic = scenarios.clinic("KR", doctor, assessor);
        String patient = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Min-ji", "familyName": "Seo", "dateOfBirth": "1971-03-14", "sex": "FEMALE", "fitzpatrick": "III",
                 "indications": ["photoaging"]}""").andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/patients/" + patient + "/consents", doctor, "{\"kind\": \"TREATMENT\", \"formVersion\": \"TC-1\", \"signedOn\": \""
                + java.time.LocalDate.now() + "\", \"signedBy\": \"Seo Min-ji\"}").andExpect(status().isCreated());

        login(doctor);
        navigate("Patients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Seo, Min-ji")).click();
        Locator form = page.locator("#plan-form");
        form.locator("select[name=templateId]").selectOption(new SelectOption().setLabel(PHOTOAGING));

        // The protocol's page: shipped, so read-only with a copy button; the copy is edited with field messages.
        link("View, copy or edit this protocol").click();
        assertThat(page.locator("#design")).containsText("Split-face: exosome product on one side, saline on the other");
        assertThat(page.locator("#template-form")).hasCount(0);
        button("Copy to my clinic").click();
        assertThat(flash()).containsText("Copied to your clinic");
        Locator edit = page.locator("#template-form");
        edit.locator("input[name=sessions]").fill("0");
        edit.locator("input[name=followUpDays]").fill("42, abc");
        edit.locator("input[name=comparator]").fill("");
        button("Save the template").click();
        assertThat(edit.locator("input[name=sessions] + .field-error")).hasText("a whole number from 1 to 100");
        assertThat(edit.locator("input[name=followUpDays] + .field-error")).containsText("'abc' is not a day from 1 to 730");
        assertThat(edit.locator("input[name=comparator] + .field-error")).containsText("a split-face design names what the other side receives");
        assertThat(edit.locator("input[name=reason] + .field-error")).hasText("say why the template changes");
        screenshot("bad-template-edit");
        edit.locator("input[name=name]").fill("Photoaging: clinic registry version (split-face vs saline)");
        edit.locator("input[name=sessions]").fill("4");
        edit.locator("input[name=followUpDays]").fill("42, 84");
        edit.locator("input[name=comparator]").fill("saline");
        edit.locator("input[name=reason]").fill("a 12-week follow-up for the clinic's registry");
        button("Save the template").click();
        assertThat(flash()).containsText("Template saved");
        assertThat(page.locator("#protocol")).containsText("4, every 21 days");
        screenshot("template-copy-saved");

        page.navigate("/patients/" + patient);
        form = page.locator("#plan-form");
        PlanFormSteps.chooseProtocol(page, "Photoaging: clinic registry version (split-face vs saline) (Topical after microneedling)",
                "Topical after microneedling");
        PlanFormSteps.chooseProduct(page, "Human MSC exosome serum", "HMSC-EXO-SERUM");
        PlanFormSteps.chooseSource(page, "Umbilical-cord MSC");
        form.locator("select[name=allocation]").selectOption(new SelectOption().setLabel("Randomize"));
        form.locator("select[name=blindedAssessor]").selectOption(new SelectOption().setLabel(assessor.username()));
        button("Plan the treatment").click();
        Locator plan = page.locator("#plans .plan");
        assertThat(plan).hasCount(1);
        assertThat(plan.locator(".split-face")).containsText("Split-face vs saline");
        assertThat(plan.locator(".allocation")).hasText(regex("^Exosome product (Left, saline Right|Right, saline Left) \\(randomized\\)$"));
        assertThat(plan).containsText("blinded assessor " + assessor.username());
        assertThat(plan).containsText("Session 4");
        screenshot("planned-allocation-visible");

        logout();
        login(assessor);
        navigate("Patients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Seo, Min-ji")).click();
        plan = page.locator("#plans .plan");
        assertThat(plan.locator(".allocation")).hasText("Side: allocation concealed (you assess this patient blinded)");
        assertThat(plan).not().containsText("Exosome product");
        assertThat(plan).not().containsText("saline Left");
        assertThat(plan).not().containsText("saline Right");
        screenshot("assessor-sees-concealed");
    }
}
