package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import org.exotrace.ClinicScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A clinician sees on the progress page that EASI-50 was not reached by week 8, with the rules'
 * suggestions labelled as suggestions; an override without a reason is refused beside the form,
 * an accept is shown as the decision, and the progress report downloads as a PDF that prints it.
 */
class SuggestionBrowserTest extends BrowserTest {

    private static final String CLEAR = "{\"erythema\": 0, \"oedemaPapulation\": 0, \"excoriation\": 0, \"lichenification\": 0, \"areaPercent\": 0}";

    @Test
    void aClinicianAcceptsASuggestionAndDownloadsTheProgressReport() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios scenarios = new ClinicScenarios(mvc, admin);
        String clinic = scenarios.clinic("KR", doctor);
        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        String plan = read(postJson("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \""
                + scenarios.templateId("AD-REDNESS-EP", doctor) + "\", \"productCode\": \"HMSC-EXO-SERUM\", \"sourceType\": \"UMBILICAL_CORD_MSC\", "
                + "\"purpose\": \"COSMETIC\", \"startOn\": \"" + LocalDate.now().minusWeeks(8) + "\"}").andExpect(status().isCreated()).andReturn(), "$.id");
        easi(doctor, patient, plan, LocalDate.now().minusWeeks(8), "{\"erythema\": 3, \"oedemaPapulation\": 3, \"excoriation\": 2, \"lichenification\": 2, \"areaPercent\": 70}");
        easi(doctor, patient, plan, LocalDate.now(), "{\"erythema\": 2, \"oedemaPapulation\": 2, \"excoriation\": 2, \"lichenification\": 1, \"areaPercent\": 70}");

        login(doctor);
        page.navigate("/patients/" + patient + "/progress");
        Locator interval = page.locator("#suggestions .suggestion[data-rule=EASI50-W8-INTERVAL]");
        Locator needling = page.locator("#suggestions .suggestion[data-rule=EASI50-W8-MICRONEEDLING]");
        assertThat(interval.locator(".suggestion-label")).hasText("Suggestion \u2014 the decision is yours");
        assertThat(interval).containsText("EASI-50 not achieved by week 8");
        assertThat(interval).containsText("Consider a shorter interval");
        assertThat(needling).containsText("Permitted with caution");
        screenshot("suggestions");

        needling.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Override").setExact(true)).click();
        assertThat(needling.locator(".field-error")).containsText("say why you override the suggestion");
        assertThat(needling.locator("button")).hasCount(2);

        interval.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Accept").setExact(true)).click();
        assertThat(flash()).containsText("Recorded: Accepted by " + doctor.username());
        assertThat(interval.locator(".decision")).containsText("Accepted by " + doctor.username());
        assertThat(interval.locator("button")).hasCount(0);
        screenshot("accepted");

        Download download = page.waitForDownload(link("Progress report (PDF)")::click);
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        org.assertj.core.api.Assertions.assertThat(pdfText(pdf)).contains("Shorter interval", "Accepted by " + doctor.username());
    }

    /** An EASI of the lower limbs only. */
    private void easi(TestUser doctor, String patient, String plan, LocalDate on, String lowerLimbs) throws Exception {
        postJson("/api/patients/" + patient + "/assessments", doctor, "{\"instrument\": \"EASI\", \"assessedOn\": \"" + on + "\", \"planId\": \""
                + plan + "\", \"components\": {\"headNeck\": " + CLEAR + ", \"upperLimbs\": " + CLEAR + ", \"trunk\": " + CLEAR
                + ", \"lowerLimbs\": " + lowerLimbs + "}}").andExpect(status().isCreated());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page)).append(' ');
            }
            return all.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }
}
