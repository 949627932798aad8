package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.LotScenarios.DonorRef;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, defect 3: a donor withdraws her cosmetic consent after her lot was released and a unit
 * of it is already at a clinic. The withdrawal, entered on the donor page, puts the lot under
 * disposition review at once: the clinic's scan refuses the unit with the reason and shows no
 * dose, the lot page and the dashboard flag the lot, and when QA signs "continue" the unit scans as
 * usable again.
 */
class ConsentWithdrawalBrowserTest extends BrowserTest {

    @Test
    void aConsentWithdrawnAfterReleaseStopsTheUnitAtTheClinicUntilQaDecides() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("KR", doctor);
        String patient = clinics.patient(clinic, doctor, "melasma");
        postJson("/api/patients/" + patient + "/consents", doctor, "{\"kind\": \"TREATMENT\", \"formVersion\": \"TC-2026-1\", \"signedOn\": \""
                + LocalDate.now() + "\", \"signedBy\": \"Test Patient\"}").andExpect(status().isCreated());
        String plan = clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        DonorRef donor = lots.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = lots.lotInTesting(donor);
        lots.allRequiredResultsPassing(lot);
        lots.release(lot, qa).andExpect(status().isOk());
        String lotCode = read(lots.lot(lot, analyst), "$.code");
        String unit = clinics.split(lot, analyst, 1).get(0);
        clinics.shipAndReceive(clinic, analyst, doctor, List.of(unit));
        String today = LocalDate.now().toString();

        // Before: the unit may be used, with its dose.
        login(doctor);
        scan(plan, unit);
        assertThat(page.locator("#unit-preview")).containsText("may be used");
        assertThat(page.locator("#dose-preview")).isVisible();
        logout();

        // The lab records the withdrawal on the donor's page.
        login(analyst);
        page.navigate("/donors/" + donor.id());
        Locator cosmetic = page.locator("tr").filter(new Locator.FilterOptions().setHasText("Cosmetic use"));
        cosmetic.getByLabel("Reason for withdrawal").fill("Donor asked that her cells no longer be used in cosmetics");
        cosmetic.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw")).click();
        assertThat(flash()).containsText("released lots that need it are under disposition review");
        logout();

        // The clinic's scan refuses the unit with the reason, and shows no dose.
        login(doctor);
        scan(plan, unit);
        Locator preview = page.locator("#unit-preview");
        assertThat(preview).containsText("Unit " + unit + " cannot be used");
        // why, but not whose: a clinic never sees donor codes
        assertThat(preview).containsText("lot " + lotCode + " is under disposition review since " + today
                + ": a donor withdrew consent for cosmetic use on " + today + "; do not use until QA decides");
        assertThat(page.locator("#dose-preview")).hasCount(0);
        screenshot("scan-refused");
        narrow("scan-refused-390");
        page.locator("#session-form input[name=area]").fill("full face");
        button("Record session").click();
        assertThat(page.locator("#session-refusal")).containsText("is under disposition review since " + today);
        assertThat(page.locator("#sessions")).containsText("No session recorded yet.");
        logout();

        // QA sees the lot on the page they land on, on the dashboard and on the lot page.
        login(qa);
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1))).hasText("Lots awaiting release");
        assertThat(page.locator("#under-review")).containsText(lotCode);
        navigate("Dashboard");
        Locator underReview = page.locator("#under-review");
        assertThat(underReview.locator("h2")).hasText("Under disposition review (" + underReviewCount() + ")");
        assertThat(underReview).containsText(lotCode);
        assertThat(underReview.locator("li").filter(new Locator.FilterOptions().setHasText(lotCode))).containsText("since " + today + ": Consent withdrawn");
        screenshot("dashboard");
        narrow("dashboard-390");
        underReview.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(lotCode)).click();
        assertThat(page.locator("h1 #review-flag")).hasText("Under disposition review");
        Locator review = page.locator("#review-panel");
        assertThat(review.locator("#review-open")).containsText("Under disposition review since " + today);
        assertThat(review.locator("#review-causes")).containsText("Consent withdrawn");
        assertThat(review.locator("#review-causes")).containsText("Reason given: Donor asked that her cells no longer be used in cosmetics");
        assertThat(page.locator("#release-review-note")).containsText("Under disposition review since " + today);
        screenshot("lot-under-review");
        narrow("lot-under-review-390");

        // A wrong password is refused beside the field and changes nothing.
        Locator form = review.locator("#review-form");
        form.getByLabel("Continue").check();
        form.getByLabel("Reason for the outcome").fill("The consent form allows use of material released before a withdrawal");
        form.getByLabel("User name").fill(qa.username());
        form.getByLabel("Password").fill("not my password");
        form.getByLabel("I confirm the meaning").check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign outcome")).click();
        assertThat(page.locator("#review-form .field-error").filter(new Locator.FilterOptions().setHasText("password is wrong"))).isVisible();
        assertThat(page.locator("#review-open")).isVisible();

        form = page.locator("#review-form");
        assertThat(form.getByLabel("Reason for the outcome")).hasValue("The consent form allows use of material released before a withdrawal");
        form.getByLabel("User name").fill(qa.username());
        form.getByLabel("Password").fill(qa.password());
        form.getByLabel("I confirm the meaning").check();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign outcome")).click();
        assertThat(page.locator("#review-panel [role=status]")).containsText("Outcome signed: Continue");
        assertThat(page.locator("h1 #review-flag")).hasText("");
        assertThat(page.locator("#review-history")).containsText("Continue");
        assertThat(page.locator("#timeline")).containsText("Decided disposition review of " + today);
        assertThat(page.locator("#decisions")).containsText("Continued");
        screenshot("outcome-signed");
        logout();

        // The scan follows the outcome: the unit may be used again, with its dose.
        login(doctor);
        scan(plan, unit);
        assertThat(page.locator("#unit-preview")).containsText("may be used");
        assertThat(page.locator("#dose-preview")).isVisible();
        screenshot("scan-usable-again");
    }

    /** Opens the plan's page and scans the unit, with a volume so that a usable unit shows its dose. */
    private void scan(String plan, String unit) {
        page.navigate("/plans/" + plan);
        Locator form = page.locator("#session-form");
        // the volume first, its preview answered, so that the unit's preview (which includes the volume) is the last to arrive
        page.waitForResponse(r -> r.url().contains("/unit-preview"), () -> form.locator("input[name=volumeMl]").fill("0.5"));
        form.locator("input[name=unitCode]").fill(unit);
        assertThat(page.locator("#unit-preview")).containsText(unit);
    }

    /** A screenshot at a phone's width (390 px), then back to the desktop width. */
    private void narrow(String name) {
        page.setViewportSize(390, 844);
        screenshot(name);
        page.setViewportSize(1280, 900);
    }

    private long underReviewCount() {
        return jdbc.sql("select count(*) from disposition_review where outcome is null").query(Long.class).single();
    }
}
