package org.exotrace.video;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.exotrace.nta.video.VideoSettings;
import org.exotrace.shared.BackgroundQueue;
import org.exotrace.shared.BackgroundQueues;
import org.exotrace.shared.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tracks videos in the background, one at a time per node (detection uses every core it can get),
 * oldest first, each claimed once across the nodes on the database ({@link BackgroundQueue}),
 * acting as the analyst who uploaded the video so the measurement and its results are theirs.
 * Progress (frames done of the total) is written at most twice a second. A job left queued or
 * running by a node that stopped starts again from its first frame on the next node to look for
 * work once its lease has expired: the video is stored, and tracking is deterministic.
 */
@Component
class VideoRunner {

    private static final Logger log = LoggerFactory.getLogger(VideoRunner.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    private final VideoJobs jobs;
    private final BackgroundQueue queue;

    VideoRunner(VideoJobs jobs, BackgroundQueues queues) {
        this.jobs = jobs;
        this.queue = queues.create("video-tracking", "video_job", "submitted_at", this::run);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(VideoSubmitted submitted) {
        queue.start(); // at once, also while the application is still starting (the demo data submits analyses)
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        queue.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        queue.stop();
    }

    private void run(BackgroundQueue.Claim claim) {
        UUID id = claim.id();
        VideoJob job;
        try {
            if (!jobs.start(claim)) return;
            job = jobs.get(id);
        } catch (RuntimeException e) {
            log.error("Could not start video job {}", id, e);
            return;
        }
        BackgroundQueue.actAs(job.submittedBy());
        Path folder = null;
        try {
            folder = Files.createTempDirectory("exotrace-video-");
            // The frame readers choose by extension: the copy keeps the upload's.
            Path video = folder.resolve("video" + extension(job.filename()));
            try (OutputStream out = Files.newOutputStream(video)) {
                jobs.copyVideo(id, out);
            }
            Path tracks = folder.resolve("tracks.csv");
            BackgroundQueue.Throttle throttle = new BackgroundQueue.Throttle(PROGRESS_EVERY);
            VideoSettings settings = job.detection().applyTo(VideoSettings.of(job.pixelSizeNm(), job.fps(), job.temperatureC(), job.exposureMs()));
            VideoAnalysis.Done done = VideoAnalysis.run(video, job.filename(), settings, tracks, (framesDone, total) -> {
                if (throttle.due()) jobs.progress(id, framesDone, total, "tracking");
            });
            if (Thread.currentThread().isInterrupted()) return;
            jobs.progress(id, done.tracking().frames(), done.tracking().frames(), "sizing the tracks");
            TrackSizes sizes = VideoAnalysis.sizeTracks(tracks, VideoJobs.tracksRequest(job).settings().toAnalysisSettings(), done.meanMassByTrack());
            jobs.handOver(claim, done, tracks, sizes);
        } catch (BackgroundQueue.ClaimLost e) {
            throw e;
        } catch (DomainProblem e) {
            failQuietly(claim, e.fieldErrors().isEmpty() ? (e.reasons().isEmpty() ? e.getMessage() : String.join("; ", e.reasons()))
                    : String.join("; ", e.fieldErrors().values()));
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            failQuietly(claim, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Video job {} failed", id, e);
            failQuietly(claim, "tracking stopped with an internal error (" + e.getClass().getSimpleName() + "); see the server log");
        } finally {
            SecurityContextHolder.clearContext();
            delete(folder);
        }
    }

    private static String extension(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        return VideoAnalysis.EXTENSIONS.stream().filter(lower::endsWith).findFirst().orElse("");
    }

    private static void delete(Path folder) {
        if (folder == null) return;
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // temporary copies of a stored video and its tracks
        }
    }

    private void failQuietly(BackgroundQueue.Claim claim, String reason) {
        try {
            jobs.fail(claim, reason);
        } catch (BackgroundQueue.ClaimLost e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Could not record the failure of video job {}: {}", claim.id(), reason, e);
        }
    }

}
