package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The researcher's path through the evidence workbench on the demo's research cohort: build a
 * cohort (atopic dermatitis, SCORAD) and save it; run the paired, responder, two-group and
 * dose-response analyses exploratively and see their charts; lock a plan and see its results
 * marked pre-specified with its hash; download the PDF report, a table as CSV and the de-identified
 * export. axe-core and a phone's width on every page; the PDF is turned into PNGs to be looked at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class EvidenceBrowserTest extends BrowserTest {

    private final List<String> problems = new ArrayList<>();

    private void check(String name) {
        var violations = Accessibility.seriousViolations(page);
        if (!violations.isEmpty()) problems.add(Accessibility.describe(name, violations));
        screenshot(name);
        var size = page.viewportSize();
        page.setViewportSize(390, 844);
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        if (width > 390) problems.add(name + " is " + width + " px wide at 390 px");
        page.setViewportSize(size.width, size.height);
        screenshotNarrow(name);
    }

    private void analyse(String kind, String name) {
        page.navigate(baseUrl() + "/evidence?indication=atopic+dermatitis&instrument=SCORAD");
        page.locator("#cohort-form select[name=kind]").selectOption(kind);
        page.getByLabel("Compare groups by").selectOption("SOURCE_TYPE");
        button("Run (exploratory)").click();
        assertThat(page.locator("#provenance")).containsText("Exploratory");
        check(name);
    }

    @Test
    void aResearcherBuildsACohortRunsTheAnalysesLocksAPlanAndDownloadsTheReportAndTheExport() throws IOException {
        login("researcher", AccessibilityBrowserTest.DEMO_PASSWORD);
        assertThat(page).hasURL(regex("/evidence$"));
        page.getByLabel("Indication").selectOption("atopic dermatitis");
        page.getByLabel("Score (courses with readings of it)").selectOption("SCORAD");
        button("Show the cohort").click();
        assertThat(page.locator("#cohort-size")).containsText("courses match");
        check("cohort");

        Locator save = page.locator("#save-cohort");
        save.getByLabel("Name").fill("");
        save.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(save.locator(".field-error").first()).containsText("required");
        save.getByLabel("Name").fill("Atopic dermatitis, SCORAD");
        save.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(flash()).containsText("Atopic dermatitis, SCORAD");
        assertThat(page.locator("#save-cohort ul")).containsText("Atopic dermatitis, SCORAD");

        analyse("PAIRED", "paired");
        assertThat(page.locator("table.estimates")).containsText("Mean change (SCORAD points)");
        assertThat(page.locator("svg[aria-labelledby^=waterfall]")).isVisible();
        assertThat(page.locator("svg[aria-labelledby^=trajectories]")).isVisible();
        Download csv = page.waitForDownload(() -> page.locator("h3 a").first().click());
        Path table = csv.path();
        org.assertj.core.api.Assertions.assertThat(Files.readString(table)).contains("Paired t p").contains("Exploratory");

        analyse("RESPONDER", "responders");
        assertThat(page.locator("table.estimates")).containsText("SCORAD-50 responder rate");
        assertThat(page.locator("svg[aria-labelledby^=forest]")).isVisible();

        analyse("TWO_GROUPS", "groups");
        assertThat(page.locator("table.estimates")).containsText("Mean % change, Umbilical-cord MSC");
        assertThat(page.locator("svg[aria-labelledby^=forest]")).isVisible();

        page.navigate(baseUrl() + "/evidence?indication=atopic+dermatitis&instrument=SCORAD");
        page.locator("#cohort-form select[name=kind]").selectOption("DOSE_RESPONSE");
        page.getByLabel("Dose-response against").selectOption("DOSE_PER_SESSION");
        button("Run (exploratory)").click();
        assertThat(page.locator("table.estimates")).containsText("Slope (% change per 10⁹ particles)");
        assertThat(page.locator("svg[aria-labelledby^=scatter]")).isVisible();
        check("dose-response");

        page.navigate(baseUrl() + "/evidence?indication=atopic+dermatitis&instrument=SCORAD&groupBy=ROUTE");
        Locator plan = page.locator("#lock-plan");
        plan.getByLabel("Title").fill("SCORAD at week 12: change, responders, delivery methods, dose");
        plan.getByLabel("Groups compared", new Locator.GetByLabelOptions().setExact(true)).check();
        plan.getByLabel("Dose-response", new Locator.GetByLabelOptions().setExact(true)).check();
        plan.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(flash()).containsText("locked");
        assertThat(page.locator("#provenance")).containsText("Pre-specified");
        assertThat(page.locator("#family")).containsText("Holm");
        assertThat(page.locator("#analysis-0 h2")).containsText("SCORAD: change from baseline");
        assertThat(page.locator("#analysis-1 h2")).containsText("SCORAD: responders");
        assertThat(page.locator("#analysis-2 h2")).containsText("by route");
        assertThat(page.locator("#analysis-3 h2")).containsText("against dose per session");
        check("plan");
        for (int i = 0; i < 4; i++) {
            page.locator("#analysis-" + i).screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("EvidenceBrowserTest-plan-analysis-" + i + ".png")));
        }

        Download pdf = page.waitForDownload(() -> page.locator("#report-pdf").click());
        Path report = SCREENSHOTS.resolve("EvidenceBrowserTest-report.pdf");
        pdf.saveAs(report);
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(report)).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            try {
                new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "60", report.toString(), SCREENSHOTS.resolve("EvidenceBrowserTest-report").toString())
                        .inheritIO().start().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        page.navigate(baseUrl() + "/evidence");
        link("De-identified export").click();
        check("export");
        Download export = page.waitForDownload(() -> page.locator("#export-form button").click());
        org.assertj.core.api.Assertions.assertThat(export.suggestedFilename()).endsWith(".zip");

        org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
    }
}
