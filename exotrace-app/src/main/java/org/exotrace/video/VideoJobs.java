package org.exotrace.video;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.characterization.NtaMeasurement;
import org.exotrace.characterization.NtaMeasurements;
import org.exotrace.characterization.NtaRequest;
import org.exotrace.nta.video.Polarity;
import org.exotrace.shared.Actors;
import org.exotrace.shared.BackgroundQueue;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Videos of lots and their tracking jobs. An upload is checked before anything is stored (the
 * settings field by field, the file opened and its first frame decoded); then the video and its
 * settings are stored in one transaction and tracked in the background ({@link VideoRunner}). The
 * tracks are handed to the characterization module as a trajectory upload of the analyst who sent
 * the video, in the same transaction that marks the job done and keeps each track's size and
 * intensity ({@link TrackSizes}), so the results are recorded as for any trajectory file, or none
 * of it happens.
 */
@Service
public class VideoJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An uploaded video, already on local disk with its own extension. */
    public record Upload(String filename, Path file) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final Lots lots;
    private final NtaMeasurements measurements;

    VideoJobs(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events, Lots lots, NtaMeasurements measurements) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.lots = lots;
        this.measurements = measurements;
    }

    /** Checks the request and the video, stores both and queues the tracking; nothing is stored when anything is wrong. */
    @Transactional
    public VideoJob submit(UUID lotId, VideoRequest request, Upload upload) {
        Lot lot = lots.get(lotId);
        if (!lot.acceptsResults()) {
            throw DomainProblem.conflict("Lot " + lot.code() + " is " + lot.state().label().toLowerCase(Locale.ROOT)
                    + "; results can no longer be added. Quarantine it first if it must be re-examined.");
        }
        // Every field at once: the settings, then the file, each wrong one with its own message.
        List<VideoRefused.Problem> problems = new java.util.ArrayList<>();
        VideoRequest.Checked settings = null;
        try {
            settings = request.check(ZoneId.systemDefault());
        } catch (VideoRefused refused) {
            problems.addAll(refused.problems());
        }
        Integer frames = null;
        String filename = upload == null || upload.file() == null ? null : safeName(upload.filename());
        try {
            frames = checkVideo(upload, filename);
        } catch (VideoRefused refused) {
            problems.addAll(refused.problems());
        }
        if (!problems.isEmpty() || settings == null) throw new VideoRefused(problems);
        StoredFile file = storeFile(upload.file());
        Detection detection = settings.detection();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into video_job (id, lot_id, status, frames_total, filename, size_bytes, sha256, file_oid, pixel_size_nm, fps,
                  temperature_c, exposure_ms, particles, feature_diameter_px, threshold_sigma, instrument, measured_at, retest_reason, submitted_by)
                values (?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lot.id(), frames, filename, file.sizeBytes(), file.sha256(), file.oid(), settings.pixelSizeNm(), settings.fps(),
                        settings.temperatureC(), settings.exposureMs(), detection.particles() == null ? null : detection.particles().name(),
                        detection.featureDiameterPx(), detection.thresholdSigma(), settings.instrument(), Timestamp.from(settings.measuredAt()),
                        settings.retestReason(), Actors.current())
                .update();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("lot", lot.code());
        snapshot.put("file", filename);
        snapshot.put("sha256", file.sha256());
        snapshot.put("pixelSizeNm", settings.pixelSizeNm());
        snapshot.put("fps", settings.fps());
        snapshot.put("temperatureC", settings.temperatureC());
        snapshot.put("exposureMs", settings.exposureMs() == null ? "not stated" : settings.exposureMs());
        snapshot.put("particles", detection.particles() == null ? "from the frames" : detection.particlesName());
        snapshot.put("featureDiameterPx", detection.featureDiameterPx() == null ? "from the frames" : detection.featureDiameterPx());
        snapshot.put("thresholdSigma", detection.thresholdSigma() == null ? "default" : detection.thresholdSigma());
        events.publishEvent(RecordChanged.created("video_job", id, snapshot));
        events.publishEvent(new VideoSubmitted(id));
        return get(id);
    }

    @Transactional(readOnly = true)
    public VideoJob get(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(VideoJobs::job).optional().orElseThrow(() -> DomainProblem.notFound("Video job", id));
    }

    /** A lot's video jobs, newest first. */
    @Transactional(readOnly = true)
    public List<VideoJob> forLot(UUID lotId) {
        return jdbc.sql(SELECT + " where lot_id = ? order by submitted_at desc").param(lotId).query(VideoJobs::job).list();
    }

    /** The job that produced an NTA measurement, if one did. */
    @Transactional(readOnly = true)
    public Optional<VideoJob> forMeasurement(UUID measurementId) {
        return jdbc.sql(SELECT + " where measurement_id = ?").param(measurementId).query(VideoJobs::job).optional();
    }

    /** The drawing of one frame with detections and tracks, as PNG; empty until tracking finished. */
    @Transactional(readOnly = true)
    public Optional<byte[]> overlay(UUID id) {
        return jdbc.sql("select overlay_png from video_job where id = ? and overlay_png is not null").param(id).query(byte[].class).optional();
    }

    /** The measurement the tracks became, when the job handed them over. */
    @Transactional(readOnly = true)
    public Optional<NtaMeasurement> measurement(VideoJob job) {
        return job.measurementId() == null ? Optional.empty() : Optional.of(measurements.get(job.measurementId()));
    }

    /** Writes the stored video, as uploaded, to {@code out}. */
    @Transactional(readOnly = true)
    public void copyVideo(UUID id, OutputStream out) {
        long oid = jdbc.sql("select file_oid from video_job where id = ?").param(id).query(Long.class).optional()
                .orElseThrow(() -> DomainProblem.notFound("Video job", id));
        jdbcTemplate.execute((ConnectionCallback<Void>) con -> {
            LargeObjectManager objects = con.unwrap(PGConnection.class).getLargeObjectAPI();
            try (LargeObject object = objects.open(oid, LargeObjectManager.READ); InputStream in = object.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Marks the claimed job running from its first frame; false when it is no longer waiting. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean start(BackgroundQueue.Claim claim) {
        return jdbc.sql("""
                update video_job set status = 'RUNNING', started_at = now(), frames_done = 0, stage = 'tracking'
                where id = ? and status = 'RUNNING' and claimed_by = ?""").params(claim.id(), claim.token()).update() == 1;
    }

    /** Locks the job's row for the rest of the transaction if this claim still holds it; {@link BackgroundQueue.ClaimLost} otherwise. */
    private void hold(BackgroundQueue.Claim claim) {
        jdbc.sql("select id from video_job where id = ? and status = 'RUNNING' and claimed_by = ? for update")
                .params(claim.id(), claim.token()).query(UUID.class).optional().orElseThrow(() -> new BackgroundQueue.ClaimLost(claim.id()));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(UUID id, int framesDone, Integer framesTotal, String stage) {
        jdbc.sql("update video_job set frames_done = ?, frames_total = coalesce(?, frames_total), stage = ? where id = ? and status = 'RUNNING'")
                .params(framesDone, framesTotal, stage, id).update();
    }

    /**
     * Submits the tracks as a trajectory upload of the lot and marks the job done with its drawing and
     * its tracks' sizes, in one transaction: a refusal (the lot closed meanwhile, a retest reason
     * missing) fails the job instead, and nothing of it is kept.
     */
    @Transactional
    VideoJob handOver(BackgroundQueue.Claim claim, VideoAnalysis.Done done, Path tracksCsv, TrackSizes sizes) {
        hold(claim);
        UUID id = claim.id();
        VideoJob job = get(id);
        NtaMeasurement m = measurements.submit(job.lotId(), tracksRequest(job), new NtaMeasurements.Upload(tracksName(job.filename()), tracksCsv));
        jdbc.sql("""
                update video_job set status = 'DONE', stage = 'done', frames_done = ?, frames_total = ?, finished_at = now(),
                  tracking = ?, overlay_png = ?, per_track_csv_gz = ?, measurement_id = ? where id = ?""")
                .params(done.tracking().frames(), done.tracking().frames(), JSON.writeValueAsString(done.tracking()), done.overlayPng(),
                        gzip(sizes), m.id(), id)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "DONE");
        after.put("frames", done.tracking().frames());
        after.put("tracks", done.tracking().tracks());
        after.put("tracksSized", sizes.tracks().size());
        after.put("particlesPerFrame", done.tracking().particlesPerFrame());
        after.put("ntaMeasurement", m.id().toString());
        events.publishEvent(RecordChanged.changed("video_job", id, "COMPLETE", Map.of("status", job.status().name()), after, "tracking finished"));
        return get(id);
    }

    /** Records why the job failed; nothing else of it is kept. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void fail(BackgroundQueue.Claim claim, String reason) {
        hold(claim);
        UUID id = claim.id();
        VideoJob job = get(id);
        String why = reason == null || reason.isBlank() ? "tracking failed" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        jdbc.sql("update video_job set status = 'FAILED', error = ?, finished_at = now() where id = ?").params(why, id).update();
        events.publishEvent(RecordChanged.changed("video_job", id, "FAIL", Map.of("status", job.status().name()),
                Map.of("status", "FAILED", "error", why), "tracking failed"));
    }

    /**
     * The trajectory upload a job's tracks become: its camera and sample settings, the catalogue's
     * defaults otherwise. Its settings are the ones the tracks are sized with, here and in the measurement.
     */
    static NtaRequest tracksRequest(VideoJob job) {
        VideoRequest request = new VideoRequest(Double.toString(job.pixelSizeNm()), Double.toString(job.fps()), Double.toString(job.temperatureC()),
                job.exposureMs() == null ? "" : Double.toString(job.exposureMs()), job.instrument(), job.measuredAt().toString(), job.retestReason());
        return request.check(ZoneId.systemDefault()).tracksRequest();
    }

    /** Each sized track of a finished job (see {@link TrackSizes}); empty until tracking finished, and for a job that failed. */
    @Transactional(readOnly = true)
    public Optional<TrackSizes> trackSizes(UUID id) {
        return perTrackCsv(id).map(csv -> TrackSizes.readCsv(new InputStreamReader(new ByteArrayInputStream(csv),
                StandardCharsets.UTF_8)));
    }

    /** The CSV of {@link #trackSizes}, as downloaded: its header and one row per sized track. */
    @Transactional(readOnly = true)
    public Optional<byte[]> perTrackCsv(UUID id) {
        return jdbc.sql("select per_track_csv_gz from video_job where id = ? and per_track_csv_gz is not null").param(id).query(byte[].class)
                .optional().map(VideoJobs::gunzip);
    }

    private static byte[] gzip(TrackSizes sizes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            sizes.writeCsv(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of the tracks file handed to characterization: the video's, so the measurement says where it came from. */
    static String tracksName(String video) {
        int dot = video.lastIndexOf('.');
        String name = (dot > 0 ? video.substring(0, dot) : video) + "-tracks.csv";
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /** The frame count when the container states it; a {@link VideoRefused} on the file when it is missing or not a video. */
    private static Integer checkVideo(Upload upload, String filename) {
        if (upload == null || upload.file() == null) throw fileProblem("characterization.video.error.chooseFile", "choose the video to upload");
        if (VideoAnalysis.EXTENSIONS.stream().noneMatch(filename.toLowerCase(Locale.ROOT)::endsWith)) {
            throw fileProblem("characterization.video.error.extension", filename + " is not a video Exotrace reads: upload an AVI (uncompressed or "
                    + "MJPEG), a multi-page TIFF or a ZIP of PNG or TIFF frames", filename);
        }
        try {
            if (Files.size(upload.file()) == 0) throw fileProblem("characterization.video.error.empty", filename + " is empty", filename);
            var count = VideoAnalysis.check(upload.file(), filename);
            return count.isPresent() ? count.getAsInt() : null;
        } catch (IOException e) {
            throw fileProblem("characterization.video.error.unreadable", filename + " could not be read (" + e.getMessage() + "); upload it again",
                    filename);
        }
    }

    private static VideoRefused fileProblem(String key, String english, Object... args) {
        return new VideoRefused(List.of(new VideoRefused.Problem("file", key, List.of(args), english)));
    }

    private static String safeName(String name) {
        String n = name == null || name.isBlank() ? "video" : name.replaceAll("[\\\\/\\r\\n\\x00-\\x1f]", "_");
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

    /** A file kept as a PostgreSQL large object, with its size and SHA-256. */
    private record StoredFile(long oid, long sizeBytes, String sha256) {}

    private StoredFile storeFile(Path file) {
        return jdbcTemplate.execute((ConnectionCallback<StoredFile>) con -> {
            LargeObjectManager objects = con.unwrap(PGConnection.class).getLargeObjectAPI();
            long created = objects.createLO(LargeObjectManager.READWRITE);
            try (LargeObject object = objects.open(created, LargeObjectManager.WRITE);
                 OutputStream out = object.getOutputStream();
                 DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
                long size = in.transferTo(out);
                return new StoredFile(created, size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static final String SELECT = """
            select id, lot_id, status, frames_done, frames_total, stage, filename, size_bytes, sha256, pixel_size_nm, fps, temperature_c,
              exposure_ms, particles, feature_diameter_px, threshold_sigma, instrument, measured_at, retest_reason, tracking, overlay_png is not null as has_overlay,
              per_track_csv_gz is not null as has_track_sizes, measurement_id, error,
              submitted_by, submitted_at, started_at, finished_at
            from video_job""";

    private static VideoJob job(ResultSet rs, int n) throws SQLException {
        String tracking = rs.getString("tracking");
        return new VideoJob(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class), VideoJobStatus.valueOf(rs.getString("status")),
                rs.getInt("frames_done"), rs.getObject("frames_total", Integer.class), rs.getString("stage"), rs.getString("filename"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getDouble("pixel_size_nm"), rs.getDouble("fps"), rs.getDouble("temperature_c"),
                rs.getObject("exposure_ms", Double.class), detection(rs), rs.getString("instrument"), rs.getTimestamp("measured_at").toInstant(),
                rs.getString("retest_reason"), tracking == null ? null : JSON.readValue(tracking, Tracking.class), rs.getBoolean("has_overlay"), rs.getBoolean("has_track_sizes"),
                rs.getObject("measurement_id", UUID.class), rs.getString("error"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Detection detection(ResultSet rs) throws SQLException {
        String particles = rs.getString("particles");
        return new Detection(particles == null ? null : Polarity.valueOf(particles), rs.getObject("feature_diameter_px", Integer.class),
                rs.getObject("threshold_sigma", Double.class));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
