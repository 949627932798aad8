package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.exotrace.batch.Lot;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.settings.SettingsSpec;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * An analyst uploads a trajectory file on the lot page: a missing frame rate gets its field
 * message; the accepted file is analysed in the background while the panel shows progress; the
 * finished analysis fills the size results in the evaluation and draws the distribution; the
 * measurement's page shows the statistics, the settings and the command that reproduces them.
 * Without a calibration record there is no concentration, and the page says why; with one made
 * from a bead standard on the calibrations page, the concentration is recorded and says which
 * calibration it used.
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
        assertThat(form.getByLabel("Calibration")).hasValue("");
        // The form offers the settings of the latest upload, whoever made it: clear the frame rate to see it demanded.
        form.getByLabel("Frame rate (fps)").fill("");
        // A value out of range gets the settings catalogue's words beside its field (the command line and the API use the same).
        form.getByLabel("Minimum track length").fill("1");
        button("Upload and analyse").click();
        assertThat(page.locator("#nta-form .field-error").filter(new Locator.FilterOptions().setHasText("required"))).hasCount(1);
        String tooShort = SettingsSpec.parse(Map.of("pixelSizeNm", "166", "fps", "25", "temperatureC", "22", "minTrackLength", "1"))
                .problems().get(0).message();
        assertThat(page.locator("#nta-form label:has(input[name=minTrackLength]) .field-error")).hasText(tooShort);
        screenshot("frame-rate-missing");

        page.locator("#nta-form").getByLabel("Frame rate (fps)").fill("25");
        page.locator("#nta-form").getByLabel("Minimum track length").fill("5");
        page.locator("#nta-form").locator("input[name=file]").setInputFiles(tracks);
        button("Upload and analyse").click();
        assertThat(page.locator("#nta-panel [role=status]")).containsText("File accepted");

        Locator row = page.locator("#nta-measurements tbody tr").first();
        assertThat(row).hasAttribute("data-status", "SUCCEEDED", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
        assertThat(page.locator("#size-chart svg")).isVisible();
        Locator sizeMode = page.locator("#evaluation tr[data-test=size_mode]");
        assertThat(sizeMode.locator(".verdict")).hasText("Pass");
        assertThat(sizeMode).containsText("NTA, maximum-likelihood deconvolution");
        screenshot("lot-with-nta");

        assertThat(row.locator(".nta-concentration")).containsText("none: no calibration chosen");
        assertThat(page.locator("#evaluation tr[data-test=particle_concentration] .verdict")).hasText(java.util.regex.Pattern.compile("not.tested", java.util.regex.Pattern.CASE_INSENSITIVE));

        row.getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#nta-statistics")).containsText("D50");
        assertThat(page.locator("#nta-no-concentration")).containsText("no calibration record was chosen");
        assertThat(page.locator("#nta-volume-source")).containsText("none: no calibration record was chosen");
        assertThat(page.locator("#nta-settings")).containsText("166 nm");
        assertThat(page.locator("#nta-command")).containsText("--pixel-size-nm 166 --fps 25 --temperature-c 22");
        screenshot("measurement");
        Files.deleteIfExists(tracks);
    }

    @Test
    void aCalibrationFromABeadStandardGivesTheUploadItsConcentration() throws IOException {
        TestUser analyst = user(Role.LAB_ANALYST);
        Lot lot = as(analyst, () -> fixtures().serumLotInTesting());
        BrownianSimulator.Settings sheet = BrownianSimulator.Settings.nanoSightLike();
        Path beads = Files.createTempFile("bead-tracks", ".csv");
        try (TrajectoryWriter writer = TrajectoryWriter.create(beads, TrajectoryFormat.trackpy(166))) {
            new BrownianSimulator(sheet.withRun(360, 1000)).run(SizeDistribution.monodisperse(100), 8, writer::position);
        }
        Path sample = Files.createTempFile("lot-tracks", ".csv");
        try (TrajectoryWriter writer = TrajectoryWriter.create(sample, TrajectoryFormat.trackpy(166))) {
            new BrownianSimulator(sheet.withRun(270, 300)).run(SizeDistribution.lognormal(110, 1.35), 9, writer::position);
        }

        login(analyst);
        page.navigate(baseUrl() + "/nta/calibrations");
        Locator calibration = page.locator("#calibration-form");
        calibration.getByLabel("File of the standard").selectOption("TRACKS");
        calibration.locator("input[name=file]").setInputFiles(beads);
        calibration.getByLabel("Instrument").fill("NanoSight NS300 #1");
        calibration.getByLabel("Standard", new Locator.GetByLabelOptions().setExact(true)).fill("100 nm polystyrene beads, lot 4411");
        calibration.getByLabel("Stated concentration (particles/mL)").fill("1e12");
        calibration.getByLabel("Stated uncertainty (%)").fill("5");
        calibration.getByLabel("Dilution measured").fill("1000");
        calibration.getByLabel("Frame rate (fps)").fill("25");
        calibration.getByLabel("Valid until").fill(java.time.LocalDate.now().plusDays(90).toString());
        screenshot("calibration-form");
        button("Estimate and record the detection volume").click();
        assertThat(flash()).containsText("Calibration CAL-");
        assertThat(page.locator("#calibration-volume")).containsText(" pL");
        assertThat(page.locator("#calibration-replicates tbody tr")).hasCount(5);
        String code = page.locator("h1 code").textContent().strip();
        screenshot("calibration");

        openLot(lot.code());
        Locator form = page.locator("#nta-form");
        form.locator("input[name=file]").setInputFiles(sample);
        form.getByLabel("Pixel size (nm)").fill("166");
        form.getByLabel("Frame rate (fps)").fill("25");
        form.getByLabel("Temperature (°C)").fill("22");
        form.getByLabel("Bootstrap replicates").fill("0");
        form.getByLabel("Instrument").fill("NanoSight NS300 #1");
        form.getByLabel("Calibration").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        assertThat(form.getByLabel("Calibration")).not().hasValue("");
        form.getByLabel("Dilution factor").fill("5");
        button("Upload and analyse").click();
        Locator row = page.locator("#nta-measurements tbody tr").first();
        assertThat(row).hasAttribute("data-status", "SUCCEEDED", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
        assertThat(row.locator(".nta-concentration")).containsText("× 10⁹ /mL");
        assertThat(row.locator(".nta-concentration")).containsText("calibrated (" + code + ")");
        assertThat(page.locator("#evaluation tr[data-test=particle_concentration]")).containsText("detection volume from " + code);
        assertThat(page.locator("#evaluation tr[data-test=particles_per_ampoule] .verdict")).hasText("Pass");
        screenshot("calibrated-concentration");

        row.getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#nta-volume-source")).containsText("calibrated: " + code);
        assertThat(page.locator("#nta-concentration")).containsText("Detection volume calibrated: " + code);
        Files.deleteIfExists(beads);
        Files.deleteIfExists(sample);
    }
}
