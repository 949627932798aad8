package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.ClinicScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The researcher records a clinic's session cost (a wrong currency is refused beside its field),
 * computes the cost per responder, and downloads a de-identified export, which then appears among
 * the past exports. Both pages pass axe-core and fit a phone.
 */
class EvidenceExportAndCostBrowserTest extends BrowserTest {

    @Test
    void aResearcherRecordsACostComputesCostPerResponderAndDownloadsAnExport() throws Exception {
        TestUser researcher = user(Role.RESEARCHER);
        String clinic = new ClinicScenarios(mvc, user(Role.ADMIN)).clinic("KR");
        String code = jdbc.sql("select code from clinic where id = ?::uuid").param(clinic).query(String.class).single();
        Map<String, List<Accessibility.Violation>> violations = new LinkedHashMap<>();
        List<String> tooWide = new ArrayList<>();
        login(researcher);

        page.navigate(baseUrl() + "/evidence/costs");
        Locator form = page.locator("#session-cost-form");
        form.getByLabel("Clinic code").fill(code);
        form.getByLabel("Amount").fill("80");
        form.getByLabel("Currency (ISO 4217)").fill("XYZ");
        form.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page.locator("#session-cost-form .field-error:not(:empty)")).hasText("an ISO 4217 code such as HKD, USD or EUR");
        assertThat(page.locator("#session-cost-form input[name=amount]")).hasValue("80");
        check("costs-refused", violations, tooWide);
        page.locator("#session-cost-form input[name=currency]").fill("HKD");
        page.locator("#session-cost-form button").click();
        assertThat(page.locator("#session-costs tr[data-code='" + code + "']")).containsText("HKD 80");
        page.locator("#cost-query select[name=groupBy]").selectOption("ALL");
        page.locator("#cost-query button").click();
        assertThat(page.locator("#cost-results")).containsText("Responder: EASI at day 84");
        screenshot("costs");
        screenshotNarrow("costs");
        check("costs", violations, tooWide);

        page.navigate(baseUrl() + "/evidence/export");
        page.locator("#export-form input[name=visits]").fill("0, soon");
        page.locator("#export-form button").click();
        assertThat(page.locator("#export-form .field-error:not(:empty)")).hasText("'soon' is not a whole number of days");
        check("export-refused", violations, tooWide);
        page.locator("#export-form input[name=visits]").fill("0, 28");
        Download download = page.waitForDownload(() -> page.locator("#export-form button").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).matches("exotrace-export-[0-9a-f]{8}\\.zip");
        page.navigate(baseUrl() + "/evidence/export");
        assertThat(page.locator("#past-exports tbody tr").first()).containsText(researcher.username());
        screenshot("export");
        screenshotNarrow("export");
        check("export", violations, tooWide);

        org.assertj.core.api.Assertions.assertThat(violations).as(violations.entrySet().stream()
                .map(e -> Accessibility.describe(e.getKey(), e.getValue())).toList().toString()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(tooWide).isEmpty();
    }

    private void check(String name, Map<String, List<Accessibility.Violation>> violations, List<String> tooWide) {
        List<Accessibility.Violation> found = Accessibility.seriousViolations(page);
        if (!found.isEmpty()) violations.put(name, found);
        var size = page.viewportSize();
        page.setViewportSize(390, 844);
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        if (width > 390) tooWide.add(name + ": " + width + " px");
        page.setViewportSize(size.width, size.height);
    }
}
