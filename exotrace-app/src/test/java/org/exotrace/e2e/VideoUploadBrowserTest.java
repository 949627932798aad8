package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exotrace.batch.Lot;
import org.exotrace.shared.Role;
import org.exotrace.video.SyntheticVideo;
import org.junit.jupiter.api.Test;

/**
 * An analyst uploads a ZIP of video frames on the lot page: a missing pixel size gets its field
 * message; the accepted video is tracked in the background while the panel shows progress; the
 * job's page then shows one frame with the detections circled and the tracks drawn, the detection
 * and linking numbers, the link to the NTA measurement the tracks became, which sized the lot, and
 * the intensity-versus-size plot of the tracks with their CSV.
 * Both pages are axe-clean and fit a phone's width.
 */
class VideoUploadBrowserTest extends BrowserTest {

    private static final int PHONE = 390;

    @Test
    void uploadsAVideoOfFramesAndSeesTheDrawnFrameTheTrackingNumbersAndTheMeasurement() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        Lot lot = as(analyst, () -> fixtures().serumLotInTesting());
        Path zip = Files.createTempFile("particles", ".zip");
        Files.write(zip, SyntheticVideo.zipOfFrames(300, 12, 60, 128, 5));

        login(analyst);
        openLot(lot.code());
        Locator form = page.locator("#video-form");
        form.locator("input[name=file]").setInputFiles(zip);
        form.getByLabel("Frame rate (fps)").fill("25");
        form.getByLabel("Temperature (°C)").fill("22");
        // The video's particles are bright: stated, so tracking does not decide it from the frames.
        form.getByLabel("Particles").selectOption("bright");
        button("Upload and track").click();
        assertThat(page.locator("#video-form label:has(input[name=pixelSizeNm]) .field-error")).containsText("required");
        assertThat(page.locator("#video-form label:has(input[name=file]) .field-error")).containsText("Choose the video again");
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).as("axe, the refused form").isEmpty();
        screenshot("pixel-size-missing");
        // The refused form keeps the stated polarity, and its detection fields fit a phone's width.
        assertThat(page.locator("#video-form").getByLabel("Particles")).hasValue("bright");
        page.setViewportSize(PHONE, 844);
        org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("the refused form's width at %d px", PHONE).isLessThanOrEqualTo(PHONE);
        // (the lot's quality panel, above the form, scrolls its evaluation table sideways here: it takes the focus to do so)
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).as("axe, the refused form at %d px", PHONE).isEmpty();
        page.locator("#video-form").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("VideoUploadBrowserTest-video-form-390.png")));
        page.setViewportSize(1280, 900);
        page.locator("#video-form").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("VideoUploadBrowserTest-video-form-1280.png")));

        form = page.locator("#video-form");
        form.getByLabel("Pixel size (nm)").fill("166");
        form.locator("input[name=file]").setInputFiles(zip);
        button("Upload and track").click();
        assertThat(page.locator("#video-panel [role=status]")).containsText("accepted");
        // The camera's settings stay for the next video of the same set-up.
        assertThat(page.locator("#video-form").getByLabel("Pixel size (nm)")).hasValue("166");

        Locator row = page.locator("#video-jobs tbody tr").first();
        assertThat(row).hasAttribute("data-status", "DONE", new LocatorAssertions.HasAttributeOptions().setTimeout(180_000));
        assertThat(row).containsText("60 frames");
        screenshot("lot-with-video");

        row.getByRole(AriaRole.LINK).first().click();
        Locator overlay = page.locator("#video-overlay");
        assertThat(overlay).isVisible();
        org.assertj.core.api.Assertions.assertThat(((Number) overlay.evaluate("img => img.decode().then(() => img.naturalWidth)")).intValue())
                .as("the drawing's width in pixels").isEqualTo(128);
        assertThat(page.locator("#video-tracking")).containsText("Particles per frame");
        assertThat(page.locator("#video-tracking")).containsText("Median track length");
        assertThat(page.locator("#video-tracking")).containsText("166 nm per pixel, 25 fps, 22 °C");
        assertThat(page.locator("#video-polarity")).hasText("bright on a dark field, as stated");
        // The page follows the sizing of the tracks and reloads when it is done.
        assertThat(page.locator("#video-measurement .tag")).hasText("Succeeded", new LocatorAssertions.HasTextOptions().setTimeout(240_000));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("#video-measurement")).containsText("D50");
        // Each track's intensity against its size, named and described for a screen reader, and its rows to download.
        Locator chart = page.locator("#video-ivs svg[role=img]");
        assertThat(chart).isVisible();
        assertThat(chart.locator("desc")).containsText("Scatter plot of");
        assertThat(chart.locator("text.axis-title").first()).hasText("Diameter (nm)");
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#video-per-track").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).startsWith("particles").endsWith("-per-track.csv");
        org.assertj.core.api.Assertions.assertThat(Files.readAllLines(download.path()).get(0))
                .isEqualTo("particle,positions,d_um2_per_s,d_se_um2_per_s,diameter_nm,mean_mass");
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).as("axe, the job's page").isEmpty();
        screenshot("job-1280");
        page.setViewportSize(PHONE, 844);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("the job page's width at %d px", PHONE).isLessThanOrEqualTo(PHONE);
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).as("axe at %d px", PHONE).isEmpty();
        screenshot("job-390");
        page.setViewportSize(1280, 900);

        // The measurement's page shows where its tracks came from.
        page.locator("#video-measurement").getByRole(AriaRole.LINK).click();
        assertThat(page.locator("#nta-from-video img")).isVisible();
        assertThat(page.locator("#nta-statistics")).containsText("D50");
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).as("axe, the measurement's page").isEmpty();
        screenshot("measurement-from-video");

        // The lot page at a phone's width, with the video panel.
        openLot(lot.code());
        page.setViewportSize(PHONE, 844);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("#video-jobs")).isVisible();
        org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("the lot page's width at %d px", PHONE).isLessThanOrEqualTo(PHONE);
        org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(page)).as("axe, lot page at %d px", PHONE).isEmpty();
        screenshot("lot-390");
        Files.deleteIfExists(zip);
    }
}
