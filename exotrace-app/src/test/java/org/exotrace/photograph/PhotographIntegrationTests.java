package org.exotrace.photograph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Photographs through the API: stored without their EXIF (camera, GPS), served only to the staff
 * of the patient's clinic and never cached, refused without an active photographs consent (and
 * withheld once it is withdrawn), refused when the file is not a photograph; a refusal writes nothing.
 */
class PhotographIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"patient_photograph", "audit_entry"};
    private static final String FAMILY_NAME = "Oyelaran-Whitcombe";

    private TestUser doctor;
    private TestUser otherClinicDoctor;
    private TestUser analyst;
    private String patient;
    private String pseudonym;
    private ClinicScenarios clinics;
    private String clinic;

    @BeforeEach
    void setUp() throws Exception {
        TestUser admin = user(Role.ADMIN);
        doctor = user(Role.CLINICIAN);
        otherClinicDoctor = user(Role.CLINICIAN);
        analyst = user(Role.LAB_ANALYST);
        clinics = new ClinicScenarios(mvc, admin);
        clinic = clinics.clinic("KR", doctor);
        clinics.clinic("KR", otherClinicDoctor);
        MvcResult registered = postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Marguerite", "familyName": "%s", "dateOfBirth": "1981-04-12", "sex": "FEMALE", "indications": ["melasma"]}"""
                .formatted(FAMILY_NAME)).andExpect(status().isCreated()).andReturn();
        patient = read(registered, "$.id");
        pseudonym = read(registered, "$.pseudonym");
    }

    @Test
    void storesAPhotographWithoutItsExifAndServesItOnlyToTheClinicsStaff() throws Exception {
        consent("PHOTOGRAPHS", LocalDate.now().minusDays(10));
        byte[] original = ImageMetadataUnitTest.insertAfterApp0(ImageMetadataUnitTest.jpeg(ImageMetadataUnitTest.image(), false),
                ImageMetadataUnitTest.exifApp1(6));
        assertThat(ImageMetadataUnitTest.contains(original, "SecretCam")).isTrue();

        MvcResult uploaded = upload(doctor, file("baseline.jpg", original), "FRONTAL", LocalDate.now().minusDays(2), "Baseline")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.view").value("FRONTAL"))
                .andExpect(jsonPath("$.side").value("BOTH"))
                .andExpect(jsonPath("$.contentType").value("image/jpeg"))
                .andExpect(jsonPath("$.width").value(64))
                .andExpect(jsonPath("$.height").value(48))
                .andExpect(jsonPath("$.orientation").value(6))
                .andReturn();
        String id = read(uploaded, "$.id");
        String sha256 = read(uploaded, "$.sha256");

        MvcResult served = mvc.perform(get("/api/photographs/" + id + "/content").with(doctor.basic()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andReturn();
        byte[] stored = served.getResponse().getContentAsByteArray();
        assertThat(ImageMetadataUnitTest.contains(stored, "SecretCam")).as("camera model").isFalse();
        assertThat(ImageMetadataUnitTest.contains(stored, "Exif")).as("EXIF segment").isFalse();
        assertThat(Hashes.sha256(stored)).isEqualTo(sha256);
        assertThat(ImageMetadataUnitTest.pixels(stored)).isEqualTo(ImageMetadataUnitTest.pixels(original));
        getJson("/api/patients/" + patient + "/photographs", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].visitLabel").value("Baseline"));

        mvc.perform(get("/api/photographs/" + id + "/content").with(otherClinicDoctor.basic())).andExpect(status().isNotFound());
        getJson("/api/patients/" + patient + "/photographs", otherClinicDoctor).andExpect(status().isNotFound());
        mvc.perform(get("/api/photographs/" + id + "/content").with(analyst.basic())).andExpect(status().isForbidden());
        getJson("/api/patients/" + patient + "/photographs", analyst).andExpect(status().isForbidden());
        upload(analyst, file("x.jpg", original), "FRONTAL", LocalDate.now(), "Baseline").andExpect(status().isForbidden());
        mvc.perform(get("/photographs/" + id + "/content").with(doctor.basic())).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "private, no-store"));
        mvc.perform(get("/photographs/" + id + "/content").with(otherClinicDoctor.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/patients/" + patient + "/photographs").with(otherClinicDoctor.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/photographs/" + id + "/content").with(analyst.basic())).andExpect(status().isForbidden());
        mvc.perform(get("/patients/" + patient + "/photographs").with(analyst.basic())).andExpect(status().isForbidden());

        String audit = jdbc.sql("select new_value from audit_entry where record_type = 'patient_photograph' and record_id = ?").param(id)
                .query(String.class).single();
        assertThat(audit).contains(pseudonym, "FRONTAL", "Baseline").doesNotContain(FAMILY_NAME, "Marguerite");
    }

    /** A photograph names the plan it was taken under only if the plan is the patient's own; another patient's is refused, nothing written. */
    @Test
    void refusesThePlanOfAnotherPatient() throws Exception {
        clinics.treatmentConsent(patient, doctor);
        consent("PHOTOGRAPHS", LocalDate.now().minusDays(10));
        String own = clinics.plan(patient, doctor, "AD-REDNESS-EP", "HMSC-EXO-SERUM");
        String others = clinics.plan(clinics.patient(clinic, doctor, "melasma"), doctor, "AD-REDNESS-EP", "HMSC-EXO-SERUM");
        List<Long> before = counts(TABLES);

        upload(doctor, file("a.png", png()), "FRONTAL", LocalDate.now(), "Baseline", others)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.planId").value("is not one of this patient's treatment plans"));
        assertThat(counts(TABLES)).isEqualTo(before);

        upload(doctor, file("a.png", png()), "FRONTAL", LocalDate.now(), "Baseline", own).andExpect(status().isCreated())
                .andExpect(jsonPath("$.planId").value(own));
    }

    @Test
    void refusesAPhotographWithoutAPhotographsConsent() throws Exception {
        consent("TREATMENT", LocalDate.now().minusDays(10));
        List<Long> before = counts(TABLES);

        upload(doctor, file("a.png", png()), "FRONTAL", LocalDate.now(), "Baseline")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("No active photographs consent"))
                .andExpect(jsonPath("$.reasons[0]").value(containsString("no photographs consent on record")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesNewPhotographsAndWithholdsStoredOnesOnceTheConsentIsWithdrawn() throws Exception {
        String consent = consent("PHOTOGRAPHS", LocalDate.now().minusDays(30));
        String id = read(upload(doctor, file("a.png", png()), "LEFT_45", LocalDate.now().minusDays(20), "Session 1")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/patient-consents/" + consent + "/withdrawal", doctor, "{\"reason\": \"patient asked\"}").andExpect(status().isOk());
        List<Long> before = counts(TABLES);

        upload(doctor, file("b.png", png(7)), "LEFT_45", LocalDate.now().minusDays(25), "Session 0")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value(containsString("photographs consent on form PH-1")))
                .andExpect(jsonPath("$.reasons[0]").value(containsString("was withdrawn on " + LocalDate.now())));
        assertThat(counts(TABLES)).isEqualTo(before);

        getJson("/api/patients/" + patient + "/photographs", doctor).andExpect(jsonPath("$[0].withheld").value(containsString("withdrew")));
        mvc.perform(get("/api/photographs/" + id + "/content").with(doctor.basic())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Photograph withheld"));
    }

    @Test
    void refusesAPhotographTakenBeforeTheConsentWasSigned() throws Exception {
        consent("PHOTOGRAPHS", LocalDate.now().minusDays(3));

        upload(doctor, file("a.png", png()), "FRONTAL", LocalDate.now().minusDays(5), "Baseline")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value(containsString("was signed on " + LocalDate.now().minusDays(3))));
    }

    @Test
    void refusesWhatIsNotAPhotographWithAFieldMessageAndWritesNothing() throws Exception {
        consent("PHOTOGRAPHS", LocalDate.now().minusDays(10));
        List<Long> before = counts(TABLES);

        upload(doctor, file("scan.jpg", "%PDF-1.7\n1 0 obj << >> endobj\n".getBytes()), "FRONTAL", LocalDate.now(), "Baseline")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(containsString("not a JPEG or PNG")));
        byte[] truncated = Arrays.copyOf(png(), png().length - 30);
        upload(doctor, file("cut.png", truncated), "FRONTAL", LocalDate.now(), "Baseline")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(containsString("damaged PNG")));
        byte[] huge = new byte[Photographs.MAX_BYTES + 1];
        System.arraycopy(png(), 0, huge, 0, png().length);
        upload(doctor, file("huge.png", huge), "FRONTAL", LocalDate.now(), "Baseline")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(containsString("at most 15 MB")));
        upload(doctor, file("a.png", png()), "SIDEWAYS", LocalDate.now().plusDays(1), "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.view").value(containsString("use one of [FRONTAL, LEFT_45")))
                .andExpect(jsonPath("$.errors.takenOn").value("cannot be in the future"))
                .andExpect(jsonPath("$.errors.visitLabel").value("is required"));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void keepsTheFullSizeOfALargePhotographAndRefusesAHugeOneBeforeDecodingIt() throws Exception {
        consent("PHOTOGRAPHS", LocalDate.now().minusDays(10));
        BufferedImage large = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        large.setRGB(1500, 1000, 0xC04030);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(large, "png", png);

        upload(doctor, file("large.png", png.toByteArray()), "CLOSE_UP", LocalDate.now(), "Baseline")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.width").value(3000))
                .andExpect(jsonPath("$.height").value(2000));

        ByteBuffer header = ByteBuffer.allocate(13).putInt(10_000).putInt(7_000).put(new byte[] {8, 2, 0, 0, 0});
        byte[] bomb = ImageMetadataUnitTest.concat(Arrays.copyOf(png.toByteArray(), 8), pngChunk("IHDR", header.array()),
                pngChunk("IEND", new byte[0]));
        upload(doctor, file("bomb.png", bomb), "CLOSE_UP", LocalDate.now(), "Baseline")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value("has 10000 x 7000 pixels; at most 60 megapixels are accepted"));
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] typeAndData = ImageMetadataUnitTest.concat(type.getBytes(StandardCharsets.ISO_8859_1), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return ImageMetadataUnitTest.concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void refusesTheSamePictureTwice() throws Exception {
        consent("PHOTOGRAPHS", LocalDate.now().minusDays(10));
        upload(doctor, file("a.png", png()), "VERTEX", LocalDate.now(), "Baseline").andExpect(status().isCreated());

        upload(doctor, file("again.png", png()), "VERTEX", LocalDate.now(), "Session 1")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already stored for the patient, at visit Baseline")));
    }

    private String consent(String kind, LocalDate signedOn) throws Exception {
        return read(postJson("/api/patients/" + patient + "/consents", doctor, """
                {"kind": "%s", "formVersion": "PH-1", "signedOn": "%s", "signedBy": "the patient"}""".formatted(kind, signedOn))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private ResultActions upload(TestUser as, MockMultipartFile file, String view, LocalDate takenOn, String visit, String plan) throws Exception {
        return mvc.perform(multipart("/api/patients/" + patient + "/photographs").file(file).with(as.basic())
                .param("view", view).param("takenOn", takenOn.toString()).param("visitLabel", visit).param("planId", plan));
    }

    private ResultActions upload(TestUser as, MockMultipartFile file, String view, LocalDate takenOn, String visit) throws Exception {
        return mvc.perform(multipart("/api/patients/" + patient + "/photographs").file(file).with(as.basic())
                .param("view", view).param("takenOn", takenOn.toString()).param("visitLabel", visit));
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "image/jpeg", content);
    }

    private static byte[] png() throws Exception {
        return png(0);
    }

    /** A small PNG; {@code seed} changes one pixel so that two pictures differ. */
    private static byte[] png(int seed) throws Exception {
        BufferedImage img = ImageMetadataUnitTest.image();
        img.setRGB(0, 0, seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
