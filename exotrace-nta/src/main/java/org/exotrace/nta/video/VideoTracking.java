package org.exotrace.nta.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exotrace.nta.detect.DetectionSettings;
import org.exotrace.nta.detect.Detector;
import org.exotrace.nta.detect.Features;
import org.exotrace.nta.detectionlimit.TrackBrightness;
import org.exotrace.nta.io.PositionSink;
import org.exotrace.nta.link.LinkSettings;
import org.exotrace.nta.link.LinkStats;
import org.exotrace.nta.link.LinkedTrack;
import org.exotrace.nta.link.Linker;

/**
 * From a video to particle tracks: frames are read in order, particles detected in each frame on
 * a pool of worker threads, and the features linked into tracks in frame order as the detections
 * come back. Positions leave in micrometres through a {@link PositionSink} as each track finishes,
 * so memory holds a fixed window of frames and the live tracks, whatever the video's length.
 */
public final class VideoTracking {

    /** Frames used to measure the noise and choose the feature size before detection starts. */
    public static final int CALIBRATION_FRAMES = 10;

    /** Told after each frame is linked; may be called from the calling thread only. */
    @FunctionalInterface
    public interface Progress {
        void framesDone(int frames, OptionalInt total);

        Progress NONE = (frames, total) -> { };
    }

    /**
     * What tracking found and the parameters it chose.
     *
     * @param frames                 frames read
     * @param width                  frame width, px
     * @param height                 frame height, px
     * @param source                 what was read, for a person
     * @param detections             features detected over all frames
     * @param polarity               bright or dark particles, as used
     * @param polarityFromData       whether the polarity was decided from the frames
     * @param detection              the detection settings in effect (feature diameter decided)
     * @param featureSizeFromData    whether the feature diameter was chosen from the data
     * @param noiseSigma             noise of the band-passed image, camera units
     * @param massThreshold          the smallest mass a detected feature can have, camera units
     * @param linking                the linking settings in effect
     * @param linkStats              what the linker did (tracks, gaps closed, length histogram)
     * @param saturatedPositions     positions whose feature had a saturated pixel
     * @param overlappingPositions   positions whose feature touched another
     * @param meanMassByTrack        each track's mean integrated intensity, by track id
     * @param brightnessByTrack      each track's brightness summary (mean log mass, saturation), by track id
     */
    public record Result(int frames, int width, int height, String source, long detections, Polarity polarity, boolean polarityFromData,
                         DetectionSettings detection,
                         boolean featureSizeFromData, double noiseSigma, double massThreshold, LinkSettings linking, LinkStats linkStats,
                         long saturatedPositions, long overlappingPositions, Map<Long, Double> meanMassByTrack,
                         Map<Long, TrackBrightness> brightnessByTrack) {

        public Result {
            meanMassByTrack = Map.copyOf(meanMassByTrack);
            brightnessByTrack = Map.copyOf(brightnessByTrack);
        }

        public double meanDetectionsPerFrame() {
            return frames == 0 ? 0 : (double) detections / frames;
        }
    }

    private VideoTracking() {
    }

    /** Opens the video at {@code path} (see {@link FrameSources#open}) and tracks it. */
    public static Result track(Path path, VideoSettings settings, PositionSink sink, Progress progress) throws IOException, VideoFormatException {
        // Decoding (PNG inflation, JPEG) runs on its own thread, ahead of detection and linking.
        try (FrameSource source = FrameSources.decodingAhead(FrameSources.open(path), 4)) {
            return track(source, settings, sink, progress);
        }
    }

