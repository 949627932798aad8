package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exotrace.ClinicScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A clinician follows an atopic dermatitis patient's EASI: the baseline is scored and banded on
 * saving, an out-of-range sign is refused beside its field, and a second assessment four weeks
 * later draws the trend with both points and gives the EASI-50 and EASI-75 responses.
 */
class AssessmentBrowserTest extends BrowserTest {

    private static final String[] REGIONS = {"headNeck", "upperLimbs", "trunk", "lowerLimbs"};
    private static final String[] SIGNS = {"erythema", "oedemaPapulation", "excoriation", "lichenification", "areaPercent"};

    @Test
    void aClinicianRecordsEasiAndSeesTheTrendAndResponse() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios scenarios = new ClinicScenarios(mvc, admin);
        String clinic = scenarios.clinic("KR", doctor);
        String patient = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Ottilie", "familyName": "Vandermeer", "dateOfBirth": "1984-03-09", "sex": "FEMALE", "fitzpatrick": "III",
                 "indications": ["atopic dermatitis"]}""").andExpect(status().isCreated()).andReturn(), "$.id");
        scenarios.treatmentConsent(patient, doctor);
        scenarios.plan(patient, doctor, "AD-REDNESS-EP", "HMSC-EXO-SERUM");

        login(doctor);
        navigate("Patients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vandermeer, Ottilie")).click();
        link("Progress and outcomes").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Progress and outcomes");
        assertThat(page.locator("#next-visit")).containsText("Session 1 on " + LocalDate.now());
        assertThat(page.locator("#component-fields")).containsText("adult weights");

        // Baseline four weeks ago: lower limbs 0.4 x area 5 (70 %) x signs (3+3+2+2) = 20, moderate.
        easi(LocalDate.now().minusDays(28), Map.of("lowerLimbs", new String[] {"3", "3", "2", "2", "70"}));
        button("Save assessment").click();
        assertThat(page.locator("#saved-result")).containsText("EASI 20 (moderate)");
        assertThat(page.locator("#progress .series[data-endpoint=EASI] circle.point")).hasCount(1);
        screenshot("baseline-saved");

        // A sign of 4 is out of range: refused beside its field, nothing saved.
        easi(LocalDate.now(), Map.of("headNeck", new String[] {"4", "0", "0", "0", "10"},
                "lowerLimbs", new String[] {"1", "1", "0.5", "0", "70"}));
        button("Save assessment").click();
        Locator erythema = page.locator("label:has(input[name='c.headNeck.erythema'])");
        assertThat(erythema.locator(".field-error")).hasText("must be from 0 to 3 in half points (0, 0.5, 1, ...), was 4");
        assertThat(page.locator("input[name='c.headNeck.erythema']")).hasClass(regex("invalid"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Invalid EASI assessment");
        assertThat(page.locator("#progress .series[data-endpoint=EASI] circle.point")).hasCount(1);
        screenshot("out-of-range-refused");

        // Corrected and saved: 0.4 x 5 x (1+1+0.5+0) = 5, mild; EASI-75 reached at week 4.
        page.locator("input[name='c.headNeck.erythema']").fill("0");
        button("Save assessment").click();
        assertThat(page.locator("#saved-result")).containsText("EASI 5 (mild)");
        Locator series = page.locator("#progress .series[data-endpoint=EASI]");
        assertThat(series.locator("svg circle.point")).hasCount(2);
        assertThat(series.locator("svg circle.baseline-point")).hasCount(1);
        assertThat(series.locator("svg .baseline-label")).hasText("baseline 20");
        assertThat(series.locator("svg .band")).containsText(new String[] {"moderate ≥ 6", "severe ≥ 23"});
        assertThat(series.locator(".responses")).containsText("EASI-50 achieved at week 4");
        assertThat(series.locator(".responses")).containsText("EASI-75 achieved at week 4");
        assertThat(series.locator(".responses")).containsText("EASI-90 not yet");
        assertThat(series.locator(".summary")).containsText("change -15 (-75 %)");
        assertThat(page.locator("#history tbody tr")).hasCount(2);
        screenshot("trend-and-response");

        // Another instrument brings its own fields.
        page.locator("select[name=instrument]").selectOption(new SelectOption().setValue("DLQI"));
        assertThat(page.locator("select[name='c.symptoms']")).isVisible();
        assertThat(page.locator("input[name='c.headNeck.erythema']")).hasCount(0);
        screenshot("dlqi-fields");

        // The latest EASI was mis-entered: corrected from the history with a reason; the trend follows the correction.
        page.locator("#history tbody tr").first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Correct")).click();
        assertThat(page.locator("#correcting")).containsText("EASI 5 (mild)");
        assertThat(page.locator("input[name='c.lowerLimbs.erythema']")).hasValue("1");
        page.locator("input[name='c.lowerLimbs.erythema']").fill("2");
        button("Save correction").click();
        assertThat(page.locator("label:has(input[name=reason]) .field-error")).hasText("is required");
        page.locator("input[name='c.lowerLimbs.erythema']").fill("2");
        page.locator("input[name=reason]").fill("lower-limb erythema was 2, not 1");
        button("Save correction").click();
        // 0.4 x 5 x (2+1+0.5+0) = 7, moderate.
        assertThat(flash()).containsText("Corrected: EASI 7 (moderate)");
        assertThat(page.locator("#history tbody tr")).hasCount(3);
        assertThat(page.locator("#history")).containsText("Corrected: lower-limb erythema was 2, not 1");
        assertThat(page.locator("#progress .series[data-endpoint=EASI] .summary")).containsText("latest " + LocalDate.now() + ": 7");
        screenshot("corrected");
    }

    /** Fills the EASI form: every region clear unless given (erythema, oedema/papulation, excoriation, lichenification, area %). */
    private void easi(LocalDate on, Map<String, String[]> regions) {
        page.locator("input[name=assessedOn]").fill(on.toString());
        Map<String, String[]> all = new LinkedHashMap<>();
        for (String region : REGIONS) all.put(region, regions.getOrDefault(region, new String[] {"0", "0", "0", "0", "0"}));
        all.forEach((region, values) -> {
            for (int i = 0; i < SIGNS.length; i++) {
                page.locator("input[name='c." + region + "." + SIGNS[i] + "']").fill(values[i]);
            }
        });
    }
}
