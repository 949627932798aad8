package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.batch.Lot;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, defect 4: a serum lot declared at 1.5e11 particles/mL measured 5.12e8 /mL by NTA (an
 * uncalibrated 80 pL detection volume). The lot page flags the 293-fold disagreement and shows
 * particles per ampoule computed from the measurement (and failing); QA's signature is refused with
 * the disagreement among the reasons. The analyst retests the concentration with a calibrated
 * measurement and corrects the declared value with a reason; QA releases; the clinic's dose then
 * uses the released measured concentration and says which value it is.
 */
class ConcentrationCrossCheckBrowserTest extends BrowserTest {

    @Test
    void aDeclaredConcentrationFortySevenFoldFromTheMeasuredOneBlocksReleaseUntilCorrectedAndATypedNtaValueIsRefused() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        Lot lot = as(analyst, () -> {
            Lot made = fixtures().serumLotInTesting(1.5e11);
            fixtures().conformingResultsExcept(made, "particle_concentration");
            fixtures().numericResult(made, "particle_concentration", 3.2e9, "particles/mL", "TRPS (Exoid)");
            return made;
        });

        // The analyst sees the disagreement and particles per ampoule computed, never typed.
        login(analyst);
        openLot(lot.code());
        Locator disagreement = page.locator("#concentration-disagreement");
        assertThat(disagreement).containsText("Declared concentration 1.5 × 10¹¹ particles/mL and measured 3.2 × 10⁹ particles/mL");
        assertThat(disagreement).containsText("47-fold lower");
        Locator perAmpoule = page.locator("#evaluation tr[data-test=particles_per_ampoule]");
        assertThat(perAmpoule).containsText("6.4 × 10⁹ particles = 3.2 × 10⁹ particles/mL × 2 mL");
        assertThat(perAmpoule).containsText("computed: Particle concentration × fill volume");
        assertThat(perAmpoule.locator(".verdict")).hasText("Pass");
        assertThat(page.locator("#testCode option[value=particles_per_ampoule]")).hasCount(0);
        assertThat(page.locator("#declared-value")).containsText("1.5 × 10¹¹ particles/mL");
        screenshot("disagreement-flagged");
        logout();

        // QA reads the blockers and is refused with the disagreement among the reasons.
        login(qa);
        openLot(lot.code());
        assertThat(page.locator("#release-blockers")).containsText("disagree: the measured value is 47-fold lower");
        sign(qa);
        Locator refusal = page.locator("#release-refusal");
        assertThat(refusal).containsText("Release refused:");
        assertThat(refusal).containsText("Declared concentration 1.5 × 10¹¹ particles/mL and measured 3.2 × 10⁹ particles/mL");
        assertThat(page.locator("#lot-state")).hasText("In testing");
        screenshot("release-refused");
        logout();

        // A typed NTA concentration is refused beside the method: an NTA value counts only from a measurement with its calibration.
        login(analyst);
        openLot(lot.code());
        long results = count("result");
        Locator form = page.locator("#result-form");
        form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Test").setExact(true)).selectOption("particle_concentration");
        form.getByLabel("Numeric value").fill("3.2e9");
        form.getByLabel("Unit").fill("particles/mL");
        form.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Method").setExact(true))
                .fill("NTA (NanoSight NS300), calibrated detection volume");
        form.locator("summary").filter(new Locator.FilterOptions().setHasText("This is a retest")).click();
        Locator earlier = form.getByLabel("Earlier result");
        earlier.selectOption(earlier.locator("option").filter(new Locator.FilterOptions().setHasText("particle_concentration: 3.2 × 10⁹"))
                .getAttribute("value"));
        form.getByLabel("Reason for the retest").fill("re-measured by NTA");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record result")).click();
        assertThat(page.locator("#result-form .field-error").filter(new Locator.FilterOptions().setHasText("upload the NTA measurement")))
                .hasCount(1);
        org.assertj.core.api.Assertions.assertThat(count("result")).isEqualTo(results);
        screenshot("typed-nta-refused");

