package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exotrace.batch.Lot;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * An analyst uploads a trajectory file on the lot page: a missing frame rate gets its field
 * message; the accepted file is analysed in the background while the panel shows progress; the
 * finished analysis fills the size results in the evaluation and draws the distribution; the
 * measurement's page shows the statistics, the settings and the command that reproduces them.
 */
class NtaUploadBrowserTest extends BrowserTest {

    @Test
    void uploadsATrajectoryFileAndSeesTheLotsSizeResults() throws IOException {
        TestUser analyst = user(Role.LAB_ANALYST);
        Lot lot = as(analyst, () -> fixtures().serumLotInTesting());
        Path tracks = Files.createTempFile("lot-tracks", ".csv");
        BrownianSimulator.Settings s = BrownianSimulator.Settings.nanoSightLike().withRun(400, 300);
        try (TrajectoryWriter writer = TrajectoryWriter.create(tracks, TrajectoryFormat.trackpy(166))) {
            new BrownianSimulator(s).run(SizeDistribution.lognormal(110, 1.35), 5, writer::position);
        }

        login(analyst);
        openLot(lot.code());
        Locator panel = page.locator("#nta-panel");
        assertThat(panel).containsText("No size distribution yet");
        Locator form = page.locator("#nta-form");
        form.locator("input[name=file]").setInputFiles(tracks);
        form.getByLabel("Pixel size (nm)").fill("166");
        form.getByLabel("Temperature (°C)").fill("22");
        form.getByLabel("Viscosity (mPa·s)").fill("0.955");
        form.getByLabel("Bootstrap replicates").fill("10");
        form.getByLabel("Detection volume (pL)").fill("80");
        // The form offers the settings of the latest upload, whoever made it: clear the frame rate to see it demanded.
        form.getByLabel("Frame rate (fps)").fill("");
        button("Upload and analyse").click();
        assertThat(page.locator("#nta-form .field-error").filter(new Locator.FilterOptions().setHasText("required"))).hasCount(1);
        screenshot("frame-rate-missing");

        page.locator("#nta-form").getByLabel("Frame rate (fps)").fill("25");
        page.locator("#nta-form").locator("input[name=file]").setInputFiles(tracks);
        button("Upload and analyse").click();
        assertThat(page.locator("#nta-panel [role=status]")).containsText("File accepted");

        Locator row = page.locator("#nta-measurements tbody tr").first();
        assertThat(row).hasAttribute("data-status", "SUCCEEDED", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
        assertThat(page.locator("#size-chart svg")).isVisible();
        Locator sizeMode = page.locator("#evaluation tr[data-test=size_mode]");
        assertThat(sizeMode.locator(".verdict")).hasText("PASS");
        assertThat(sizeMode).containsText("NTA, maximum-likelihood deconvolution");
        screenshot("lot-with-nta");

        row.getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#nta-statistics")).containsText("D50");
        assertThat(page.locator("#nta-settings")).containsText("166 nm");
        assertThat(page.locator("#nta-command")).containsText("--pixel-size-nm 166 --fps 25 --temperature-c 22");
        screenshot("measurement");
        Files.deleteIfExists(tracks);
    }
}
