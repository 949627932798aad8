package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/** The happy path a lab walks every day, in the browser: donor, batch, lot, results, signed release, certificate. */
class LotLifecycleBrowserTest extends BrowserTest {

    @Test
    void walksFromDonorToCertificate() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);

        login(analyst);
        screenshot("dashboard");

        // Donor: register, screen, consent.
        navigate("Donors");
        link("Register a donor").click();
        page.getByLabel("Source type").selectOption(new SelectOption().setLabel("Umbilical-cord MSC"));
        page.getByLabel("Source detail").fill("Umbilical cord, browser test");
        page.getByLabel("Collected on").fill(LocalDate.now().toString());
        screenshot("register-donor");
        button("Register donor").click();
        assertThat(flash()).containsText("registered");
        String donorCode = page.locator("h1 code").textContent().strip();

        ScreeningEntry screening = new ScreeningEntry(page);
        assertThat(screening.form().getByLabel("Sampled on")).hasValue(LocalDate.now().toString());
        screening.wholePanelNegative(LocalDate.now());
        grantConsent("Cosmetic use", "ICF-E2E-1");
        grantConsent("Commercial use", "ICF-E2E-2");
        assertThat(page.locator(".page-head .tag")).hasText("Eligibility: Eligible");
        screenshot("donor-eligible");

        // Batch and lot.
        navigate("Batches");
        link("Record a batch").click();
        page.getByLabel("Donor").fill(donorCode); // typed as the donor page shows it, with its spaces
        page.getByLabel("Isolation method").selectOption(new SelectOption().setLabel("Ultracentrifugation"));
        page.getByLabel("g-force").fill("100000");
        page.getByLabel("Duration (minutes)").fill("70");
        page.getByLabel("Method detail").fill("SW32 Ti rotor");
        assertThat(page.getByLabel("Started on")).hasValue(LocalDate.now().toString());
        screenshot("record-batch");
        button("Record batch").click();
        assertThat(flash()).containsText("recorded");
        assertThat(page.locator("dl.facts")).containsText("100,000 × g");

        Locator lotForm = formHeaded("Make a lot from this batch");
        lotForm.getByLabel("Product").selectOption("HMSC-EXO-SERUM");
        lotForm.getByLabel("Concentration").fill("3.6e9");
        lotForm.getByLabel("Volume (mL)").fill("30");
        button("Create lot").click();
        assertThat(page).hasURL(regex("/lots/[0-9a-f-]{36}$"));
        assertThat(flash()).containsText("it is in testing");
        String lotCode = page.locator("h1 code").textContent().strip();
        assertThat(page.locator("#overall-verdict")).hasText("Missing");
        screenshot("new-lot");

        // Every required result through the quality panel's form.
        ResultEntry results = new ResultEntry(page);
        results.numeric("size_mode", "104", "nm", "NTA").expect("Pass");
        results.numeric("particle_concentration", "3.6e9", "particles/mL", "TRPS (Exoid)").expect("Pass");
        results.numeric("total_protein", "42", "µg/mL", "BCA").expect("Pass");
        results.numeric("particles_per_ug_protein", "8.6e10", "particles/µg", "NTA/BCA").expect("Pass");
        results.numeric("endotoxin", "0.1", "EU/mL", "LAL kinetic").expect("Pass");
        results.categorical("marker_transmembrane", "POSITIVE", "western blot").expect("Pass");
        results.categorical("marker_cytosolic", "POSITIVE", "western blot").expect("Pass");
        results.categorical("marker_calnexin", "NEGATIVE", "western blot").expect("Pass");
        results.categorical("sterility", "NO_GROWTH", "Ph. Eur. 2.6.1").expect("Pass");
        results.categorical("mycoplasma", "NEGATIVE", "qPCR").expect("Pass");
        assertThat(page.locator("#overall-verdict")).hasText("Pass");
        screenshot("all-results-pass");
        logout();

        // QA signs the release.
        login(qa);
        openLot(lotCode);
        assertThat(page.locator("#release-ready")).containsText("can be released by you");
        Locator signature = page.locator("#signature-form");
        signature.getByLabel("Approval").check();
        signature.getByLabel("User name").fill(qa.username());
        signature.getByLabel("Password").fill(qa.password());
        signature.getByLabel("I confirm the meaning").check();
        screenshot("signature");
        signature.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Sign")).click();

        assertThat(page.locator("#release-panel [role=status]")).containsText("Signed by");
        assertThat(page.locator("#decisions .tag").first()).hasText("Released");
        assertThat(page.locator("#lot-state")).hasText("Released");
        assertThat(page.locator(".lineage .self").first()).containsText("Released");
        Locator certificate = link("Download certificate");
        assertThat(certificate).isVisible();
        screenshot("released");

        Download download = page.waitForDownload(certificate::click);
        assertThat(download.suggestedFilename()).endsWith(".pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdfText(pdf)).contains(lotCode);
    }

    private void grantConsent(String scope, String reference) {
        Locator consent = formHeaded("Record a consent");
        consent.getByLabel("Scope").selectOption(new SelectOption().setLabel(scope));
        consent.getByLabel("Signed form reference").fill(reference);
        consent.getByRole(AriaRole.BUTTON).click();
        assertThat(flash()).hasText("Consent recorded.");
        assertThat(page.locator("table").filter(new Locator.FilterOptions().setHasText("Scope")).first()).containsText(scope);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) text.append(extractor.getTextFromPage(p)).append(' ');
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }
}
