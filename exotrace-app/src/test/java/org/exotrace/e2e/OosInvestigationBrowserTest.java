package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotState;
import org.exotrace.batch.Lots;
import org.exotrace.results.OosInvestigation;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, defect 2: endotoxin 0.8 EU/mL was replaced by a 0.2 retest, QA's panel said every test
 * passed and the certificate showed only the retest. Now the out-of-specification result opens an
 * investigation, a direct retest is refused, the retest and the invalidation happen inside the
 * investigation and need a second QA person's approval, and the release panel and certificate
 * show both results with the conclusion.
 */
class OosInvestigationBrowserTest extends BrowserTest {

    @Autowired Lots lots;

    @Test
    void endotoxinOutOfSpecificationIsRetestedAndInvalidatedOnlyInsideItsInvestigationAndTheCertificatePrintsBoth() throws Exception {
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
        results.numeric("endotoxin", "0.8", "EU/mL", "LAL kinetic").expect("Out of specification");
        assertThat(results.notice()).containsText("Out of specification: endotoxin = 0.8 EU/mL. Investigation OOS-");
        String number = page.locator("#opened-investigation").textContent().replace("Open ", "").strip();
        assertThat(number).matches("OOS-\\d{4}-\\d{4}");
        assertThat(page.locator("#evaluation tr[data-test='endotoxin'] .oos-link")).hasText(number + " · Phase I, open");
        screenshot("oos-flagged");

        // A direct retest is refused: the 0.8 result is not offered as "earlier result", and a second endotoxin result is refused.
        Locator form = results.fill("endotoxin", "LAL kinetic");
        form.locator("summary").filter(new Locator.FilterOptions().setHasText("retest")).click();
        assertThat(form.locator("select[name=retestOf] option")).hasCount(10);
        assertThat(form.locator("select[name=retestOf]")).not().containsText("endotoxin");
        form.getByLabel("Numeric value").fill("0.2");
        form.getByLabel("Unit").fill("EU/mL");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record result")).click();
        assertThat(page.locator("#quality-panel > .alert[role=alert]"))
                .containsText("under investigation " + number + "; a retest of it is recorded only inside that investigation");
        assertThat(results.verdict("endotoxin")).hasText("Out of specification");
        screenshot("direct-retest-refused");

        // Inside the investigation: phase I, a retest, the proposed invalidation with its assignable cause.
        page.locator("#evaluation tr[data-test='endotoxin'] .oos-link").click();
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1))).containsText(number);
        assertThat(page.locator("#oos-status")).containsText("Valid, under investigation");
        Locator phaseOne = page.locator("#phase-one-form");
        phaseOne.getByLabel("Calculation and raw data checked").fill("Calculation verified against the raw kinetic data");
        phaseOne.getByLabel("Instrument checked").fill("Reader calibration in date, curve fit r = 0.998");
        phaseOne.getByLabel("Standard and reagents checked").fill("Control standard endotoxin recovery 96 %");
        phaseOne.getByLabel("Sample preparation checked").fill("Worksheet photo: sample diluted 1:4 instead of 1:10");
        phaseOne.getByLabel("Hypothesis or finding").fill("Assignable cause: wrong dilution in sample preparation");
        phaseOne.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record phase I findings")).click();
        assertThat(flash()).hasText("Phase I findings recorded.");

        Locator additional = page.locator("#additional-result-form");
        additional.getByLabel("Numeric value").fill("0.2");
        additional.getByLabel("Unit").fill("EU/mL");
        additional.getByLabel("Method").fill("LAL kinetic");
        additional.getByLabel("Reason").fill("Retest of the retained sample at the method's 1:10 dilution");
        additional.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record additional result")).click();
        assertThat(flash()).containsText("Additional result recorded in " + number + ": 0.2 EU/mL (pass)");
        assertThat(page.locator("#investigation-results")).containsText("Retest in " + number + " (Phase I)");

        page.locator("#conclusion summary").click();
        Locator proposal = page.locator("#proposal-form");
        proposal.getByLabel("Invalidated: assignable laboratory cause").check();
        proposal.getByLabel("Assignable cause (for an invalidation)").selectOption(new SelectOption().setLabel("Sample preparation (dilution, handling, contamination)"));
        proposal.getByLabel("Cause and its evidence").fill("Sample diluted 1:4 instead of 1:10 (worksheet photo); retest at 1:10 gave 0.2 EU/mL");
        proposal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Propose for QA approval")).click();
        assertThat(flash()).containsText("It waits for approval by a second person holding the QA role");
        assertThat(page.locator("#investigation-state")).hasText("Phase I, awaiting QA approval");
        assertThat(page.locator("#approval-form")).hasCount(0);
        screenshot("proposed");
        logout();

        // A second person holding the QA role approves, re-entering user name and password.
        login(qa);
        navigate("Dashboard");
        assertThat(page.locator("#open-investigations")).isVisible();
        page.locator("#open-investigations").click();
        assertThat(page.locator("#investigation-rows")).containsText("Phase I, awaiting QA approval");
        screenshot("open-investigations");
        page.locator("#investigation-rows").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
        Locator approval = page.locator("#approval-form");
        assertThat(approval).containsText("the retest counts");
        approval.getByLabel("User name").fill(qa.username());
        approval.getByLabel("Password").fill(qa.password());
        approval.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(page.locator(".field-error").filter(new Locator.FilterOptions().setHasText("tick the box"))).isVisible();
        approval = page.locator("#approval-form");
        approval.getByLabel("User name").fill(qa.username());
        approval.getByLabel("Password").fill(qa.password());
        approval.getByLabel("I confirm the meaning of my approval").check();
        approval.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(flash()).containsText(number + " is closed");
        assertThat(page.locator("#investigation-state")).hasText("Closed: Invalidated: assignable laboratory cause");
        assertThat(page.locator("#approved-by")).containsText(qa.username());
        assertThat(page.locator("#oos-status")).containsText("Invalidated under " + number);
        screenshot("approved");

        // The release panel lists both results, the invalidated one with its reason and the investigation's number.
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Lot " + lot.code())).click();
        Locator record = page.locator("#release-results");
        Locator invalidated = record.locator("tr[data-test=endotoxin][data-status=INVALIDATED]");
        assertThat(invalidated).containsText("0.8 EU/mL");
        assertThat(invalidated).containsText("Out of specification");
        assertThat(invalidated).containsText("Out-of-specification result, " + number);
        assertThat(invalidated).containsText("Sample preparation (dilution, handling, contamination): Sample diluted 1:4");
        assertThat(record.locator("tr[data-test=endotoxin][data-status=VALID]")).containsText("0.2 EU/mL");
        assertThat(page.locator("#release-investigations")).containsText(number);
        assertThat(page.locator("#release-investigations")).containsText("Approved by");
        assertThat(page.locator("#release-ready")).isVisible();
        Locator signature = page.locator("#signature-form");
        signature.getByLabel("Approval").check();
        signature.getByLabel("User name").fill(qa.username());
        signature.getByLabel("Password").fill(qa.password());
        signature.getByLabel("I confirm the meaning").check();
        signature.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign")).click();
        assertThat(page.locator("#lot-state")).hasText("Released");
        assertThat(page.locator("#release-results tr[data-test=endotoxin]")).hasCount(2);
        screenshot("released-with-both-results");

        // The certificate prints both results and the conclusion (read as a person's PDF viewer would).
        Download download = page.waitForDownload(link("Download certificate")::click);
        Path pdf = SCREENSHOTS.resolve("OosInvestigationBrowserTest-certificate.pdf");
        download.saveAs(pdf);
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "pdftotext (poppler-utils) is not installed");
        // Compared without white space: a narrow table column wraps text anywhere, even after a hyphen.
        String text = run("/usr/bin/pdftotext", pdf.toString(), "-").replaceAll("\\s+", "");
        assertThat(text).contains(java.util.stream.Stream.of("Every result on record", "0.8 EU/mL", "0.2 EU/mL", "Invalidated",
                "Out-of-specification result, " + number, "Retest in " + number, "Out-of-specification investigations",
                "Conclusion: Invalidated: assignable laboratory cause", "Out-of-specification investigations concluded: " + number)
                .map(t -> t.replaceAll("\\s+", "")).toArray(String[]::new));
        if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            run("/usr/bin/pdftoppm", "-png", "-r", "60", pdf.toString(), SCREENSHOTS.resolve("OosInvestigationBrowserTest-certificate").toString());
        }
        assertThat(lots.get(lot.id()).state()).isEqualTo(LotState.RELEASED);
    }

    @Test
    void withoutApprovalTheLotCannotBeReleasedEvenThoughTheRetestPasses() {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        Lot lot = as(analyst, () -> fixtures().serumLotInTesting());
        OosInvestigation investigation = as(analyst, () -> {
            fixtures().conformingResultsExcept(lot, "endotoxin");
            return fixtures().endotoxinRetestedInsideItsInvestigationAwaitingApproval(lot);
        });

        login(qa);
        openLot(lot.code());
        assertThat(new ResultEntry(page).verdict("endotoxin")).hasText("Out of specification");
        Locator blockers = page.locator("#release-blockers");
        assertThat(blockers).containsText("Endotoxin is out of specification: 0.8");
        assertThat(blockers).containsText("Out-of-specification investigation " + investigation.number()
                + " (Endotoxin 0.8 EU/mL) is open (Phase I, awaiting QA approval)");
        assertThat(page.locator("#release-results tr[data-test=endotoxin][data-status=VALID]")).hasCount(2);

        Locator signature = page.locator("#signature-form");
        signature.getByLabel("Approval").check();
        signature.getByLabel("User name").fill(qa.username());
        signature.getByLabel("Password").fill(qa.password());
        signature.getByLabel("I confirm the meaning").check();
        signature.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign")).click();
        assertThat(page.locator("#release-refusal")).containsText("Out-of-specification investigation " + investigation.number());
        assertThat(page.locator("#lot-state")).hasText("In testing");
        screenshot("release-refused-until-approved");
        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.locator("#release-results")).isVisible();
        screenshot("narrow");
        assertThat(lots.get(lot.id()).state()).isEqualTo(LotState.IN_TESTING);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return out;
    }
}
