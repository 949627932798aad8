package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A recall from opening to closure across two clinics: QA opens a class I recall on a lot whose
 * units went to clinics A (one used on a patient before the recall, one in stock) and B (two in
 * stock); the scan of a recalled unit is refused; each clinic's clinician acknowledges the notice
 * and reports their units; clinic A's look-back names its patient; QA sees 100 % effectiveness and
 * closes the recall with a signature. Every new page passes axe-core and fits a phone.
 */
class RecallBrowserTest extends BrowserTest {

    @Test
    void aRecallRunsFromOpeningToClosureAcrossTwoClinics() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctorA = user(Role.CLINICIAN);
        TestUser doctorB = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinicA = clinics.clinic("KR", doctorA);
        String clinicB = clinics.clinic("KR", doctorB);
        String lot = lots.released(qa);
        String lotCode = read(lots.lot(lot, analyst), "$.code");
        List<String> units = clinics.split(lot, analyst, 4);
        clinics.shipAndReceive(clinicA, analyst, doctorA, List.of(units.get(0), units.get(1)));
        clinics.shipAndReceive(clinicB, analyst, doctorB, List.of(units.get(2), units.get(3)));
        String patient = read(postJson("/api/clinics/" + clinicA + "/patients", doctorA, """
                {"givenName": "Mei", "familyName": "Chan", "dateOfBirth": "1979-06-02", "sex": "FEMALE", "indications": ["melasma"]}""")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        clinics.treatmentConsent(patient, doctorA);
        String plan = clinics.plan(patient, doctorA, "MELASMA-MN", LotScenarios.PRODUCT);
        postJson("/api/plans/" + plan + "/sessions", doctorA, """
                {"unitCode": "%s", "volumeMl": 0.5, "device": "Dermapen 4", "needleDepthMm": 0.5, "passes": 3, "area": "full face", "side": "BOTH"}"""
                .formatted(units.get(0))).andExpect(status().isCreated());
        Map<String, List<Accessibility.Violation>> violations = new LinkedHashMap<>();
        List<String> tooWide = new ArrayList<>();

        // QA opens the recall
        login(qa);
        navigate("Recalls");
        checkPage("recalls", violations, tooWide);
        // from the lot page: the form comes with the lot's code
        openLot(lotCode);
        link("Open a recall").click();
        Locator form = page.locator("#recall-form");
        assertThat(form.getByLabel("Lot", new Locator.GetByLabelOptions().setExact(true))).hasValue(lotCode);
        form.locator("select[name=recallClass]").selectOption("I");
        form.getByLabel("Reason").fill("Sterility failure on the retained sample");
        checkPage("recall-form", violations, tooWide);
        button("Open recall and hold the units").click();
        assertThat(flash()).containsText("opened: 4 units held, 2 clinic notices sent.");
        assertThat(page.locator("#overall")).containsText("1 of 4 units accounted for (25 %)");
        assertThat(page.locator("#units tr[data-unit='" + units.get(0) + "']")).containsText("used on");
        screenshot("recall-opened");
        screenshotNarrow("recall-opened");
        checkPage("recall", violations, tooWide);
        String recallUrl = page.url();
        logout();

        // Clinic A: the scan of a recalled unit is refused; acknowledge, report, look-back by name
        login(doctorA);
        navigate("Patients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chan, Mei")).click();
        link("Sessions and adverse events").click();
        page.locator("#session-form input[name=unitCode]").fill(units.get(1));
        assertThat(page.locator("#unit-preview")).containsText("cannot be used");
        assertThat(page.locator("#unit-preview")).containsText("is under recall");
        screenshot("scan-refused");
        navigate("Recall notices");
        checkPage("inbox", violations, tooWide);
        reportUnits(List.of(units.get(1)), "RETURNED");
        assertThat(page.locator("#look-back")).containsText("Mei Chan");
        assertThat(page.locator("#look-back")).containsText(units.get(0));
        screenshot("clinic-a-reported");
        screenshotNarrow("clinic-a-reported");
        checkPage("notice", violations, tooWide);
        logout();

        // Clinic B: its notice only, no patient of clinic A
        login(doctorB);
        navigate("Recall notices");
        reportUnits(List.of(units.get(2), units.get(3)), "DESTROYED");
        assertThat(page.locator("#look-back")).containsText("No patient was treated with these units.");
        assertThat(page.locator("main")).not().containsText("Mei Chan");
        logout();

        // QA: 100 % and the signed closure
        login(qa);
        page.navigate(recallUrl);
        assertThat(page.locator("#overall")).containsText("4 of 4 units accounted for (100 %)");
        Locator closure = page.locator("#closure-form");
        closure.getByLabel("User name").fill(qa.username());
        closure.getByLabel("Password").fill(qa.password());
        closure.getByLabel("I confirm the meaning of my signature above.").check();
        button("Sign and close the recall").click();
        assertThat(flash()).containsText("closed under your signature");
        assertThat(page.locator("#closure")).containsText("(" + qa.username() + ")");
        assertThat(page.locator("#closure-form")).hasCount(0);
        screenshot("recall-closed");
        screenshotNarrow("recall-closed");

        org.assertj.core.api.Assertions.assertThat(violations).as(violations.entrySet().stream()
                .map(e -> Accessibility.describe(e.getKey(), e.getValue())).toList().toString()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(tooWide).isEmpty();
    }

    /** Opens the newest notice of the inbox, acknowledges it and reports each unit with this status. */
    private void reportUnits(List<String> codes, String status) {
        page.locator("#notices tbody tr").first().getByRole(AriaRole.LINK).click();
        button("Acknowledge the notice").click();
        assertThat(flash()).containsText("Notice acknowledged");
        for (String code : codes) {
            Locator row = page.locator("#units tr[data-unit='" + code + "']");
            row.locator("select[name=status]").selectOption(status);
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report")).click();
            assertThat(flash()).containsText("Unit " + code + " reported.");
        }
    }

    /** axe-core at desktop width and the page's width on a phone, gathered to fail at the end with every finding. */
    private void checkPage(String name, Map<String, List<Accessibility.Violation>> violations, List<String> tooWide) {
        List<Accessibility.Violation> found = Accessibility.seriousViolations(page);
        if (!found.isEmpty()) violations.put(name, found);
        var size = page.viewportSize();
        page.setViewportSize(390, 844);
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        if (width > 390) tooWide.add(name + ": " + width + " px");
        page.setViewportSize(size.width, size.height);
    }
}
