package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A clinician in Hong Kong works in Traditional Chinese: the session form, the unit check, the dose
 * (with its superscript exponent), the flash after recording and the adverse-event form all read in
 * Chinese, with no bundle key left unresolved; switching back to English restores the English page.
 */
class SessionFormInChineseBrowserTest extends BrowserTest {

    @Test
    void theSessionFormReadsInTraditionalChinese() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("KR", doctor);
        String patient = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Ka-yan", "familyName": "Chan", "dateOfBirth": "1986-05-20", "sex": "FEMALE", "fitzpatrick": "III",
                 "indications": ["melasma"]}""").andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/patients/" + patient + "/consents", doctor, "{\"kind\": \"TREATMENT\", \"formVersion\": \"TC-2026-1\", \"signedOn\": \""
                + LocalDate.now() + "\", \"signedBy\": \"Chan Ka-yan\"}").andExpect(status().isCreated());
        String plan = clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        List<String> units = clinics.split(lots.released(qa), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);

        login(doctor);
        page.navigate("/plans/" + plan + "?lang=zh-HK");
        assertThat(page.locator("#record-session h2")).hasText("記錄療程");
        assertThat(page.locator("#visits thead")).containsText("預定日期");
        assertThat(page.locator("#sessions")).containsText("尚未記錄任何療程。");

        Locator form = page.locator("#session-form");
        form.locator("input[name=unitCode]").fill(units.get(0));
        assertThat(page.locator("#unit-preview")).containsText("單位 " + units.get(0) + " 可以使用");
        form.locator("input[name=volumeMl]").fill("0.5");
        assertThat(page.locator("#dose-preview")).hasText("· 劑量 2 × 10⁹ 粒子");
        assertThat(form.locator("select[name=side] option[value=LEFT]")).hasText("左");
        form.locator("input[name=area]").fill("全臉");
        form.locator("input[name=device]").fill("Dermapen 4");
        form.locator("input[name=passes]").fill("3");
        screenshot("session-form-zh-HK");
        form.locator("button.primary[type=submit]").click();

        assertThat(flash()).containsText("已以單位 " + units.get(0) + " 記錄第 1 次療程：2 × 10⁹ 粒子。");
        assertThat(page.locator("#visits tbody tr").first()).containsText("已完成 " + LocalDate.now());
        page.getByText("報告不良事件").click();
        Locator ae = page.locator(".ae-form").first();
        assertThat(ae.locator("select[name=severity] option[value=MODERATE]")).hasText("中度");
        assertThat(ae.locator("select[name=causality] option[value=PROBABLE]")).hasText("很可能");
        screenshot("session-recorded-zh-HK");
        assertThat(page.locator("main").innerText()).doesNotContain("??");

        page.navigate("/plans/" + plan + "?lang=en");
        assertThat(page.locator("#record-session h2")).hasText("Record a session");
        assertThat(page.locator("#visits tbody tr").first()).containsText("Done " + LocalDate.now());
    }
}
