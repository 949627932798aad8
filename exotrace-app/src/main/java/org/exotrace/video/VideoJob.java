package org.exotrace.video;

import java.time.Instant;
import java.util.UUID;

/**
 * A video of a lot and its tracking job: the stored file (with its SHA-256), the camera settings,
 * the job's state and progress in frames, what tracking found and the NTA measurement its tracks
 * were submitted as.
 *
 * @param framesTotal   null until the video's length is known
 * @param stage         what the job is doing, for a person
 * @param exposureMs    null when not stated (the analysis then estimates the motion blur)
 * @param detection     the detection choices the analyst stated; its nulls were left to the library
 * @param tracking      null until tracking finished
 * @param hasTrackSizes whether each track's size and intensity are kept ({@link VideoJobs#trackSizes}); false until tracking finished
 * @param measurementId the characterization module's NTA measurement of the tracks; null until handed over
 */
public record VideoJob(UUID id, UUID lotId, VideoJobStatus status, int framesDone, Integer framesTotal, String stage, String filename,
                       long sizeBytes, String sha256, double pixelSizeNm, double fps, double temperatureC, Double exposureMs,
                       Detection detection, String instrument, Instant measuredAt, String retestReason, Tracking tracking, boolean hasOverlay, boolean hasTrackSizes,
                       UUID measurementId, String error, String submittedBy, Instant submittedAt, Instant startedAt, Instant finishedAt) {

    /** The share of frames tracked, 0 to 1; 0 while the length is unknown. */
    public double progress() {
        if (status == VideoJobStatus.DONE) return 1;
        return framesTotal == null || framesTotal == 0 ? 0 : Math.min(1, (double) framesDone / framesTotal);
    }
}
