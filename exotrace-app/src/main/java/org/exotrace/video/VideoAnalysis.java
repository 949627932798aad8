package org.exotrace.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.NtaAnalysis;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryReader;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.exotrace.nta.video.Frame;
import org.exotrace.nta.video.FrameSource;
import org.exotrace.nta.video.FrameSources;
import org.exotrace.nta.video.TrackOverlay;
import org.exotrace.nta.video.VideoFormatException;
import org.exotrace.nta.video.VideoSettings;
import org.exotrace.nta.video.VideoTracking;
import org.exotrace.shared.DomainProblem;

/**
 * The library's side of a video job, with no database or web: checking that an upload is a video
 * the frame readers open, tracking it into a trackpy CSV in pixels, drawing one frame, and sizing
 * each track for the intensity-versus-size plot.
 */
final class VideoAnalysis {

    /** The file extensions a video upload may have; the frame readers choose by extension. */
    static final java.util.List<String> EXTENSIONS = java.util.List.of(".avi", ".tif", ".tiff", ".zip");

    /** Fewer frames than this cannot give a track the analysis accepts (its default minimum length is 5). */
    static final int FEWEST_FRAMES = 5;

    private VideoAnalysis() {}

    /** Receives frames done and the total when known, from the tracking thread. */
    interface Progress {
        void frames(int done, Integer total);
    }

    /** What tracking produced: the numbers, the drawing of one frame as PNG, and each track's mean integrated intensity by track id. */
    record Done(Tracking tracking, byte[] overlayPng, Map<Long, Double> meanMassByTrack) {}

    /**
     * Opens the video and decodes its first frame, so a file that is not a video, an empty ZIP or a
     * video too short to track is refused at upload with a message a person can act on.
     *
     * @return the frame count when the container states it
     */
    static OptionalInt check(Path video, String filename) throws IOException {
        try (FrameSource source = FrameSources.open(video)) {
            Frame first = source.next();
            if (first == null) throw refused("characterization.video.error.noFrames", filename + " holds no frames", filename);
            OptionalInt count = source.frameCount();
            if (count.isPresent() && count.getAsInt() < FEWEST_FRAMES) {
                throw new VideoRefused(java.util.List.of(new VideoRefused.Problem("file", "characterization.video.error.tooShort",
                        java.util.List.of(filename, count.getAsInt(), FEWEST_FRAMES), filename + " has " + count.getAsInt()
                        + " frames; a track needs at least " + FEWEST_FRAMES + ": upload a longer video")));
            }
            return count;
        } catch (VideoFormatException e) {
            String why = named(e.getMessage(), video, filename);
            throw new VideoRefused(java.util.List.of(new VideoRefused.Problem("file", "characterization.video.error.notAVideo",
                    java.util.List.of(filename, why), why)));
        }
    }

    /** Tracks every frame into {@code tracksCsv} (trackpy columns, pixels), then draws the middle frame. */
    static Done run(Path video, String filename, VideoSettings settings, Path tracksCsv, Progress progress) throws IOException {
        try {
            return track(video, filename, settings, tracksCsv, progress);
        } catch (IOException e) {
            throw new IOException(named(e.getMessage(), video, filename), e);
        }
    }

    private static Done track(Path video, String filename, VideoSettings settings, Path tracksCsv, Progress progress) throws IOException {
        VideoTracking.Result r;
        try (TrajectoryWriter writer = TrajectoryWriter.create(tracksCsv, TrajectoryFormat.trackpy(settings.pixelSizeNm()))) {
            r = VideoTracking.track(video, settings, writer,
                    (done, total) -> progress.frames(done, total.isPresent() ? total.getAsInt() : null));
        } catch (VideoFormatException e) {
            throw DomainProblem.invalid("file", named(e.getMessage(), video, filename));
        }
        if (r.linkStats().positions() == 0) {
            throw DomainProblem.invalid("file", String.format(java.util.Locale.ROOT, "no particle was tracked in %d frames (%.1f detections per frame,"
                    + " threshold %.3g above the noise): check that the video shows particles and the pixel size and frame rate", r.frames(),
                    r.meanDetectionsPerFrame(), r.detection().thresholdSigma()));
        }
        int shown = r.frames() / 2;
        byte[] png;
        try {
            BufferedImage image = TrackOverlay.render(video, settings, shown);
            png = TrackOverlay.png(image);
        } catch (VideoFormatException e) {
            throw DomainProblem.invalid("file", named(e.getMessage(), video, filename));
        }
        Tracking t = new Tracking(r.frames(), r.width(), r.height(), named(r.source(), video, filename), r.meanDetectionsPerFrame(), r.linkStats().tracks(),
                r.linkStats().positions(), r.linkStats().gapsClosed(), r.linkStats().medianLength(), r.detection().featureDiameterPx(),
                r.featureSizeFromData(), r.detection().thresholdSigma(), r.noiseSigma(), r.massThreshold(), r.linkStats().searchRadiusPx(),
                r.linking().memoryFrames(), r.saturatedPositions(), shown, r.polarity(), r.polarityFromData());
        return new Done(t, png, r.meanMassByTrack());
    }

    /**
     * Each track's D, its standard error and diameter, by the analysis' own per-track stage with the
     * measurement's settings on the tracks file as the measurement reads it (so the same estimates
     * its size distribution is built from), with the track's mean intensity. No track long enough
     * for the stage gives none: the measurement then says why it has no sizes.
     */
    static TrackSizes sizeTracks(Path tracksCsv, AnalysisSettings settings, Map<Long, Double> meanMassByTrack) throws IOException {
        TrackCollector collector = new TrackCollector();
        new TrajectoryReader(settings.format()).read(tracksCsv, collector);
        Tracks tracks = collector.tracks();
        NtaAnalysis.PerTrackResult perTrack;
        try {
            perTrack = new NtaAnalysis(settings, message -> { }).perTrackStage(tracks);
        } catch (IllegalArgumentException tooShort) {
            return new TrackSizes(java.util.List.of());
        }
        return TrackSizes.of(tracks, perTrack, new StokesEinstein(settings.temperature(), settings.viscosity()), meanMassByTrack);
    }

    /** The readers name the local copy: a person knows the file by the name they uploaded. */
    private static String named(String message, Path copy, String filename) {
        if (message == null) return filename + " could not be read as a video";
        Path name = copy.getFileName();
        String replaced = message.replace(copy.toString(), filename);
        return name == null ? replaced : replaced.replace(name.toString(), filename);
    }

    private static VideoRefused refused(String key, String english, Object... args) {
        return new VideoRefused(java.util.List.of(new VideoRefused.Problem("file", key, java.util.List.of(args), english)));
    }
}