    /** Tracks every frame of {@code source}; positions go to {@code sink} in µm, track by track. */
    public static Result track(FrameSource source, VideoSettings settings, PositionSink sink, Progress progress)
            throws IOException, VideoFormatException {
        List<Frame> first = calibrationFrames(source, settings.polarity(), "track");
        Polarity polarity = settings.polarity();
        Detector detector = Detector.calibrate(settings.detection(), first);
        LinkSettings linking = settings.linking();
        Frame frame;
        Collector collector = new Collector(sink, settings.pixelSizeUm());
        Linker linker = new Linker(linking, collector);
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "exotrace-detect");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<Detector> detectors = ThreadLocal.withInitial(detector::copy);
        int window = 2 * workers + 2;
        ArrayDeque<Slot> free = new ArrayDeque<>();
        for (int i = 0; i < window; i++) free.add(new Slot(first.get(0)));
        ArrayDeque<Future<Slot>> inFlight = new ArrayDeque<>();
        Counts counts = new Counts();
        OptionalInt total = source.frameCount();
        try {
            for (Frame f : first) submit(f, Polarity.AUTO, free, inFlight, pool, detectors, linker, counts, progress, total);
            while ((frame = source.next()) != null) {
                if (Thread.currentThread().isInterrupted()) throw new IOException("tracking was cancelled at frame " + frame.index());
                submit(frame, polarity, free, inFlight, pool, detectors, linker, counts, progress, total);
            }
            while (!inFlight.isEmpty()) link(inFlight.poll(), free, linker, counts, progress, total);
        } finally {
            pool.shutdownNow();
        }
        linker.finish();
        return new Result(counts.frames, source.width(), source.height(), source.description(), counts.detections,
                polarity != Polarity.AUTO ? polarity : detector.darkParticles() ? Polarity.DARK : Polarity.BRIGHT, polarity == Polarity.AUTO,
                detector.chosen(),
                detector.featureSizeFromData(), detector.noiseSigma(), detector.massThreshold(), linking, linker.stats(), collector.saturated,
                collector.overlapping, collector.meanMass, collector.brightness);
    }

    /**
     * Copies of the first {@link #CALIBRATION_FRAMES} frames (fewer in a shorter video), inverted
     * when the particles were stated to be dark: what the detector calibrates on.
     */
    static List<Frame> calibrationFrames(FrameSource source, Polarity polarity, String purpose) throws IOException, VideoFormatException {
        List<Frame> first = new ArrayList<>();
        Frame frame;
        while (first.size() < CALIBRATION_FRAMES && (frame = source.next()) != null) first.add(frame.copy());
        if (first.isEmpty()) throw new VideoFormatException(source.description() + " holds no frames: nothing to " + purpose);
        first.forEach(polarity::apply);
        return first;
    }

    private static void submit(Frame frame, Polarity polarity, ArrayDeque<Slot> free, ArrayDeque<Future<Slot>> inFlight, ExecutorService pool,
                               ThreadLocal<Detector> detectors, Linker linker, Counts counts, Progress progress, OptionalInt total)
            throws IOException {
        if (free.isEmpty()) link(inFlight.poll(), free, linker, counts, progress, total);
        Slot slot = free.poll();
        frame.copyInto(slot.frame);
        inFlight.add(pool.submit(() -> {
            polarity.apply(slot.frame);
            detectors.get().detect(slot.frame, slot.features);
            return slot;
        }));
    }

    private static void link(Future<Slot> next, ArrayDeque<Slot> free, Linker linker, Counts counts, Progress progress, OptionalInt total)
            throws IOException {
        Slot slot;
        try {
            slot = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("tracking was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("detection failed: " + e.getCause().getMessage(), e.getCause());
        }
        linker.frame(slot.frame.index(), slot.features);
        counts.frames++;
        counts.detections += slot.features.count();
        free.add(slot);
        progress.framesDone(counts.frames, total);
    }

    private static final class Slot {
        final Frame frame;
        final Features features = new Features();

        Slot(Frame shape) {
            frame = new Frame(shape.width(), shape.height(), shape.bitDepth());
        }
    }

    private static final class Counts {
        int frames;
        long detections;
    }

    /** Turns finished tracks into µm positions for the sink and keeps each track's mean mass and brightness summary. */
    private static final class Collector implements org.exotrace.nta.link.TrackListener {
        final PositionSink sink;
        final double umPerPx;
        final Map<Long, Double> meanMass = new HashMap<>();
        final Map<Long, TrackBrightness> brightness = new HashMap<>();
        long saturated;
        long overlapping;

        Collector(PositionSink sink, double umPerPx) {
            this.sink = sink;
            this.umPerPx = umPerPx;
        }

        @Override
        public void track(LinkedTrack t) {
            for (int i = 0; i < t.length(); i++) sink.position(t.frames()[i], t.id(), t.xPx()[i] * umPerPx, t.yPx()[i] * umPerPx);
            meanMass.put(t.id(), t.meanMass());
            brightness.put(t.id(), TrackBrightness.of(t.mass(), t.saturatedCount()));
            saturated += t.saturatedCount();
            overlapping += t.overlappingCount();
        }
    }
}
