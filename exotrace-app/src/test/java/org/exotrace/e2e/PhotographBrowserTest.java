package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import javax.imageio.ImageIO;
import org.exotrace.ClinicScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * A clinician records the patient's photographs consent on the patient page, opens the
 * photographs, is told a text file is not a photograph, uploads a frontal photograph at baseline
 * and another at the first follow-up, and sees the two side by side with their visits and dates.
 */
class PhotographBrowserTest extends BrowserTest {

    @Test
    void uploadsFrontalPhotographsAtTwoVisitsAndComparesThemSideBySide() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser doctor = user(Role.CLINICIAN);
        String clinic = new ClinicScenarios(mvc, admin).clinic("KR", doctor);
        postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Nadia", "familyName": "Okonkwo-Lindqvist", "dateOfBirth": "1990-03-14", "sex": "FEMALE", "fitzpatrick": "IV",
                 "indications": ["atrophic acne scars"]}""").andExpect(status().isCreated());
        LocalDate baseline = LocalDate.now().minusDays(56);
        LocalDate followUp = LocalDate.now().minusDays(1);

        login(doctor);
        navigate("Patients");
        link("Okonkwo-Lindqvist, Nadia").click();
        Locator consent = page.locator("#consents form.form");
        consent.locator("select[name=kind]").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Photographs"));
        consent.getByLabel("Form version").fill("PH-2026-1");
        consent.getByLabel("Signed on").fill(baseline.minusDays(1).toString());
        consent.getByLabel("Signed by").fill("Nadia Okonkwo-Lindqvist");
        button("Record consent").click();
        assertThat(flash()).hasText("Consent recorded.");
        assertThat(page.locator("#consents table")).containsText("Photographs");

        link("Photographs").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Photographs");
        assertThat(page.locator("#gallery")).containsText("No photographs yet.");

        upload(new FilePayload("face.jpg", "image/jpeg", "just some notes, not a picture".getBytes(StandardCharsets.UTF_8)),
                "Frontal", baseline, "Baseline");
        assertThat(page.locator("#upload .field-error").first()).containsText("not a JPEG or PNG image");
        screenshot("not-a-photograph");

        upload(new FilePayload("baseline.jpg", "image/jpeg", face(40)), "Frontal", baseline, "Baseline");
        assertThat(flash()).containsText("Photograph stored: Frontal, Baseline");
        upload(new FilePayload("week8.jpg", "image/jpeg", face(12)), "Frontal", followUp, "Follow-up 1");
        assertThat(flash()).containsText("Photograph stored: Frontal, Follow-up 1");

        assertThat(page.locator("#gallery .photo-visit")).hasCount(2);
        Locator before = page.locator("#comparison figure.before");
        Locator after = page.locator("#comparison figure.after");
        assertThat(before).containsText("Baseline");
        assertThat(before).containsText(baseline.toString());
        assertThat(after).containsText("Follow-up 1");
        assertThat(after).containsText(followUp.toString());
        for (Locator figure : new Locator[] {before, after}) {
            Locator img = figure.locator("img");
            img.evaluate("img => img.decode()");
            assertThat(img).hasJSProperty("naturalWidth", 480);
        }
        screenshot("side-by-side");

        Locator compare = page.locator("#comparison form");
        compare.locator("select[name=before]").selectOption("Follow-up 1");
        compare.locator("select[name=after]").selectOption("Baseline");
        button("Compare").click();
        assertThat(page.locator("#comparison figure.before")).containsText("Follow-up 1");
        assertThat(page.locator("#comparison figure.after")).containsText("Baseline");
    }

    private void upload(FilePayload file, String view, LocalDate takenOn, String visit) {
        Locator form = page.locator("#upload form");
        form.locator("input[name=file]").setInputFiles(file);
        form.locator("select[name=view]").selectOption(new SelectOption().setLabel(view));
        form.getByLabel("Taken on").fill(takenOn.toString());
        form.getByLabel("Visit").fill(visit);
        button("Upload photograph").click();
    }

    /** A stylised face, 480 x 360, with {@code spots} red lesions on the cheeks: fewer at follow-up. */
    private static byte[] face(int spots) throws IOException {
        BufferedImage img = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(214, 220, 226));
        g.fillRect(0, 0, 480, 360);
        g.setColor(new Color(176, 124, 92));
        g.fillOval(150, 30, 180, 250);
        g.setColor(new Color(60, 40, 30));
        g.fillOval(195, 120, 26, 12);
        g.fillOval(259, 120, 26, 12);
        g.setStroke(new BasicStroke(3));
        g.drawArc(210, 200, 60, 30, 200, 140);
        Random random = new Random(spots);
        g.setColor(new Color(170, 50, 45));
        for (int i = 0; i < spots; i++) {
            int x = (i % 2 == 0 ? 170 : 270) + random.nextInt(40);
            int y = 150 + random.nextInt(60);
            g.fillOval(x, y, 5, 5);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }
}