        // The declared value was the bulk isolate's: the analyst corrects it with a reason.
        openLot(lot.code());
        Locator declared = page.locator("#declared-concentration");
        declared.locator("summary").click();
        declared.getByLabel("Declared concentration (particles/mL)").fill("3.5e9");
        Locator correct = declared.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Correct").setExact(true));
        correct.click();
        assertThat(declared.locator(".field-error").filter(new Locator.FilterOptions().setHasText("required"))).hasCount(1);
        declared.getByLabel("Reason (required, kept in the audit trail)")
                .fill("1.5e11 /mL was the bulk isolate's concentration; the serum is formulated at 3.5e9 /mL (batch record p. 4)");
        page.locator("#declared-concentration").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Correct").setExact(true)).click();
        assertThat(page.locator("#declared-concentration [role=status]")).containsText("Declared concentration corrected");
        assertThat(page.locator("#declared-corrections")).containsText("1.5 × 10¹¹ → 3.5 × 10⁹ particles/mL");
        assertThat(page.locator("#lot-declared")).containsText("declared 3.5 × 10⁹ particles/mL");
        assertThat(page.locator("#concentration-disagreement")).hasCount(0);
        assertThat(page.locator("#concentration-agreement")).containsText("agree");
        assertThat(page.locator("#evaluation tr[data-test=particles_per_ampoule]")).containsText("6.4 × 10⁹ particles = 3.2 × 10⁹ particles/mL × 2 mL");
        screenshot("resolved");
        // At a phone's width the declared concentration and the evaluation stay within the screen (the table scrolls in its card).
        page.setViewportSize(390, 844);
        assertThat(page.locator("#concentration-agreement")).isVisible();
        screenshot("resolved-390px");
        for (String panel : List.of("#declared-concentration", "#quality-panel > .card")) {
            org.assertj.core.api.Assertions.assertThat(((Number) page.locator(panel).first()
                    .evaluate("e => e.getBoundingClientRect().right")).doubleValue()).as(panel).isLessThanOrEqualTo(390);
        }
        page.setViewportSize(1280, 900);
        logout();

        // QA releases: the release states the measured concentration.
        login(qa);
        openLot(lot.code());
        assertThat(page.locator("#release-ready")).containsText("can be released by you");
        assertThat(page.locator("#concentration-to-release")).containsText("3.2 × 10⁹ particles/mL, measured");
        sign(qa);
        assertThat(page.locator("#lot-state")).hasText("Released");
        assertThat(page.locator("#decisions .released-concentration")).containsText("Released concentration 3.2 × 10⁹ particles/mL, measured by TRPS (Exoid)");
        String certificate = link("Download certificate").textContent().replace("Download certificate", "").strip();
        screenshot("released");
        logout();

        // The clinic doses with the released measured concentration and says which value it is.
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        String clinic = clinics.clinic("KR", doctor);
        String patient = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Ji-woo", "familyName": "Cho", "dateOfBirth": "1987-05-20", "sex": "FEMALE", "fitzpatrick": "III",
                 "indications": ["melasma"]}""").andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/patients/" + patient + "/consents", doctor, "{\"kind\": \"TREATMENT\", \"formVersion\": \"TC-2026-1\", \"signedOn\": \""
                + LocalDate.now() + "\", \"signedBy\": \"Cho Ji-woo\"}").andExpect(status().isCreated());
        clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        List<String> units = clinics.split(lot.id().toString(), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);

        login(doctor);
        navigate("Patients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cho, Ji-woo")).click();
        link("Sessions and adverse events").click();
        Locator session = page.locator("#session-form");
        session.locator("input[name=unitCode]").fill(units.get(0));
        Locator preview = page.locator("#unit-preview");
        assertThat(preview).containsText("may be used");
        session.locator("input[name=volumeMl]").fill("0.5");
        assertThat(preview).containsText("Concentration 3.2 × 10⁹ particles/mL (measured by TRPS (Exoid), released "
                + LocalDate.now() + ", certificate " + certificate + ")");
        assertThat(page.locator("#dose-preview")).hasText("· dose 1.6 × 10⁹ particles");
        screenshot("clinic-dose");
    }

    @Test
    void theSpecificationShowsParticlesPerAmpouleAsComputedAndTheDeclaredToleranceAndItsEditorKeepsThem() {
        TestUser qa = user(Role.QA_RELEASER);
        login(qa);
        navigate("Specifications");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Human MSC exosome serum")).first().click();
        Locator perAmpoule = page.locator("tr").filter(new Locator.FilterOptions().setHasText("particles_per_ampoule"));
        assertThat(perAmpoule).containsText("computed as Particle concentration × fill volume, never typed");
        assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHasText("particle_concentration")).first())
                .containsText("within ×/÷ 2 of the declared concentration");
        screenshot("specification");
        link("Publish a new version").click();
        assertThat(page.getByLabel("particles_per_ampoule computed as")).hasValue("particle_concentration × lot.fill_volume");
        assertThat(page.getByLabel("particle_concentration times or divided by declared")).hasValue("2.0");
        screenshot("specification-editor");
    }

        private void sign(TestUser qa) {
        Locator signature = page.locator("#signature-form");
        signature.getByLabel("Approval").check();
        signature.getByLabel("User name").fill(qa.username());
        signature.getByLabel("Password").fill(qa.password());
        signature.getByLabel("I confirm the meaning").check();
        signature.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign")).click();
    }
}
