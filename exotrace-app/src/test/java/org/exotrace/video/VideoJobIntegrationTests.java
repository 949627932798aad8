package org.exotrace.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Sizing a lot from a video through the API: a synthetic ZIP of 60 frames of 300 nm particles is
 * checked, stored, tracked in the background and handed to the characterization module as a
 * trajectory upload, whose analysis records the lot's size results; the drawing of one frame is
 * served as PNG. Bad settings and files that are not videos are refused field by field with nothing
 * stored; only analysts upload.
 */
class VideoJobIntegrationTests extends IntegrationTest {

    private static final double DIAMETER_NM = 300;
    private static final int PARTICLES = 12;
    private static final int FRAMES = 60;
    private static final int SIZE = 128;
    private static byte[] video;

    @Autowired private VideoRunner runner;

    private LotScenarios scenarios;
    private TestUser analyst;

    @BeforeAll
    static void render() throws Exception {
        video = SyntheticVideo.zipOfFrames(DIAMETER_NM, PARTICLES, FRAMES, SIZE, 12);
    }

    @BeforeEach
    void setUp() {
        analyst = user(Role.LAB_ANALYST);
        scenarios = new LotScenarios(mvc, analyst);
    }

    @Test
    void tracksAZipOfFramesInTheBackgroundAndRecordsTheLotsSizesAsForTracks() throws Exception {
        String lot = scenarios.lotInTesting();
        MvcResult accepted = upload(lot, "particles.zip", video, settings(), analyst)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", startsWith("/api/video-jobs/")))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.framesTotal").value(FRAMES))
                .andExpect(jsonPath("$.pixelSizeNm").value(SyntheticVideo.PIXEL_NM))
                .andReturn();
        String id = read(accepted, "$.id");

        MvcResult done = awaitJob(id);
        assertThat((String) read(done, "$.status")).as(done.getResponse().getContentAsString()).isEqualTo("DONE");
        assertThat((Integer) read(done, "$.framesDone")).isEqualTo(FRAMES);
        assertThat((Integer) read(done, "$.tracking.frames")).isEqualTo(FRAMES);
        assertThat((Integer) read(done, "$.tracking.width")).isEqualTo(SIZE);
        assertThat((Integer) read(done, "$.tracking.featureDiameterPx")).isBetween(3, 41);
        assertThat(number(done, "$.tracking.thresholdSigma")).isPositive();
        assertThat(number(done, "$.tracking.noiseSigma")).isPositive();
        assertThat((Integer) read(done, "$.tracking.overlayFrame")).isEqualTo(FRAMES / 2);
        long positions = ((Number) read(done, "$.tracking.positions")).longValue();
        long tracks = ((Number) read(done, "$.tracking.tracks")).longValue();
        assertThat(positions).isPositive();
        String measurement = read(done, "$.measurementId");

        // The tracks became an NTA measurement of the analyst, sized as any trajectory file, its results recorded and audited.
        MvcResult sized = awaitMeasurement(measurement);
        assertThat((String) read(sized, "$.status")).as(sized.getResponse().getContentAsString()).isEqualTo("SUCCEEDED");
        assertThat((String) read(sized, "$.source")).isEqualTo("TRACKS");
        assertThat((String) read(sized, "$.filename")).isEqualTo("particles-tracks.csv");
        assertThat((String) read(sized, "$.submittedBy")).isEqualTo(analyst.username());
        assertThat(number(sized, "$.settings.pixelSizeNm")).isEqualTo(SyntheticVideo.PIXEL_NM);
        // The tracks arrived whole: every position and track the linker made was read by the analysis.
        assertThat(((Number) read(sized, "$.outcome.positions")).longValue()).isEqualTo(positions);
        assertThat(((Number) read(sized, "$.outcome.tracksTotal")).longValue()).isEqualTo(tracks);
        MvcResult download = mvc.perform(get("/api/nta-measurements/" + measurement + "/input").with(analyst.basic()))
                .andExpect(request().asyncStarted()).andReturn();
        String csv = mvc.perform(asyncDispatch(download)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("frame,particle,x,y");
        assertThat(rows).hasSize((int) positions + 1);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertThat(Integer.parseInt(f[0])).isBetween(0, FRAMES - 1);
            // positions in pixels of the 128-pixel frame, as the pixel size says
            assertThat(Double.parseDouble(f[2])).isBetween(-0.5, SIZE - 0.5);
            assertThat(Double.parseDouble(f[3])).isBetween(-0.5, SIZE - 0.5);
        }
        String d50Result = read(sized, "$.recordedResults.size_d50");
        getJson("/api/results/" + d50Result, analyst).andExpect(status().isOk())
                .andExpect(jsonPath("$.detail").value(containsString(measurement)));
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'video_job' and record_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2);

        // The drawing: the middle frame, as PNG, the size of the video's frames.
        for (String path : List.of("/api/video-jobs/" + id + "/overlay.png", "/video/" + id + "/overlay.png")) {
            byte[] png = mvc.perform(get(path).with(analyst.basic())).andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.IMAGE_PNG)).andReturn().getResponse().getContentAsByteArray();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(SIZE);
            assertThat(image.getHeight()).isEqualTo(SIZE);
        }

        // Each track the measurement sized, with its D, diameter and brightness: the same tracks, read the same way.
        Map<Long, Integer> positionsByTrack = new java.util.HashMap<>();
        for (String row : rows.subList(1, rows.size())) positionsByTrack.merge(Long.parseLong(row.split(",")[1]), 1, Integer::sum);
        int tracksUsed = ((Number) read(sized, "$.outcome.tracksUsed")).intValue();
        for (String path : List.of("/api/video-jobs/" + id + "/per-track.csv", "/video/" + id + "/per-track.csv")) {
            List<String> perTrack = mvc.perform(get(path).with(analyst.basic())).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("text/csv"))
                    .andExpect(header().string("Content-Disposition", containsString("particles-per-track.csv")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
            assertThat(perTrack.get(0)).isEqualTo("particle,positions,d_um2_per_s,d_se_um2_per_s,diameter_nm,mean_mass");
            assertThat(perTrack).as(path).hasSize(tracksUsed + 1);
            List<Double> diameters = new java.util.ArrayList<>();
            List<Double> diffusionTimesDiameter = new java.util.ArrayList<>();
            for (String row : perTrack.subList(1, perTrack.size())) {
                String[] f = row.split(",", -1);
                assertThat(positionsByTrack).as(row).containsEntry(Long.parseLong(f[0]), Integer.parseInt(f[1]));
                double d = Double.parseDouble(f[2]);
                assertThat(Double.parseDouble(f[3])).as("standard error of D, " + row).isPositive();
                assertThat(Double.parseDouble(f[5])).as("mean intensity, " + row).isPositive();
                if (d > 0) {
                    diameters.add(Double.parseDouble(f[4]));
                    diffusionTimesDiameter.add(d * Double.parseDouble(f[4]));
                }
            }
            // Stokes-Einstein: D times the diameter is kT / 3πη, the same for every track (to the rounding of the file).
            double product = diffusionTimesDiameter.get(0);
            assertThat(diffusionTimesDiameter).allSatisfy(p -> assertThat(p).isCloseTo(product, within(2e-3 * product)));
            // Single tracks of some 60 positions scatter by some ±15 %; their median lies near the particles' 300 nm.
            assertThat(diameters.stream().sorted().toList().get(diameters.size() / 2)).isCloseTo(DIAMETER_NM, within(0.2 * DIAMETER_NM));
        }

        // The job's page shows the numbers and links to the measurement; the measurement's page links back.
        String page = mvc.perform(get("/video/" + id).with(analyst.basic())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"video-tracking\"", "/video/" + id + "/overlay.png", "/nta/" + measurement);
        // ... and the intensity-versus-size plot of its tracks, named and described for a screen reader, and the per-track download.
        assertThat(page).contains("id=\"video-ivs\"", "role=\"img\"", "<title id=\"ivs-title\">", "<desc id=\"ivs-desc\">Scatter plot of ",
                "class=\"dots few\"", "/video/" + id + "/per-track.csv");
        mvc.perform(get("/nta/" + measurement + "/video").with(analyst.basic())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/video/" + id)));
    }

    /**
     * Ground truth through the whole chain: 12 particles of 300 nm in view in every frame. Detection
     * finds them (two that touch may count as one for a frame), linking keeps most of each particle's
     * 60 positions together, and the sizing of the tracks gives about 300 nm: some 12 tracks of up to
     * 60 positions give D to about ±10 % each, so 20 % checks the chain; the library's tests hold the accuracy.
     */
    @Test
    void aVideoOfParticlesOfKnownSizeIsSizedNearThatSize() throws Exception {
        String lot = scenarios.lotInTesting();
        MvcResult done = awaitJob(read(upload(lot, "particles.zip", video, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id"));
        assertThat((String) read(done, "$.status")).isEqualTo("DONE");
        assertThat(number(done, "$.tracking.particlesPerFrame")).isCloseTo(PARTICLES, within(1.5));
        assertThat((Integer) read(done, "$.tracking.medianTrackLength")).isGreaterThanOrEqualTo(15);
        MvcResult sized = awaitMeasurement(read(done, "$.measurementId"));
        assertThat(number(sized, "$.outcome.d50Nm")).isCloseTo(DIAMETER_NM, within(0.2 * DIAMETER_NM));
    }

    /**
     * A bright-field video (the same 12 particles of 300 nm, dark on a bright background) with the
     * polarity, feature diameter and threshold stated: tracking uses them, the job's numbers and page
     * say they were stated, and the audit entry of the upload keeps them.
     */
    @Test
    void statedDarkParticlesAndFeatureSizeReachTheTracking() throws Exception {
        String lot = scenarios.lotInTesting();
        byte[] dark = SyntheticVideo.zipOfDarkFrames(DIAMETER_NM, PARTICLES, FRAMES, SIZE, 12);
        MvcResult accepted = upload(lot, "bright-field.zip", dark, settings("particles", "dark", "featureDiameterPx", "9", "thresholdSigma", "6"),
                analyst).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.detection.particles").value("DARK"))
                .andExpect(jsonPath("$.detection.featureDiameterPx").value(9))
                .andExpect(jsonPath("$.detection.thresholdSigma").value(6.0))
                .andReturn();
        String id = read(accepted, "$.id");
        MvcResult done = awaitJob(id);
        assertThat((String) read(done, "$.status")).as(done.getResponse().getContentAsString()).isEqualTo("DONE");
        assertThat((String) read(done, "$.tracking.polarity")).isEqualTo("DARK");
        assertThat((Boolean) read(done, "$.tracking.polarityFromData")).isFalse();
        assertThat((Integer) read(done, "$.tracking.featureDiameterPx")).isEqualTo(9);
        assertThat((Boolean) read(done, "$.tracking.featureSizeFromData")).isFalse();
        assertThat(number(done, "$.tracking.thresholdSigma")).isEqualTo(6.0);
        // Inverted, the dark spots are the bright video's particles: detected and linked as well.
        assertThat(number(done, "$.tracking.particlesPerFrame")).isCloseTo(PARTICLES, within(1.5));
        assertThat((Integer) read(done, "$.tracking.medianTrackLength")).isGreaterThanOrEqualTo(15);

        String page = mvc.perform(get("/video/" + id).with(analyst.basic())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("dark on a bright field, as stated", "9 px, as stated", "6.0 σ above the noise, as stated")
                .doesNotContain("chosen from the frames");
        assertThat(jdbc.sql("select new_value from audit_entry where record_type = 'video_job' and record_id = ? order by seq limit 1")
                .param(id).query(String.class).single()).contains("\"particles\":\"dark\"", "\"featureDiameterPx\":9", "\"thresholdSigma\":6.0");

        // Left to the frames, the same choices are said to be the frames' (the video of the other tests is bright; another lot, as
        // a second sizing of this one would be a retest).
        String auto = read(upload(scenarios.lotInTesting(), "particles.zip", video, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        MvcResult chosen = awaitJob(auto);
        assertThat((String) read(chosen, "$.tracking.polarity")).isEqualTo("BRIGHT");
        assertThat((Boolean) read(chosen, "$.tracking.polarityFromData")).isTrue();
        assertThat((Boolean) read(chosen, "$.tracking.featureSizeFromData")).isTrue();
        assertThat(mvc.perform(get("/video/" + auto).with(analyst.basic())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("bright on a dark field, decided from the frames", "px, chosen from the frames", "σ above the noise, the default");
    }

    @Test
    void refusesWrongSettingsAndFilesThatAreNotVideosFieldByFieldAndStoresNothing() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts("video_job", "nta_measurement");
        long objects = largeObjects();

        MvcResult missing = upload(lot, "particles.zip", video, settings("pixelSizeNm", "", "fps", "fast"), analyst)
                .andExpect(status().isBadRequest()).andReturn();
        assertThat((String) read(missing, "$.errors.pixelSizeNm")).contains("required");
        assertThat((String) read(missing, "$.errors.fps")).contains("not a number");
        refused(lot, "tracks.csv", "frame,particle,x,y\n0,1,2,3\n".getBytes(StandardCharsets.UTF_8), settings(), "file", "is not a video");
        refused(lot, "particles.avi", "not a video at all".getBytes(StandardCharsets.UTF_8), settings(), "file", "particles.avi");
        refused(lot, "frames.zip", SyntheticVideo.emptyZip(), settings(), "file", "no PNG or TIFF frames");
        refused(lot, "short.zip", SyntheticVideo.zipOfFrames(DIAMETER_NM, 3, 3, 32, 1), settings(), "file", "at least 5");
        refused(lot, "particles.zip", video, settings("exposureMs", "50"), "exposureMs", "at most one frame time (40.0 ms");
        refused(lot, "particles.zip", video, settings("particles", "grey"), "particles", "auto, bright or dark");
        refused(lot, "particles.zip", video, settings("featureDiameterPx", "8"), "featureDiameterPx", "odd whole number of pixels from 3 to 99");
        refused(lot, "particles.zip", video, settings("thresholdSigma", "0"), "thresholdSigma", "from 1 to 100");
        MockMultipartHttpServletRequestBuilder noFile = multipart("/api/lots/" + lot + "/video-jobs");
        settings().forEach(noFile::param);
        MvcResult r = mvc.perform(noFile.with(analyst.basic())).andExpect(status().isBadRequest()).andReturn();
        assertThat((String) read(r, "$.errors.file")).contains("choose the video");

        assertThat(counts("video_job", "nta_measurement")).isEqualTo(before);
        assertThat(largeObjects()).isEqualTo(objects);
    }

    @Test
    void theUploadPageNamesEachWrongFieldInThePagesLanguage() throws Exception {
        String lot = scenarios.lotInTesting();
        long before = count("video_job");
        MockMultipartHttpServletRequestBuilder b = multipart("/lots/" + lot + "/video");
        b.file(new MockMultipartFile("file", "frames.zip", "application/zip", SyntheticVideo.emptyZip()));
        settings("temperatureC", "", "featureDiameterPx", "8").forEach(b::param);
        String html = mvc.perform(b.param("lang", "zh-HK").with(analyst.basic()).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"video-form\"", "class=\"field-error\"");
        // The wrong fields at once: the settings' and the file's, in Chinese (the reader's own reason stays in English).
        assertThat(html).contains("無法將 frames.zip 讀取為影片", "frames.zip holds no PNG or TIFF frames", "必須填寫", "「8」不是 3 至 99 之間的奇數像素");
        // The typed detection choice stays in the form, to be corrected.
        assertThat(html).contains("name=\"featureDiameterPx\" value=\"8\"");
        assertThat(count("video_job")).isEqualTo(before);
    }

    @Test
    void onlyAnalystsUploadAndLabStaffAndResearchersSeeTheJobs() throws Exception {
        String lot = scenarios.lotInTesting();
        TestUser researcher = user(Role.RESEARCHER);
        TestUser clinician = user(Role.CLINICIAN);
        upload(lot, "particles.zip", video, settings(), researcher).andExpect(status().isForbidden());
        upload(lot, "particles.zip", video, settings(), clinician).andExpect(status().isForbidden());
        String id = read(upload(lot, "particles.zip", video, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        getJson("/api/video-jobs/" + id, researcher).andExpect(status().isOk());
        getJson("/api/lots/" + lot + "/video-jobs", user(Role.QA_RELEASER)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        getJson("/api/video-jobs/" + id, clinician).andExpect(status().isForbidden());
        mvc.perform(get("/video/" + id + "/overlay.png").with(clinician.basic())).andExpect(status().isForbidden());
        awaitJob(id);
        mvc.perform(get("/api/video-jobs/" + id + "/per-track.csv").with(researcher.basic())).andExpect(status().isOk());
        mvc.perform(get("/video/" + id + "/per-track.csv").with(user(Role.QA_RELEASER).basic())).andExpect(status().isOk());
        mvc.perform(get("/api/video-jobs/" + id + "/per-track.csv").with(clinician.basic())).andExpect(status().isForbidden());
        mvc.perform(get("/video/" + id + "/per-track.csv").with(clinician.basic())).andExpect(status().isForbidden());
    }

    /**
     * A job whose tracks the lot no longer accepts (it was released while the video waited) fails
     * whole: no measurement, no drawing and no per-track sizes are kept, though tracking and the
     * per-track stage both ran.
     */
    @Test
    void aJobRefusedAtHandOverKeepsNoPerTrackSizes() throws Exception {
        String lot = scenarios.lotInTesting();
        String first = read(upload(lot, "particles.zip", video, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        awaitJob(first);
        String released = scenarios.released(user(Role.QA_RELEASER));
        UUID stale = UUID.randomUUID();
        jdbc.sql("""
                insert into video_job (id, lot_id, status, frames_total, filename, size_bytes, sha256, file_oid,
                  pixel_size_nm, fps, temperature_c, measured_at, submitted_by)
                select ?, ?, 'QUEUED', frames_total, filename, size_bytes, sha256, file_oid, pixel_size_nm, fps,
                  temperature_c, measured_at, submitted_by from video_job where id = ?""")
                .params(stale, UUID.fromString(released), UUID.fromString(first)).update();

        runner.start(); // looks for work now rather than at its next poll

        MvcResult failed = awaitJob(stale.toString());
        assertThat((String) read(failed, "$.status")).isEqualTo("FAILED");
        assertThat((String) read(failed, "$.error")).contains("released");
        assertThat((Boolean) read(failed, "$.hasTrackSizes")).isFalse();
        assertThat(jdbc.sql("select per_track_csv_gz is null and overlay_png is null and measurement_id is null from video_job where id = ?")
                .param(stale).query(Boolean.class).single()).isTrue();
        mvc.perform(get("/api/video-jobs/" + stale + "/per-track.csv").with(analyst.basic())).andExpect(status().isNotFound());
        String page = mvc.perform(get("/video/" + stale).with(analyst.basic())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("id=\"video-ivs\"");
    }

    @Test
    void resumesAJobLeftQueuedWhenTheApplicationStopped() throws Exception {
        String lot = scenarios.lotInTesting();
        String first = read(upload(lot, "particles.zip", video, settings(), analyst).andExpect(status().isAccepted()).andReturn(), "$.id");
        awaitJob(first);
        // A job stored just before a shutdown, on another lot: its row and video are committed, its tracking never finished.
        String other = scenarios.lotInTesting();
        UUID interrupted = UUID.randomUUID();
        jdbc.sql("""
                insert into video_job (id, lot_id, status, frames_done, frames_total, stage, filename, size_bytes, sha256, file_oid,
                  pixel_size_nm, fps, temperature_c, measured_at, submitted_by, started_at)
                select ?, ?, 'RUNNING', 20, frames_total, 'tracking', filename, size_bytes, sha256, file_oid, pixel_size_nm, fps,
                  temperature_c, measured_at, submitted_by, now() from video_job where id = ?""")
                .params(interrupted, UUID.fromString(other), UUID.fromString(first)).update();

        runner.start(); // looks for work now rather than at its next poll

        MvcResult resumed = awaitJob(interrupted.toString());
        assertThat((String) read(resumed, "$.status")).isEqualTo("DONE");
        assertThat((Integer) read(resumed, "$.framesDone")).isEqualTo(FRAMES);
        awaitMeasurement(read(resumed, "$.measurementId"));
    }

    private static Map<String, String> settings(String... overrides) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("pixelSizeNm", Double.toString(SyntheticVideo.PIXEL_NM));
        s.put("fps", Double.toString(SyntheticVideo.FPS));
        s.put("temperatureC", Double.toString(SyntheticVideo.TEMPERATURE_C));
        s.put("instrument", "synthetic camera");
        for (int i = 0; i < overrides.length; i += 2) s.put(overrides[i], overrides[i + 1]);
        return s;
    }

    private ResultActions upload(String lot, String filename, byte[] content, Map<String, String> fields, TestUser as) throws Exception {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/lots/" + lot + "/video-jobs");
        b.file(new MockMultipartFile("file", filename, "application/octet-stream", content));
        fields.forEach(b::param);
        return mvc.perform(b.with(as.basic()));
    }

    private void refused(String lot, String filename, byte[] content, Map<String, String> fields, String field, String mentions) throws Exception {
        MvcResult r = upload(lot, filename, content, fields, analyst).andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.errors." + field).exists()).andReturn();
        assertThat((String) read(r, "$.errors." + field)).contains(mentions);
    }

    private long largeObjects() {
        return superuser().sql("select count(*) from pg_largeobject_metadata").query(Long.class).single();
    }

    private MvcResult awaitJob(String id) throws Exception {
        return await("/api/video-jobs/" + id, List.of("DONE", "FAILED"));
    }

    private MvcResult awaitMeasurement(String id) throws Exception {
        return await("/api/nta-measurements/" + id, List.of("SUCCEEDED", "FAILED"));
    }

    private MvcResult await(String path, List<String> finished) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            MvcResult r = getJson(path, analyst).andExpect(status().isOk()).andReturn();
            String status = read(r, "$.status");
            if (finished.contains(status)) return r;
            if (System.nanoTime() > deadline) throw new AssertionError(path + " still " + status + " after 3 minutes");
            Thread.sleep(100);
        }
    }

    private static double number(MvcResult r, String path) throws Exception {
        return ((Number) read(r, path)).doubleValue();
    }
}
